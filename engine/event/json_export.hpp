// Private: pieces of the JSON exports shared by the replay's and the what-if's.
#pragma once

#include <nlohmann/json.hpp>

#include "heatgraph/classification.hpp"
#include "heatgraph/diagnostic.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph::detail {

// Exported in the contract's field order; read back with either.
using json = nlohmann::ordered_json;

json optional_json(const auto& value) {
    return value ? json(*value) : json(nullptr);
}

// The rows of the "classification" array: rank (null when unranked), athlete, eliminated_in.
[[nodiscard]] json classification_json(const Event& event, const Classification& classification);
[[nodiscard]] json diagnostics_json(const Diagnostics& diagnostics);

}  // namespace heatgraph::detail
