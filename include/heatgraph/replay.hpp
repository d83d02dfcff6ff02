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

struct PathStep {
    std::string round;  // "Heats"
    std::string race;   // "Heat 2"
    bool raced = true;  // false: a final awarded without being run (the row has no result)
    Row row;            // the athlete's row, with its advance
};

// The athlete's races in running order. Error when no athlete of that name (exact, variant or
// typo-close) raced; the message suggests the nearest names.
[[nodiscard]] Result<std::vector<PathStep>> athlete_path(const Replay& replay,
                                                         std::string_view athlete);

}  // namespace heatgraph
