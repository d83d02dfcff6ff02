// Rulings: alternative decisions applied to a recorded event. Each names an athlete and a race
// by its canonical name ("Semifinal 1", "Final A"), written as on the command line:
//
//   penalize        "ATHLETE@RACE"               a penalty (PEN; a yellow or red card with
//                                                 `card`): out of the race, no place
//   rescind         "ATHLETE@RACE=PLACE[,TIME]"  a PEN / DQ / YC / RC removed, the skater
//                                                 reinstated at PLACE (those from PLACE down move
//                                                 one place back); TIME, or the row's own, if any
//   advance         "ATHLETE@RACE"               a referee advancement to the next round
//   revoke-advance  "ATHLETE@RACE"               a referee advancement (recorded or inferred)
//                                                 taken back
//   dns             "ATHLETE@RACE"               did not start
//   time            "ATHLETE@RACE=1:23.456"      the time changed, the place kept
//   redraw          "RACE"                       the race run again, drawn from the race model
//
// Scenario files (scenarios/whatif/*.toml) hold a question, its event, an optional format and
// the rulings; `check_rulings` resolves the names against the event and rejects rulings that
// name no such athlete or race, or contradict the record or one another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/race_time.hpp"

namespace heatgraph {

enum class RulingKind { penalize, rescind, advance, revoke_advance, dns, time, redraw };

[[nodiscard]] std::string_view to_string(RulingKind kind);  // "penalize", "revoke-advance", ...
[[nodiscard]] std::optional<RulingKind> ruling_kind_from_string(std::string_view text);

struct Ruling {
    RulingKind kind = RulingKind::penalize;
    std::string athlete;  // as written; empty for a redraw
    std::string race;
    Status sanction = Status::PEN;  // penalize: PEN, YC or RC
    std::optional<int> place;       // rescind
    std::optional<Millis> time;     // rescind (optional), time
    std::string text;               // as written, after the kind: "Hwang Dae-heon@Semifinal 1=1"
    std::string file;               // where it was written: a scenario file, or empty for the
    int line = 0;                   // command line

    // "rescind Hwang Dae-heon@Semifinal 1=1"
    [[nodiscard]] std::string describe() const;
};

// Reads "ATHLETE@RACE[=VALUE]" for `kind`; `card` is "yellow" or "red" for a penalty with a
// card, empty for PEN.
[[nodiscard]] Result<Ruling> parse_ruling(RulingKind kind, std::string_view text,
                                          std::string_view card = {}, std::string file = {},
                                          int line = 0);

// The most Monte Carlo samples of one what-if: the ± of a probability is then 0.00005.
inline constexpr int max_samples = 100'000'000;

struct Scenario {
    std::string file;
    std::string title;
    std::string question;
    std::string source;  // where the question comes from ("the article's Controversies")
    std::string event;   // path, relative to the scenario file's folder as written
    std::string format;  // empty: the event's own format
    std::vector<Ruling> rulings;
    std::optional<int> samples;  // 1 .. max_samples
    std::optional<std::uint64_t> seed;
    bool incidents = false;

    // `event` and `format` resolved against the scenario's folder.
    [[nodiscard]] std::string event_path() const;
    [[nodiscard]] std::string format_path() const;
};

[[nodiscard]] Result<Scenario> parse_scenario(std::string_view toml_text, std::string file);
[[nodiscard]] Result<Scenario> load_scenario(const std::string& path);

// The row a ruling concerns in `event` (nullptr for a redraw).
struct RulingTarget {
    const Race* race = nullptr;
    AthleteId athlete = -1;
    const Row* row = nullptr;
};

// Resolves every ruling against a replayed event (row advances filled): the athlete (exact,
// variant, typo or unique surname) and the race must exist, the athlete must have raced it,
// and the ruling must fit the row (a rescind needs a sanction to rescind, a revoke a referee
// advancement, a place must be reachable). Two rulings on one row contradict unless one of
// them only changes the time. Errors name the ruling's file and line and suggest near names.
[[nodiscard]] Result<std::vector<RulingTarget>> check_rulings(const Event& replayed,
                                                              const std::vector<Ruling>& rulings);

}  // namespace heatgraph
