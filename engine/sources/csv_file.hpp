// Private: the records of a CSV or TSV text, by libcsv (RFC 4180: quoted fields holding the
// delimiter, quotes and line breaks), each with the line it starts on, so that every later
// message can name the file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"

namespace heatgraph::detail {

struct CsvRecord {
    std::vector<std::string> fields;  // as read, unquoted; not trimmed
    int line = 0;                     // where the record starts, 1-based
};

// The delimiter of a table whose header line is `header`: the most frequent of comma, tab and
// semicolon (the CSV of spreadsheets in much of Europe), a comma when none.
[[nodiscard]] char delimiter_of(std::string_view header);

// Every record of `text` (a byte-order mark and CR LF line ends allowed); an Error names the
// line of a malformed quote or an unterminated quoted field.
[[nodiscard]] Result<std::vector<CsvRecord>> read_csv(std::string_view text, char delimiter,
                                                      const std::string& source);

}  // namespace heatgraph::detail
