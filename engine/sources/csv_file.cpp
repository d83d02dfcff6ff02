#include "sources/csv_file.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace heatgraph::detail {

namespace {

// What libcsv's callbacks build: the record being read and those done.
struct Records {
    std::vector<CsvRecord> done;
    CsvRecord current;
    bool open = false;  // current has a field
    int line = 1;       // the line being fed

    static void on_field(void* data, std::size_t size, void* self) {
        auto& r = *static_cast<Records*>(self);
        if (!r.open) r.current.line = r.line;
        r.open = true;
        r.current.fields.emplace_back(static_cast<const char*>(data), size);
    }
    static void on_record_end(int /*terminator*/, void* self) {
        auto& r = *static_cast<Records*>(self);
        if (!r.open) return;
        r.done.push_back(std::move(r.current));
        r.current = {};
        r.open = false;
    }
};

// libcsv strips spaces around unquoted fields, tabs too by default: a tab is never a space
// here, so that a TSV's empty cell stays a cell.
int is_space_in_csv(unsigned char c) {
    return c == CSV_SPACE ? 1 : 0;
}

}  // namespace

char delimiter_of(std::string_view header) {
    char best = ',';
    long most = 0;
    for (const char candidate : {',', '\t', ';'}) {
        const auto n = std::count(header.begin(), header.end(), candidate);
        if (n > most) best = candidate, most = n;
    }
    return best;
}

Result<std::vector<CsvRecord>> read_csv(std::string_view text, char delimiter,
                                        const std::string& source) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return Error{source, 0, "cannot start the CSV parser"};
    const auto free_parser = [](csv_parser* p) { csv_free(p); };
    std::unique_ptr<csv_parser, decltype(free_parser)> owned(&parser, free_parser);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    csv_set_space_func(&parser, is_space_in_csv);
    Records records;
    // Fed a line at a time, so that a record knows the line it starts on.
    for (std::size_t start = 0; start < text.size(); ++records.line) {
        const auto end = std::min(text.find('\n', start), text.size() - 1) + 1;
        const auto chunk = text.substr(start, end - start);
        if (csv_parse(&parser, chunk.data(), chunk.size(), Records::on_field,
                      Records::on_record_end, &records) != chunk.size())
            return Error{source, records.line,
                         fmt::format("malformed CSV: {} (a quote inside an unquoted field, or "
                                     "text after a closing quote)",
                                     csv_strerror(csv_error(&parser)))};
        start = end;
    }
    if (csv_fini(&parser, Records::on_field, Records::on_record_end, &records) != 0)
        return Error{source, records.open ? records.current.line : records.line - 1,
                     "the file ends inside a quoted field (truncated?)"};
    return std::move(records.done);
}

}  // namespace heatgraph::detail
