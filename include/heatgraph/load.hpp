// Events from files, whatever they hold: results articles (article.hpp), result tables
// (table.hpp) and heatgraph's own JSON exports (event_json.hpp), told apart by name and content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

// The events of the files, in order: each article or JSON export one event, then the events
// of the tables among them, read as one table (an event spread over several files is one).
[[nodiscard]] Result<std::vector<Event>> load_events(const std::vector<std::string>& paths);

// Whether `filter` names the event: every word of it is a word of the event's title or
// infobox, or the start of one ("Calgary 500m", "juniors 1500"). An empty filter names any.
[[nodiscard]] bool names_event(std::string_view filter, const Event& event);

// The event `filter` names (names_event); an empty filter names the only event. The Error
// lists the events when none or several match.
[[nodiscard]] Result<Event> select_event(std::vector<Event> events, std::string_view filter);

// The events `filter` names, all of them when it is empty; the Error lists the events when
// it names none.
[[nodiscard]] Result<std::vector<Event>> select_events(std::vector<Event> events,
                                                       std::string_view filter);

// The one event of the files `paths` and `filter` name (select_event).
[[nodiscard]] Result<Event> load_event(const std::vector<std::string>& paths,
                                       std::string_view filter = {});
[[nodiscard]] Result<Event> load_event(const std::string& path);

}  // namespace heatgraph
