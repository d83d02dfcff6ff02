#include "transition_replay.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

namespace heatgraph::detail {

namespace {

bool has_any(const Row& row, std::initializer_list<std::string_view> marks) {
    return std::any_of(marks.begin(), marks.end(), [&](auto m) { return row.has_mark(m); });
}

std::vector<std::string_view> advancement_marks_of(const Row& row) {
    std::vector<std::string_view> found;
    for (auto m : advancement_marks)
        if (row.has_mark(m)) found.push_back(m);
    return found;
}

// Membership of row indices, for the checks made once per row.
std::vector<char> members(std::size_t size, const std::vector<int>& indices) {
    std::vector<char> in(size, 0);
    for (int i : indices)
        in[i] = 1;
    return in;
}

// Does the rule's time cut select exactly `chosen`?
bool cut_selects(const TimeCut& cut, const std::vector<int>& chosen, std::size_t size) {
    const auto in_chosen = members(size, chosen);
    for (int i : cut.sure)
        if (!in_chosen[i]) return false;
    const auto in_sure = members(size, cut.sure);
    const auto in_tied = members(size, cut.tied);
    int drawn = 0;
    for (int i : chosen) {
        if (in_sure[i]) continue;
        if (!in_tied[i]) return false;
        ++drawn;
    }
    return drawn == (cut.tied.empty() ? 0 : cut.from_tied);
}

}  // namespace

TransitionReplay::TransitionReplay(Event& event, int round, const Transition& rule,
                                   const FinalsRule& finals, Diagnostics& out)
    : event_(event), round_(event.rounds[round]), rule_(rule), finals_(finals), out_(out) {
    for (auto& race : round_.races)
        for (auto& row : race.results)
            rows_.push_back({&row, &race});
}

void TransitionReplay::run() {
    const int next_index = static_cast<int>(&round_ - event_.rounds.data()) + 1;
    Round& next = event_.rounds[next_index];
    if (next.kind != RoundKind::finals) {
        explain(next.name, field_of(next), {Reason::Q, Reason::q, Reason::ADV});
    } else {
        const auto find = [&](int number) -> Race* {
            for (auto& race : next.races)
                if (race.number == number) return &race;
            return nullptr;
        };
        Race* final_a = find(1);
        const bool two_finals = find(2) || finals_.final_b != FinalBRouting::none;
        const Labels labels = two_finals ? Labels{Reason::QA, Reason::qA, Reason::ADVA}
                                         : Labels{Reason::Q, Reason::q, Reason::ADV};
        if (final_a) {
            explain(final_a->name, {final_a->field.begin(), final_a->field.end()}, labels);
        } else {
            out_.push_back({Severity::error, next.line, "the finals have no Final A"});
        }
        if (two_finals) route_final_b(find(2));
    }
    report_marks_without_advance();
    if (!marked_q_for_time_.empty())
        warn(round_.line,
             fmt::format("{}: {} time qualifier(s) are marked Q, the mark of a place qualifier "
                         "(the article marks every qualifier Q): {}; read as q by the rules",
                         round_.name, marked_q_for_time_.size(),
                         fmt::join(marked_q_for_time_, ", ")));
}

void TransitionReplay::explain(const std::string& target,
                               const std::unordered_set<AthleteId>& advanced, Labels labels) {
    std::vector<Entrant> entrants(rows_.size());
    std::vector<int> extra;
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        const Row& row = *rows_[i].row;
        entrants[i] = entrant_of(row, *rows_[i].race, advanced.count(row.athlete) > 0);
    }
    const auto by_place = place_qualifiers(rule_, entrants);
    const auto in_by_place = members(rows_.size(), by_place);
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        const Row& row = *rows_[i].row;
        if (in_by_place[i]) {
            if (advanced.count(row.athlete))
                assign(i, target, labels.place, labels);
            else
                warn(row.line, fmt::format("{} placed {} in {}, which qualifies by place, but is "
                                           "not in the {}",
                                           event_.name_of(row.athlete), *row.place,
                                           rows_[i].race->name, target));
        } else if (advanced.count(row.athlete)) {
            extra.push_back(i);
        }
    }
    const auto by_time = members(rows_.size(), time_qualifiers(entrants, by_place, extra));
    for (int i : extra)
        assign(i, target, by_time[i] ? labels.time : labels.referee, labels);
}

