// Formats: the advancement rules of each round transition and the classification rule, as
// data. Formats live in scenarios/formats/*.toml; `infer_format` derives one from an event when
// no file is given, so that an article of a format no file describes still replays.
//
// Every rule RULES.md calls an assumption is a named field here with a documented default,
// never a constant in the code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

// Who competes for the slots left after the place qualifiers.
enum class TimePool {
    none,        // no time qualifiers
    next_place,  // the next place down only: "fastest thirds" (ISU)
    all_others,  // everyone not place-qualified: "winners + N fastest" (World Skate sprint)
};

// How referee advancements (ADV) meet the capacity of the next round. They are always
// admitted, even past capacity.
enum class RefereePolicy {
    on_top,           // added on top of the place and time qualifiers (2006)
    take_time_slots,  // they fill the time slots first (ISU 2022, 2026)
};

// Skaters tied on time at the last time slot.
enum class TiePolicy {
    all_advance,   // every tied skater advances (ISU: 2006 heat 6 gave three time qualifiers)
    none_advance,  // none of them does
    lots,          // one is drawn; a replay accepts whichever advanced
};

// Who races Final B.
enum class FinalBRouting {
    none,    // a single final
    places,  // the semifinal places final_b_places (3rd and 4th in the older format)
    rest,    // every other semifinalist not penalised, carded or DNS (2026)
};

enum class Era {
    A,            // 2002, 2006: place in the elimination race, then points, then time
    B,            // 2010 onward: place, then earlier places (latest first), then best time
    world_skate,  // World Skate sprint: time in the elimination round
};

// Order of skaters left without a place in the same race (PEN, DQ, DNS, DNF, unplaced).
enum class UnplacedOrder {
    equal,           // tied on this criterion; the next criterion decides
    sanction_first,  // PEN / DQ before DNS / DNF
    no_start_first,  // DNS / DNF before PEN / DQ
};

// Final A skaters without a place against Final B skaters without a place.
enum class UnplacedFinalists { a_before_b, b_before_a };

struct Transition {
    RoundKind from = RoundKind::heats;
    std::optional<int> races;     // races in `from` (used by simulation; checked by replay)
    int place_quota = 2;          // top k of each race (QA into the finals)
    std::optional<int> capacity;  // places in the next round (Final A into the finals) before
                                  // referee advancements on top; none: no time slots
    TimePool time_pool = TimePool::next_place;
    RefereePolicy referee = RefereePolicy::on_top;
    TiePolicy ties = TiePolicy::all_advance;
};

struct FinalsRule {
    FinalBRouting final_b = FinalBRouting::places;
    int final_b_first_place = 3;  // with FinalBRouting::places
    int final_b_last_place = 4;
    int final_b_min_field = 2;  // a Final B with fewer eligible skaters is not raced; they take
                                // the first B places in their semifinal order
};

struct ClassificationRule {
    Era era = Era::B;
    std::vector<double> points{34, 21, 13, 8, 5, 3};  // era A, per race place 1, 2, ...
    UnplacedOrder unplaced_order = UnplacedOrder::equal;
    UnplacedFinalists unplaced_finalists = UnplacedFinalists::a_before_b;
};

// How a simulation fills races (the replay reads who raced where). Seeds are numbered 1..N
// (the simulation's seeding decides who is seed 1).
enum class FirstRound {
    snake,  // seed s to race s mod R, reversing direction every R seeds (1..R, then R..1)
    ffa,    // the npm `ffa` grouping: pairs of seeds summing to R·size + 1 in each race
    pairs,  // the races listed in `pairs`, by seed number (a fixed bracket)
};
enum class Reseed {
    snake,    // qualifiers ranked by place, then time, across races, then snaked into races
    ffa,      // qualifiers ranked by performance (time) across races, then grouped as `ffa`
    bracket,  // race k of the next round takes the qualifiers of races 2k-1 and 2k
};

struct DrawRule {
    FirstRound first_round = FirstRound::snake;
    std::vector<std::vector<int>> pairs;  // with FirstRound::pairs: each race's seed numbers
    Reseed reseed = Reseed::snake;
};

struct Format {
    std::string name;
    std::string description;
    std::string source;                   // the file it came from, or "inferred from <event>"
    std::vector<Transition> transitions;  // round i -> round i+1; the last one feeds the finals;
                                          // none: the whole field in one final
    FinalsRule finals;
    ClassificationRule classification;
    DrawRule draw;
};

[[nodiscard]] Result<Format> parse_format(std::string_view toml_text, std::string source);
[[nodiscard]] Result<Format> load_format(const std::string& path);
// The TOML that parse_format reads back to the same format.
[[nodiscard]] std::string format_to_toml(const Format& format);

// A format that explains the event: place quotas, time pools, capacities and final routing
// read off who advanced; the referee policy and final-B routing of the era where the data
// cannot tell (see RULES.md). What it assumed is added to `notes`.
[[nodiscard]] Format infer_format(const Event& event, Diagnostics& notes);

[[nodiscard]] std::string_view to_string(TimePool v);
[[nodiscard]] std::string_view to_string(RefereePolicy v);
[[nodiscard]] std::string_view to_string(TiePolicy v);
[[nodiscard]] std::string_view to_string(FinalBRouting v);
[[nodiscard]] std::string_view to_string(Era v);
[[nodiscard]] std::string_view to_string(UnplacedOrder v);
[[nodiscard]] std::string_view to_string(UnplacedFinalists v);
[[nodiscard]] std::string_view to_string(FirstRound v);
[[nodiscard]] std::string_view to_string(Reseed v);

}  // namespace heatgraph
