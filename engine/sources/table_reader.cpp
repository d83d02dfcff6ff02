#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "heatgraph/identity.hpp"
#include "heatgraph/table.hpp"
#include "sources/athlete_registry.hpp"
#include "sources/csv_file.hpp"
#include "sources/event_info.hpp"
#include "sources/isu_name.hpp"
#include "sources/results_table.hpp"
#include "sources/stage_names.hpp"
#include "sources/text.hpp"
#include "sources/utf8.hpp"

namespace heatgraph {

namespace {

using detail::Column;
using detail::StageName;
using detail::trim;

// A row of some table file, with the file it came from.
struct SourcedRow {
    detail::TableRow table;
    const std::string* source = nullptr;
};

// The rows of one event, in the order the tables hold them.
struct EventRows {
    std::vector<std::string> key;  // its event columns
    std::vector<SourcedRow> rows;
};

// Where a stage runs among the others, by kind: the preliminaries, the heats, the repechage
// ladder (which runs before the main round it feeds), eighth-finals, quarterfinals,
// semifinals, ranking races, finals.
double running_rank(const StageName& stage) {
    switch (stage.kind) {
        case StageKind::preliminary:
            return stage.name == "Pre-preliminaries" ? 0 : 1;
        case StageKind::heat:
            return 2;
        case StageKind::repechage:
            return stage.name == "Repechage heats"           ? 3.0
                   : stage.name == "Repechage quarterfinals" ? 3.1
                   : stage.name == "Repechage semifinals"    ? 3.2
                                                             : 3.3;
        case StageKind::eighth_final:
            return 4;
        case StageKind::quarterfinal:
            return 5;
        case StageKind::semifinal:
            return 6;
        case StageKind::ranking:
            return 7;
        case StageKind::final:
            return 8;
        case StageKind::other:
            return 9;
    }
    return 9;
}

// The final a round name letters, as the ISU writes them glued on: "FinalB" -> 2, "RepFinalA"
// -> 1; nullopt for a plain "Final".
std::optional<int> final_letter(std::string_view round) {
    round = trim(round);
    if (round.size() < 2) return std::nullopt;
    const char letter = round.back();
    const char before = round[round.size() - 2];
    if (letter < 'A' || letter > 'H') return std::nullopt;
    if (before != ' ' && before != 'l' && before != 'L' && before != '-') return std::nullopt;
    return letter - 'A' + 1;
}

// "500m" -> "500 metres", "1000M" -> "1000 metres"; anything else as printed.
std::string distance_label(std::string_view distance) {
    std::string_view digits = distance;
    if (!digits.empty() && (digits.back() == 'm' || digits.back() == 'M')) digits.remove_suffix(1);
    if (detail::parse_int(digits)) return fmt::format("{} metres", digits);
    return std::string(distance);
}

std::string gender_label(std::string_view gender) {
    const auto g = fold_name(gender);
    if (g == "w" || g == "f" || g == "women" || g == "ladies" || g == "female") return "Women's";
    if (g == "m" || g == "men" || g == "male") return "Men's";
    return std::string(gender);
}

class TableEventBuilder {
  public:
    TableEventBuilder(const detail::TableHeader& header, std::string source) : header_(header) {
        event_.source = std::move(source);
    }

