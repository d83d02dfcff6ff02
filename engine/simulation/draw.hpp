// Private to the simulator: how seeds fill the races of a round (format.hpp, DrawRule).
#pragma once

#include <vector>

namespace heatgraph::detail {

// race[s] for seed index s (0-based) of n seeds in `races` races: 1..R, then R..1, ...
inline void snake_races(int n, int races, std::vector<int>& race) {
    race.resize(static_cast<std::size_t>(n));
    for (int s = 0; s < n; ++s) {
        const int row = s / races, column = s % races;
        race[s] = row % 2 == 0 ? column : races - 1 - column;
    }
}

// The npm `ffa` grouping (package `group` 1.0.2): groups of at most `size`, filled with pairs of
// seeds summing to groups · size + 1, each group in seed order. Seeds beyond n are dropped.
// race[s] for seed index s; false when it does not give `races` groups. `filled` is scratch.
inline bool ffa_races(int n, int races, std::vector<int>& race, std::vector<int>& filled) {
    int size = (n + races - 1) / races;
    const int groups = (n + size - 1) / size;
    if (groups != races) return false;
    while (groups * size - n >= groups)
        --size;
    const int model = groups * size;
    race.assign(static_cast<std::size_t>(n), 0);
    filled.assign(static_cast<std::size_t>(groups), 0);
    for (int j = 0; j < (size + 1) / 2; ++j)
        for (int g = 0; g < groups; ++g) {
            const int a = j * groups + g + 1;
            if (a <= n) race[a - 1] = g;
            ++filled[g];
            if (filled[g] < size) {
                const int b = model + 1 - a;
                if (b <= n) race[b - 1] = g;
                ++filled[g];
            }
        }
    return true;
}

}  // namespace heatgraph::detail
