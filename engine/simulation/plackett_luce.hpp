// Private: drawing finishing orders from the Plackett–Luce model.
//
// A Plackett–Luce order is the order of independent exponential "arrival times" T_i with rates
// w_i (the first to arrive wins with probability w_i / sum w). Conditioning on a recorded
// relative order of some skaters s_1 < s_2 < ... < s_k is exact and cheap in this form: given
// that order, the gaps T_{s_1}, T_{s_2} - T_{s_1}, ... are independent exponentials with rates
// W_m = w_{s_m} + ... + w_{s_k} (memorylessness), and the other skaters' times stay independent.
// So a race re-drawn around its recorded result needs no rejection and no enumeration.
#pragma once

#include <algorithm>
#include <vector>

#include "simulation/random_stream.hpp"

namespace heatgraph::detail {

// A finishing order of everyone in `kept` and `added`: `kept` (worths, in their recorded order)
// stay in that relative order, `added` are inserted as the model's conditional probabilities
// give. Fills `order` with entries >= 0 for kept[i] and < 0 for added[-1 - i].
inline void draw_around(const std::vector<double>& kept, const std::vector<double>& added,
                        RandomStream& random, std::vector<std::pair<double, int>>& arrivals,
                        std::vector<int>& order) {
    const int k = static_cast<int>(kept.size());
    arrivals.resize(kept.size());
    double rest = 0;  // W_m, the worth still racing for the m-th kept place
    for (int m = k; m-- > 0;) {
        rest += kept[m];
        arrivals[m] = {rest, m};
    }
    double t = 0;
    for (auto& arrival : arrivals) {
        t += random.exponential(arrival.first);
        arrival.first = t;
    }
    for (std::size_t i = 0; i < added.size(); ++i)
        arrivals.emplace_back(random.exponential(added[i]), -1 - static_cast<int>(i));
    std::sort(arrivals.begin(), arrivals.end());
    order.clear();
    for (const auto& [time, who] : arrivals)
        order.push_back(who);
}

}  // namespace heatgraph::detail
