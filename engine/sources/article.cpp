#include "heatgraph/article.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "heatgraph/event_json.hpp"
#include "heatgraph/identity.hpp"
#include "sources/athlete_registry.hpp"
#include "sources/event_info.hpp"
#include "sources/results_table.hpp"
#include "sources/stage_names.hpp"
#include "sources/text.hpp"
#include "sources/utf8.hpp"

namespace heatgraph {

namespace {

using detail::Column;
using detail::equals_ignoring_case;
using detail::trim;

// "== Results ==" -> {2, "Results"}; nullopt for any other line.
std::optional<std::pair<int, std::string_view>> heading(std::string_view line) {
    if (line.size() < 4 || line.substr(0, 2) != "==") return std::nullopt;
    std::size_t level = 0;
    while (level < line.size() && line[level] == '=')
        ++level;
    std::size_t end = line.size();
    std::size_t closing = 0;
    while (end > level && line[end - 1] == '=')
        --end, ++closing;
    if (closing != level) return std::nullopt;
    return std::pair{static_cast<int>(level), trim(line.substr(level, end - level))};
}

// A race of the article: its stage (index in order of first appearance) and number.
struct RaceKey {
    int stage;
    int number;
    auto operator<=>(const RaceKey&) const = default;
};

class ArticleReader {
  public:
    ArticleReader(std::string_view text, std::string source)
        : text_(text), source_(std::move(source)) {
        event_.source = source_;
    }

    Result<Event> read() {
        if (trim(text_).empty()) return Error{source_, 0, "empty file"};
        if (const auto line = detail::first_binary_line(text_))
            return Error{source_, *line, "not a text file (NUL byte or invalid UTF-8)"};
        int number = 0;
        for (auto line : detail::split(text_, '\n')) {
            ++number;
            if (auto error = read_line(trim(line), number)) return *error;
        }
        if (races_.empty())
            return Error{source_, 0,
                         "no results tables (expected pipe tables under a '==Results==' "
                         "heading, in rounds such as '===Heats===')"};
        assemble();
        detail::assign_athletes(event_);
        detail::settle_event_info(event_.info, infobox_lines_);
        check_competitors();
        return std::move(event_);
    }

  private:
    std::optional<Error> read_line(std::string_view line, int number) {
        if (!line.empty() && line.front() == '|') return read_table_line(line, number);
        table_.reset();
        if (line.empty()) {
            in_infobox_ = false;
            return std::nullopt;
        }
        if (const auto h = heading(line)) {
            read_heading(h->first, h->second, number);
        } else if (line.front() == '=' && event_.info.title.empty()) {
            event_.info.title = std::string(
                trim(std::string_view(line).substr(1, line.size() - (line.back() == '=' ? 2 : 1))));
        } else if (line == "Infobox") {
            in_infobox_ = true;
        } else if (in_infobox_ && line.substr(0, 2) == "- ") {
            read_infobox_field(line.substr(2), number);
        } else if (line.front() == ';') {
            caption_ = std::string(trim(line.substr(1)));
            caption_line_ = number;
        } else {
            caption_ = std::string(line);  // a caption only if a table follows at once
            caption_line_ = -number;
        }
        return std::nullopt;
    }

    void read_heading(int level, std::string_view text, int number) {
        caption_.clear();
        if (level == 2) {
            in_results_ = equals_ignoring_case(text, "Results");
            round_.reset();
            final_caption_.clear();
        } else if (level == 3 && in_results_) {
            round_ = stage_index(detail::stage_of_heading(text), text, number);
            final_caption_.clear();
            if (!round_)
                warn(number, fmt::format("section '{}' under Results is not a stage (Heats, "
                                         "Preliminaries, Repechage heats, Eighth-finals, "
                                         "Quarterfinals, Semifinals, Ranking finals, Finals, ...); "
                                         "its tables are not read",
                                         text));
        } else if (level >= 4 && in_results_) {
            final_caption_ = std::string(text);
        }
    }

    void read_infobox_field(std::string_view field, int number) {
        const auto colon = field.find(':');
        infobox_lines_.push_back(number);
        if (colon == std::string_view::npos) {
            warn(number,
                 fmt::format("infobox line '{}' has no 'Key: Value'; kept as a key", field));
            event_.info.infobox.emplace_back(std::string(trim(field)), "");
            return;
        }
        event_.info.infobox.emplace_back(std::string(trim(field.substr(0, colon))),
                                         std::string(trim(field.substr(colon + 1))));
    }

