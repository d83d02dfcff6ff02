#include "heatgraph/format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <sstream>

#include "heatgraph/identity.hpp"
#include "heatgraph/simulate.hpp"
#include "sources/stage_names.hpp"
#include "sources/text.hpp"
#include "sources/toml_reader.hpp"
#include "sources/utf8.hpp"

namespace heatgraph {

namespace {

using detail::Names;

constexpr Names<3> time_pool_names{"none", "next-place", "all-others"};
constexpr Names<2> referee_names{"on-top", "take-time-slots"};
constexpr Names<3> tie_names{"all-advance", "none-advance", "lots"};
constexpr Names<2> selection_names{"places", "others"};
constexpr Names<3> era_names{"A", "B", "world-skate"};
constexpr Names<3> unplaced_order_names{"equal", "sanction-first", "no-start-first"};
constexpr Names<2> unplaced_finalists_names{"a-before-b", "b-before-a"};
constexpr Names<2> repechage_names{"by-depth", "with-source"};
constexpr Names<2> era_a_disqualified_names{"by-stage", "by-points"};
constexpr Names<2> ranking_order_names{"last-race-first", "first-race-first"};
constexpr Names<2> entry_seeding_names{"ranking", "listed"};
constexpr Names<3> first_round_names{"snake", "ffa", "pairs"};
constexpr Names<3> reseed_names{"snake", "ffa", "bracket"};

// The bounds of a format's numbers, which the reader's errors state. They hold whatever a
// recorded event can show, so that a format inferred from one always reads back: places (and the
// smallest field raced) up to 9999, the event readers' highest place (event.hpp's max_place);
// races in a stage up to a million, the event readers' bound, and as many skaters for a
// capacity or an entry. A seed number, used only by a simulation's draw, goes up to the largest
// field a simulation takes (simulate.hpp's max_field). Points are finite and at most a million:
// a NaN would break the classification's sort, and sums of them stay exact.
constexpr int max_places = max_place;
constexpr int max_races = detail::max_races;
constexpr int max_skaters = 1'000'000;
constexpr int max_seed_number = max_field;
constexpr double max_points = 1'000'000;

// Reads one table of a format file, turning every unexpected key or type into an Error, then
// validates the graph: stages in running order (so acyclic), every stage but the first fed,
// transitions between known stages, finals named consistently.
class FormatReader : detail::TomlReader {
  public:
    using TomlReader::TomlReader;

    Result<Format> read(const toml::table& root) {
        Format format;
        format.source = source_;
        allow(root,
              {"name", "description", "stage", "transition", "entry", "classification", "draw"});
        format.name = text(root, "name").value_or("");
        format.description = text(root, "description").value_or("");
        for_each_table(root, "stage", [&](const toml::table& t) {
            format.stages.push_back(read_stage(t));
            stage_lines_.push_back(line_of(t));
        });
        for_each_table(root, "transition", [&](const toml::table& t) {
            format.transitions.push_back(read_transition(t));
            transition_lines_.push_back(line_of(t));
        });
        for_each_table(root, "entry", [&](const toml::table& t) {
            format.entries.push_back(read_entry(t));
            entry_lines_.push_back(line_of(t));
        });
        if (const auto* c = root["classification"].as_table())
            format.classification = read_classification(*c);
        if (const auto* d = root["draw"].as_table()) format.draw = read_draw(*d);
        if (!error_) validate(format);
        if (error_) return *error_;
        return format;
    }

  private:
    template <class Read>
    void for_each_table(const toml::table& root, std::string_view key, Read&& read) {
        const auto* node = root.get(key);
        if (!node) return;
        const auto* array = node->as_array();
        if (!array)
            return fail(*node, fmt::format("'{}' must be an array of tables: [[{}]]", key, key));
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                read(*table);
            else
                fail(item, fmt::format("each [[{}]] must be a table", key));
        }
    }

    static int line_of(const toml::node& node) {
        return static_cast<int>(node.source().begin.line);
    }

