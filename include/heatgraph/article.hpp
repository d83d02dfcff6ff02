// The results-article importer. An article is the plain-text export of an encyclopedia page:
// a title, an infobox of "- Key: Value" lines, prose, and pipe tables under "==Results==".
// The reader accepts every variant the real seeds show (combined tables with a Heat column,
// per-heat ";Heat N" tables, marks in the Time column, rows without a rank, "No time", several
// marks in one cell, lost notes "'", "align=left" debris, heats printed out of order, finals
// with or without a Notes column) and keeps every cell. Anything odd it kept is reported as a
// diagnostic; anything it cannot read is an Error naming the file and line.
#pragma once

#include <string>
#include <string_view>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

// Parses article text; `source` names it in errors and diagnostics.
[[nodiscard]] Result<Event> parse_article(std::string_view text, std::string source);

}  // namespace heatgraph
