// Fields of skaters for the simulation: parse_field, then a short simulation of the field in one
// race and under the 2022-2026 Olympic format (an error when the field is too small for it).
#include "fuzz_support.hpp"

namespace {

heatgraph::Format format_of(const char* relative) {
    auto read = heatgraph::parse_format(heatgraph::fuzz::source_file(relative), relative);
    if (!read) heatgraph::fuzz::fail("fixture", read.error().describe());
    return std::move(read).value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    static const Format one_race = format_of("scenarios/formats/single-race.toml");
    static const Format olympic = format_of("scenarios/formats/isu-2022-2026.toml");
    const auto field = parse_field(fuzz::text_of(data, size), "fuzz-field.json");
    if (!field) return 0;
    SimulationOptions options;
    options.runs = 3;
    options.threads = 1;
    for (const Format* format : {&one_race, &olympic}) {
        const auto simulation = simulate(*format, *field, options);
        if (simulation) static_cast<void>(simulation_to_json(*simulation, false));
    }
    return 0;
}
