#include "heatgraph/rulings.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <map>

#include "sources/text.hpp"
#include "sources/toml_reader.hpp"
#include "sources/utf8.hpp"

namespace heatgraph {

namespace {

using detail::trim;

constexpr detail::Names<7> kind_names{"penalize", "rescind", "advance", "revoke-advance",
                                      "dns",      "time",    "redraw"};

std::string syntax_of(RulingKind kind) {
    switch (kind) {
        case RulingKind::rescind:
            return "ATHLETE@RACE=PLACE or ATHLETE@RACE=PLACE,TIME";
        case RulingKind::time:
            return "ATHLETE@RACE=TIME";
        case RulingKind::redraw:
            return "RACE";
        default:
            return "ATHLETE@RACE";
    }
}

Result<Ruling> parse_value(Ruling ruling, std::string_view value) {
    const auto fail = [&](std::string message) -> Result<Ruling> {
        return Error{ruling.file, ruling.line,
                     fmt::format("--{} \"{}\": {}", to_string(ruling.kind), ruling.text, message)};
    };
    if (ruling.kind == RulingKind::time) {
        ruling.time = parse_race_time(value);
        if (!ruling.time)
            return fail(fmt::format("'{}' is not a race time (1:23.456, under a day)", value));
        return ruling;
    }
    const auto parts = detail::split(value, ',');
    ruling.place = detail::parse_int(trim(parts[0]));
    if (!ruling.place || *ruling.place < 1 || *ruling.place > max_place)
        return fail(fmt::format("'{}' is not a place (1 to {})", trim(parts[0]), max_place));
    if (parts.size() > 2) return fail("expected PLACE or PLACE,TIME");
    if (parts.size() == 2) {
        ruling.time = parse_race_time(trim(parts[1]));
        if (!ruling.time)
            return fail(
                fmt::format("'{}' is not a race time (1:23.456, under a day)", trim(parts[1])));
    }
    return ruling;
}

}  // namespace

std::string_view to_string(RulingKind kind) {
    return kind_names.at(static_cast<int>(kind));
}

std::optional<RulingKind> ruling_kind_from_string(std::string_view text) {
    for (std::size_t i = 0; i < kind_names.size(); ++i)
        if (kind_names[i] == text) return static_cast<RulingKind>(i);
    return std::nullopt;
}

std::string Ruling::describe() const {
    if (kind == RulingKind::penalize && sanction != Status::PEN)
        return fmt::format("penalize ({}) {}", to_string(sanction), text);
    return fmt::format("{} {}", to_string(kind), text);
}

Result<Ruling> parse_ruling(RulingKind kind, std::string_view text, std::string_view card,
                            std::string file, int line) {
    // Checked before anything of it is kept: a ruling's text is written out (JSON, reports).
    if (const auto bad = detail::first_invalid_utf8(text))
        return Error{std::move(file), line,
                     fmt::format("--{}: the ruling is not UTF-8 text (byte {} is not)",
                                 to_string(kind), *bad + 1)};
    Ruling ruling;
    ruling.kind = kind;
    ruling.text = std::string(trim(text));
    ruling.file = std::move(file);
    ruling.line = line;
    const auto fail = [&](std::string message) -> Result<Ruling> {
        return Error{ruling.file, ruling.line,
                     fmt::format("--{} \"{}\": {}", to_string(kind), ruling.text, message)};
    };
    if (!card.empty()) {
        if (kind != RulingKind::penalize) return fail("a card goes with a penalty only");
        if (card == "yellow")
            ruling.sanction = Status::YC;
        else if (card == "red")
            ruling.sanction = Status::RC;
        else
            return fail(fmt::format("the card is 'yellow' or 'red', not '{}'", card));
    }
    std::string_view rest = ruling.text;
    if (kind == RulingKind::redraw) {
        if (rest.find('@') != std::string_view::npos)
            return fail("a redraw names a race only, e.g. \"Final A\"");
        ruling.race = std::string(rest);
        if (ruling.race.empty()) return fail("expected " + syntax_of(kind));
        return ruling;
    }
    const auto at = rest.find('@');
    if (at == std::string_view::npos) return fail("expected " + syntax_of(kind));
    ruling.athlete = std::string(trim(rest.substr(0, at)));
    rest = rest.substr(at + 1);
    const bool has_value = kind == RulingKind::rescind || kind == RulingKind::time;
    // A rescind's place may follow '=' or ':' (race names hold neither; a time holds ':').
    const auto sign = rest.find_first_of(kind == RulingKind::rescind ? "=:" : "=");
    ruling.race = std::string(trim(rest.substr(0, sign)));
    if (ruling.athlete.empty() || ruling.race.empty()) return fail("expected " + syntax_of(kind));
    if (has_value != (sign != std::string_view::npos)) return fail("expected " + syntax_of(kind));
    if (!has_value) return ruling;
    return parse_value(std::move(ruling), trim(rest.substr(sign + 1)));
}

// ---- scenario files ----

namespace {

class ScenarioReader : detail::TomlReader {
  public:
    using TomlReader::TomlReader;

