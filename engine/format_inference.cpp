// Infers a format from a recorded event: what the record shows is read off it (place quotas,
// time pools, how many time slots, Final B routing); what a single event cannot show (whether
// referee advancements take the time slots, whether Final B takes 3rd-4th places or every other
// eligible semifinalist) follows the era: RULES.md §2 says the ISU format from 2022 on does the
// former and the later, older ones the other. Each assumption is written into the description.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "advancement.hpp"
#include "heatgraph/format.hpp"
#include "heatgraph/identity.hpp"

namespace heatgraph {

namespace {

using detail::Entrant;

constexpr int modern_isu_year = 2022;  // RULES.md §2.3 and §2.5: the 2022 and 2026 format
constexpr int era_b_year = 2010;       // RULES.md §3: era B from 2010 onward

struct Observed {
    std::vector<Entrant> entrants;
    std::vector<bool> advanced;
};

Observed observe(const Round& round, const std::unordered_set<AthleteId>& next) {
    Observed o;
    for (const auto& race : round.races)
        for (const auto& row : race.results) {
            o.advanced.push_back(next.count(row.athlete) > 0);
            o.entrants.push_back(detail::entrant_of(row, race, o.advanced.back()));
        }
    return o;
}

// The largest k such that, in every race, the eligible skaters placed 1..k all advanced.
int place_quota(const Round& round, const Observed& o) {
    int quota = 1 << 20;
    std::size_t i = 0;
    for (const auto& race : round.races) {
        int leading = 0;
        bool any = false;
        for (int place = 1;; ++place) {
            bool found = false, all_advanced = true;
            for (std::size_t k = i; k < i + race.results.size(); ++k)
                if (o.entrants[k].place == place) {
                    found = any = true;
                    all_advanced = all_advanced && o.advanced[k];
                }
            if (!found || !all_advanced) break;
            leading = place;
        }
        i += race.results.size();
        if (any) quota = std::min(quota, leading);
    }
    return quota == (1 << 20) ? 0 : quota;
}

struct TimeFit {
    TimePool pool = TimePool::none;
    int qualifiers = 0;  // skaters the run of fastest explains
    int slots = 0;       // the fewest slots that give them under all-advance ties
};

// How many advancers the run of the fastest in `pool_kind` explains.
TimeFit fit_pool(TimePool pool_kind, int quota, const Observed& o) {
    Transition rule;
    rule.place_quota = quota;
    rule.time_pool = pool_kind;
    const auto by_place = detail::place_qualifiers(rule, o.entrants);
    const auto pool = detail::time_pool(rule, o.entrants, by_place);
    TimeFit fit{pool_kind, 0, 0};
    std::size_t k = 0;
    while (k < pool.size()) {
        std::size_t end = k;
        while (end < pool.size() && *o.entrants[pool[end]].time == *o.entrants[pool[k]].time)
            ++end;
        for (std::size_t j = k; j < end; ++j)
            if (!o.advanced[pool[j]]) return fit;
        fit.slots = fit.qualifiers + 1;
        fit.qualifiers += static_cast<int>(end - k);
        k = end;
    }
    return fit;
}

// The place quota and time pool that explain the most advancements. Ties go to the ISU
// reading (the next place down, with the largest quota); an all-others pool explains the same
// with any quota up to the largest, and is read as "winners + the fastest" (the smallest).
Transition infer_transition(const Round& round, const std::unordered_set<AthleteId>& next,
                            bool modern) {
    const auto o = observe(round, next);
    Transition t;
    t.from = round.kind;
    t.races = static_cast<int>(round.races.size());
    t.referee = modern ? RefereePolicy::take_time_slots : RefereePolicy::on_top;
    const int max_quota = place_quota(round, o);
    const auto explained = [&](int quota, const TimeFit& fit) {
        Transition candidate = t;
        candidate.place_quota = quota;
        return static_cast<int>(detail::place_qualifiers(candidate, o.entrants).size()) +
               fit.qualifiers;
    };
    t.place_quota = max_quota;
    TimeFit best_fit = fit_pool(TimePool::next_place, max_quota, o);
    int best = explained(max_quota, best_fit);
    std::optional<std::pair<int, TimeFit>> others;  // the best all-others reading
    int others_score = -1;
    for (int quota = max_quota; quota >= 1; --quota) {
        const auto fit = fit_pool(TimePool::all_others, quota, o);
        if (const int score = explained(quota, fit); score >= others_score) {
            others_score = score;
            others = {quota, fit};
        }
    }
    if (others && others_score > best) {
        best = others_score;
        t.place_quota = others->first;
        best_fit = others->second;
    }
    if (best_fit.qualifiers == 0) {
        t.time_pool = TimePool::none;
        return t;
    }
    t.time_pool = best_fit.pool;
    const int by_place = static_cast<int>(detail::place_qualifiers(t, o.entrants).size());
    const int advanced = static_cast<int>(std::count(o.advanced.begin(), o.advanced.end(), true));
    const int referee = std::max(0, advanced - by_place - best_fit.qualifiers);
    t.capacity = by_place + best_fit.slots + (modern ? referee : 0);
    return t;
}

std::unordered_set<AthleteId> field_of(const Race& race) {
    return {race.field.begin(), race.field.end()};
}
using detail::field_of;
FinalsRule infer_finals(const Round& semis, const Round& finals, const Transition& into_a,
                        bool modern) {
    FinalsRule rule;
    const Race* a = nullptr;
    const Race* b = nullptr;
    for (const auto& race : finals.races) {
        if (race.number == 1) a = &race;
        if (race.number == 2) b = &race;
    }
    if (a && a->name == "Final") {
        rule.final_b = FinalBRouting::none;
        return rule;
    }
    rule.final_b = modern ? FinalBRouting::rest : FinalBRouting::places;
    rule.final_b_first_place = into_a.place_quota + 1;
    rule.final_b_last_place = into_a.place_quota + 2;
    if (!b || !a) return rule;
    const auto in_a = field_of(*a);
    const auto in_b = field_of(*b);
    bool every_other = true;
    for (const auto& race : semis.races)
        for (const auto& row : race.results) {
            if (in_a.count(row.athlete) || !detail::can_qualify(row)) continue;
            if (!in_b.count(row.athlete)) {
                every_other = false;
                continue;
            }
            rule.final_b_first_place = std::min(rule.final_b_first_place, *row.place);
            rule.final_b_last_place = std::max(rule.final_b_last_place, *row.place);
        }
    if (!every_other) rule.final_b = FinalBRouting::places;
    return rule;
}

Era infer_era(const Event& event, const Format& format, Diagnostics& notes) {
    const bool short_track = fold_name(event.info.title).find("shorttrack") != std::string::npos;
    const bool winners_and_fastest =
        std::any_of(format.transitions.begin(), format.transitions.end(),
                    [](const Transition& t) { return t.time_pool == TimePool::all_others; });
    if (!short_track && winners_and_fastest) return Era::world_skate;
    if (!event.info.year) {
        notes.push_back({Severity::warning, 0,
                         "no year in the title or infobox: classified by era B (2010 onward)"});
        return Era::B;
    }
    return *event.info.year < era_b_year ? Era::A : Era::B;
}

std::string describe(const Format& f, const Event& event, bool modern) {
    std::string text;
    for (const auto& t : f.transitions) {
        text += fmt::format("{} ({} races): top {}", to_string(t.from), t.races.value_or(0),
                            t.place_quota);
        if (t.time_pool != TimePool::none)
            text += fmt::format(", time pool {} to capacity {}", to_string(t.time_pool),
                                t.capacity.value_or(0));
        text += "; ";
    }
    text += fmt::format(
        "Final B {}; classification era {}. Assumed from the year {}: referee "
        "advancements {}.",
        to_string(f.finals.final_b), to_string(f.classification.era),
        event.info.year ? std::to_string(*event.info.year) : "(none)",
        modern ? "take the time slots" : "on top");
    return text;
}

}  // namespace

Format infer_format(const Event& event, Diagnostics& notes) {
    Format f;
    f.name = "inferred";
    f.source = "inferred from " + event.source;
    const bool modern = event.info.year && *event.info.year >= modern_isu_year;
    for (std::size_t r = 0; r + 1 < event.rounds.size(); ++r) {
        const auto& next = event.rounds[r + 1];
        if (next.kind == RoundKind::finals && !next.races.empty()) {
            const auto& first = next.races.front();
            f.transitions.push_back(infer_transition(event.rounds[r], field_of(first), modern));
            f.finals = infer_finals(event.rounds[r], next, f.transitions.back(), modern);
        } else {
            f.transitions.push_back(infer_transition(event.rounds[r], field_of(next), modern));
        }
    }
    f.classification.era = infer_era(event, f, notes);
    f.description = describe(f, event, modern);
    return f;
}

}  // namespace heatgraph