    std::optional<Error> add(SourcedRow row) {
        const auto& line = row.table.row.line;
        const auto& source = *row.source;
        const auto stage = detail::stage_of_heading(row.table.round);
        if (!stage)
            return Error{source, line,
                         fmt::format("round '{}' is not a stage (Preliminaries, Heats, RepHeats, "
                                     "RepSemifinals, Eighthfinals, Quarterfinals, Semifinals, "
                                     "RankingFinals, FinalA, ...)",
                                     row.table.round)};
        int number = 0;
        bool lettered = false;
        if (stage->lettered) {
            const auto letter = final_letter(row.table.round);
            number = letter.value_or(1);
            lettered = letter.has_value();
        } else if (row.table.heat) {
            number = *row.table.heat;
        } else {
            return Error{source, line,
                         fmt::format("the row of '{}' in {} has no race number",
                                     row.table.row.printed_name, row.table.round)};
        }
        const int s = stage_index(*stage, row.table.round, line);
        auto& race = races_[{s, number}];
        if (race.rows.empty()) race.line = line;
        race.lettered = race.lettered || lettered;
        for (const auto& other : race.rows)
            if (same_skater(other.table.row, row.table.row))
                return Error{source, line,
                             fmt::format("'{}' appears twice in {} {} ({}:{} and {}:{})",
                                         row.table.row.printed_name, row.table.round, number,
                                         *other.source, other.table.row.line, source, line)};
        race.rows.push_back(std::move(row));
        return std::nullopt;
    }

    Event build(const std::vector<std::string>& key, const Diagnostics& table_notes) {
        event_.diagnostics = table_notes;
        describe(key);
        assemble();
        detail::assign_athletes(event_);
        name_athletes();
        return std::move(event_);
    }

  private:
    struct TableRace {
        std::vector<SourcedRow> rows;
        int line = 0;
        bool lettered = false;  // its round named the final's letter ("FinalB")
    };

    static bool same_skater(const Row& a, const Row& b) {
        if (!a.athlete_id.empty() && !b.athlete_id.empty()) return a.athlete_id == b.athlete_id;
        return fold_name(a.printed_name) == fold_name(b.printed_name);
    }

    int stage_index(const StageName& stage, const std::string& printed, int line) {
        for (std::size_t i = 0; i < stages_.size(); ++i)
            if (stages_[i].name == stage.name) return static_cast<int>(i);
        stages_.push_back(stage);
        printed_.push_back(printed);
        lines_.push_back(line);
        return static_cast<int>(stages_.size()) - 1;
    }

    // The event's title and infobox from its columns, as an article would give them.
    void describe(const std::vector<std::string>& key) {
        std::map<Column, std::string> value;
        std::size_t k = 0;
        for (const auto column : detail::event_columns)
            if (header_.has(column) && k < key.size()) value[column] = key[k++];
        auto& info = event_.info;
        const auto distance = distance_label(value[Column::distance]);
        const auto gender = gender_label(value[Column::gender]);
        const std::string joined = fmt::format("{} {}", gender, distance);
        const std::string what(trim(joined));
        info.title = value[Column::competition].empty()
                         ? std::string(what)
                         : fmt::format("{} – {}", value[Column::competition], what);
        if (!what.empty()) info.infobox.emplace_back("Event", what);
        if (!value[Column::competition].empty())
            info.infobox.emplace_back("Competition", value[Column::competition]);
        if (!value[Column::season].empty())
            info.infobox.emplace_back("Season", value[Column::season]);
        // As printed, so that --event "Calgary 500m" finds "500 metres".
        if (!value[Column::distance].empty())
            info.infobox.emplace_back("Distance", value[Column::distance]);
        if (!value[Column::gender].empty())
            info.infobox.emplace_back("Gender", value[Column::gender]);
        if (info.title.empty()) info.title = event_.source;  // a table without event columns
        detail::settle_event_info(info, {});
        if (!info.year && !value[Column::season].empty())
            info.year = detail::parse_int(value[Column::season].substr(0, 4));
    }