    Result<Scenario> read(const toml::table& root) {
        Scenario s;
        s.file = source_;
        allow(root, {"title", "question", "source", "event", "format", "samples", "seed",
                     "incidents", "ruling"});
        s.title = text(root, "title").value_or("");
        s.question = text(root, "question").value_or("");
        s.source = text(root, "source").value_or("");
        s.event = text(root, "event").value_or("");
        s.format = text(root, "format").value_or("");
        s.samples = count(root, "samples", 1, max_samples);
        s.seed = seed(root, "seed");
        if (const auto* node = root.get("incidents")) {
            if (const auto v = node->value<bool>())
                s.incidents = *v;
            else
                fail(*node, "'incidents' must be true or false");
        }
        if (const auto* rulings = root["ruling"].as_array()) {
            for (const auto& node : *rulings) {
                if (const auto* table = node.as_table())
                    read_ruling(*table, s);
                else
                    fail(node, "each [[ruling]] must be a table");
            }
        } else if (root.contains("ruling")) {
            fail(*root.get("ruling"), "rulings are [[ruling]] tables");
        }
        if (s.rulings.empty() && s.format.empty() && !error_)
            error_ = Error{source_, 0, "a scenario needs a [[ruling]] or a 'format'"};
        if (error_) return *error_;
        return s;
    }

