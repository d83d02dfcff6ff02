#include "replay/stage_replay.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "sources/stage_names.hpp"

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

// A place mark for the final `final` (0: not a final of several): Q, QA, or the ISU's pairs.
bool has_place_mark(const Row& row, char final) {
    const std::string own = final ? fmt::format("Q{}", final) : "QA";
    return has_any(row, {"Q", own}) || ((final == 'A' || final == 'B') && row.has_mark("QAB")) ||
           ((final == 'C' || final == 'D') && row.has_mark("QCD"));
}

bool has_time_mark(const Row& row, char final) {
    return has_any(row, {"q", final ? fmt::format("q{}", final) : "qA"});
}

bool has_referee_mark(const Row& row, char final) {
    const char to = referee_final(row);
    return to == '*' || (to != 0 && (final == 0 || to == final));
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

StageReplay::StageReplay(Event& event, int stage, const Format& format, const StageGraph& graph,
                         const EventStages& stages, Diagnostics& out)
    : event_(event),
      round_(event.rounds[stage]),
      format_(format),
      graph_(graph),
      format_stage_(stages.format_stage[stage]),
      stages_(stages),
      next_stage_(stages.next[stage]),
      out_(out) {
    for (auto& race : round_.races)
        for (auto& row : race.results)
            rows_.push_back({&row, &race});
    taken_by_.assign(rows_.size(), -1);
}

void StageReplay::run() {
    const auto& out = graph_.out[format_stage_];
    for (std::size_t k = 0; k < out.size(); ++k)
        explain_transition(static_cast<int>(k), out[k]);
    report_marks_without_advance();
    if (!marked_q_for_time_.empty())
        warn(round_.line,
             fmt::format("{}: {} time qualifier(s) are marked Q, the mark of a place qualifier "
                         "(the record marks every qualifier Q): {}; read as q by the rules",
                         round_.name, marked_q_for_time_.size(),
                         fmt::join(marked_q_for_time_, ", ")));
}

void StageReplay::explain_transition(int k, int t) {
    const auto& rule = format_.transitions[t];
    const int target_index = stages_.target[t];
    Round* target = target_index >= 0 ? &event_.rounds[target_index] : nullptr;
    if (!target) {
        if (k == 0)
            warn(round_.line, fmt::format("the {} are not in the record; who went on from the {} "
                                          "is not explained",
                                          rule.to, round_.name));
        return;
    }
    Race* race = nullptr;
    std::string name = target->name;
    if (rule.final) {
        const int number = rule.final - 'A' + 1;
        for (auto& r : target->races)
            if (r.number == number) race = &r;
        const auto stage = stage_of_heading(target->name);
        name =
            race ? race->name
                 : race_label(stage.value_or(StageName{StageKind::final, "Finals", "Final", true}),
                              number);
    } else if (target->kind == StageKind::final && target->races.size() == 1) {
        race = &target->races.front();
        name = race->name;
    }
    std::unordered_set<AthleteId> advanced;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const AthleteId a = rows_[i].row->athlete;
        if (taken_by_[i] >= 0 || next_stage_[a] != target_index) continue;
        if (race && std::find(race->field.begin(), race->field.end(), a) == race->field.end())
            continue;
        if (rule.final && !race) continue;
        advanced.insert(a);
    }
    const bool first = k == 0;
    if (rule.selection == Selection::places && (race || !rule.final)) {
        explain_places(rule, first, name, advanced);
    } else {
        if (rule.final && !race) race = &unraced_final(*target, rule.final, name);
        explain_others(rule, first, race, name, advanced, way_of_others(target->kind));
    }
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (taken_by_[i] < 0 && rows_[i].row->advance && rows_[i].row->advance->to == name)
            taken_by_[i] = k;
}

std::vector<Entrant> StageReplay::entrants_for(
    const Transition& rule, bool first, const std::unordered_set<AthleteId>& advanced) const {
    std::vector<Entrant> entrants(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const Row& row = *rows_[i].row;
        entrants[i] = entrant_of(row, *rows_[i].race, advanced.count(row.athlete) > 0);
    }
    std::vector<Entrant> view;
    view_for(rule, first, entrants, taken_by_, view);
    return view;
}

void StageReplay::explain_places(const Transition& rule, bool first, const std::string& target,
                                 const std::unordered_set<AthleteId>& advanced) {
    const auto entrants = entrants_for(rule, first, advanced);
    std::vector<int> extra;
    const auto by_place = place_qualifiers(rule, entrants);
    const auto in_by_place = members(rows_.size(), by_place);
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        if (taken_by_[i] >= 0) continue;
        const Row& row = *rows_[i].row;
        if (in_by_place[i]) {
            if (advanced.count(row.athlete))
                assign(i, target, Way::place, rule.final);
            else
                warn(row.line, fmt::format("{} placed {} in {}, which qualifies by place, but is "
                                           "not in the {}",
                                           event_.name_of(row.athlete), *row.place,
                                           rows_[i].race->name, target));
        } else if (advanced.count(row.athlete)) {
            extra.push_back(i);
        }
    }
    const auto by_time = members(rows_.size(), time_qualifiers(rule, entrants, by_place, extra));
    for (int i : extra)
        assign(i, target, by_time[i] ? Way::time : Way::referee, rule.final);
}