    // Stages in running order (the order of their kinds: a table's files often come in the
    // order of their names), races by number.
    void assemble() {
        std::vector<int> order(stages_.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return running_rank(stages_[a]) < running_rank(stages_[b]);
        });
        if (!std::is_sorted(order.begin(), order.end()))
            warn(0, fmt::format("the table gives its rounds out of running order; replayed as {}",
                                stage_list(order)));
        for (const int s : order) {
            const auto& stage = stages_[s];
            Round round;
            round.kind = stage.kind;
            round.name = std::string(stage.name);
            round.printed_name = printed_[s];
            round.line = lines_[s];
            const int races = static_cast<int>(std::count_if(
                races_.begin(), races_.end(), [&](const auto& r) { return r.first.first == s; }));
            for (auto& [key, table_race] : races_) {
                if (key.first != s) continue;
                Race race;
                race.number = key.second;
                race.line = table_race.line;
                const bool single_final =
                    stage.lettered && key.second == 1 && !table_race.lettered && races == 1;
                race.name = single_final ? std::string(stage.race_prefix)
                                         : detail::race_label(stage, key.second);
                for (auto& row : table_race.rows)
                    race.results.push_back(std::move(row.table.row));
                detail::normalise_places(race, stage, event_.diagnostics);
                report_holes(race);
                round.races.push_back(std::move(race));
            }
            event_.rounds.push_back(std::move(round));
        }
    }

    std::string stage_list(const std::vector<int>& order) const {
        std::string text;
        for (const int s : order)
            text += (text.empty() ? "" : ", ") + std::string(stages_[s].name);
        return text;
    }

    // A race whose places skip one lacks a row: the table lost a skater. A dead heat takes the
    // places it fills (two 1st, then 3rd).
    void report_holes(const Race& race) {
        std::vector<int> places;
        for (const auto& row : race.results)
            if (row.place) places.push_back(*row.place);
        std::sort(places.begin(), places.end());
        std::vector<int> missing;
        int expected = 1;
        for (const int place : places) {
            if (place < expected) {  // tied with the one before
                ++expected;
                continue;
            }
            while (expected < place)
                missing.push_back(expected++);
            expected = place + 1;
        }
        if (!missing.empty())
            warn(race.line, fmt::format("{} has no row placed {}: the table lacks a skater",
                                        race.name, fmt::join(missing, ", ")));
    }

    // Names the ISU way become names; the printed form stays the row's and an alias.
    void name_athletes() {
        std::vector<std::string> member(event_.athletes.size());
        for (const auto& round : event_.rounds)
            for (const auto& race : round.races)
                for (const auto& row : race.results)
                    if (member[row.athlete].empty()) member[row.athlete] = row.country;
        for (std::size_t a = 0; a < event_.athletes.size(); ++a) {
            auto& athlete = event_.athletes[a];
            auto readable = detail::readable_isu_name(athlete.name, member[a]);
            if (readable == athlete.name) continue;
            athlete.aliases.insert(athlete.aliases.begin(), athlete.name);
            athlete.name = std::move(readable);
        }
    }

    void warn(int line, std::string message) {
        event_.diagnostics.push_back({Severity::warning, line, std::move(message)});
    }