    std::optional<Error> read_table_line(std::string_view line, int number) {
        if (!table_) return start_table(line, number);
        if (!table_->read) return std::nullopt;
        auto parsed = detail::parse_row(table_->header, line, number, source_);
        if (!parsed) return parsed.error();
        detail::keep_round_and_event_cells(table_->header, *parsed);
        return place_row(std::move(*parsed), number);
    }

    std::optional<Error> start_table(std::string_view line, int number) {
        table_ = Table{};
        const std::string caption = table_caption(number);
        caption_.clear();
        caption_line_ = 0;
        if (!in_results_) return std::nullopt;  // records and other tables: not results
        if (!round_) {
            if (!heading_seen_)
                warn(number, "table under Results but before any stage heading; not read");
            return std::nullopt;
        }
        auto header = detail::parse_header(line, number, source_);
        if (!header) return header.error();
        table_->header = std::move(*header);
        table_->caption = caption;
        table_->read = true;
        if (!table_->header.has(Column::name))
            return Error{source_, number, "results table has no athlete column (Athlete or Name)"};
        if (table_->header.has(Column::heat)) return std::nullopt;
        const auto& stage = stages_[*round_];
        if (const auto n = caption_race(table_->caption, stage)) {
            table_->race = n->number;
            table_->lettered = n->lettered;
        } else if (stage.lettered) {
            table_->race = 1;
        } else {
            return Error{source_, number,
                         fmt::format("cannot tell which race this table is: no Heat column and "
                                     "no caption such as ';{} 1'",
                                     stage.race_prefix)};
        }
        return std::nullopt;
    }

    // The race a table is: a ';' caption (held until the next table), a plain line right above
    // it, or a "====Final A====" heading; only one that names a race counts, so a date line
    // above a table is not taken for one.
    std::string table_caption(int number) const {
        std::vector<std::string_view> captions;
        if (caption_line_ > 0 || caption_line_ == -(number - 1)) captions.push_back(caption_);
        captions.push_back(final_caption_);
        for (auto caption : captions)
            if (detail::stage_of_heading(caption)) return std::string(caption);
        return {};
    }

    struct CaptionRace {
        int number = 0;
        bool lettered = false;  // "Final A" rather than "Final"
    };

    // The race a caption names in `stage`: "Heat 3" (in any stage: the World Games print their
    // semifinals as heats), "Final B" or "Final" in a stage of lettered races; nullopt for none.
    static std::optional<CaptionRace> caption_race(std::string_view caption,
                                                   const detail::StageName& stage) {
        if (const auto n = detail::race_number(caption, false)) return CaptionRace{*n, false};
        const auto named = detail::stage_of_heading(caption);
        if (!stage.lettered || !named || named->name != stage.name) return std::nullopt;
        const auto letter = detail::final_letter(caption);
        return CaptionRace{letter.value_or(1), letter.has_value()};
    }

    // The index of the stage a heading names, registered on first sight.
    std::optional<int> stage_index(std::optional<detail::StageName> stage, std::string_view heading,
                                   int number) {
        heading_seen_ = true;
        if (!stage) return std::nullopt;
        for (std::size_t i = 0; i < stages_.size(); ++i)
            if (stages_[i].name == stage->name) return static_cast<int>(i);
        stages_.push_back(*stage);
        stage_headings_.emplace_back(heading);
        stage_lines_.push_back(number);
        return static_cast<int>(stages_.size()) - 1;
    }

    std::optional<Error> place_row(detail::TableRow parsed, int number) {
        const int n = parsed.heat.value_or(table_->race);
        const auto& stage = stages_[*round_];
        if (stage.lettered && n > detail::max_final)
            return Error{source_, number,
                         fmt::format("{} {}: {} run from {} A to {} {}", stage.race_prefix, n,
                                     stage.name, stage.race_prefix, stage.race_prefix,
                                     char('A' + detail::max_final - 1))};
        if (n > detail::max_races)
            return Error{source_, number,
                         fmt::format("{} {}: a stage runs at most {} races", stage.race_prefix, n,
                                     detail::max_races)};
        Race& race = race_for(RaceKey{*round_, n}, number);
        if (table_->lettered) lettered_.insert(RaceKey{*round_, n});
        if (parsed.debris > 0) ++debris_rows_;
        if (parsed.row.has_mark("'")) ++lost_notes_[*round_];
        for (const auto& mark : parsed.unknown_marks)
            warn(number, fmt::format("unknown mark '{}' kept in the row's marks", mark));
        for (const auto& remark : parsed.remarks)
            warn(number, remark);
        const auto key = fold_name(parsed.row.printed_name);
        auto& seen = names_in_race_[RaceKey{*round_, n}];
        if (const auto it = seen.find(key); it != seen.end())
            return Error{
                source_, number,
                fmt::format("'{}' appears twice in {} (lines {} and {})", parsed.row.printed_name,
                            label(RaceKey{*round_, n}), it->second, number)};
        seen.emplace(key, number);
        race.results.push_back(std::move(parsed.row));
        return std::nullopt;
    }

