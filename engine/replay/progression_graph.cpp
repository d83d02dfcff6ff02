#include "heatgraph/progression_graph.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <map>
#include <queue>
#include <sstream>
#include <unordered_map>

namespace heatgraph {

namespace {

struct RaceVertex {
    RaceRef ref;
    std::string name;
    bool raced = true;
};

struct ChannelEdge {
    std::optional<Reason> reason;
    std::vector<AthleteId> athletes;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, RaceVertex, ChannelEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

}  // namespace

struct ProgressionGraph::Impl {
    Graph graph;
    std::vector<std::string> athlete_names;
    std::vector<std::string> round_names;
};

ProgressionGraph::ProgressionGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProgressionGraph::ProgressionGraph(ProgressionGraph&&) noexcept = default;
ProgressionGraph& ProgressionGraph::operator=(ProgressionGraph&&) noexcept = default;
ProgressionGraph::~ProgressionGraph() = default;

ProgressionGraph ProgressionGraph::of(const Event& event) {
    auto impl = std::make_unique<Impl>();
    Graph& g = impl->graph;
    for (const auto& a : event.athletes)
        impl->athlete_names.push_back(a.name);
    std::vector<std::vector<Vertex>> vertex(event.rounds.size());
    for (std::size_t r = 0; r < event.rounds.size(); ++r) {
        impl->round_names.push_back(event.rounds[r].name);
        for (std::size_t k = 0; k < event.rounds[r].races.size(); ++k) {
            const auto& race = event.rounds[r].races[k];
            // Add, then fill the bundle: add_vertex(property, g) trips GCC 12's
            // maybe-uninitialized in Boost's named-graph path under the sanitizers.
            const auto v = boost::add_vertex(g);
            g[v] = RaceVertex{{static_cast<int>(r), static_cast<int>(k)}, race.name, race.raced};
            vertex[r].push_back(v);
        }
    }
    // Each skater's channel runs from a race to the race they raced next, whichever later stage
    // it is in (a repechage skater goes from the heats to the repechage, then to the
    // quarterfinals): a sweep from the last stage finds each row's next race, then the edges
    // are added in running order.
    using RaceAt = std::pair<std::size_t, std::size_t>;  // (stage, race)
    std::vector<std::vector<std::vector<std::optional<RaceAt>>>> next(event.rounds.size());
    std::unordered_map<AthleteId, RaceAt> next_race;
    for (std::size_t r = event.rounds.size(); r-- > 0;) {
        const auto& races = event.rounds[r].races;
        next[r].resize(races.size());
        for (std::size_t k = 0; k < races.size(); ++k)
            for (const auto& row : races[k].results) {
                const auto it = next_race.find(row.athlete);
                next[r][k].push_back(it == next_race.end() ? std::nullopt
                                                           : std::optional(it->second));
            }
        for (std::size_t k = 0; k < races.size(); ++k)
            for (const auto id : races[k].field)
                next_race[id] = {r, k};
    }
    for (std::size_t r = 0; r < event.rounds.size(); ++r)
        for (std::size_t k = 0; k < event.rounds[r].races.size(); ++k) {
            std::map<std::pair<RaceAt, int>, ChannelEdge> edges;  // (to race, reason)
            const auto& results = event.rounds[r].races[k].results;
            for (std::size_t i = 0; i < results.size(); ++i) {
                if (!next[r][k][i]) continue;
                const auto& row = results[i];
                const std::optional<Reason> reason =
                    row.advance ? std::optional(row.advance->reason) : std::nullopt;
                auto& edge = edges[{*next[r][k][i], reason ? static_cast<int>(*reason) : -1}];
                edge.reason = reason;
                edge.athletes.push_back(row.athlete);
            }
            for (auto& [key, edge] : edges)
                boost::add_edge(vertex[r][k], vertex[key.first.first][key.first.second],
                                std::move(edge), g);
        }
    return ProgressionGraph(std::move(impl));
}

std::vector<RaceRef> ProgressionGraph::replay_order() const {
    // Kahn's algorithm with the running order as the tie-break, so that races no channel
    // connects still come in their round.
    const Graph& g = impl_->graph;
    const auto later = [&](Vertex a, Vertex b) {
        const auto& x = g[a].ref;
        const auto& y = g[b].ref;
        return std::pair{x.round, x.race} > std::pair{y.round, y.race};
    };
    std::priority_queue<Vertex, std::vector<Vertex>, decltype(later)> ready(later);
    std::vector<std::size_t> waiting(boost::num_vertices(g));
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        waiting[v] = boost::in_degree(v, g);
        if (waiting[v] == 0) ready.push(v);
    }
    std::vector<RaceRef> order;
    while (!ready.empty()) {
        const auto v = ready.top();
        ready.pop();
        order.push_back(g[v].ref);
        for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (--waiting[boost::target(e, g)] == 0) ready.push(boost::target(e, g));
    }
    return order;  // shorter than the race count only if there is a cycle (see validate)
}

std::vector<Channel> ProgressionGraph::channels() const {
    const Graph& g = impl_->graph;
    std::vector<Channel> out;
    for (auto e : boost::make_iterator_range(boost::edges(g)))
        out.push_back(
            {g[boost::source(e, g)].ref, g[boost::target(e, g)].ref, g[e].reason, g[e].athletes});
    return out;
}

Diagnostics ProgressionGraph::validate() const {
    const Graph& g = impl_->graph;
    Diagnostics out;
    if (replay_order().size() != boost::num_vertices(g))
        out.push_back({Severity::error, 0, "the progression graph has a cycle"});
    for (auto v : boost::make_iterator_range(boost::vertices(g)))
        if (g[v].ref.round > 0 && boost::in_degree(v, g) == 0)
            out.push_back({Severity::error, 0,
                           fmt::format("{}: no skater of the {} raced it", g[v].name,
                                       impl_->round_names.at(g[v].ref.round - 1))});
    return out;
}

std::string ProgressionGraph::to_dot() const {
    const Graph& g = impl_->graph;
    const auto& names = impl_->athlete_names;
    std::ostringstream out;
    boost::write_graphviz(
        out, g,
        [&](std::ostream& os, Vertex v) {
            os << fmt::format("[label=\"{}\", shape=box{}]", g[v].name,
                              g[v].raced ? "" : ", style=dashed");
        },
        [&](std::ostream& os, boost::graph_traits<Graph>::edge_descriptor e) {
            std::vector<std::string> who;
            for (auto id : g[e].athletes)
                who.push_back(names.at(id));
            const auto reason = g[e].reason ? std::string(to_string(*g[e].reason)) : "?";
            std::string label = fmt::format("{}: {}", reason, fmt::join(who, ", "));
            for (auto& c : label)
                if (c == '"') c = '\'';
            os << fmt::format("[label=\"{}\"]", label);
        },
        [](std::ostream& os) { os << "rankdir=LR;\n"; });
    return out.str();
}

}  // namespace heatgraph
