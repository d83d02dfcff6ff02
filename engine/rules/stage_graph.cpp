#include "rules/stage_graph.hpp"

#include <algorithm>

namespace heatgraph::detail {

StageGraph::StageGraph(const Format& format) {
    const auto stages = format.stages.size();
    out.resize(stages);
    lettered.assign(stages, 0);
    entries.assign(stages, 0);
    depth.assign(stages, 0);
    level.assign(stages, 0);
    for (std::size_t t = 0; t < format.transitions.size(); ++t) {
        const auto& tr = format.transitions[t];
        from.push_back(format.stage_index(tr.from));
        to.push_back(format.stage_index(tr.to));
        out[from.back()].push_back(static_cast<int>(t));
        if (tr.final) lettered[to.back()] = 1;
    }
    for (const auto& e : format.entries)
        entries[format.stage_index(e.to)] += e.count;
    // Stages are listed in running order (the reader checks that every transition goes forward),
    // so one pass in that order settles the longest paths.
    std::vector<int> source(stages, -1);  // the main (not repechage) stage a stage descends from
    for (std::size_t s = 0; s < stages; ++s) {
        if (format.stages[s].kind != StageKind::repechage) source[s] = static_cast<int>(s);
        for (const int t : out[s]) {
            depth[to[t]] = std::max(depth[to[t]], depth[s] + 1);
            if (source[to[t]] < 0 || format.stages[to[t]].kind == StageKind::repechage)
                source[to[t]] = std::max(source[to[t]], source[s]);
        }
    }
    for (std::size_t s = 0; s < stages; ++s) {
        const auto kind = format.stages[s].kind;
        level[s] = depth[s];
        if (kind == StageKind::ranking) level[s] = depth[s] - 0.5;
        if (kind == StageKind::repechage && source[s] >= 0 &&
            format.classification.repechage == RepechageEliminations::with_source)
            level[s] = depth[source[s]] + 0.5 + 0.01 * (depth[s] - depth[source[s]]);
    }
}

EventStages::EventStages(const Event& event, const Format& format, const StageGraph& graph)
    : graph_(graph) {
    const auto& rounds = event.rounds;
    for (const auto& round : rounds)
        format_stage.push_back(format.stage_index(round.name));
    for (std::size_t t = 0; t < format.transitions.size(); ++t) {
        target.push_back(-1);
        for (std::size_t r = 0; r < rounds.size(); ++r)
            if (format_stage[r] >= 0 && format_stage[r] == graph.to[t])
                target.back() = static_cast<int>(r);
    }
    const std::size_t athletes = event.athletes.size();
    previous.assign(rounds.size(), std::vector<int>(athletes, -1));
    next.assign(rounds.size(), std::vector<int>(athletes, -1));
    std::vector<int> last(athletes, -1);  // the last stage raced so far
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        previous[r] = last;
        for (const auto& race : rounds[r].races)
            for (const auto id : race.field) {
                if (last[id] >= 0 && last[id] != static_cast<int>(r))
                    next[last[id]][id] = static_cast<int>(r);
                last[id] = static_cast<int>(r);
            }
    }
}

bool EventStages::connects(int from, int to) const {
    if (format_stage[from] < 0) return false;
    for (const int t : graph_.out[format_stage[from]])
        if (target[t] == to) return true;
    return false;
}

}  // namespace heatgraph::detail
