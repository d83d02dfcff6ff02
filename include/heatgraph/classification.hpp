// The final classification 1..N (docs/rules.md §7): the finals' places (A, B, C, D), then the
// finalists left without a place, then everyone else grouped by the stage they went out in,
// the deepest first (the ranking races of a level before its other eliminated), ordered within
// the group by the era's rule; era A's disqualified in one block at the bottom. Yellow and red
// cards are listed last without a rank. Skaters the rule cannot separate share a rank.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph {

struct Standing {
    std::optional<int> rank;  // nullopt: unranked (yellow or red card)
    AthleteId athlete = -1;
    std::string eliminated_in;  // the last race skated: "Final A", "Quarterfinal 3", ...
};

using Classification = std::vector<Standing>;

// The athlete's standing; nullptr when they are not classified.
[[nodiscard]] const Standing* find_standing(const Classification& classification,
                                            AthleteId athlete);

// `replayed` must carry the replay's advances and the finals it decided (see replay.hpp); the
// format places its stages (where each stage's eliminated rank) and gives the rule.
[[nodiscard]] Classification classify(const Event& replayed, const Format& format);

// Era A points of one race place, with tied places sharing the points of the places they span.
[[nodiscard]] double era_a_points(const ClassificationRule& rule, int place, int tied);

}  // namespace heatgraph
