// Fields of skaters for the simulation, and incident rates estimated from real events.
#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "event/json_reader.hpp"
#include "heatgraph/replay.hpp"
#include "heatgraph/simulate.hpp"
#include "simulation/field_bounds.hpp"
#include "simulation/random_stream.hpp"
#include "sources/text.hpp"

namespace heatgraph {

Result<Field> parse_field(std::string_view json_text, std::string file) {
    return detail::read_json(json_text, file, [](const detail::JsonValue& root) {
        Field field;
        if (const auto model = root.find("model")) {
            if (model->text() == "thurstone")
                field.model = NoiseModel::thurstone;
            else if (model->text() != "plackett-luce")
                model->fail(fmt::format("is \"plackett-luce\" or \"thurstone\", not \"{}\"",
                                        model->text()));
        }
        if (const auto noise = root.find("noise")) {
            field.noise = noise->number();
            if (const auto problem = detail::noise_problem(field.noise)) noise->fail(*problem);
        }
        const auto skaters = root.at("skaters").items();
        if (skaters.size() < 2 || skaters.size() > max_field)
            root.at("skaters").fail(fmt::format("holds {} skaters; a field has from 2 to {}",
                                                skaters.size(), max_field));
        for (const auto& s : skaters) {
            const auto strength = s.at("strength");
            field.skaters.push_back({s.at("name").text(), strength.number()});
            if (const auto problem = detail::strength_problem(field.skaters.back().strength))
                strength.fail(*problem);
        }
        return field;
    });
}

Result<Field> load_field(const std::string& path) {
    const auto text = detail::read_input(path, "the field file");
    if (!text) return text.error();
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

Field fitted_field(const RaceModel& model, Diagnostics* notes) {
    Field field;
    for (const auto& s : model.skaters)
        field.skaters.push_back({s.name, s.strength});
    // An average skater on the centred scale: worth 1, as RaceModel::worth draws them.
    for (const auto& name : model.unplaced) {
        field.skaters.push_back({name, 0.0});
        if (notes)
            notes->push_back({Severity::warning, 0,
                              fmt::format("{} has no placed race to fit: simulated as an average "
                                          "skater (strength 0)",
                                          name)});
    }
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
