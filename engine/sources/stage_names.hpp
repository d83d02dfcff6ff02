// Private: the names of stages as sources spell them. One table maps a heading ("Repechage
// heats", "RepHeats", "Rep.Quaterfinals", "Eighthfinals", "Ranking finals") to the stage's kind,
// its canonical name and the prefix of its races' names, so that the article reader, the JSON
// reader and the format reader agree on what a stage is called.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "heatgraph/event.hpp"

namespace heatgraph::detail {

struct StageName {
    StageKind kind = StageKind::other;
    std::string_view name;         // canonical: "Repechage semifinals"
    std::string_view race_prefix;  // "Repechage semifinal"
    bool lettered = false;         // races are lettered (Final A, Repechage final B)
    int running = 0;               // where it runs among the others, earliest first
};

// The stage a heading or round name names; nullopt when it names none. "Preliminary round"
// and "First round" are what articles call the heats; "Preliminaries" is a stage of its own.
[[nodiscard]] std::optional<StageName> stage_of_heading(std::string_view text);

// The canonical name of race `number` of the stage: "Heat 3", "Final B", "Repechage final A".
[[nodiscard]] std::string race_label(const StageName& stage, int number);

// The most finals a stage of lettered finals runs: Final A to Final H.
inline constexpr int max_final = 8;

// The most races any other stage runs: far more than any event (a stress test runs 20,000
// heats), few enough that counting past them never overflows.
inline constexpr int max_races = 1'000'000;

// The final a name letters, A to H: "Final B" -> 2, and as the ISU glues it on, "FinalB" -> 2,
// "RepFinalA" -> 1; nullopt for a plain "Final" or a name that letters none.
[[nodiscard]] std::optional<int> final_letter(std::string_view name);

// A race as people name it: its stage, and its number within the stage (a final's letter as its
// number, B = 2), absent when the name gives none ("Final", "Semifinals"). Any case; the stage as
// a heading names it ("Semi-final 1", "semi 1", "Rep. heat 2", "1/4 final 3") or by its short
// name ("H3", "QF4", "SF1", "FA", "RepSF1"); a final's letter before or after ("B final",
// "final b", "FB"). nullopt when the text names no stage.
struct RaceName {
    StageName stage;
    std::optional<int> number;
};
[[nodiscard]] std::optional<RaceName> race_of_name(std::string_view text);

// A race's number from its canonical or printed name: "Heat 3" -> 3, "Final B" -> 2,
// "Final" -> 1; nullopt when the name ends in neither a number nor a final's letter.
[[nodiscard]] std::optional<int> race_number(std::string_view name, bool lettered);

}  // namespace heatgraph::detail
