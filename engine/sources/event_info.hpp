// Private: what the readers derive from an event's infobox (year, competitors, medalists),
// shared by the article reader and the JSON reader.
#pragma once

#include <optional>
#include <string_view>

#include "heatgraph/event.hpp"

namespace heatgraph::detail {

// The source line of the infobox field `key` (0 when unknown); `lines` as below.
[[nodiscard]] int infobox_line(const EventInfo& info, const std::vector<int>& lines,
                               std::string_view key);

// `lines` gives the source line of each infobox field (empty: unknown).
void settle_event_info(EventInfo& info, const std::vector<int>& lines);

// The first four-digit year from 1900 to 2100 standing alone in `text` ("2005-2006": 2005).
[[nodiscard]] std::optional<int> first_year(std::string_view text);

}  // namespace heatgraph::detail
