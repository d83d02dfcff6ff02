#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

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

// A row of some table file, with the file it came from and what reading it noticed.
struct SourcedRow {
    detail::TableRow table;
    const std::string* source = nullptr;
    Diagnostics notes;
};

using EventKey = std::array<std::string, 4>;  // by detail::event_columns

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

// One event of the tables, built row by row.
class TableEventBuilder {
  public:
    explicit TableEventBuilder(EventKey key) : key_(std::move(key)) {}

    const std::vector<std::string>& sources() const { return sources_; }

    std::optional<Error> add(SourcedRow row) {
        const auto& line = row.table.row.line;
        const auto& source = *row.source;
        if (std::find(sources_.begin(), sources_.end(), source) == sources_.end())
            sources_.push_back(source);
        event_.diagnostics.insert(event_.diagnostics.end(), row.notes.begin(), row.notes.end());
        const auto stage = detail::stage_of_heading(row.table.round);
        if (!stage)
            return Error{source, line,
                         fmt::format("round '{}' is not a stage (Preliminaries, Heats, RepHeats, "
                                     "RepSemifinals, Eighthfinals, Quarterfinals, Semifinals, "
                                     "RankingFinals, FinalA, ...)",
                                     row.table.round)};
        int number = 0;
        bool lettered = false;
        if (stage->lettered) {  // "FinalB"; a plain "Final" by its race number, Final A if none
            const auto letter = detail::final_letter(row.table.round);
            number = letter.value_or(row.table.heat.value_or(1));
            lettered = letter.has_value();
        } else if (row.table.heat) {
            number = *row.table.heat;
        } else {
            return Error{source, line,
                         fmt::format("the row of '{}' in {} has no race number",
                                     row.table.row.printed_name, row.table.round)};
        }
        if (stage->lettered && number > detail::max_final)
            return Error{source, line,
                         fmt::format("{} race {}: {} run from {} A to {} {}", row.table.round,
                                     number, stage->name, stage->race_prefix, stage->race_prefix,
                                     char('A' + detail::max_final - 1))};
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

    // `notes`: what reading the files noticed that concerns this event.
    Event build(const Diagnostics& notes) {
        event_.source = fmt::format("{}", fmt::join(sources_, " + "));
        event_.diagnostics.insert(event_.diagnostics.begin(), notes.begin(), notes.end());
        describe();
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
    void describe() {
        std::map<Column, std::string> value;
        for (std::size_t k = 0; k < key_.size(); ++k)
            value[detail::event_columns[k]] = key_[k];
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
        if (!info.year) info.year = detail::first_year(value[Column::season]);
    }

    // Stages in running order (StageName::running: a table's files often come in the order of
    // their names), races by number.
    void assemble() {
        std::vector<int> order(stages_.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return stages_[a].running < stages_[b].running; });
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

    EventKey key_;
    std::vector<std::string> sources_;  // the files its rows come from, in order
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

// One file's header and rows, and what reading it noticed beyond its rows (a header repeated);
// an empty file or a header alone is a note, not an error.
struct TableFile {
    const std::string* source = nullptr;
    detail::TableHeader header;
    std::vector<SourcedRow> rows;
    Diagnostics notes;
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
    file.source = &source;
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
    if (records->size() == 1) {
        notes.push_back(
            {Severity::warning, file.header.line, fmt::format("{}: a header and no rows", source)});
        return std::optional<TableFile>{};
    }
    const auto titles = trimmed(records->front().fields);
    for (std::size_t r = 1; r < records->size(); ++r) {
        const auto& record = (*records)[r];
        const auto cells = trimmed(record.fields);
        if (cells == titles) {  // files joined by cat
            file.notes.push_back(
                {Severity::warning, record.line,
                 fmt::format("{}: line {} repeats the header; skipped", source, record.line)});
            continue;
        }
        auto row = detail::row_of(file.header, cells, record.line, source);
        if (!row) return row.error();
        SourcedRow sourced{std::move(*row), &source, {}};
        for (const auto& mark : sourced.table.unknown_marks)
            sourced.notes.push_back(
                {Severity::warning, record.line,
                 fmt::format("unknown mark '{}' kept in the row's marks", mark)});
        for (const auto& remark : sourced.table.remarks)
            sourced.notes.push_back({Severity::warning, record.line, remark});
        file.rows.push_back(std::move(sourced));
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
    Diagnostics empty_files;  // files without rows: said with every event
    std::vector<TableFile> files;
    for (const auto& table : tables) {
        auto file = read_table_file(table, empty_files);
        if (!file) return file.error();
        if (*file) files.push_back(std::move(**file));
    }
    std::vector<TableEventBuilder> events;
    std::map<EventKey, std::size_t> event_of;  // by the event columns
    for (auto& file : files)
        for (auto& row : file.rows) {
            const auto [it, fresh] = event_of.try_emplace(row.table.event, events.size());
            if (fresh) events.emplace_back(row.table.event);
            if (auto error = events[it->second].add(std::move(row))) return *error;
        }
    if (events.empty()) {
        std::string names;
        for (const auto& t : tables)
            names += (names.empty() ? "" : ", ") + t.source;
        return Error{tables.empty() ? std::string() : tables.front().source, 0,
                     fmt::format("no results rows in {}", names)};
    }
    std::vector<Event> out;
    for (auto& builder : events) {
        Diagnostics notes = empty_files;
        const auto& sources = builder.sources();
        for (const auto& file : files)
            if (std::find(sources.begin(), sources.end(), *file.source) != sources.end())
                notes.insert(notes.end(), file.notes.begin(), file.notes.end());
        out.push_back(builder.build(notes));
    }
    return out;
}

}  // namespace heatgraph
