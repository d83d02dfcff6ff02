// Private: the advancement rules of a stage's transitions (docs/rules.md §2), on plain entrants
// so that the replay, the what-if and the simulator share one implementation.
//
// Place decides: the eligible skaters placed within the transition's places qualify. The slots
// left are filled by time from the pool, after the referee advancements when they take the time
// slots. Ties at the last slot follow the tie policy. "Others" takes every eligible skater left.
// A stage's transitions are decided in the format's order, each among those the earlier ones
// did not take.
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

// The marks that record an advancement (the ISU's vocabulary: ADA is ADVA, QAB "to Final A or B").
inline constexpr std::array<std::string_view, 19> advancement_marks{
    "Q",   "q",    "QA",   "QB",   "QC",   "QD",  "qA",  "qB",  "qC", "qD",
    "ADV", "ADVA", "ADVB", "ADVC", "ADVD", "ADA", "ADB", "QAB", "QCD"};

// The final a referee mark of the row sends the skater to: 'A'..'D', '*' for a plain ADV (the
// stage's first transition), 0 for none.
[[nodiscard]] char referee_final(const Row& row);

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
    bool referee = false;   // advanced by the Referee: never in the time pool
    char referee_to = '*';  // with `referee`: the final ('A'..'D') or '*', the first transition
};

// A skater may qualify on the track only if placed and not removed by the officials.
[[nodiscard]] bool can_qualify(const Row& row);

// The entrant a recorded row is, `advanced` telling whether the skater raced on (a recorded
// referee mark counts only for a skater who did).
[[nodiscard]] Entrant entrant_of(const Row& row, const Race& race, bool advanced);

// Everyone who raced (or was awarded) a race of the stage.
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

// Every eligible entrant (placed, not sanctioned), in entrant order: Selection::others.
void others(std::span<const Entrant> entrants, std::vector<int>& out);

// How "everyone else eligible" goes on into a stage of `kind`: to a repechage, to a ranking
// race, or else as place qualifiers (every other semifinalist to Final B is QB).
[[nodiscard]] inline Way way_of_others(StageKind kind) {
    if (kind == StageKind::repechage) return Way::repechage;
    if (kind == StageKind::ranking) return Way::ranking;
    return Way::place;
}

// `chosen` in the order of their race: place, then time (those without either last, as they
// were). A final other than A takes its skaters in this order, and a final not raced places
// them in it.
void order_by_result(std::span<const Entrant> entrants, std::vector<int>& chosen);

// Value-returning forms, for code that runs once per event.
[[nodiscard]] std::vector<int> place_qualifiers(const Transition& rule,
                                                std::span<const Entrant> entrants);
[[nodiscard]] std::vector<int> time_pool(const Transition& rule, std::span<const Entrant> entrants,
                                         const std::vector<int>& by_place);
[[nodiscard]] TimeCut cut_by_time(const Transition& rule, std::span<const Entrant> entrants,
                                  const std::vector<int>& pool, int slots);

// Who goes through a transition when the rule decides it (a counterfactual, a simulation)
// rather than a record: the place qualifiers, then the referee advancements, then the time
// cut, lots among skaters tied at the last slot drawn by `draw(n)` (an index below n).
struct Decision {
    std::vector<int> by_place, by_referee, by_time;  // indices into entrants
    std::vector<char> advances;                      // per entrant
    bool lots_drawn = false;
    std::vector<int> tied;  // with lots_drawn: those who were tied at the cut
    // scratch
    std::vector<int> pool;
    TimeCut cut;
    std::vector<std::pair<int, Millis>> next_place;
};

template <class Draw>
void decide(const Transition& rule, std::span<const Entrant> entrants, Draw&& draw, Decision& d) {
    const int n = static_cast<int>(entrants.size());
    d.advances.assign(entrants.size(), 0);
    d.by_referee.clear();
    d.by_time.clear();
    d.lots_drawn = false;
    if (rule.selection == Selection::others) {
        others(entrants, d.by_place);
        for (int i : d.by_place)
            d.advances[i] = 1;
        return;
    }
    place_qualifiers(rule, entrants, d.by_place);
    for (int i : d.by_place)
        d.advances[i] = 1;
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
}

// The entrants as transition `k` of a stage sees them: those an earlier transition took are no
// longer eligible (no place, no time), and a referee advancement counts for the transition it
// names (a plain ADV for the first).
void view_for(const Transition& rule, bool first, std::span<const Entrant> entrants,
              const std::vector<int>& taken_by, std::vector<Entrant>& out);

// Every transition out of a stage, in the format's order: who each takes.
struct StageDecision {
    std::vector<int> taken_by;        // per entrant: the index into `transitions`, or -1
    std::vector<Decision> decisions;  // per transition
    std::vector<Entrant> view;        // scratch
};

template <class Draw>
void decide_stage(const Format& format, const std::vector<int>& transitions,
                  std::span<const Entrant> entrants, Draw&& draw, StageDecision& d) {
    d.taken_by.assign(entrants.size(), -1);
    if (d.decisions.size() < transitions.size()) d.decisions.resize(transitions.size());
    // The first transition sees the entrants as they are unless a referee mark names a final.
    const bool as_they_are = std::none_of(entrants.begin(), entrants.end(), [](const Entrant& e) {
        return e.referee && e.referee_to != '*';
    });
    for (std::size_t k = 0; k < transitions.size(); ++k) {
        const auto& rule = format.transitions[transitions[k]];
        const bool as_is = k == 0 && as_they_are;
        if (!as_is) view_for(rule, k == 0, entrants, d.taken_by, d.view);
        decide(rule, as_is ? entrants : std::span<const Entrant>(d.view), draw, d.decisions[k]);
        const auto& taken = d.decisions[k];
        for (const auto* by : {&taken.by_place, &taken.by_referee, &taken.by_time})
            for (int i : *by)
                d.taken_by[i] = static_cast<int>(k);
    }
}

}  // namespace heatgraph::detail
