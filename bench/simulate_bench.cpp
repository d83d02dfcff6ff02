// The simulator's inner loop: whole events of the 32-skater ffa format (Thurstone, abilities
// -0.25·(i-1), as the peer comparison in ffa_peer.sh) and of the 2022-2026 Olympic format, on one
// thread.
//
//   make bench      (release build; median of 5 repetitions)
#include <benchmark/benchmark.h>

#include <string>

#include "heatgraph/heatgraph.hpp"

namespace {

heatgraph::Format format(const std::string& name) {
    return heatgraph::load_format(std::string(HEATGRAPH_SOURCE_DIR) + "/scenarios/formats/" + name +
                                  ".toml")
        .value();
}

heatgraph::Field ffa_field() {
    heatgraph::Field field;
    field.model = heatgraph::NoiseModel::thurstone;
    for (int i = 0; i < 32; ++i)
        field.skaters.push_back({"Seed " + std::to_string(i + 1), -0.25 * i});
    return field;
}

void simulate_events(benchmark::State& state, const heatgraph::Format& f,
                     const heatgraph::Field& field) {
    heatgraph::SimulationOptions options;
    options.runs = 20000;
    options.threads = 1;
    options.seeding = heatgraph::Seeding::listed;
    for (auto _ : state) {
        auto sim = heatgraph::simulate(f, field, options);
        benchmark::DoNotOptimize(sim);
    }
    state.counters["events/s"] = benchmark::Counter(
        static_cast<double>(options.runs) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}

void simulate_ffa_32(benchmark::State& state) {
    simulate_events(state, format("ffa-32"), ffa_field());
}
BENCHMARK(simulate_ffa_32)->Unit(benchmark::kMillisecond);

void simulate_isu_2022_32(benchmark::State& state) {
    simulate_events(state, format("isu-2022-2026"), heatgraph::normal_field(32, 1));
}
BENCHMARK(simulate_isu_2022_32)->Unit(benchmark::kMillisecond);

}  // namespace
