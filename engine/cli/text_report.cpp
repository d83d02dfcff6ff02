#include "text_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <utf8proc.h>

#include <algorithm>

#include "heatgraph/progression_graph.hpp"

namespace heatgraph::cli {

namespace {

// The columns a cell takes on a terminal: two for a Chinese, Japanese or Korean character
// (utf8proc's East Asian width), none for a combining mark.
std::size_t display_width(const std::string& s) {
    std::size_t width = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp = 0;
        const auto n =
            utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {  // not UTF-8: a byte, a column
            ++i, ++width;
            continue;
        }
        i += static_cast<std::size_t>(n);
        width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    }
    return width;
}

std::string time_text(const Row& row) {
    return row.time ? format_race_time(*row.time) : "";
}

std::string status_text(const Row& row) {
    return row.status == Status::finished ? "" : words(to_string(row.status));
}

// Where the skater went on to, and how they came: a direct entry, or no earlier row at all.
std::string advance_text(const Row& row) {
    std::string text;
    if (row.entry) text = row.entry == Entry::direct ? "[entered directly]" : "[no earlier row]";
    if (!row.advance) return text;
    if (!text.empty()) text += " ";
    return text + fmt::format("{} ({}, {})", row.advance->to, words(to_string(row.advance->reason)),
                              words(to_string(row.advance->source)));
}

std::string place_text(const Row& row) {
    if (!row.place) return "–";
    if (row.printed_rank) return fmt::format("{} ({})", *row.place, *row.printed_rank);
    return std::to_string(*row.place);
}

}  // namespace

std::string words(std::string_view token) {
    std::string text(token);
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

std::string rank_text(const std::optional<int>& rank) {
    return rank ? std::to_string(*rank) : "–";
}

TextTable::TextTable(std::vector<std::string> headers, std::string indent)
    : rows_{std::move(headers)}, indent_(std::move(indent)) {}

void TextTable::add(std::vector<std::string> cells) {
    rows_.push_back(std::move(cells));
}

// Columns are as wide as their widest cell up to this; a wider cell runs over, whole, rather
// than pad every row of the table to its width (the output stays proportional to the input).
constexpr std::size_t max_column_width = 60;

std::string TextTable::render() const {
    std::vector<std::size_t> widths(rows_.front().size(), 0);
    for (const auto& row : rows_)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], std::min(display_width(row[c]), max_column_width));
    std::string out;
    for (const auto& row : rows_) {
        std::string line = indent_;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            const auto width = display_width(row[c]);
            if (c + 1 < row.size())
                line += std::string(width < widths[c] ? widths[c] - width + 2 : 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string diagnostics_report(const Diagnostics& diagnostics) {
    if (diagnostics.empty()) return "";
    std::string out = fmt::format("\nDiagnostics ({})\n", diagnostics.size());
    for (const auto& d : diagnostics)
        out +=
            fmt::format("  {} {}: {}\n", words(to_string(d.severity)),
                        d.line ? fmt::format("line {}", d.line) : std::string("event"), d.message);
    return out;
}

std::string replay_report(const Replay& replay) {
    const auto& e = replay.event;
    std::string out = fmt::format("{}\nFormat: {} — {}\n", e.info.title, replay.format.name,
                                  replay.format.description);
    for (const auto& round : e.rounds) {
        out += fmt::format("\n{}\n", round.name);
        for (const auto& race : round.races) {
            if (!race.raced) {
                std::vector<std::string> names;
                for (auto id : race.field)
                    names.push_back(e.name_of(id));
                out += fmt::format("  {} (not raced): {}\n", race.name, fmt::join(names, ", "));
                continue;
            }
            out += fmt::format("  {}\n", race.name);
            TextTable table({"Pl", "Athlete", "Time", "Status", "Marks", "Advanced to"}, "    ");
            for (const auto& row : race.results)
                table.add({place_text(row), e.name_of(row.athlete), time_text(row),
                           status_text(row), fmt::format("{}", fmt::join(row.marks, " ")),
                           advance_text(row)});
            out += table.render();
        }
    }
    out += "\nClassification\n";
    TextTable table({"Rank", "Athlete", "Out in"});
    for (const auto& s : replay.classification)
        table.add({rank_text(s.rank), e.name_of(s.athlete), s.eliminated_in});
    out += table.render();
    return out + diagnostics_report(replay.diagnostics);
}

std::string path_report(const Replay& replay, const std::vector<PathStep>& path) {
    const auto& e = replay.event;
    const AthleteId id = path.front().row.athlete;
    std::string out = fmt::format("{} — {}\n", e.name_of(id), e.info.title);
    TextTable table({"Round", "Race", "Pl", "Time", "Status", "Marks", "Advanced to"});
    for (const auto& step : path) {
        const auto& row = step.row;
        if (!step.raced) {
            table.add({step.round, step.race, "", "", "not raced", "", ""});
            continue;
        }
        table.add({step.round, step.race, place_text(row), time_text(row), status_text(row),
                   fmt::format("{}", fmt::join(row.marks, " ")), advance_text(row)});
    }
    out += table.render();
    TextTable why({"Race", "Why"});
    for (const auto& step : path) {
        std::vector<std::string> parts;
        for (const auto* text : {&step.incident, &step.reason, &step.why_out})
            if (!text->empty()) parts.push_back(*text);
        if (!parts.empty()) why.add({step.race, fmt::format("{}", fmt::join(parts, "; "))});
    }
    out += why.render();
    if (const Standing* s = find_standing(replay.classification, id))
        out += fmt::format("Final classification: {} (out in {})\n", rank_text(s->rank),
                           s->eliminated_in);
    return out;
}

std::string channels_report(const Replay& replay) {
    const auto& e = replay.event;
    const auto graph = ProgressionGraph::of(e);
    std::string out = fmt::format("{}\n", e.info.title);
    TextTable table({"From", "To", "Reason", "Athletes"});
    for (const auto& c : graph.channels()) {
        std::vector<std::string> names;
        for (auto id : c.athletes)
            names.push_back(e.name_of(id));
        table.add({e.rounds[c.from.round].races[c.from.race].name,
                   e.rounds[c.to.round].races[c.to.race].name,
                   c.reason ? words(to_string(*c.reason)) : "?",
                   fmt::format("{}", fmt::join(names, ", "))});
    }
    return out + table.render() + diagnostics_report(graph.validate());
}

}  // namespace heatgraph::cli