// The largest set of extra advancers the rule explains by time: a run of the fastest in the
// pool (whole tie groups, or part of the last under drawn lots) such that, with everyone else
// taken as a referee advancement, the rule's time cut selects exactly that run.
std::vector<int> TransitionReplay::time_qualifiers(const std::vector<Entrant>& entrants,
                                                   const std::vector<int>& by_place,
                                                   const std::vector<int>& extra) {
    const auto pool = time_pool(rule_, entrants, by_place);
    const auto in_extra = members(rows_.size(), extra);
    std::vector<std::vector<int>> groups;  // the pool in tie groups, fastest first
    for (std::size_t k = 0; k < pool.size(); ++k) {
        if (k == 0 || *entrants[pool[k]].time != *entrants[pool[k - 1]].time) groups.emplace_back();
        groups.back().push_back(pool[k]);
    }
    std::size_t full = 0;  // leading groups every member of which advanced
    while (full < groups.size() && std::all_of(groups[full].begin(), groups[full].end(),
                                               [&](int i) { return in_extra[i]; }))
        ++full;

    const auto selects = [&](const std::vector<int>& chosen) {
        const auto in_chosen = members(rows_.size(), chosen);
        std::vector<int> open_pool;  // the pool less those taken as referee advancements
        for (int i : pool)
            if (in_chosen[i] || !in_extra[i]) open_pool.push_back(i);
        const int referee = static_cast<int>(extra.size() - chosen.size());
        const int slots = time_slots(rule_, static_cast<int>(by_place.size()), referee);
        return cut_selects(cut_by_time(rule_, entrants, open_pool, slots), chosen, rows_.size());
    };
    for (std::size_t k = full + 1; k-- > 0;) {
        std::vector<int> chosen;
        for (std::size_t g = 0; g < k; ++g)
            chosen.insert(chosen.end(), groups[g].begin(), groups[g].end());
        if (k < groups.size()) {  // part of the next group, as drawn lots would give
            std::vector<int> partial = chosen;
            for (int i : groups[k])
                if (in_extra[i]) partial.push_back(i);
            if (partial.size() > chosen.size() && selects(partial)) return partial;
        }
        if (selects(chosen)) return chosen;
    }
    // No run fits: the record and the rule disagree. Report who the rule sends through.
    const int slots = time_slots(rule_, static_cast<int>(by_place.size()), 0);
    const auto cut = cut_by_time(rule_, entrants, pool, slots);
    for (int i : cut.sure)
        if (!in_extra[i])
            warn(rows_[i].row->line,
                 fmt::format("{} is within the {} time slot(s) of the {} but did not advance",
                             event_.name_of(rows_[i].row->athlete), slots, round_.name));
    return {};
}

void TransitionReplay::route_final_b(Race* final_b) {
    std::vector<Entrant> entrants;
    std::vector<char> to_final_a;
    for (const auto& [row, race] : rows_) {
        entrants.push_back(entrant_of(*row, *race, false));
        to_final_a.push_back(row->advance.has_value());
    }
    const auto routed = final_b_routing(finals_, entrants, to_final_a);
    const Labels labels{Reason::QA, Reason::qA, Reason::ADVA};
    if (final_b) {
        const std::string name = final_b->name;
        const std::unordered_set<AthleteId> field(final_b->field.begin(), final_b->field.end());
        const auto in_routed = members(rows_.size(), routed);
        for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
            const Row& row = *rows_[i].row;
            if (row.advance) continue;
            if (field.count(row.athlete)) {
                if (!in_routed[i])
                    warn(row.line, fmt::format("{} raced {} although the format does not send "
                                               "them there",
                                               event_.name_of(row.athlete), name));
                assign(i, name, Reason::QB, labels);
            } else if (in_routed[i]) {
                warn(row.line, fmt::format("{} qualifies for {} by the format but is not in it",
                                           event_.name_of(row.athlete), name));
            }
        }
        return;
    }
    if (routed.empty()) return;
    Race unraced;
    unraced.name = "Final B";
    unraced.number = 2;
    unraced.raced = false;
    for (int i : routed) {
        unraced.field.push_back(rows_[i].row->athlete);
        assign(i, unraced.name, Reason::QB, labels);
    }
    if (static_cast<int>(routed.size()) >= finals_.final_b_min_field)
        warn(round_.line, fmt::format("Final B is not in the article; its {} skaters are ranked "
                                      "in semifinal order",
                                      routed.size()));
    event_.rounds.back().races.push_back(std::move(unraced));
}

void TransitionReplay::assign(int i, const std::string& target, Reason reason, Labels labels) {
    Row& row = *rows_[i].row;
    bool recorded = false;
    if (reason == labels.place) {
        recorded = has_any(row, {"Q", "QA"});
    } else if (reason == labels.time) {
        recorded = has_any(row, {"q", "qA"});
        if (!recorded && has_any(row, {"Q", "QA"})) {
            recorded = true;
            marked_q_for_time_.push_back(event_.name_of(row.athlete));
        }
    } else if (reason == labels.referee) {
        recorded = has_any(row, {"ADV", "ADVA"});
    } else {
        recorded = row.has_mark("QB");
    }
    const auto marks = advancement_marks_of(row);
    if (!recorded && !marks.empty()) {
        warn(row.line,
             fmt::format("{} in {} is marked {}; the rules make it {}", event_.name_of(row.athlete),
                         rows_[i].race->name, fmt::join(marks, ", "), to_string(reason)));
    } else if (!recorded && reason == labels.referee && row.marks.empty()) {
        warn(row.line, fmt::format("{} advanced from {} to the {} with no mark, beyond the place "
                                   "and time rules: taken as a referee advancement",
                                   event_.name_of(row.athlete), rows_[i].race->name, target));
    }
    row.advance =
        Advance{target, reason, recorded ? ReasonSource::recorded : ReasonSource::inferred};
}

void TransitionReplay::report_marks_without_advance() {
    for (const auto& [row, race] : rows_) {
        if (row->advance) continue;
        const auto marks = advancement_marks_of(*row);
        if (!marks.empty())
            warn(row->line,
                 fmt::format("{} in {} is marked {} but did not race the next round",
                             event_.name_of(row->athlete), race->name, fmt::join(marks, ", ")));
    }
}

void TransitionReplay::warn(int line, std::string message) {
    out_.push_back({Severity::warning, line, std::move(message)});
}

}  // namespace heatgraph::detail