    Race& race_for(RaceKey key, int number) {
        auto [it, fresh] = races_.try_emplace(key);
        if (fresh) {
            it->second.number = key.number;
            it->second.line = number;
            print_order_.push_back(key);
        }
        return it->second;
    }

    std::string label(RaceKey key) const {
        return detail::race_label(stages_[key.stage], key.number);
    }

    // Stages in the order the article prints them (its running order), races by number;
    // races printed out of order are reported.
    void assemble() {
        if (!std::is_sorted(print_order_.begin(), print_order_.end())) {
            const auto it = std::is_sorted_until(print_order_.begin(), print_order_.end());
            warn(races_.at(*it).line,
                 fmt::format("{} is printed after {}; races are replayed in running order",
                             label(*it), label(*(it - 1))));
        }
        for (auto& [key, race] : races_) {
            const auto& stage = stages_[key.stage];
            if (event_.rounds.empty() || event_.rounds.back().name != stage.name) {
                Round round;
                round.kind = stage.kind;
                round.name = std::string(stage.name);
                round.printed_name = stage_headings_[key.stage];
                round.line = stage_lines_[key.stage];
                event_.rounds.push_back(std::move(round));
            }
            const bool single_final = stage.lettered && key.number == 1 && !lettered_.count(key) &&
                                      races_in(key.stage) == 1;
            race.name = single_final ? std::string(stage.race_prefix) : label(key);
            detail::normalise_places(race, stage, event_.diagnostics);
            event_.rounds.back().races.push_back(std::move(race));
        }
        for (const auto& [stage, count] : lost_notes_)
            warn(stage_lines_[stage],
                 fmt::format("{}: {} notes were lost in export (\"'\"); the replay infers their "
                             "marks",
                             stages_[stage].name, count));
        if (debris_rows_ > 0)
            warn(0, fmt::format("{} rows carried markup debris ('align=left'); the cells were "
                                "read as empty",
                                debris_rows_));
    }

    int races_in(int stage) const {
        return static_cast<int>(std::count_if(races_.begin(), races_.end(),
                                              [&](auto& r) { return r.first.stage == stage; }));
    }

    void check_competitors() {
        const auto& n = event_.info.competitors;
        if (n && *n != static_cast<int>(event_.athletes.size()))
            warn(detail::infobox_line(event_.info, infobox_lines_, "Competitors"),
                 fmt::format("the infobox says {} competitors; the results name {}", *n,
                             event_.athletes.size()));
    }

    void warn(int line, std::string message) {
        event_.diagnostics.push_back({Severity::warning, line, std::move(message)});
    }

    struct Table {
        detail::TableHeader header;
        std::string caption;
        bool read = false;      // a results table of a known round
        int race = 0;           // when the table is one race (no Heat column)
        bool lettered = false;  // its caption named it "Final A", not "Final"
    };

    std::string_view text_;
    std::string source_;
    Event event_;
    bool in_infobox_ = false;
    bool in_results_ = false;
    std::optional<int> round_;  // the current stage, an index into stages_
    bool heading_seen_ = false;
    std::vector<detail::StageName> stages_;  // in order of first appearance
    std::vector<std::string> stage_headings_;
    std::vector<int> stage_lines_;
    std::string final_caption_;
    std::string caption_;
    int caption_line_ = 0;  // > 0: a ';' caption; < 0: minus the line of a plain line
    std::optional<Table> table_;
    std::map<RaceKey, Race> races_;
    std::map<RaceKey, std::unordered_map<std::string, int>> names_in_race_;
    std::vector<RaceKey> print_order_;
    std::set<RaceKey> lettered_;
    std::vector<int> infobox_lines_;
    int debris_rows_ = 0;
    std::map<int, int> lost_notes_;  // per stage
};

}  // namespace

Result<Event> parse_article(std::string_view text, std::string source) {
    return ArticleReader(text, std::move(source)).read();
}

}  // namespace heatgraph
