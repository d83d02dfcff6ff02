// The result-table importer. A results table has one row per skater per race, as federations
// publish them and scrapes keep them: CSV or TSV with a header line, columns known by their
// titles whatever their case (Round; Race or Heat; Place, Rank or Pos; Name, Athlete or Skater;
// Results or Time; Qual., Notes or Marks; Country, Nation, NOC or ISU Member; ISU ID or Athlete
// ID; Warn.; and the event's Season, Competition, Event or Distance, Gender). Every other
// column is kept with each row. A table may hold several events, told apart by the event
// columns; one event may be spread over several files (one per round, as the ISU's pages are
// scraped). Names the ISU way (`MarianneST-GELAIS`) read as names (`Marianne St-Gelais`), the
// printed form kept; a skater is one skater by their ISU ID when the table has one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

// The text of one table file; `source` names it in errors and diagnostics.
struct TableText {
    std::string source;
    std::string text;
};

// The events of the tables, read as one table, in order of first appearance. An Error names the
// file and line of what cannot be read (a malformed quote, a row of the wrong width, a bad time);
// holes in the data (a missing row, a missing round) are diagnostics of the event.
[[nodiscard]] Result<std::vector<Event>> parse_tables(const std::vector<TableText>& tables);

// Whether a file of this name and text is a table rather than an article or a JSON export:
// a .csv or .tsv name, or a first line of comma- or tab-separated titles naming a Name column.
[[nodiscard]] bool is_table(std::string_view path, std::string_view text);

}  // namespace heatgraph
