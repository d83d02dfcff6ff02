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

[[nodiscard]] std::vector<int> place_qualifiers(const Transition& rule,
                                                const std::vector<Entrant>& entrants);

// The time pool of the transition, fastest first, as indices into `entrants`.
[[nodiscard]] std::vector<int> time_pool(const Transition& rule,
                                         const std::vector<Entrant>& entrants,
                                         const std::vector<int>& by_place);

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
[[nodiscard]] TimeCut cut_by_time(const Transition& rule, const std::vector<Entrant>& entrants,
                                  const std::vector<int>& pool, int slots);

// Who the finals rule sends to Final B: of the semifinal entrants not sent to Final A, those
// placed and not sanctioned within the routing's places (or all of them under `rest`), in
// semifinal order (place, then time).
[[nodiscard]] std::vector<int> final_b_routing(const FinalsRule& finals,
                                               const std::vector<Entrant>& entrants,
                                               const std::vector<char>& to_final_a);

}  // namespace heatgraph::detail
