// Private: gives every row of an event its athlete (identity.hpp), in running order, and
// reports each match that was not exact.
#pragma once

#include <cstddef>

#include "heatgraph/event.hpp"

namespace heatgraph::detail {

// What matching cost, for the test that keeps it from growing with the square of the field.
struct RegistryStats {
    std::size_t typo_searches = 0;   // names matched neither exactly nor by their folded key
    std::size_t names_compared = 0;  // earlier names those searches gave to match_name
};

RegistryStats assign_athletes(Event& event);

}  // namespace heatgraph::detail
