// Private to the article reader: one pipe table's header and rows. A row is read cell by cell
// into a Row; every cell is kept (unknown columns in Row::extra, unknown marks in Row::marks)
// and what was odd about it is counted for the reader to report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph::detail {

enum class Column { rank, heat, name, country, time, notes, other };

struct TableHeader {
    std::vector<Column> columns;
    std::vector<std::string> titles;
    int line = 0;

    [[nodiscard]] bool has(Column column) const;
};

struct TableRow {
    Row row;
    std::optional<int> heat;                 // the Heat column of a combined table
    int debris = 0;                          // cells that held only markup ("align=left")
    std::vector<std::string> unknown_marks;  // note tokens no rule knows, kept in row.marks
    std::vector<std::string> remarks;        // other oddities worth a diagnostic
};

// The cells between the pipes of "| a | b |", trimmed; nullopt unless the line both starts
// and ends with a pipe (a row cut short by truncation does not).
[[nodiscard]] std::optional<std::vector<std::string_view>> split_cells(std::string_view line);

[[nodiscard]] Result<TableHeader> parse_header(std::string_view text, int line,
                                               const std::string& source);
[[nodiscard]] Result<TableRow> parse_row(const TableHeader& header, std::string_view text, int line,
                                         const std::string& source);

}  // namespace heatgraph::detail
