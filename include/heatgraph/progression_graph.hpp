// The progression graph: races as vertices, advancement channels as edges labelled with their
// reason, and for a replayed event the athletes who took each edge. It gives the order in
// which races can be replayed, validates the structure (acyclic, every later race fed) and
// exports Graphviz. Boost.Graph stays behind the pimpl.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

struct RaceRef {
    int round = 0;
    int race = 0;
    friend bool operator==(const RaceRef&, const RaceRef&) = default;
};

struct Channel {
    RaceRef from;
    RaceRef to;
    std::optional<Reason> reason;     // none before the replay has explained it
    std::vector<AthleteId> athletes;  // who took it, in the order of the race they came from
};

class ProgressionGraph {
  public:
    // The races of the event and the channels its skaters took from each round to the next;
    // labelled with their reasons when the event is a replayed one.
    [[nodiscard]] static ProgressionGraph of(const Event& event);

    ProgressionGraph(ProgressionGraph&&) noexcept;
    ProgressionGraph& operator=(ProgressionGraph&&) noexcept;
    ~ProgressionGraph();

    // A topological order of the races, ties broken by running order (round, then race).
    [[nodiscard]] std::vector<RaceRef> replay_order() const;
    [[nodiscard]] std::vector<Channel> channels() const;
    // Cycles, and races after the first round that no channel feeds.
    [[nodiscard]] Diagnostics validate() const;
    // Graphviz: races as boxes ranked by round, channels labelled "reason: athletes".
    [[nodiscard]] std::string to_dot() const;

  private:
    struct Impl;
    explicit ProgressionGraph(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace heatgraph
