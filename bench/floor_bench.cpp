// The floor: the least work one event of the 32-skater ffa format needs, as a single-purpose loop
// with the simulator's random stream (Philox4x64-10 keyed by (seed, replicate)), noise (Boost's
// ziggurat normal) and ffa grouping, and nothing general: races of 4, the top 2 through,
// re-seeded by time, the rest ranked by round, place and time; only P(strongest wins) and
// Kendall's tau are kept. No incidents, time pools, Final B, classification eras or per-skater
// tallies. It is not the simulator (it shares none of its rules): it is a yardstick for how fast
// any implementation of this event can be on the machine, against which the simulator's throughput
// and the peer ratio (ffa_peer.sh) can be read.
//
//   make bench      (release build; median of 5 repetitions)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "simulation/draw.hpp"           // engine: the ffa grouping
#include "simulation/random_stream.hpp"  // engine: the simulator's random stream

namespace {

constexpr int skaters = 32;
using Draws = std::array<std::vector<int>, 4>;  // per round: each seed's race

// The ffa grouping of n seeds into `races` races, as the simulator draws it.
std::vector<int> ffa_groups(int n, int races) {
    std::vector<int> race, scratch;
    heatgraph::detail::ffa_races(n, races, race, scratch);
    return race;
}

struct Outcome {
    bool strongest_wins;
    double tau;
};

Outcome one_event(std::uint64_t replicate, const Draws& draws) {
    static const auto strength = [] {
        std::array<double, skaters> s{};
        for (int i = 0; i < skaters; ++i)
            s[i] = -0.25 * i;
        return s;
    }();
    heatgraph::detail::RandomStream random(1, replicate);
    boost::random::normal_distribution<double> normal;
    std::array<int, skaters> who{}, rank{};
    for (int s = 0; s < skaters; ++s)
        who[s] = s;
    int field = skaters, races = 8, next_rank = skaters;
    for (int round = 0; round < 4; ++round, races = std::max(1, races / 2)) {
        std::array<int, skaters> members{};
        std::array<int, 9> offset{};
        for (int s = 0; s < field; ++s)
            ++offset[draws[round][s] + 1];
        for (int k = 0; k < races; ++k)
            offset[k + 1] += offset[k];
        std::array<int, 8> cursor{};
        std::copy(offset.begin(), offset.begin() + races, cursor.begin());
        for (int s = 0; s < field; ++s)
            members[cursor[draws[round][s]]++] = who[s];
        std::array<double, skaters> perf{};
        for (int m = 0; m < field; ++m)
            perf[m] = strength[members[m]] + normal(random);
        struct Out {
            int place;
            std::int64_t time;
            int skater;
            auto operator<=>(const Out&) const = default;
        };
        struct Through {  // ranked by time, then seed (listed seeding: the skater's index)
            std::int64_t time;
            int skater;
            auto operator<=>(const Through&) const = default;
        };
        std::array<Out, skaters> out{};
        std::array<Through, skaters> through{};
        int eliminated = 0, qualified = 0;
        for (int k = 0; k < races; ++k) {
            std::array<int, skaters> order{};  // a race holds at most 4
            const int size = offset[k + 1] - offset[k];
            for (int j = 0; j < size; ++j)
                order[j] = offset[k] + j;
            std::sort(order.begin(), order.begin() + size,
                      [&](int a, int b) { return perf[a] > perf[b]; });
            for (int p = 0; p < size; ++p) {
                const int m = order[p];
                const auto time =
                    static_cast<std::int64_t>(std::floor((100 - perf[m]) * 1000 + 0.5));
                if (round == 3)
                    rank[members[m]] = p + 1;
                else if (p < 2)
                    through[qualified++] = {time, members[m]};
                else
                    out[eliminated++] = {p + 1, time, members[m]};
            }
        }
        if (round == 3) break;
        std::sort(out.begin(), out.begin() + eliminated);
        for (int e = eliminated; e-- > 0;)
            rank[out[e].skater] = next_rank--;
        std::sort(through.begin(), through.begin() + qualified);
        for (int s = 0; s < qualified; ++s)
            who[s] = through[s].skater;
        field = qualified;
    }
    int concordant = 0;
    for (int i = 0; i < skaters; ++i)
        for (int j = i + 1; j < skaters; ++j)
            concordant += rank[j] > rank[i];
    const int pairs = skaters * (skaters - 1) / 2;
    return {rank[0] == 1, static_cast<double>(2 * concordant - pairs) / pairs};
}

void ffa_32_floor(benchmark::State& state) {
    const Draws draws{ffa_groups(32, 8), ffa_groups(16, 4), ffa_groups(8, 2),
                      std::vector<int>(4, 0)};
    constexpr int runs = 20000;
    std::uint64_t replicate = 0;
    std::int64_t wins = 0;
    double tau = 0;
    for (auto _ : state) {
        for (int i = 0; i < runs; ++i) {
            const auto o = one_event(replicate++, draws);
            wins += o.strongest_wins, tau += o.tau;
        }
        benchmark::DoNotOptimize(tau);
    }
    const double events = static_cast<double>(runs) * static_cast<double>(state.iterations());
    state.counters["events/s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
    state.counters["p_strongest_wins"] = static_cast<double>(wins) / events;
}
BENCHMARK(ffa_32_floor)->Unit(benchmark::kMillisecond);

}  // namespace
