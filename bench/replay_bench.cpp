// Reading and replaying events: a real seed, and a generated article of tens of MB (the
// "large file is read in seconds" requirement of the importer).
//
//   make bench      (release build; median of 5 repetitions)
#include <benchmark/benchmark.h>

#include <string>

#include "bench_files.hpp"
#include "heatgraph/heatgraph.hpp"

namespace {

// `heats` heats of 4 (a combined table), the top 2 of each to heats/2 quarterfinals of 4.
std::string large_article(int heats) {
    std::string text =
        "= Generated mass-start event 2022 =\n\n==Results==\n===Heats===\n"
        "| Rank | Heat | Name | Country | Time | Notes |\n";
    const auto name = [](int heat, int place) {
        return "Skater " + std::to_string(heat) + "-" + std::to_string(place);
    };
    for (int h = 1; h <= heats; ++h)
        for (int p = 1; p <= 4; ++p)
            text += "| " + std::to_string(p) + " | " + std::to_string(h) + " | " + name(h, p) +
                    " | | 1:2" + std::to_string(p) + "." + std::to_string(100 + h % 900) + " | " +
                    (p <= 2 ? "Q" : "") + " |\n";
    text += "\n===Quarterfinals===\n| Rank | Heat | Name | Country | Time | Notes |\n";
    for (int q = 1; q <= heats / 2; ++q)
        for (int p = 1; p <= 4; ++p) {
            const int heat = 2 * q - 1 + (p - 1) / 2;
            text += "| " + std::to_string(p) + " | " + std::to_string(q) + " | " +
                    name(heat, (p - 1) % 2 + 1) + " | | 1:2" + std::to_string(p) + ".500 | |\n";
        }
    return text;
}

const std::string& large_text() {
    static const std::string text = large_article(100000);
    return text;
}

void BM_ReadSeed2022(benchmark::State& state) {
    const auto text = heatgraph::bench::source_file("scenarios/events/olympics-2022-men-1000m.txt");
    for (auto _ : state)
        benchmark::DoNotOptimize(heatgraph::parse_article(text, "2022.txt"));
}
BENCHMARK(BM_ReadSeed2022)->Unit(benchmark::kMicrosecond);

void BM_ReplaySeed2022(benchmark::State& state) {
    const auto event =
        heatgraph::load_event(HEATGRAPH_SOURCE_DIR "/scenarios/events/olympics-2022-men-1000m.txt")
            .value();
    for (auto _ : state)
        benchmark::DoNotOptimize(heatgraph::replay(event));
}
BENCHMARK(BM_ReplaySeed2022)->Unit(benchmark::kMicrosecond);

void BM_ReadLargeArticle(benchmark::State& state) {
    const auto& text = large_text();
    for (auto _ : state)
        benchmark::DoNotOptimize(heatgraph::parse_article(text, "large.txt"));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ReadLargeArticle)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReplayLargeArticle(benchmark::State& state) {
    const auto event = heatgraph::parse_article(large_text(), "large.txt").value();
    for (auto _ : state)
        benchmark::DoNotOptimize(heatgraph::replay(event));
    state.counters["rows"] = 600000;
}
BENCHMARK(BM_ReplayLargeArticle)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
