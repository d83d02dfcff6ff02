// The JSON contract of `heatgraph replay --json` (DESIGN.md), and reading it back: the JSON
// export is itself an event file that every command accepts.
#pragma once

#include <string>
#include <string_view>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/replay.hpp"

namespace heatgraph {

[[nodiscard]] std::string replay_to_json(const Replay& replay, int indent = 2);
// `heatgraph explain --json`: the athlete, each race of their path with the row's fields as in
// the replay export, and their final standing.
[[nodiscard]] std::string path_to_json(const Replay& replay, const std::vector<PathStep>& path,
                                       int indent = 2);
[[nodiscard]] Result<Event> parse_event_json(std::string_view text, std::string source);

}  // namespace heatgraph
