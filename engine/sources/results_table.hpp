// Private to the readers: a results table's header and rows, whatever carries them (an
// article's pipe table, a CSV or TSV file). Columns are known by their titles; a row is read
// cell by cell into a Row; every cell is kept (unknown columns in Row::extra, unknown marks in
// Row::marks) and what was odd about it is counted for the reader to report.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "sources/stage_names.hpp"

namespace heatgraph::detail {

enum class Column {
    rank,
    heat,  // the race within the stage
    name,
    country,
    time,
    notes,  // marks: Notes, Qual.
    round,  // the stage: a table of several stages
    athlete_id,
    warnings,  // the ISU's Warn. column: cards
    season,    // the event's columns: a table of several events
    competition,
    distance,
    gender,
    other
};

// The columns that say which event a row belongs to, in the order TableRow::event holds them.
inline constexpr std::array<Column, 4> event_columns{Column::season, Column::competition,
                                                     Column::distance, Column::gender};

struct TableHeader {
    std::vector<Column> columns;
    std::vector<std::string> titles;
    int line = 0;

    [[nodiscard]] bool has(Column column) const;
};

struct TableRow {
    Row row;
    std::optional<int> heat;                 // the Heat column of a combined table
    std::string round;                       // the Round column
    std::array<std::string, 4> event;        // by event_columns; empty when the table lacks one
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

// The header and rows of a table whose carrier already split the cells (CSV, TSV).
[[nodiscard]] Result<TableHeader> header_of(const std::vector<std::string_view>& titles, int line,
                                            const std::string& source);
[[nodiscard]] Result<TableRow> row_of(const TableHeader& header,
                                      const std::vector<std::string_view>& cells, int line,
                                      const std::string& source);

// For a reader that does not model the Round and event columns (an article's table is one
// round of one event): their cells go to Row::extra, so that nothing read is lost.
void keep_round_and_event_cells(const TableHeader& header, TableRow& row);

// A Final B prints the overall ranks (5, 6, 7); its race places are 1, 2, 3. Any other race
// whose places do not start at 1 is reported and renumbered the same way.
void normalise_places(Race& race, const StageName& stage, Diagnostics& diagnostics);

}  // namespace heatgraph::detail