    const detail::TableHeader& header_;
    Event event_;
    std::vector<StageName> stages_;  // in order of first appearance
    std::vector<std::string> printed_;
    std::vector<int> lines_;
    std::map<std::pair<int, int>, TableRace> races_;  // by stage, race number
};

std::vector<std::string_view> trimmed(const std::vector<std::string>& fields) {
    std::vector<std::string_view> cells;
    cells.reserve(fields.size());
    for (const auto& f : fields)
        cells.push_back(trim(f));
    return cells;
}

// One file's header and rows; an empty file or a header alone is a note, not an error.
struct TableFile {
    detail::TableHeader header;
    std::vector<SourcedRow> rows;
};

Result<std::optional<TableFile>> read_table_file(const TableText& table, Diagnostics& notes) {
    const auto& source = table.source;
    const std::string_view text = table.text;
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        return Error{source, 1, "UTF-16 text; tables are read as UTF-8 (save it as UTF-8 CSV)"};
    if (const auto line = detail::first_binary_line(text))
        return Error{source, *line,
                     text.find('\0') == std::string_view::npos
                         ? "not UTF-8 text (Latin-1 or another encoding?); tables are read as "
                           "UTF-8"
                         : "not a text file (NUL byte)"};
    const auto first_line = table.text.substr(0, table.text.find('\n'));
    auto records = detail::read_csv(table.text, detail::delimiter_of(first_line), source);
    if (!records) return records.error();
    if (records->empty()) {
        notes.push_back({Severity::warning, 0, fmt::format("{}: empty file", source)});
        return std::optional<TableFile>{};
    }
    TableFile file;
    auto header =
        detail::header_of(trimmed(records->front().fields), records->front().line, source);
    if (!header) return header.error();
    file.header = std::move(*header);
    if (!file.header.has(Column::name))
        return Error{source, file.header.line,
                     "the table has no Name column (Name, Athlete or Skater)"};
    if (!file.header.has(Column::round))
        return Error{source, file.header.line,
                     "the table has no Round column: a results table gives each row's round"};
    if (records->size() == 1)
        notes.push_back(
            {Severity::warning, file.header.line, fmt::format("{}: a header and no rows", source)});
    for (std::size_t r = 1; r < records->size(); ++r) {
        const auto& record = (*records)[r];
        if (trimmed(record.fields) == trimmed(records->front().fields)) {  // files joined by cat
            notes.push_back(
                {Severity::warning, record.line,
                 fmt::format("{}: line {} repeats the header; skipped", source, record.line)});
            continue;
        }
        auto row = detail::row_of(file.header, trimmed(record.fields), record.line, source);
        if (!row) return row.error();
        for (const auto& mark : row->unknown_marks)
            notes.push_back({Severity::warning, record.line,
                             fmt::format("unknown mark '{}' kept in the row's marks", mark)});
        for (const auto& remark : row->remarks)
            notes.push_back({Severity::warning, record.line, remark});
        file.rows.push_back({std::move(*row), &source});
    }
    return std::optional<TableFile>{std::move(file)};
}

}  // namespace

bool is_table(std::string_view path, std::string_view text) {
    const auto dot = path.rfind('.');
    if (dot != std::string_view::npos) {
        const auto extension = fold_name(path.substr(dot + 1));
        if (extension == "csv" || extension == "tsv") return true;
    }
    auto first = text.substr(0, text.find('\n'));
    if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);
    const char delimiter = detail::delimiter_of(first);
    if (first.find(delimiter) == std::string_view::npos) return false;
    for (auto title : detail::split(first, delimiter)) {
        const auto key = fold_name(title);
        if (key == "name" || key == "athlete" || key == "skater") return true;
    }
    return false;
}

Result<std::vector<Event>> parse_tables(const std::vector<TableText>& tables) {
    Diagnostics notes;
    std::vector<TableFile> files;
    for (const auto& table : tables) {
        auto file = read_table_file(table, notes);
        if (!file) return file.error();
        if (*file) files.push_back(std::move(**file));
    }
    std::vector<EventRows> events;
    std::vector<const detail::TableHeader*> headers;
    std::map<std::vector<std::string>, std::size_t> event_of;  // by the event columns
    for (auto& file : files)
        for (auto& row : file.rows) {
            const auto [it, fresh] = event_of.try_emplace(row.table.event, events.size());
            if (fresh) {
                events.push_back({row.table.event, {}});
                headers.push_back(&file.header);
            }
            events[it->second].rows.push_back(std::move(row));
        }
    if (events.empty()) {
        std::string names;
        for (const auto& t : tables)
            names += (names.empty() ? "" : ", ") + t.source;
        return Error{tables.empty() ? std::string() : tables.front().source, 0,
                     fmt::format("no results rows in {}", names)};
    }
    std::string sources;
    for (const auto& t : tables)
        sources += (sources.empty() ? "" : " + ") + t.source;
    std::vector<Event> out;
    for (std::size_t e = 0; e < events.size(); ++e) {
        TableEventBuilder builder(*headers[e], sources);
        for (auto& row : events[e].rows)
            if (auto error = builder.add(std::move(row))) return *error;
        out.push_back(builder.build(events[e].key, notes));
    }
    return out;
}

}  // namespace heatgraph
