// What-if and race model: a 10000-sample what-if on the 2022 event (Hwang Dae-heon's semifinal
// penalty rescinded: Final A and Final B re-drawn in every sample), on one thread and two, and
// the Plackett–Luce fit of one event and of the five seeds pooled.
//
//   make bench      (release build; median of 5 repetitions)
#include <benchmark/benchmark.h>

#include <string>

#include "heatgraph/heatgraph.hpp"

namespace {

heatgraph::Event seed(const std::string& name) {
    return heatgraph::load_event(std::string(HEATGRAPH_SOURCE_DIR) + "/scenarios/events/" + name +
                                 ".txt")
        .value();
}

void whatif_2022_hwang(benchmark::State& state) {
    const auto event = seed("olympics-2022-men-1000m");
    const auto ruling =
        heatgraph::parse_ruling(heatgraph::RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=1")
            .value();
    heatgraph::WhatIfOptions options;
    options.samples = 10000;
    options.threads = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto w = heatgraph::what_if(event, {ruling}, {}, options);
        benchmark::DoNotOptimize(w);
    }
    state.counters["samples/s"] = benchmark::Counter(
        static_cast<double>(options.samples) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}
BENCHMARK(whatif_2022_hwang)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void fit_2022(benchmark::State& state) {
    const std::vector<heatgraph::Event> events{seed("olympics-2022-men-1000m")};
    for (auto _ : state) {
        auto model = heatgraph::fit_race_model(events);
        benchmark::DoNotOptimize(model);
    }
}
BENCHMARK(fit_2022)->Unit(benchmark::kMicrosecond);

void fit_five_seeds_pooled(benchmark::State& state) {
    std::vector<heatgraph::Event> events;
    for (const char* name :
         {"olympics-2002-men-1000m", "olympics-2006-men-1000m", "olympics-2022-men-1000m",
          "olympics-2026-men-1000m", "world-games-2022-men-1000m-sprint"})
        events.push_back(seed(name));
    for (auto _ : state) {
        auto model = heatgraph::fit_race_model(events);
        benchmark::DoNotOptimize(model);
    }
}
BENCHMARK(fit_five_seeds_pooled)->Unit(benchmark::kMicrosecond);

}  // namespace
