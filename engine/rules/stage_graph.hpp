// Private: a format's graph of stages, compiled once for the code that walks it (the replay,
// the what-if, the simulator): the transitions out of each stage in the order they are decided,
// which stages have lettered races (finals), and where each stage's eliminated skaters rank.
#pragma once

#include <vector>

#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph::detail {

struct StageGraph {
    StageGraph() = default;
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
    // Per stage: where the skaters eliminated in it rank, higher first (docs/rules.md §7): by
    // depth; a ranking stage just above the skaters eliminated in the stage feeding it; with
    // RepechageEliminations::with_source a repechage stage just above its main source stage.
    std::vector<double> level;
};

// A recorded event's stages against a format's graph, worked out once for the replay and the
// counterfactual: which format stage each event stage is (by name), which event stage each
// transition leads to, and for every stage and skater the stage they raced before and after it.
struct EventStages {
    EventStages(const Event& event, const Format& format, const StageGraph& graph);

    // Does a transition of the format lead from event stage `from` to event stage `to`?
    [[nodiscard]] bool connects(int from, int to) const;

    std::vector<int> format_stage;                 // per event stage: the format's, or -1
    std::vector<int> target;                       // per transition: the event stage, or -1
    std::vector<std::vector<int>> previous, next;  // per event stage, per athlete: -1 for none

  private:
    const StageGraph& graph_;
};

}  // namespace heatgraph::detail
