// Private: the advancement rule of one round transition (RULES.md §2), on plain entrants so
// that the replay, the what-if and the simulator share one implementation.
//
// Place decides: the top `place_quota` eligible skaters of each race qualify. The slots left
// in the next round are filled by time from the pool, after the referee advancements when they
// take the time slots. Ties at the last slot follow the tie policy.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph::detail {

// The marks that record an advancement.
inline constexpr std::array<std::string_view, 7> advancement_marks{"Q",  "q",   "QA",  "QB",
                                                                   "qA", "ADV", "ADVA"};

template <std::size_t N>
void erase_marks(Row& row, const std::array<std::string_view, N>& marks) {
    std::erase_if(row.marks, [&](const std::string& m) {
        return std::find(marks.begin(), marks.end(), m) != marks.end();
    });
}

struct Entrant {
    int race = 0;
    std::optional<int> place;
    std::optional<Millis> time;
    bool referee = false;  // advanced by the Referee: never in the time pool
};

// A skater may qualify on the track only if placed and not removed by the officials.
[[nodiscard]] bool can_qualify(const Row& row);

// The entrant a recorded row is, `advanced` telling whether the skater raced the next round (a
// recorded ADV mark counts only for a skater who did).
[[nodiscard]] Entrant entrant_of(const Row& row, const Race& race, bool advanced);

// Everyone who raced (or was awarded) a race of the round.
[[nodiscard]] std::unordered_set<AthleteId> field_of(const Round& round);

// The primitives below write into caller-owned vectors (cleared first), so that a caller that
// keeps them, like the simulator, allocates nothing once their capacity is reached.

// The entrants placed within the quota, in entrant order.
void place_qualifiers(const Transition& rule, std::span<const Entrant> entrants,
                      std::vector<int>& out);

// The time pool of the transition, fastest first, as indices into `entrants`; `by_place` in
// entrant order. `scratch` holds the next place's times (a dead heat with it counts as it).
void time_pool(const Transition& rule, std::span<const Entrant> entrants,
               const std::vector<int>& by_place, std::vector<int>& out,
               std::vector<std::pair<int, Millis>>& scratch);

// The slots the time pool fills: capacity less the place qualifiers, and less the referee
// advancements when they take the time slots.
[[nodiscard]] int time_slots(const Transition& rule, int place_qualified, int referee_advanced);

// Who the pool sends through `slots`: `sure` always; with TiePolicy::lots, `from_tied` of
// `tied` as well (drawn).
struct TimeCut {
    std::vector<int> sure;
    std::vector<int> tied;
    int from_tied = 0;
};
void cut_by_time(const Transition& rule, std::span<const Entrant> entrants,
                 const std::vector<int>& pool, int slots, TimeCut& out);

// Who the finals rule sends to Final B: of the semifinal entrants not sent to Final A, those
// placed and not sanctioned within the routing's places (or all of them under `rest`), in
// semifinal order (place, then time).
void final_b_routing(const FinalsRule& finals, std::span<const Entrant> entrants,
                     const std::vector<char>& to_final_a, std::vector<int>& out);

// Value-returning forms, for code that runs once per event.
[[nodiscard]] std::vector<int> place_qualifiers(const Transition& rule,
                                                std::span<const Entrant> entrants);
[[nodiscard]] std::vector<int> time_pool(const Transition& rule, std::span<const Entrant> entrants,
                                         const std::vector<int>& by_place);
[[nodiscard]] TimeCut cut_by_time(const Transition& rule, std::span<const Entrant> entrants,
                                  const std::vector<int>& pool, int slots);
[[nodiscard]] std::vector<int> final_b_routing(const FinalsRule& finals,
                                               std::span<const Entrant> entrants,
                                               const std::vector<char>& to_final_a);

// Who goes through a transition when the rule decides it (a counterfactual, a simulation)
// rather than a record: the place qualifiers, then the referee advancements, then the time
// cut, lots among skaters tied at the last slot drawn by `draw(n)` (an index below n). With
// `finals` (two finals), the rest of the semifinalists routed to Final B.
struct Decision {
    std::vector<int> by_place, by_referee, by_time, to_final_b;  // indices into entrants
    std::vector<char> advances;                                  // per entrant
    bool lots_drawn = false;
    std::vector<int> tied;  // with lots_drawn: those who were tied at the cut
    // scratch
    std::vector<int> pool;
    TimeCut cut;
    std::vector<std::pair<int, Millis>> next_place;
};

template <class Draw>
void decide(const Transition& rule, const FinalsRule* finals, std::span<const Entrant> entrants,
            Draw&& draw, Decision& d) {
    const int n = static_cast<int>(entrants.size());
    place_qualifiers(rule, entrants, d.by_place);
    d.advances.assign(entrants.size(), 0);
    for (int i : d.by_place)
        d.advances[i] = 1;
    d.by_referee.clear();
    for (int i = 0; i < n; ++i)
        if (entrants[i].referee && !d.advances[i]) {
            d.by_referee.push_back(i);
            d.advances[i] = 1;
        }
    const int slots = time_slots(rule, static_cast<int>(d.by_place.size()),
                                 static_cast<int>(d.by_referee.size()));
    time_pool(rule, entrants, d.by_place, d.pool, d.next_place);
    cut_by_time(rule, entrants, d.pool, slots, d.cut);
    d.by_time = d.cut.sure;
    d.lots_drawn = d.cut.from_tied > 0 && !d.cut.tied.empty();
    d.tied = d.cut.tied;
    if (d.lots_drawn)
        for (int k = 0; k < d.cut.from_tied; ++k) {
            const int pick = k + static_cast<int>(draw(static_cast<int>(d.cut.tied.size()) - k));
            std::swap(d.cut.tied[k], d.cut.tied[pick]);
            d.by_time.push_back(d.cut.tied[k]);
        }
    for (int i : d.by_time)
        d.advances[i] = 1;
    d.to_final_b.clear();
    if (finals) final_b_routing(*finals, entrants, d.advances, d.to_final_b);
}

}  // namespace heatgraph::detail
