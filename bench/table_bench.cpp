// Reading and replaying result tables: a season-sized table of about 100,000 rows, made of the
// three real ISU tables of scenarios/events repeated as distinct competitions.
//
//   make bench      (release build; median of 5 repetitions)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "bench_files.hpp"
#include "heatgraph/heatgraph.hpp"

namespace {

// The three ISU tables, `copies` times over, each copy's competitions renamed ("... #7").
std::string season_table(int copies) {
    const char* const names[] = {"europeans-2006-poland-women-1000m",
                                 "world-cup-2012-calgary-women-500m",
                                 "world-juniors-2020-bormio-women-1500m"};
    std::string header, rows[3];
    for (int t = 0; t < 3; ++t) {
        const auto text =
            heatgraph::bench::source_file(std::string("scenarios/events/") + names[t] + ".csv");
        const auto end = text.find('\n') + 1;
        header = text.substr(0, end);
        rows[t] = text.substr(end);
    }
    std::string out = header;
    for (int c = 0; c < copies; ++c)
        for (const auto& table : rows) {
            // The competition is the second column, quoted or not: a suffix before its comma.
            std::istringstream lines(table);
            for (std::string line; std::getline(lines, line);) {
                const auto first = line.find(',');
                const bool quoted = line[first + 1] == '"';
                const auto end = quoted ? line.find("\",", first + 2) : line.find(',', first + 1);
                out += line.substr(0, end) + " #" + std::to_string(c) + line.substr(end) + "\n";
            }
        }
    return out;
}

const std::string& season_text() {
    static const std::string text = season_table(330);
    return text;
}

std::int64_t rows_of(const std::string& text) {
    return static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n')) - 1;
}

void BM_ReadSeasonTable(benchmark::State& state) {
    const auto& text = season_text();
    std::size_t events = 0;
    for (auto _ : state) {
        auto read = heatgraph::parse_tables({{"season.csv", text}});
        events = read.value().size();
        benchmark::DoNotOptimize(read);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["rows"] = static_cast<double>(rows_of(text));
    state.counters["events"] = static_cast<double>(events);
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                    benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReadSeasonTable)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReplaySeasonTable(benchmark::State& state) {
    const auto events = heatgraph::parse_tables({{"season.csv", season_text()}}).value();
    for (auto _ : state)
        for (const auto& event : events)
            benchmark::DoNotOptimize(heatgraph::replay(event));
    state.counters["events"] = static_cast<double>(events.size());
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(events.size()),
                                                    benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReplaySeasonTable)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
