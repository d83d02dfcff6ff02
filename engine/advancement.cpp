#include "advancement.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace heatgraph::detail {

namespace {

struct RaceTimeHash {
    std::size_t operator()(const std::pair<int, Millis>& k) const {
        return std::hash<Millis>()(k.second * 1000003 + k.first);
    }
};

}  // namespace

bool can_qualify(const Row& row) {
    return row.place.has_value() &&
           (row.status == Status::finished || row.status == Status::no_time);
}

Entrant entrant_of(const Row& row, const Race& race, bool advanced) {
    return {race.number, can_qualify(row) ? row.place : std::nullopt, row.time,
            advanced && (row.has_mark("ADV") || row.has_mark("ADVA"))};
}

std::unordered_set<AthleteId> field_of(const Round& round) {
    std::unordered_set<AthleteId> field;
    for (const auto& race : round.races)
        field.insert(race.field.begin(), race.field.end());
    return field;
}

std::vector<int> place_qualifiers(const Transition& rule, const std::vector<Entrant>& entrants) {
    std::vector<int> qualified;
    for (int i = 0; i < static_cast<int>(entrants.size()); ++i)
        if (entrants[i].place && *entrants[i].place <= rule.place_quota) qualified.push_back(i);
    return qualified;
}

std::vector<int> time_pool(const Transition& rule, const std::vector<Entrant>& entrants,
                           const std::vector<int>& by_place) {
    std::vector<int> pool;
    if (rule.time_pool == TimePool::none) return pool;
    // The next place down includes a dead heat with it: a skater of the same race with the same
    // time as the skater in that place (2006 heat 6: 3rd and 4th in 1:27.994, both "thirds").
    const int next_place = rule.place_quota + 1;
    std::unordered_set<std::pair<int, Millis>, RaceTimeHash> next_place_times;
    for (const auto& e : entrants)
        if (e.place == next_place && e.time) next_place_times.insert({e.race, *e.time});
    std::vector<char> qualified(entrants.size(), 0);
    for (int i : by_place)
        qualified[i] = 1;
    for (int i = 0; i < static_cast<int>(entrants.size()); ++i) {
        const auto& e = entrants[i];
        if (e.referee || !e.place || !e.time || qualified[i]) continue;
        if (rule.time_pool == TimePool::next_place && !next_place_times.count({e.race, *e.time}))
            continue;
        pool.push_back(i);
    }
    std::stable_sort(pool.begin(), pool.end(),
                     [&](int a, int b) { return *entrants[a].time < *entrants[b].time; });
    return pool;
}

int time_slots(const Transition& rule, int place_qualified, int referee_advanced) {
    if (!rule.capacity || rule.time_pool == TimePool::none) return 0;
    const int taken = rule.referee == RefereePolicy::take_time_slots ? referee_advanced : 0;
    return std::max(0, *rule.capacity - place_qualified - taken);
}

TimeCut cut_by_time(const Transition& rule, const std::vector<Entrant>& entrants,
                    const std::vector<int>& pool, int slots) {
    TimeCut cut;
    if (slots <= 0 || pool.empty()) return cut;
    if (slots >= static_cast<int>(pool.size())) {
        cut.sure = pool;
        return cut;
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
        return cut;
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
    return cut;
}

std::vector<int> final_b_routing(const FinalsRule& finals, const std::vector<Entrant>& entrants,
                                 const std::vector<char>& to_final_a) {
    std::vector<int> routed;
    if (finals.final_b == FinalBRouting::none) return routed;
    for (int i = 0; i < static_cast<int>(entrants.size()); ++i) {
        const auto& place = entrants[i].place;
        if (to_final_a[i] || !place) continue;
        if (finals.final_b == FinalBRouting::places &&
            (*place < finals.final_b_first_place || *place > finals.final_b_last_place))
            continue;
        routed.push_back(i);
    }
    std::stable_sort(routed.begin(), routed.end(), [&](int a, int b) {
        const auto& x = entrants[a];
        const auto& y = entrants[b];
        return std::pair{*x.place, x.time.value_or(INT64_MAX)} <
               std::pair{*y.place, y.time.value_or(INT64_MAX)};
    });
    return routed;
}

}  // namespace heatgraph::detail