    StageRule read_stage(const toml::table& t) {
        allow(t, {"name", "kind", "races", "min_field", "ranking_order"});
        StageRule stage;
        stage.name = text(t, "name").value_or("");
        if (stage.name.empty()) fail(t, "a [[stage]] needs a 'name'");
        const auto kind = text(t, "kind");
        if (const auto parsed = kind ? stage_kind_from_string(*kind) : std::nullopt)
            stage.kind = *parsed;
        else
            fail(kind ? *t.get("kind") : static_cast<const toml::node&>(t),
                 fmt::format("stage '{}' needs a 'kind': preliminary, heat, repechage, "
                             "eighth-final, quarterfinal, semifinal, final, ranking or other",
                             stage.name));
        stage.races = count(t, "races", 1, max_races);
        stage.min_field = count(t, "min_field", 1, max_places).value_or(stage.min_field);
        stage.ranking_order = choice<RankingOrder>(t, "ranking_order", ranking_order_names)
                                  .value_or(stage.ranking_order);
        return stage;
    }

    Transition read_transition(const toml::table& t) {
        allow(t, {"from", "to", "final", "select", "places", "capacity", "time_pool", "referee",
                  "ties"});
        Transition tr;
        tr.from = text(t, "from").value_or("");
        tr.to = text(t, "to").value_or("");
        if (tr.from.empty() || tr.to.empty())
            fail(t, "a [[transition]] needs 'from' and 'to' (stage names)");
        if (const auto final = text(t, "final")) {
            if (final->size() != 1 || (*final)[0] < 'A' || (*final)[0] >= 'A' + detail::max_final)
                fail(*t.get("final"), fmt::format("'final' is a final's letter, A to {}",
                                                  char('A' + detail::max_final - 1)));
            else
                tr.final = (*final)[0];
        }
        tr.selection = choice<Selection>(t, "select", selection_names).value_or(tr.selection);
        read_places(t, tr);
        tr.capacity = count(t, "capacity", 0, max_skaters);
        tr.time_pool = choice<TimePool>(t, "time_pool", time_pool_names).value_or(tr.time_pool);
        tr.referee = choice<RefereePolicy>(t, "referee", referee_names).value_or(tr.referee);
        tr.ties = choice<TiePolicy>(t, "ties", tie_names).value_or(tr.ties);
        if (!t.contains("time_pool") && !tr.capacity) tr.time_pool = TimePool::none;
        if (tr.selection == Selection::places && tr.time_pool != TimePool::none && !tr.capacity)
            fail(t, "a time pool needs a 'capacity' (the slots the transition fills)");
        if (tr.selection == Selection::others &&
            (t.contains("places") || t.contains("capacity") || t.contains("time_pool")))
            fail(t,
                 "select = \"others\" takes everyone else eligible: no 'places', 'capacity' or "
                 "'time_pool'");
        // Top 0 and no time slot: the stages this feeds would never be raced (a simulation
        // would still crown the first stage's best).
        return tr;
    }

    // places = 2 (the top two) or places = [3, 4] (a range).
    void read_places(const toml::table& t, Transition& tr) {
        const auto* node = t.get("places");
        if (!node) return;
        if (const auto* range = node->as_array()) {
            const auto first = range->size() == 2 ? whole_value(*range->get(0)) : std::nullopt;
            const auto last = range->size() == 2 ? whole_value(*range->get(1)) : std::nullopt;
            if (first && last && *first >= 1 && *first <= *last && *last <= max_places) {
                tr.first_place = static_cast<int>(*first);
                tr.place_quota = static_cast<int>(*last);
                return;
            }
            return fail(*node, fmt::format("'places' as a range is [first, last] with 1 <= first "
                                           "<= last <= {} (places = [3, 4])",
                                           max_places));
        }
        if (const auto k = whole_value(*node); k && *k >= 0 && *k <= max_places) {
            tr.first_place = 1;
            tr.place_quota = static_cast<int>(*k);
            return;
        }
        fail(*node, fmt::format("'places' is the top k, a whole number from 0 to {} (places = 2; "
                                "0: by time alone), or a range of places (places = [3, 4])",
                                max_places));
    }

