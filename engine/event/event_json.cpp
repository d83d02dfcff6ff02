#include "heatgraph/event_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "event/json_export.hpp"
#include "event/json_reader.hpp"
#include "sources/athlete_registry.hpp"
#include "sources/event_info.hpp"
#include "sources/stage_names.hpp"
#include "sources/text.hpp"

namespace heatgraph {

namespace {

using detail::json;
using detail::optional_json;

json row_json(const Event& event, const Row& row) {
    json j{{"athlete", event.name_of(row.athlete)},
           {"place", optional_json(row.place)},
           {"time_ms", optional_json(row.time)},
           {"status", to_string(row.status)},
           {"marks", row.marks},
           {"advanced_to", row.advance ? json(row.advance->to) : json(nullptr)},
           {"reason", row.advance ? json(to_string(row.advance->reason)) : json(nullptr)},
           {"reason_source", row.advance ? json(to_string(row.advance->source)) : json(nullptr)},
           {"entry", row.entry ? json(to_string(*row.entry)) : json(nullptr)}};
    if (row.printed_name != event.name_of(row.athlete)) j["printed_name"] = row.printed_name;
    if (row.printed_rank) j["printed_rank"] = *row.printed_rank;
    if (row.time) j["time"] = format_race_time(*row.time);
    if (!row.country.empty()) j["country"] = row.country;
    if (!row.athlete_id.empty()) j["athlete_id"] = row.athlete_id;
    if (!row.note.empty()) j["note"] = row.note;
    if (!row.extra.empty()) j["extra"] = row.extra;
    j["line"] = row.line;
    return j;
}

json race_json(const Event& event, const Race& race) {
    json results = json::array();
    for (const auto& row : race.results)
        results.push_back(row_json(event, row));
    json j{{"name", race.name}, {"results", results}};
    if (!race.raced) {
        j["raced"] = false;
        json field = json::array();
        for (auto id : race.field)
            field.push_back(event.name_of(id));
        j["field"] = field;
    }
    return j;
}

json event_json(const Replay& replay) {
    const auto& e = replay.event;
    json medalists = json::array();
    for (const auto& m : e.info.medalists)
        medalists.push_back({{"medal", m.medal}, {"athlete", m.name}, {"noc", m.noc}});
    return {{"title", e.info.title},        {"competitors", e.athletes.size()},
            {"format", replay.format.name}, {"format_description", replay.format.description},
            {"source", e.source},           {"year", optional_json(e.info.year)},
            {"infobox", e.info.infobox},    {"medalists", medalists}};
}

using detail::JsonValue;

// The pairs of an object of strings ("infobox", "extra"), exported as [key, value] arrays.
std::vector<std::pair<std::string, std::string>> pairs_from_json(const JsonValue& j) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& pair : j.items()) {
        const auto both = pair.items();
        if (both.size() != 2) pair.fail("must be a [key, value] pair");
        out.emplace_back(both[0].text(), both[1].text());
    }
    return out;
}

// `names`: each row's athlete name as exported, in the order read.
Row row_from_json(const JsonValue& j, std::vector<std::string>& names) {
    Row row;
    row.printed_name = j.at("athlete").text();
    names.push_back(row.printed_name);
    if (const auto printed = j.find("printed_name")) row.printed_name = printed->text();
    if (const auto place = j.find("place"))
        row.place = static_cast<int>(place->whole(1, max_place));
    if (const auto time = j.find("time_ms")) row.time = time->whole(0, max_race_time);
    const auto status = j.at("status");
    const auto parsed = status_from_string(status.text());
    if (!parsed) status.fail(fmt::format("is not a status: '{}'", status.text()));
    row.status = *parsed;
    for (const auto& mark : j.at("marks").items())
        row.marks.push_back(mark.text());
    if (const auto rank = j.find("printed_rank"))
        row.printed_rank = static_cast<int>(rank->whole(1, max_place));
    if (const auto country = j.find("country")) row.country = country->text();
    if (const auto id = j.find("athlete_id")) row.athlete_id = id->text();
    if (const auto note = j.find("note")) row.note = note->text();
    if (const auto extra = j.find("extra")) row.extra = pairs_from_json(*extra);
    row.line = j.find("line") ? static_cast<int>(j.at("line").whole(0, INT32_MAX)) : 0;
    return row;
}

Round round_from_json(const JsonValue& j, std::vector<std::string>& names) {
    Round round;
    const auto name = j.at("name");
    round.name = name.text();
    // The kind as written (exports since stages), else as the name says (older exports).
    const auto named = detail::stage_of_heading(round.name);
    const auto kind_field = j.find("kind");
    const auto kind = kind_field ? stage_kind_from_string(kind_field->text())
                      : named    ? std::optional(named->kind)
                                 : std::nullopt;
    if (!kind) (kind_field ? *kind_field : name).fail("is not a stage");
    round.kind = *kind;
    round.printed_name = j.find("printed_name") ? j.at("printed_name").text() : round.name;
    int number = 0;
    for (const auto& r : j.at("races").items()) {
        ++number;
        if (const auto raced = r.find("raced"); raced && !raced->boolean())
            continue;  // decided by the replay; it is decided again
        Race race;
        race.name = r.at("name").text();
        race.number = detail::race_number(race.name, named && named->lettered).value_or(number);
        if (named && named->lettered && race.number > detail::max_final)
            r.at("name").fail(
                fmt::format("is not a final of a stage of lettered finals (Final A "
                            "to Final {})",
                            char('A' + detail::max_final - 1)));
        for (const auto& row : r.at("results").items())
            race.results.push_back(row_from_json(row, names));
        round.races.push_back(std::move(race));
    }
    return round;
}

