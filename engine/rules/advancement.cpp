#include "rules/advancement.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_set>

namespace heatgraph::detail {

bool can_qualify(const Row& row) {
    return row.place.has_value() &&
           (row.status == Status::finished || row.status == Status::no_time);
}

char referee_final(const Row& row) {
    for (const auto& mark : row.marks)  // the reasons' own spelling: ADV, ADVA, ADA, ...
        if (const auto reason = reason_from_string(mark); reason && way_of(*reason) == Way::referee)
            return final_of(*reason) ? final_of(*reason) : '*';
    return 0;
}

Entrant entrant_of(const Row& row, const Race& race, bool advanced) {
    const char to = referee_final(row);
    return {race.number, can_qualify(row) ? row.place : std::nullopt, row.time, advanced && to != 0,
            to ? to : '*'};
}

std::unordered_set<AthleteId> field_of(const Round& round) {
    std::unordered_set<AthleteId> field;
    for (const auto& race : round.races)
        field.insert(race.field.begin(), race.field.end());
    return field;
}

void place_qualifiers(const Transition& rule, std::span<const Entrant> entrants,
                      std::vector<int>& out) {
    out.clear();
    if (rule.place_quota < rule.first_place) return;
    // first_place <= place <= place_quota, as one comparison
    const auto span = static_cast<unsigned>(rule.place_quota - rule.first_place);
    for (int i = 0; i < static_cast<int>(entrants.size()); ++i)
        if (entrants[i].place &&
            static_cast<unsigned>(*entrants[i].place - rule.first_place) <= span)
            out.push_back(i);
}

void time_pool(const Transition& rule, std::span<const Entrant> entrants,
               const std::vector<int>& by_place, std::vector<int>& out,
               std::vector<std::pair<int, Millis>>& scratch) {
    out.clear();
    if (rule.time_pool == TimePool::none) return;
    // The next place down includes a dead heat with it: a skater of the same race with the same
    // time as the skater in that place (2006 heat 6: 3rd and 4th in 1:27.994, both "thirds").
    const int next_place = rule.place_quota + 1;
    scratch.clear();
    for (const auto& e : entrants)
        if (e.place == next_place && e.time) scratch.emplace_back(e.race, *e.time);
    std::sort(scratch.begin(), scratch.end());
    auto qualified = by_place.begin();  // by_place is in entrant order
    for (int i = 0; i < static_cast<int>(entrants.size()); ++i) {
        while (qualified != by_place.end() && *qualified < i)
            ++qualified;
        const auto& e = entrants[i];
        if (e.referee || !e.place || !e.time || (qualified != by_place.end() && *qualified == i))
            continue;
        if (rule.time_pool == TimePool::next_place &&
            !std::binary_search(scratch.begin(), scratch.end(), std::pair{e.race, *e.time}))
            continue;
        out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(),
                     [&](int a, int b) { return *entrants[a].time < *entrants[b].time; });
}

int time_slots(const Transition& rule, int place_qualified, int referee_advanced) {
    if (!rule.capacity || rule.time_pool == TimePool::none) return 0;
    const int taken = rule.referee == RefereePolicy::take_time_slots ? referee_advanced : 0;
    return std::max(0, *rule.capacity - place_qualified - taken);
}

void cut_by_time(const Transition& rule, std::span<const Entrant> entrants,
                 const std::vector<int>& pool, int slots, TimeCut& cut) {
    cut.sure.clear();
    cut.tied.clear();
    cut.from_tied = 0;
    if (slots <= 0 || pool.empty()) return;
    if (slots >= static_cast<int>(pool.size())) {
        cut.sure = pool;
        return;
    }
    const auto time_of = [&](int i) { return *entrants[pool[i]].time; };
    const Millis cut_time = time_of(slots - 1);
    int first_tied = slots - 1;
    while (first_tied > 0 && time_of(first_tied - 1) == cut_time)
        --first_tied;
    int end_tied = slots;
    while (end_tied < static_cast<int>(pool.size()) && time_of(end_tied) == cut_time)
        ++end_tied;
    if (end_tied == slots) {  // no tie across the last slot
        cut.sure.assign(pool.begin(), pool.begin() + slots);
        return;
    }
    switch (rule.ties) {
        case TiePolicy::all_advance:
            cut.sure.assign(pool.begin(), pool.begin() + end_tied);
            break;
        case TiePolicy::none_advance:
            cut.sure.assign(pool.begin(), pool.begin() + first_tied);
            break;
        case TiePolicy::lots:
            cut.sure.assign(pool.begin(), pool.begin() + first_tied);
            cut.tied.assign(pool.begin() + first_tied, pool.begin() + end_tied);
            cut.from_tied = slots - first_tied;
            break;
    }
}

void others(std::span<const Entrant> entrants, std::vector<int>& out) {
    out.clear();
    for (int i = 0; i < static_cast<int>(entrants.size()); ++i)
        if (entrants[i].place) out.push_back(i);
}

void order_by_result(std::span<const Entrant> entrants, std::vector<int>& chosen) {
    std::stable_sort(chosen.begin(), chosen.end(), [&](int a, int b) {
        const auto& x = entrants[a];
        const auto& y = entrants[b];
        return std::pair{x.place.value_or(INT_MAX), x.time.value_or(INT64_MAX)} <
               std::pair{y.place.value_or(INT_MAX), y.time.value_or(INT64_MAX)};
    });
}

void view_for(const Transition& rule, bool first, std::span<const Entrant> entrants,
              const std::vector<int>& taken_by, std::vector<Entrant>& out) {
    out.assign(entrants.begin(), entrants.end());
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& e = out[i];
        if (taken_by[i] >= 0) {
            e.place.reset();
            e.time.reset();
            e.referee = false;
            continue;
        }
        if (e.referee) e.referee = e.referee_to == '*' ? first : e.referee_to == rule.final;
    }
}

std::vector<int> place_qualifiers(const Transition& rule, std::span<const Entrant> entrants) {
    std::vector<int> out;
    place_qualifiers(rule, entrants, out);
    return out;
}

std::vector<int> time_pool(const Transition& rule, std::span<const Entrant> entrants,
                           const std::vector<int>& by_place) {
    std::vector<int> out;
    std::vector<std::pair<int, Millis>> scratch;
    time_pool(rule, entrants, by_place, out, scratch);
    return out;
}

TimeCut cut_by_time(const Transition& rule, std::span<const Entrant> entrants,
                    const std::vector<int>& pool, int slots) {
    TimeCut cut;
    cut_by_time(rule, entrants, pool, slots, cut);
    return cut;
}

}  // namespace heatgraph::detail