    std::vector<int> seed_numbers(const toml::array& list) {
        std::vector<int> seeds;
        for (const auto& seed : list)
            if (const auto v = whole_number(seed, "a seed number", 1, max_seed_number))
                seeds.push_back(static_cast<int>(*v));
        return seeds;
    }

    EntryRule read_entry(const toml::table& t) {
        allow(t, {"to", "count", "seeding", "seeds"});
        EntryRule entry;
        entry.to = text(t, "to").value_or("");
        if (entry.to.empty()) fail(t, "an [[entry]] needs 'to' (the stage entered)");
        entry.count = count(t, "count", 1, max_skaters).value_or(entry.count);
        entry.seeding =
            choice<EntrySeeding>(t, "seeding", entry_seeding_names).value_or(entry.seeding);
        if (const auto* seeds = t["seeds"].as_array()) entry.seeds = seed_numbers(*seeds);
        if (entry.seeding == EntrySeeding::listed &&
            static_cast<int>(entry.seeds.size()) != entry.count)
            fail(t,
                 fmt::format("seeding = \"listed\" needs 'seeds', {} seed number(s)", entry.count));
        return entry;
    }

    ClassificationRule read_classification(const toml::table& t) {
        allow(t, {"era", "points", "unplaced_order", "unplaced_finalists", "repechage",
                  "era_a_disqualified"});
        ClassificationRule rule;
        rule.era = choice<Era>(t, "era", era_names).value_or(rule.era);
        if (const auto* points = t["points"].as_array()) {
            rule.points.clear();
            for (const auto& p : *points)
                if (const auto v =
                        number(p, "each of 'points' (one per race place)", 0, max_points))
                    rule.points.push_back(*v);
        }
        rule.unplaced_order = choice<UnplacedOrder>(t, "unplaced_order", unplaced_order_names)
                                  .value_or(rule.unplaced_order);
        rule.unplaced_finalists =
            choice<UnplacedFinalists>(t, "unplaced_finalists", unplaced_finalists_names)
                .value_or(rule.unplaced_finalists);
        rule.repechage =
            choice<RepechageEliminations>(t, "repechage", repechage_names).value_or(rule.repechage);
        rule.era_a_disqualified =
            choice<EraADisqualified>(t, "era_a_disqualified", era_a_disqualified_names)
                .value_or(rule.era_a_disqualified);
        return rule;
    }

    DrawRule read_draw(const toml::table& t) {
        allow(t, {"first_round", "pairs", "reseed"});
        DrawRule rule;
        rule.first_round =
            choice<FirstRound>(t, "first_round", first_round_names).value_or(rule.first_round);
        rule.reseed = choice<Reseed>(t, "reseed", reseed_names).value_or(rule.reseed);
        if (const auto* pairs = t["pairs"].as_array()) {
            for (const auto& race : *pairs) {
                auto& seeds = rule.pairs.emplace_back();
                const auto* list = race.as_array();
                if (!list)
                    fail(race, "'pairs' lists races as arrays of seed numbers: [[1, 16], ...]");
                if (list) seeds = seed_numbers(*list);
            }
        }
        if (rule.first_round == FirstRound::pairs && rule.pairs.empty())
            fail(t, "first_round = \"pairs\" needs 'pairs'");
        return rule;
    }

    void error_at(int line, std::string message) {
        if (!error_) error_ = Error{source_, line, std::move(message)};
    }

