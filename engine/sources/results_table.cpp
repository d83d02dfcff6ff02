#include "sources/results_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "heatgraph/identity.hpp"
#include "sources/text.hpp"

namespace heatgraph::detail {

namespace {

Column column_of(std::string_view title) {
    const auto key = fold_name(title);
    static constexpr std::pair<std::string_view, Column> known[]{
        {"rank", Column::rank},
        {"place", Column::rank},
        {"pos", Column::rank},
        {"position", Column::rank},
        {"heat", Column::heat},
        {"race", Column::heat},
        {"athlete", Column::name},
        {"name", Column::name},
        {"skater", Column::name},
        {"country", Column::country},
        {"nation", Column::country},
        {"noc", Column::country},
        {"team", Column::country},
        {"isumember", Column::country},
        {"member", Column::country},
        {"time", Column::time},
        {"result", Column::time},
        {"results", Column::time},
        {"notes", Column::notes},
        {"note", Column::notes},
        {"qual", Column::notes},
        {"marks", Column::notes},
        {"round", Column::round},
        {"stage", Column::round},
        {"athleteid", Column::athlete_id},
        {"isuid", Column::athlete_id},
        {"warn", Column::warnings},
        {"warning", Column::warnings},
        {"warnings", Column::warnings},
        {"season", Column::season},
        {"competition", Column::competition},
        {"event", Column::distance},
        {"distance", Column::distance},
        {"gender", Column::gender},
        {"sex", Column::gender},
    };
    for (const auto& [name, column] : known)
        if (key == name) return column;
    return Column::other;
}

// Wiki markup that lost its content in export: a cell holding only an attribute.
bool is_markup_debris(std::string_view cell) {
    static constexpr std::array<std::string_view, 5> attributes{
        "align=", "style=", "class=", "rowspan=", "colspan="};
    if (cell.find(' ') != std::string_view::npos) return false;
    return std::any_of(attributes.begin(), attributes.end(),
                       [&](auto a) { return cell.substr(0, a.size()) == a; });
}

// Status marks, as they appear in Notes, in the Time column or in the ISU's Place column.
// WDR (withdrawn) is read as a DNS, ABD (abandoned) as a DNF, the mark kept; NP ("no place")
// leaves the row unplaced.
constexpr std::array<std::string_view, 11> status_marks{"PEN", "DQ",  "DSQ", "YC", "RC",     "DNS",
                                                        "DNF", "WDR", "ABD", "NP", "No time"};
// Every other mark a results table uses: the ISU's advancement marks (ADA is ADVA, QAB and QCD
// "to Final A or B", "to Final C or D"), records, and the lost note "'".
constexpr std::array<std::string_view, 23> other_marks{
    "Q",    "q",    "QA",   "QB",  "QC",  "QD",  "qA",  "qB", "qC", "qD",  "ADV", "ADVA",
    "ADVB", "ADVC", "ADVD", "ADA", "ADB", "QAB", "QCD", "OR", "WR", "JWR", "'"};

bool is_status_mark(std::string_view token) {
    return std::find(status_marks.begin(), status_marks.end(), token) != status_marks.end();
}
bool is_known_mark(std::string_view token) {
    return is_status_mark(token) ||
           std::find(other_marks.begin(), other_marks.end(), token) != other_marks.end();
}

// "Q, OR" -> {"Q", "OR"}; "', OR" -> {"'", "OR"}; "No time" stays one token.
std::vector<std::string> note_tokens(std::string_view note) {
    std::vector<std::string> tokens;
    for (auto piece : split(note, ',')) {
        piece = trim(piece);
        if (equals_ignoring_case(piece, "No time")) {
            tokens.emplace_back("No time");
            continue;
        }
        for (auto word : split(piece, ' '))
            if (!trim(word).empty()) tokens.emplace_back(trim(word));
    }
    return tokens;
}

bool is_dash(std::string_view cell) {
    return cell == "-" || cell == "\u2013" || cell == "\u2014" || cell == "\u2212";
}

// The rank cell: a place ("3", "=3", "3="), nothing ("", "–"), or a status mark.
Result<std::optional<int>> parse_rank(std::string_view cell, TableRow& out, int line,
                                      const std::string& source) {
    if (cell.empty() || is_dash(cell)) return std::optional<int>{};
    if (is_status_mark(cell)) {
        if (!out.row.has_mark(cell)) out.row.marks.emplace_back(cell);
        return std::optional<int>{};
    }
    std::string_view digits = cell;
    if (!digits.empty() && digits.front() == '=') digits.remove_prefix(1);
    if (!digits.empty() && digits.back() == '=') digits.remove_suffix(1);
    if (const auto value = parse_int(digits); value && *value >= 1 && *value <= max_place)
        return std::optional<int>{*value};
    return Error{source, line,
                 fmt::format("bad rank '{}' (expected a place from 1 to {}, '–' or empty)", cell,
                             max_place)};
}

Result<std::optional<int>> parse_heat(std::string_view cell, int line, const std::string& source) {
    if (const auto value = parse_int(cell); value && *value >= 1 && *value <= max_races)
        return std::optional<int>{*value};
    return Error{
        source, line,
        fmt::format("bad heat number '{}' (expected a number from 1 to {})", cell, max_races)};
}

std::optional<Error> read_time(std::string_view cell, TableRow& out, int line,
                               const std::string& source) {
    if (cell.empty() || is_dash(cell)) return std::nullopt;
    if (equals_ignoring_case(cell, "No time") || equals_ignoring_case(cell, "notime")) {
        out.row.marks.emplace_back("No time");
        return std::nullopt;
    }
    if (is_status_mark(cell)) {
        // The ISU prints a penalty in both Place and Results: one mark.
        if (!out.row.has_mark(cell)) out.row.marks.emplace_back(cell);
        return std::nullopt;
    }
    if (const auto ms = parse_race_time(cell)) {
        out.row.time = ms;
        return std::nullopt;
    }
    // A record written onto the time, as the ISU does: "41.397OR", "42.127JWR".
    const auto letters = cell.find_last_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (letters != std::string_view::npos && letters + 1 < cell.size()) {
        if (const auto ms = parse_race_time(cell.substr(0, letters + 1))) {
            const auto record = cell.substr(letters + 1);
            out.row.time = ms;
            out.row.marks.emplace_back(record);
            if (!is_known_mark(record)) out.unknown_marks.emplace_back(record);
            return std::nullopt;
        }
    }
    return Error{
        source, line,
        fmt::format("bad time '{}' (expected m:ss.fff, ss.fff, 'No time' or a mark)", cell)};
}

// A card in the warnings column is a mark of the row; the cell is kept as printed.
void read_warnings(std::string_view cell, const std::string& title, TableRow& out) {
    if (cell.empty()) return;
    out.row.extra.emplace_back(title, cell);
    for (auto& token : note_tokens(cell)) {
        if (!is_known_mark(token)) out.unknown_marks.push_back(token);
        out.row.marks.push_back(std::move(token));
    }
}

void read_notes(std::string_view cell, TableRow& out) {
    out.row.note = std::string(cell);
    for (auto& token : note_tokens(cell)) {
        if (!is_known_mark(token)) out.unknown_marks.push_back(token);
        out.row.marks.push_back(std::move(token));
    }
}

// What the row's marks, place and time say happened, most severe first.
void settle_status(TableRow& out) {
    Row& row = out.row;
    static constexpr std::array<std::pair<std::string_view, Status>, 9> order{{
        {"YC", Status::YC},
        {"RC", Status::RC},
        {"PEN", Status::PEN},
        {"DQ", Status::DQ},
        {"DSQ", Status::DQ},
        {"DNS", Status::DNS},
        {"WDR", Status::DNS},
        {"DNF", Status::DNF},
        {"ABD", Status::DNF},
    }};
    for (const auto& [mark, status] : order) {
        if (!row.has_mark(mark)) continue;
        row.status = status;
        if (row.place) {
            out.remarks.push_back(
                fmt::format("{} has a place ({}) and the mark {}; the place is "
                            "kept as printed, not as a finishing place",
                            row.printed_name, *row.place, mark));
            row.printed_rank = row.place;
            row.place.reset();
        }
        return;
    }
    if (!row.place) {
        row.status = Status::unplaced;
        return;
    }
    row.status = row.time ? Status::finished : Status::no_time;
    // A placed "No time" is the status itself, not a mark.
    std::erase(row.marks, std::string("No time"));
}

}  // namespace

bool TableHeader::has(Column column) const {
    return std::find(columns.begin(), columns.end(), column) != columns.end();
}

std::optional<std::vector<std::string_view>> split_cells(std::string_view line) {
    line = trim(line);
    if (line.size() < 2 || line.front() != '|' || line.back() != '|') return std::nullopt;
    std::vector<std::string_view> cells;
    for (auto cell : split(line.substr(1, line.size() - 2), '|'))
        cells.push_back(trim(cell));
    return cells;
}

Result<TableHeader> parse_header(std::string_view text, int line, const std::string& source) {
    const auto cells = split_cells(text);
    if (!cells) return Error{source, line, "table header is not closed by '|' (truncated?)"};
    return header_of(*cells, line, source);
}

Result<TableRow> parse_row(const TableHeader& header, std::string_view text, int line,
                           const std::string& source) {
    const auto cells = split_cells(text);
    if (!cells) return Error{source, line, "table row is not closed by '|' (truncated?)"};
    return row_of(header, *cells, line, source);
}

Result<TableHeader> header_of(const std::vector<std::string_view>& titles, int line,
                              const std::string& source) {
    TableHeader header;
    header.line = line;
    for (auto title : titles) {
        const auto column = column_of(title);
        if (column != Column::other && header.has(column))
            return Error{source, line, fmt::format("table header has two '{}' columns", title)};
        header.columns.push_back(column);
        header.titles.emplace_back(title);
    }
    return header;
}

Result<TableRow> row_of(const TableHeader& header, const std::vector<std::string_view>& cells,
                        int line, const std::string& source) {
    if (cells.size() != header.columns.size())
        return Error{source, line,
                     fmt::format("table row has {} cells; the header on line {} has {}",
                                 cells.size(), header.line, header.columns.size())};
    TableRow out;
    out.row.line = line;
    std::optional<std::string_view> rank_cell;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        auto cell = cells[i];
        if (is_markup_debris(cell)) {
            ++out.debris;
            cell = {};
        }
        switch (header.columns[i]) {
            case Column::rank:
                rank_cell = cell;
                break;
            case Column::heat: {
                auto heat = parse_heat(cell, line, source);
                if (!heat) return heat.error();
                out.heat = *heat;
                break;
            }
            case Column::name:
                out.row.printed_name = std::string(cell);
                break;
            case Column::country:
                out.row.country = std::string(cell);
                break;
            case Column::time:
                if (auto error = read_time(cell, out, line, source)) return *error;
                break;
            case Column::notes:
                read_notes(cell, out);
                break;
            case Column::round:
                out.round = std::string(cell);
                break;
            case Column::athlete_id:
                out.row.athlete_id = std::string(cell);
                break;
            case Column::warnings:
                read_warnings(cell, header.titles[i], out);
                break;
            case Column::season:
            case Column::competition:
            case Column::distance:
            case Column::gender: {
                const auto k =
                    std::find(event_columns.begin(), event_columns.end(), header.columns[i]) -
                    event_columns.begin();
                out.event[static_cast<std::size_t>(k)] = std::string(cell);
                break;
            }
            case Column::other:
                out.row.extra.emplace_back(header.titles[i], cell);
                break;
        }
    }
    if (out.row.printed_name.empty()) return Error{source, line, "table row has no athlete name"};
    if (rank_cell) {
        auto place = parse_rank(*rank_cell, out, line, source);
        if (!place) return place.error();
        out.row.place = *place;
    }
    settle_status(out);
    return out;
}

void keep_round_and_event_cells(const TableHeader& header, TableRow& row) {
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        const auto column = header.columns[i];
        const auto k = std::find(event_columns.begin(), event_columns.end(), column);
        if (column == Column::round)
            row.row.extra.emplace_back(header.titles[i], row.round);
        else if (k != event_columns.end())
            row.row.extra.emplace_back(
                header.titles[i], row.event[static_cast<std::size_t>(k - event_columns.begin())]);
    }
}

void normalise_places(Race& race, const StageName& stage, Diagnostics& diagnostics) {
    std::optional<int> first;
    for (const auto& row : race.results)
        if (row.place) first = std::min(first.value_or(*row.place), *row.place);
    if (!first || *first == 1) return;
    if (!(stage.kind == StageKind::final && race.number > 1))
        diagnostics.push_back({Severity::warning, race.line,
                               fmt::format("places in {} start at {}; read as race places from 1",
                                           race.name, *first)});
    for (auto& row : race.results) {
        if (!row.place) continue;
        row.printed_rank = row.place;
        row.place = *row.place - *first + 1;
    }
}

}  // namespace heatgraph::detail
