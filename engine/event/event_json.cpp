#include "heatgraph/event_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "event/json_export.hpp"
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

Row row_from_json(const json& j) {
    Row row;
    row.printed_name = j.at("athlete").get<std::string>();
    if (const auto it = j.find("printed_name"); it != j.end())
        row.printed_name = it->get<std::string>();
    if (!j.at("place").is_null()) row.place = j.at("place").get<int>();
    if (!j.at("time_ms").is_null()) row.time = j.at("time_ms").get<Millis>();
    const auto status = j.at("status").get<std::string>();
    const auto parsed = status_from_string(status);
    if (!parsed) throw std::invalid_argument(fmt::format("unknown status '{}'", status));
    row.status = *parsed;
    row.marks = j.at("marks").get<std::vector<std::string>>();
    row.printed_rank =
        j.contains("printed_rank") ? std::optional(j["printed_rank"].get<int>()) : std::nullopt;
    row.country = j.value("country", "");
    row.athlete_id = j.value("athlete_id", "");
    row.note = j.value("note", "");
    if (j.contains("extra"))
        row.extra = j["extra"].get<std::vector<std::pair<std::string, std::string>>>();
    row.line = j.value("line", 0);
    return row;
}

Round round_from_json(const json& j) {
    Round round;
    round.name = j.at("name").get<std::string>();
    // The kind as written (exports since stages), else as the name says (older exports).
    const auto named = detail::stage_of_heading(round.name);
    const auto kind = j.contains("kind") ? stage_kind_from_string(j["kind"].get<std::string>())
                      : named            ? std::optional(named->kind)
                                         : std::nullopt;
    if (!kind) throw std::invalid_argument(fmt::format("unknown stage '{}'", round.name));
    round.kind = *kind;
    round.printed_name = j.value("printed_name", round.name);
    int number = 0;
    for (const auto& r : j.at("races")) {
        ++number;
        if (!r.value("raced", true)) continue;  // decided by the replay; it is decided again
        Race race;
        race.name = r.at("name").get<std::string>();
        race.number = detail::race_number(race.name, named && named->lettered).value_or(number);
        for (const auto& row : r.at("results"))
            race.results.push_back(row_from_json(row));
        round.races.push_back(std::move(race));
    }
    return round;
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
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return Error{source, detail::line_at(text, e.byte),
                     fmt::format("invalid JSON: {}", e.what())};
    }
    Event event;
    event.source = source;
    try {
        const auto& info = j.at("event");
        event.info.title = info.at("title").get<std::string>();
        if (info.contains("infobox"))
            event.info.infobox =
                info["infobox"].get<std::vector<std::pair<std::string, std::string>>>();
        for (const auto& round : j.at("rounds"))
            event.rounds.push_back(round_from_json(round));
    } catch (const json::exception& e) {
        return Error{source, 0, fmt::format("not a heatgraph event export: {}", e.what())};
    } catch (const std::invalid_argument& e) {
        return Error{source, 0, fmt::format("not a heatgraph event export: {}", e.what())};
    }
    if (event.rounds.empty()) return Error{source, 0, "the export has no rounds"};
    detail::settle_event_info(event.info, {});
    detail::assign_athletes(event);
    return event;
}

}  // namespace heatgraph