    void validate(const Format& f) {
        if (f.stages.empty()) return error_at(0, "a format needs at least one [[stage]]");
        for (std::size_t s = 0; s < f.stages.size(); ++s)
            for (std::size_t o = 0; o < s; ++o)
                if (fold_name(f.stages[o].name) == fold_name(f.stages[s].name))
                    error_at(stage_lines_[s], fmt::format("stage '{}' is listed twice (line {})",
                                                          f.stages[s].name, stage_lines_[o]));
        std::vector<char> fed(f.stages.size(), 0);
        fed[0] = 1;
        std::vector<int> lettered(f.stages.size(), -1);  // -1 unknown, 0 no, 1 yes
        for (std::size_t i = 0; i < f.transitions.size(); ++i) {
            const auto& t = f.transitions[i];
            const int line = transition_lines_[i];
            const int from = known_stage(f, t.from, line);
            const int to = known_stage(f, t.to, line);
            if (from < 0 || to < 0) continue;
            if (to <= from)
                error_at(line, fmt::format("the transition from '{}' to '{}' goes back: stages are "
                                           "listed in running order, and a stage feeds only later "
                                           "ones",
                                           t.from, t.to));
            if (f.stages[from].kind == StageKind::ranking)
                error_at(line, fmt::format("nobody advances from the ranking stage '{}'", t.from));
            fed[to] = 1;
            const int named = t.final ? 1 : 0;
            if (lettered[to] >= 0 && lettered[to] != named)
                error_at(line, fmt::format("transitions into '{}' must all name a final ('final = "
                                           "\"A\"') or none do",
                                           t.to));
            lettered[to] = named;
        }
        for (std::size_t i = 0; i < f.entries.size(); ++i)
            if (const int to = known_stage(f, f.entries[i].to, entry_lines_[i]); to >= 0) {
                if (to == 0)
                    error_at(entry_lines_[i],
                             "an entry into the first stage: the whole field "
                             "starts there");
                fed[to] = 1;
            }
        for (std::size_t s = 1; s < f.stages.size(); ++s)
            if (!fed[s])
                error_at(stage_lines_[s], fmt::format("stage '{}' is fed by no transition or entry",
                                                      f.stages[s].name));
    }

    int known_stage(const Format& f, const std::string& name, int line) {
        const int index = f.stage_index(name);
        if (index < 0) {
            std::vector<std::string> names;
            for (const auto& s : f.stages)
                names.push_back(s.name);
            error_at(line,
                     fmt::format("no stage '{}' (the stages: {})", name, fmt::join(names, ", ")));
        }
        return index;
    }

    std::vector<int> stage_lines_, transition_lines_, entry_lines_;
};

}  // namespace

std::string_view to_string(TimePool v) {
    return time_pool_names.at(static_cast<int>(v));
}
std::string_view to_string(RefereePolicy v) {
    return referee_names.at(static_cast<int>(v));
}
std::string_view to_string(TiePolicy v) {
    return tie_names.at(static_cast<int>(v));
}
std::string_view to_string(Selection v) {
    return selection_names.at(static_cast<int>(v));
}
std::string_view to_string(RankingOrder v) {
    return ranking_order_names.at(static_cast<int>(v));
}
std::string_view to_string(EntrySeeding v) {
    return entry_seeding_names.at(static_cast<int>(v));
}
std::string_view to_string(RepechageEliminations v) {
    return repechage_names.at(static_cast<int>(v));
}
std::string_view to_string(EraADisqualified v) {
    return era_a_disqualified_names.at(static_cast<int>(v));
}

const StageRule* Format::stage(std::string_view stage_name) const {
    const int index = stage_index(stage_name);
    return index < 0 ? nullptr : &stages[index];
}

int Format::stage_index(std::string_view stage_name) const {
    const auto key = fold_name(stage_name);
    for (std::size_t s = 0; s < stages.size(); ++s)
        if (fold_name(stages[s].name) == key) return static_cast<int>(s);
    return -1;
}
std::string_view to_string(Era v) {
    return era_names.at(static_cast<int>(v));
}
std::string_view to_string(UnplacedOrder v) {
    return unplaced_order_names.at(static_cast<int>(v));
}
std::string_view to_string(UnplacedFinalists v) {
    return unplaced_finalists_names.at(static_cast<int>(v));
}
std::string_view to_string(FirstRound v) {
    return first_round_names.at(static_cast<int>(v));
}
std::string_view to_string(Reseed v) {
    return reseed_names.at(static_cast<int>(v));
}

Result<Format> parse_format(std::string_view toml_text, std::string source) {
    return detail::read_toml<FormatReader>(toml_text, std::move(source));
}

Result<Format> load_format(const std::string& path) {
    const auto text = detail::read_input(path, "the format file");
    if (!text) return text.error();
    return parse_format(*text, path);
}

