// Private: a format's graph of stages, compiled once for the code that walks it (the replay,
// the what-if, the simulator): the transitions out of each stage in the order they are decided,
// which stages have lettered races (finals), and where each stage's eliminated skaters rank.
#pragma once

#include <vector>

#include "heatgraph/format.hpp"

namespace heatgraph::detail {

struct StageGraph {
    explicit StageGraph(const Format& format);

    // Per stage: the indices of the transitions out of it, in the format's order.
    std::vector<std::vector<int>> out;
    // Per transition: its stages' indices.
    std::vector<int> from, to;
    // Per stage: its races are lettered finals (the transitions into it name a final).
    std::vector<char> lettered;
    // Per stage: the skaters entering it directly.
    std::vector<int> entries;
    // Per stage: the longest path of transitions from the first stage.
    std::vector<int> depth;
    // Per stage: where the skaters eliminated in it rank, higher first (RULES.md §3): by depth;
    // a ranking stage just above the skaters eliminated in the stage feeding it; with
    // RepechageEliminations::with_source a repechage stage just above its main source stage.
    std::vector<double> level;
};

}  // namespace heatgraph::detail