// An athlete exported under a name their rows do not print (a result table's "KIMGeonHee" is
// "Kim Geon-hee") gets that name back, the printed one an alias, as the table reader gave it.
void restore_names(Event& event, const std::vector<std::string>& names) {
    std::size_t i = 0;
    for (const auto& round : event.rounds)
        for (const auto& race : round.races)
            for (const auto& row : race.results) {
                auto& athlete = event.athletes[row.athlete];
                const auto& exported = names[i++];
                if (exported == athlete.name || athlete.name != row.printed_name) continue;
                athlete.aliases.insert(athlete.aliases.begin(), athlete.name);
                athlete.name = exported;
            }
}

}  // namespace

namespace detail {

json classification_json(const Event& event, const Classification& classification) {
    json out = json::array();
    for (const auto& s : classification)
        out.push_back({{"rank", optional_json(s.rank)},
                       {"athlete", event.name_of(s.athlete)},
                       {"eliminated_in", s.eliminated_in}});
    return out;
}

json diagnostics_json(const Diagnostics& diagnostics) {
    json out = json::array();
    for (const auto& d : diagnostics)
        out.push_back(
            {{"severity", to_string(d.severity)}, {"line", d.line}, {"message", d.message}});
    return out;
}

}  // namespace detail

std::string replay_to_json(const Replay& replay, int indent) {
    const auto& e = replay.event;
    json rounds = json::array();
    for (const auto& round : e.rounds) {
        json races = json::array();
        for (const auto& race : round.races)
            races.push_back(race_json(e, race));
        json r{{"name", round.name}, {"kind", to_string(round.kind)}, {"races", races}};
        if (round.printed_name != round.name) r["printed_name"] = round.printed_name;
        rounds.push_back(r);
    }
    const json out{{"event", event_json(replay)},
                   {"rounds", rounds},
                   {"classification", detail::classification_json(e, replay.classification)},
                   {"diagnostics", detail::diagnostics_json(replay.diagnostics)}};
    return out.dump(indent) + "\n";
}

namespace {

json text_or_null(const std::string& text) {
    return text.empty() ? json(nullptr) : json(text);
}

// A path step's explanation: its texts, the penalised skaters it gained a place by, and its
// standing in the time pool.
json why_json(const PathStep& step) {
    json j{{"incident", text_or_null(step.incident)},
           {"reason", text_or_null(step.reason)},
           {"why_out", text_or_null(step.why_out)},
           {"moved_up_by", step.moved_up_by}};
    if (step.time) {
        const auto& t = *step.time;
        j["time_pool"] = {{"rank", t.rank},       {"pool", t.pool},
                          {"slots", t.slots},     {"behind_last_ms", optional_json(t.behind_last)},
                          {"by_time", t.by_time}, {"referee", t.referee}};
    }
    return j;
}

}  // namespace

std::string path_to_json(const Replay& replay, const std::vector<PathStep>& path, int indent) {
    const auto& e = replay.event;
    json steps = json::array();
    AthleteId id = -1;
    for (const auto& step : path) {
        id = step.row.athlete;
        json j = step.raced ? row_json(e, step.row) : json{{"athlete", e.name_of(id)}};
        j["round"] = step.round;
        j["race"] = step.race;
        j["raced"] = step.raced;
        j["why"] = why_json(step);
        steps.push_back(j);
    }
    json out{{"athlete", id >= 0 ? json(e.name_of(id)) : json(nullptr)}, {"path", steps}};
    if (const Standing* s = find_standing(replay.classification, id)) {
        out["rank"] = optional_json(s->rank);
        out["eliminated_in"] = s->eliminated_in;
    }
    return out.dump(indent) + "\n";
}

Result<Event> parse_event_json(std::string_view text, std::string source) {
    std::vector<std::string> names;  // as exported, row by row
    auto read = detail::read_json(text, source, [&](const JsonValue& root) {
        const auto& j = root.raw();
        if (!j.is_object() || !j.contains("event") || !j.contains("rounds"))
            root.fail("not a heatgraph event export: it has no \"event\" and \"rounds\"");
        Event event;
        event.source = source;
        const auto info = root.at("event");
        event.info.title = info.at("title").text();
        if (const auto year = info.find("year"))
            event.info.year = static_cast<int>(year->whole(1900, 2100));
        if (const auto infobox = info.find("infobox"))
            event.info.infobox = pairs_from_json(*infobox);
        for (const auto& round : root.at("rounds").items())
            event.rounds.push_back(round_from_json(round, names));
        if (event.rounds.empty()) root.at("rounds").fail("is empty: the export has no rounds");
        return event;
    });
    if (!read) return read.error();
    Event event = std::move(*read);
    detail::settle_event_info(event.info, {});
    detail::assign_athletes(event);
    restore_names(event, names);
    return event;
}

}  // namespace heatgraph
