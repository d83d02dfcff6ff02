// Fields of skaters for the simulation, and incident rates estimated from real events.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>

#include "heatgraph/replay.hpp"
#include "heatgraph/simulate.hpp"
#include "simulation/random_stream.hpp"
#include "sources/text.hpp"

namespace heatgraph {

Result<Field> parse_field(std::string_view json_text, std::string file) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        return Error{file, detail::line_at(json_text, e.byte),
                     fmt::format("invalid JSON: {}", e.what())};
    }
    Field field;
    try {
        const auto model = j.value("model", std::string("plackett-luce"));
        if (model == "thurstone")
            field.model = NoiseModel::thurstone;
        else if (model != "plackett-luce")
            return Error{
                file, 0,
                fmt::format("\"model\" is \"plackett-luce\" or \"thurstone\", not \"{}\"", model)};
        field.noise = j.value("noise", 1.0);
        for (const auto& s : j.at("skaters"))
            field.skaters.push_back(
                {s.at("name").get<std::string>(), s.at("strength").get<double>()});
    } catch (const nlohmann::json::exception& e) {
        return Error{file, 0, fmt::format("not a field: {}", e.what())};
    }
    if (!(field.noise > 0) || !std::isfinite(field.noise))
        return Error{file, 0, fmt::format("\"noise\" must be above 0, not {}", field.noise)};
    if (field.skaters.size() < 2) return Error{file, 0, "a field needs at least two skaters"};
    for (const auto& s : field.skaters)
        if (!std::isfinite(s.strength))
            return Error{file, 0, fmt::format("{}'s strength is not a number", s.name)};
    return field;
}

Result<Field> load_field(const std::string& path) {
    const auto text = detail::read_file(path);
    if (!text) return Error{path, 0, "cannot open the field file"};
    return parse_field(*text, path);
}

Field normal_field(int skaters, std::uint64_t seed) {
    Field field;
    detail::RandomStream random(seed, 0xF1E1D);
    for (int i = 0; i < skaters; ++i) {
        const double u = random.uniform(), v = random.uniform();
        const double z = std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * v);
        field.skaters.push_back({fmt::format("Skater {}", i + 1), z});
    }
    return field;
}

Field fitted_field(const RaceModel& model) {
    Field field;
    for (const auto& s : model.skaters)
        field.skaters.push_back({s.name, s.strength});
    return field;
}

IncidentRates estimate_incident_rates(const std::vector<Event>& events) {
    int rows = 0, penalties = 0, referee = 0;
    for (const auto& event : events) {
        const auto replayed = replay(event);  // referee advancements recorded or inferred
        for (const auto& round : replayed.event.rounds)
            for (const auto& race : round.races)
                for (const auto& row : race.results) {
                    ++rows;
                    penalties += is_sanction(row.status) ? 1 : 0;
                    referee += row.advanced_by_referee() ? 1 : 0;
                }
    }
    IncidentRates rates;
    if (rows > 0) rates.penalty = static_cast<double>(penalties) / rows;
    if (penalties > 0) rates.fall = std::min(1.0, static_cast<double>(referee) / penalties);
    rates.referee_advance = 1;
    return rates;
}

}  // namespace heatgraph