  private:
    void read_ruling(const toml::table& t, Scenario& s) {
        allow(t, {"penalize", "rescind", "advance", "revoke-advance", "dns", "time", "redraw",
                  "card"});
        const int line = static_cast<int>(t.source().begin.line);
        std::optional<RulingKind> kind;
        std::string value;
        for (const auto& [key, node] : t) {
            if (key.str() == "card") continue;
            if (kind) return fail(t, "a [[ruling]] holds one ruling (penalize, rescind, ...)");
            kind = ruling_kind_from_string(key.str());
            value = text(t, key.str()).value_or("");
        }
        if (!kind)
            return fail(t,
                        "a [[ruling]] needs one of: penalize, rescind, advance, "
                        "revoke-advance, dns, time, redraw");
        const auto card = text(t, "card").value_or("");
        if (error_) return;
        auto ruling = parse_ruling(*kind, value, card, source_, line);
        if (!ruling) {
            error_ = ruling.error();
            return;
        }
        s.rulings.push_back(std::move(ruling).value());
    }
};

std::string relative_to(const std::string& file, const std::string& path) {
    if (path.empty()) return path;
    const std::filesystem::path p(path);
    if (p.is_absolute()) return path;
    return (std::filesystem::path(file).parent_path() / p).lexically_normal().string();
}

}  // namespace

std::string Scenario::event_path() const {
    return relative_to(file, event);
}
std::string Scenario::format_path() const {
    return relative_to(file, format);
}

Result<Scenario> parse_scenario(std::string_view toml_text, std::string file) {
    return detail::read_toml<ScenarioReader>(toml_text, std::move(file));
}

Result<Scenario> load_scenario(const std::string& path) {
    const auto text = detail::read_input(path, "the scenario file");
    if (!text) return text.error();
    return parse_scenario(*text, path);
}

// ---- checking rulings against an event ----

namespace {

// The places a skater can be reinstated at: 1 to one after the last placed.
int last_free_place(const Race& race) {
    int placed = 0;
    for (const auto& row : race.results)
        if (row.place) ++placed;
    return placed + 1;
}

std::optional<std::string> row_conflict(const Ruling& r, const Event& event, const Race& race,
                                        const Row& row) {
    const auto& name = event.name_of(row.athlete);
    switch (r.kind) {
        case RulingKind::penalize:
        case RulingKind::dns:
            if (is_sanction(row.status) || row.status == Status::DNS)
                return fmt::format("{} already has {} in {}", name, to_string(row.status),
                                   race.name);
            break;
        case RulingKind::rescind:
            if (!is_sanction(row.status))
                return fmt::format("{} has no penalty or card in {} to rescind", name, race.name);
            if (*r.place > last_free_place(race))
                return fmt::format("{} can be reinstated at places 1 to {} of {}", name,
                                   last_free_place(race), race.name);
            break;
        case RulingKind::advance:
            if (row.advanced_by_referee())
                return fmt::format("{} already has a referee advancement from {}", name, race.name);
            if (is_sanction(row.status))
                return fmt::format(
                    "{} has {} in {}: a penalised skater cannot be advanced "
                    "(rescind the penalty instead)",
                    name, to_string(row.status), race.name);
            break;
        case RulingKind::revoke_advance:
            if (!row.advanced_by_referee())
                return fmt::format("{} has no referee advancement from {} to revoke", name,
                                   race.name);
            break;
        case RulingKind::time:
        case RulingKind::redraw:
            break;
    }
    return std::nullopt;
}

// Rulings on one row that cannot all hold: two that change the outcome, or a time for a
// skater the other ruling leaves without a finish.
bool contradict(const Ruling& a, const Ruling& b) {
    const auto outcome = [](RulingKind k) {
        return k == RulingKind::penalize || k == RulingKind::rescind || k == RulingKind::dns;
    };
    const auto referee = [](RulingKind k) {
        return k == RulingKind::advance || k == RulingKind::revoke_advance;
    };
    if (a.kind == b.kind) return true;
    if (outcome(a.kind) && outcome(b.kind)) return true;
    if (referee(a.kind) && referee(b.kind)) return true;
    const auto no_finish = [](const Ruling& r) {
        return r.kind == RulingKind::penalize || r.kind == RulingKind::dns;
    };
    if ((no_finish(a) && b.kind == RulingKind::advance) ||
        (no_finish(b) && a.kind == RulingKind::advance))
        return true;
    return (no_finish(a) && b.kind == RulingKind::time) ||
           (no_finish(b) && a.kind == RulingKind::time);
}

bool is_final(const Event& event, const Race& race) {
    for (const auto& round : event.rounds)
        if (round.kind == StageKind::final && !round.races.empty() &&
            &race >= &round.races.front() && &race <= &round.races.back())
            return true;
    return false;
}

// The one thing of `found` that `name` names, or why it names none: nothing of that name (with
// the `nearest` names), or several ("Final" beside a Final A and a Final B).
template <class T>
Result<T> one_named(std::string_view what, std::string_view name, const std::vector<T>& found,
                    const auto& name_of, const auto& nearest) {
    if (found.size() == 1) return found.front();
    if (found.empty())
        return Error{{},
                     0,
                     fmt::format("no {} '{}' in this event; nearest: {}", what, name,
                                 fmt::join(nearest(), ", "))};
    std::vector<std::string> names;
    for (const auto& each : found)
        names.push_back(name_of(each));
    return Error{
        {}, 0, fmt::format("{} '{}' is ambiguous: {}", what, name, fmt::join(names, ", "))};
}

Result<const Race*> race_named(const Event& event, std::string_view name) {
    return one_named(
        "race", name, event.races_named(name), [](const Race* race) { return race->name; },
        [&] { return event.nearest_races(name); });
}

Result<AthleteId> athlete_named(const Event& event, std::string_view name) {
    return one_named(
        "athlete", name, event.athletes_named(name),
        [&](AthleteId id) { return event.name_of(id); },
        [&] { return event.nearest_athletes(name); });
}

}  // namespace

Result<std::vector<RulingTarget>> check_rulings(const Event& replayed,
                                                const std::vector<Ruling>& rulings) {
    std::vector<RulingTarget> targets;
    std::multimap<std::pair<const Race*, AthleteId>, const Ruling*> on_row;
    std::map<const Race*, const Ruling*> redrawn;
    for (const auto& r : rulings) {
        const auto fail = [&](std::string message) -> Result<std::vector<RulingTarget>> {
            return Error{r.file, r.line,
                         fmt::format("--{} \"{}\": {}", to_string(r.kind), r.text, message)};
        };
        RulingTarget target;
        const auto race = race_named(replayed, r.race);
        if (!race) return fail(race.error().message);
        target.race = *race;
        const auto& race_name = target.race->name;  // as the event names it: "SF1" is Semifinal 1
        if (r.kind == RulingKind::redraw) {
            if (!target.race->raced && target.race->field.size() < 2)
                return fail(
                    fmt::format("{} has fewer than two skaters: nothing to draw", race_name));
            if (redrawn.count(target.race))
                return fail(fmt::format("{} is redrawn twice", race_name));
            redrawn[target.race] = &r;
            targets.push_back(target);
            continue;
        }
        const auto id = athlete_named(replayed, r.athlete);
        if (!id) return fail(id.error().message);
        target.athlete = *id;
        for (const auto& row : target.race->results)
            if (row.athlete == *id) target.row = &row;
        if (!target.row)
            return fail(fmt::format("{} did not race {}", replayed.name_of(*id), race_name));
        if (r.kind == RulingKind::advance && is_final(replayed, *target.race))
            return fail(fmt::format("{} is a final: there is no round to advance to", race_name));
        if (auto conflict = row_conflict(r, replayed, *target.race, *target.row))
            return fail(*conflict);
        const auto key = std::pair{target.race, *id};
        for (auto it = on_row.lower_bound(key); it != on_row.end() && it->first == key; ++it)
            if (contradict(*it->second, r))
                return fail(fmt::format("contradicts {}", it->second->describe()));
        on_row.emplace(key, &r);
        targets.push_back(target);
    }
    for (const auto& [key, r] : on_row)
        if (const auto it = redrawn.find(key.first); it != redrawn.end())
            return Error{r->file, r->line,
                         fmt::format("--{} \"{}\": {} is redrawn: its recorded result is set "
                                     "aside, so a ruling on it has no effect",
                                     to_string(r->kind), r->text, key.first->name)};
    return targets;
}

}  // namespace heatgraph
