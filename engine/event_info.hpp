// Private: what the readers derive from an event's infobox (year, competitors, medalists),
// shared by the article reader and the JSON reader.
#pragma once

#include "heatgraph/event.hpp"

namespace heatgraph::detail {

// `lines` gives the source line of each infobox field (empty: unknown).
void settle_event_info(EventInfo& info, const std::vector<int>& lines);

}  // namespace heatgraph::detail
