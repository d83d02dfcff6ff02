// The replay: walk the event's races in progression order, explain every advancement by the
// format's rules (recorded or inferred, docs/rules.md §12), report every disagreement between a
// recorded mark and the rules, and compute the final classification.
//
// The principle for lost or missing marks: explain as many advancements as possible by place
// and time; whoever advanced and is not explained by them was advanced by the Referee.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/classification.hpp"
#include "heatgraph/diagnostic.hpp"
#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph {

struct Replay {
    Event event;  // the event with every Row::advance filled, and a Final B that was not
                  // raced added with raced = false
    Format format;
    Classification classification;
    Diagnostics diagnostics;  // the reader's, then the replay's, in source order per round
};

// Replays under `format`; structural mismatches (a format with other rounds) are diagnostics.
[[nodiscard]] Replay replay(const Event& event, const Format& format);
// Replays under the format inferred from the event itself.
[[nodiscard]] Replay replay(const Event& event);

// The skater in the time pool of the transition that decided their step (docs/rules.md §2.3),
// as the replay's own rule implementation ranks it.
struct TimeStanding {
    int rank = 0;                       // 1: the fastest of the pool
    int pool = 0;                       // the skaters competing for the time slots
    int slots = 0;                      // the time slots left after place (and referee) qualifiers
    std::optional<Millis> behind_last;  // out: behind the last time qualifier
    std::vector<std::string> by_time;   // who took the time slots
    std::vector<std::string> referee;   // referee advancements that took time slots
};

struct PathStep {
    std::string round;  // "Heats"
    std::string race;   // "Heat 2"
    bool raced = true;  // false: a final awarded without being run (the row has no result)
    Row row;            // the athlete's row, with its advance
    // Why, in words, from the rules the replay applied:
    std::string incident;  // a penalty or card, a referee advancement, a place gained by
                           // another's penalty; empty for none
    std::string reason;    // how the skater went on ("2nd: the first two go through"), or how
                           // they came (a direct entry)
    std::string why_out;   // in the race the skater went out in: why they did not go through
    std::vector<std::string> moved_up_by;  // penalised skaters of the race without whom the
                                           // skater's place would not have qualified
    std::optional<TimeStanding> time;      // with a time pool: the skater's standing in it
};

// The athlete's races in running order, each step explained. Error when no athlete of that
// name (exact, variant or typo-close) raced; the message suggests the nearest names.
[[nodiscard]] Result<std::vector<PathStep>> athlete_path(const Replay& replay,
                                                         std::string_view athlete);

}  // namespace heatgraph
