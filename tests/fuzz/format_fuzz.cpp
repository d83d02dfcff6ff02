// Formats: parse_format; a format that reads is written as TOML that reads back and writes the
// same TOML again, and a short simulation of a generated field under it runs (or is an error).
#include <algorithm>

#include "fuzz_support.hpp"

namespace {

// A field size the format's draw can take: the seeds its bracket lists, else four skaters
// per race of the first stage; kept small so that every input stays fast.
int field_size(const heatgraph::Format& format) {
    if (!format.draw.pairs.empty()) {
        std::size_t seeds = 0;
        for (const auto& race : format.draw.pairs)
            seeds += race.size();
        return static_cast<int>(std::clamp<std::size_t>(seeds, 2, 128));
    }
    const int races = format.stages.empty() ? 1 : format.stages.front().races.value_or(1);
    return std::clamp(races, 1, 32) * 4;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    const auto format = parse_format(fuzz::text_of(data, size), "fuzz.toml");
    if (!format) return 0;
    fuzz::check_format_round_trip(*format);
    SimulationOptions options;
    options.runs = 3;
    options.threads = 1;
    options.incidents.penalty = 0.1;
    options.incidents.fall = 0.5;
    const auto simulation = simulate(*format, normal_field(field_size(*format), 11), options);
    if (simulation) static_cast<void>(simulation_to_json(*simulation, false));
    return 0;
}