// The largest set of extra advancers the rule explains by time: a run of the fastest in the
// pool (whole tie groups, or part of the last under drawn lots) such that, with everyone else
// taken as a referee advancement, the rule's time cut selects exactly that run.
std::vector<int> StageReplay::time_qualifiers(const Transition& rule,
                                              const std::vector<Entrant>& entrants,
                                              const std::vector<int>& by_place,
                                              const std::vector<int>& extra) {
    const auto pool = time_pool(rule, entrants, by_place);
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
        const int slots = time_slots(rule, static_cast<int>(by_place.size()), referee);
        return cut_selects(cut_by_time(rule, entrants, open_pool, slots), chosen, rows_.size());
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
    const int slots = time_slots(rule, static_cast<int>(by_place.size()), 0);
    const auto cut = cut_by_time(rule, entrants, pool, slots);
    for (int i : cut.sure)
        if (!in_extra[i])
            warn(rows_[i].row->line,
                 fmt::format("{} is within the {} time slot(s) of the {} but did not advance",
                             event_.name_of(rows_[i].row->athlete), slots, round_.name));
    return {};
}

void StageReplay::explain_others(const Transition& rule, bool first, Race* target_race,
                                 const std::string& target,
                                 const std::unordered_set<AthleteId>& advanced, Way way) {
    auto entrants = entrants_for(rule, first, {});
    Decision d;
    decide(
        rule, entrants, [](int) { return 0; }, d);
    order_by_result(entrants, d.by_place);  // the rule's choice in the order they came
    auto routed = d.by_place;
    for (int i : d.by_referee)
        routed.push_back(i);
    for (int i : d.by_time)
        routed.push_back(i);
    if (target_race && !target_race->raced && target_race->field.empty()) {
        for (int i : routed) {
            target_race->field.push_back(rows_[i].row->athlete);
            assign(i, target, way, rule.final);
        }
        const auto* stage = format_.stage(rule.to);
        const int min_field = stage ? stage->min_field : 2;
        if (static_cast<int>(routed.size()) >= min_field)
            warn(round_.line, fmt::format("{} is not in the record; its {} skaters share its "
                                          "places (the record does not give their order)",
                                          target, routed.size()));
        return;
    }
    const auto in_routed = members(rows_.size(), routed);
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        const Row& row = *rows_[i].row;
        if (taken_by_[i] >= 0 || row.advance) continue;
        if (advanced.count(row.athlete)) {
            if (!in_routed[i])
                warn(row.line, fmt::format("{} raced {} although the format does not send "
                                           "them there",
                                           event_.name_of(row.athlete), target));
            assign(i, target, way, rule.final);
        } else if (in_routed[i]) {
            warn(row.line, fmt::format("{} qualifies for {} by the format but is not in it",
                                       event_.name_of(row.athlete), target));
        }
    }
}

// A final the format sends skaters to that the record does not hold: not raced, its skaters
// take its places in the order they came (a Final B of one skater, 2006).
Race& StageReplay::unraced_final(Round& stage, char final, const std::string& name) {
    Race race;
    race.name = name;
    race.number = final - 'A' + 1;
    race.raced = false;
    const auto at = std::find_if(stage.races.begin(), stage.races.end(),
                                 [&](const Race& r) { return r.number > race.number; });
    return *stage.races.insert(at, std::move(race));
}

void StageReplay::assign(int i, const std::string& target, Way way, char final) {
    Row& row = *rows_[i].row;
    bool recorded = false;
    switch (way) {
        case Way::place:
            recorded = has_place_mark(row, final);
            break;
        case Way::time:
            recorded = has_time_mark(row, final);
            if (!recorded && has_place_mark(row, final)) {
                recorded = true;
                marked_q_for_time_.push_back(event_.name_of(row.athlete));
            }
            break;
        case Way::referee:
            recorded = has_referee_mark(row, final);
            break;
        case Way::repechage:
        case Way::ranking:
            break;  // the tables mark neither
    }
    const auto reason = reason_of(way, final);
    const auto marks = advancement_marks_of(row);
    if (!recorded && !marks.empty()) {
        warn(row.line,
             fmt::format("{} in {} is marked {}; the rules make it {}", event_.name_of(row.athlete),
                         rows_[i].race->name, fmt::join(marks, ", "), to_string(reason)));
    } else if (!recorded && way == Way::referee && row.marks.empty()) {
        warn(row.line, fmt::format("{} advanced from {} to the {} with no mark, beyond the place "
                                   "and time rules: taken as a referee advancement",
                                   event_.name_of(row.athlete), rows_[i].race->name, target));
    }
    row.advance =
        Advance{target, reason, recorded ? ReasonSource::recorded : ReasonSource::inferred};
}

// Each skater marked as going on who raced no later stage; when several did, the record most
// likely lacks the round they went on to (2004 Europeans: the quarterfinals), and that is said
// first.
void StageReplay::report_marks_without_advance() {
    int missing = 0;
    for (const auto& [row, race] : rows_)
        missing += !row->advance && !advancement_marks_of(*row).empty();
    constexpr int several = 3;  // one or two are a skater's own story (a withdrawal)
    if (missing >= several)
        warn(round_.line, fmt::format("{} skaters of the {} marked as going on have no later row: "
                                      "the record most likely lacks the round after the {}",
                                      missing, round_.name, round_.name));
    for (const auto& [row, race] : rows_) {
        if (row->advance) continue;
        const auto marks = advancement_marks_of(*row);
        if (!marks.empty())
            warn(row->line,
                 fmt::format("{} in {} is marked {} but did not race the next round",
                             event_.name_of(row->athlete), race->name, fmt::join(marks, ", ")));
    }
}

void StageReplay::warn(int line, std::string message) {
    out_.push_back({Severity::warning, line, std::move(message)});
}

}  // namespace heatgraph::detail
