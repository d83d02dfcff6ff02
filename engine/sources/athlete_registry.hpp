// Private: gives every row of an event its athlete (identity.hpp), in running order, and
// reports each match that was not exact.
#pragma once

#include "heatgraph/event.hpp"

namespace heatgraph::detail {

void assign_athletes(Event& event);

}  // namespace heatgraph::detail