namespace {

// A TOML basic string: the quote, the backslash and every control character TOML forbids raw
// (U+0000-U+001F, U+007F) escaped; everything else kept as it is, so that names stay readable.
// A byte that is not UTF-8 (no reader lets one in) is written as U+FFFD: the output always reads.
// Written by hand rather than by toml++'s formatter, which orders a table's keys alphabetically
// (name after kind) and writes names with a newline as multi-line strings.
std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const auto c = detail::decode_utf8(text, i);
        if (!c) {
            detail::append_utf8(out, U'\uFFFD');
            continue;
        }
        switch (*c) {
            case U'"':
                out += "\\\"";
                break;
            case U'\\':
                out += "\\\\";
                break;
            case U'\b':
                out += "\\b";
                break;
            case U'\t':
                out += "\\t";
                break;
            case U'\n':
                out += "\\n";
                break;
            case U'\f':
                out += "\\f";
                break;
            case U'\r':
                out += "\\r";
                break;
            default:
                if (*c < 0x20 || *c == 0x7f)
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(*c));
                else
                    out.append(text.substr(start, i - start));
        }
    }
    return out + "\"";
}

}  // namespace

std::string format_to_toml(const Format& format) {
    std::ostringstream out;
    out << "name = " << toml_string(format.name) << "\n";
    out << "description = " << toml_string(format.description) << "\n";
    for (const auto& s : format.stages) {
        out << fmt::format("\n[[stage]]\nname = {}\nkind = \"{}\"\n", toml_string(s.name),
                           to_string(s.kind));
        if (s.races) out << fmt::format("races = {}\n", *s.races);
        if (s.min_field != StageRule{}.min_field)
            out << fmt::format("min_field = {}\n", s.min_field);
        if (s.kind == StageKind::ranking)
            out << fmt::format("ranking_order = \"{}\"\n", to_string(s.ranking_order));
    }
    for (const auto& t : format.transitions) {
        out << fmt::format("\n[[transition]]\nfrom = {}\nto = {}\n", toml_string(t.from),
                           toml_string(t.to));
        if (t.final) out << fmt::format("final = \"{}\"\n", t.final);
        if (t.selection == Selection::others) {
            out << "select = \"others\"\n";
            continue;
        }
        if (t.first_place == 1)
            out << fmt::format("places = {}\n", t.place_quota);
        else
            out << fmt::format("places = [{}, {}]\n", t.first_place, t.place_quota);
        if (t.capacity) out << fmt::format("capacity = {}\n", *t.capacity);
        out << fmt::format("time_pool = \"{}\"\nreferee = \"{}\"\nties = \"{}\"\n",
                           to_string(t.time_pool), to_string(t.referee), to_string(t.ties));
    }
    for (const auto& e : format.entries) {
        out << fmt::format("\n[[entry]]\nto = {}\ncount = {}\nseeding = \"{}\"\n",
                           toml_string(e.to), e.count, to_string(e.seeding));
        if (!e.seeds.empty()) out << fmt::format("seeds = [{}]\n", fmt::join(e.seeds, ", "));
    }
    const auto& c = format.classification;
    out << fmt::format(
        "\n[classification]\nera = \"{}\"\npoints = [{}]\nunplaced_order = \"{}\"\n"
        "unplaced_finalists = \"{}\"\nrepechage = \"{}\"\n",
        to_string(c.era), fmt::join(c.points, ", "), to_string(c.unplaced_order),
        to_string(c.unplaced_finalists), to_string(c.repechage));
    if (c.era == Era::A)
        out << fmt::format("era_a_disqualified = \"{}\"\n", to_string(c.era_a_disqualified));
    const auto& d = format.draw;
    if (d.first_round != FirstRound::snake || d.reseed != Reseed::snake) {
        out << fmt::format("\n[draw]\nfirst_round = \"{}\"\n", to_string(d.first_round));
        if (!d.pairs.empty()) {
            std::vector<std::string> races;
            for (const auto& race : d.pairs)
                races.push_back(fmt::format("[{}]", fmt::join(race, ", ")));
            out << fmt::format("pairs = [{}]\n", fmt::join(races, ", "));
        }
        out << fmt::format("reseed = \"{}\"\n", to_string(d.reseed));
    }
    return out.str();
}

}  // namespace heatgraph
