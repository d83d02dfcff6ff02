// athlete_path: a skater's path through the replay, each step explained by the rules the
// replay applied (advancement.hpp's decide and place_qualifiers, not a second copy of them):
// how they went on, the incidents of the race, and why they went out where they did.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <span>
#include <unordered_set>

#include "heatgraph/progression_graph.hpp"
#include "heatgraph/replay.hpp"
#include "replay/stage_replay.hpp"
#include "rules/advancement.hpp"
#include "rules/stage_graph.hpp"
#include "sources/text.hpp"

namespace heatgraph {

namespace {

using detail::can_qualify;
using detail::decide;
using detail::Decision;
using detail::Entrant;
using detail::entrant_of;
using detail::EventStages;
using detail::ordinal;
using detail::place_qualifiers;
using detail::StageGraph;
using detail::time_slots;
using detail::view_for;

// ---- athlete_path: each step explained by the rules the replay applied ----

// A stage's rows in the replay's entrant order (races in order, rows in order), with the
// transition out of the stage that took each (-1: none), read off the replay's advances.
struct StageRows {
    std::vector<const Row*> rows;
    std::vector<const Race*> races;
    std::vector<int> taken_by;
};

// Does `to` (an Advance's target) name where `rule` leads in the event stage `target`?
bool leads_to(const Round& target, const Transition& rule, const std::string& to) {
    if (!rule.final && to == target.name) return true;
    return std::any_of(target.races.begin(), target.races.end(), [&](const Race& race) {
        return race.name == to && (!rule.final || race.number == rule.final - 'A' + 1);
    });
}

StageRows stage_rows(const Replay& replay, const EventStages& stages, int r,
                     const std::vector<int>& out) {
    StageRows s;
    for (const auto& race : replay.event.rounds[r].races)
        for (const auto& row : race.results) {
            s.rows.push_back(&row);
            s.races.push_back(&race);
        }
    s.taken_by.assign(s.rows.size(), -1);
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const auto& advance = s.rows[i]->advance;
        for (std::size_t k = 0; advance && k < out.size() && s.taken_by[i] < 0; ++k) {
            const int target = stages.target[out[k]];
            if (target >= 0 && leads_to(replay.event.rounds[target],
                                        replay.format.transitions[out[k]], advance->to))
                s.taken_by[i] = static_cast<int>(k);
        }
    }
    return s;
}

// The entrants as the replay settled them: a referee advancement is whoever the replay advanced
// by the Referee (recorded or inferred), for the final its reason names.
std::vector<Entrant> settled_entrants(const StageRows& s) {
    std::vector<Entrant> entrants;
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const Row& row = *s.rows[i];
        Entrant e = entrant_of(row, *s.races[i], false);
        if (row.advance && way_of(row.advance->reason) == Way::referee) {
            e.referee = true;
            e.referee_to = final_of(row.advance->reason) ? final_of(row.advance->reason) : '*';
        }
        entrants.push_back(e);
    }
    return entrants;
}

// Transition `k` of the stage decided by the rules on the settled entrants; `view` is what the
// transition saw (those taken by an earlier one are no longer eligible).
Decision decide_transition(const Transition& rule, int k, const StageRows& s,
                           const std::vector<Entrant>& entrants, std::vector<Entrant>& view) {
    std::vector<int> before = s.taken_by;
    for (int& t : before)
        if (t >= k) t = -1;
    view_for(rule, k == 0, entrants, before, view);
    Decision d;
    decide(
        rule, view, [](int) { return 0; }, d);
    return d;
}

std::string count_words(int n) {
    static constexpr std::array<const char*, 6> words{"", "", "two", "three", "four", "five"};
    return n >= 2 && n <= 5 ? words[n] : std::to_string(n);
}

// "the first two go through", "places 3-4 go to Final B".
std::string place_rule_text(const Transition& rule, const std::string& target) {
    const std::string where = rule.final ? fmt::format("go to {}", target) : "go through";
    if (rule.first_place > 1)
        return fmt::format("places {}-{} {}", rule.first_place, rule.place_quota, where);
    if (rule.place_quota == 1)
        return fmt::format("the winner {}", rule.final ? fmt::format("goes to {}", target)
                                                       : std::string("goes through"));
    return fmt::format("the first {} {}", count_words(rule.place_quota), where);
}

// Who competes for the time slots: "thirds" after a top 2.
std::string pool_text(const Transition& rule) {
    if (rule.time_pool == TimePool::all_others) return "others placed";
    const std::string nth = ordinal(rule.place_quota + 1);
    static constexpr std::array<const char*, 4> named{"", "winners", "seconds", "thirds"};
    return rule.place_quota + 1 <= 3 ? named[rule.place_quota + 1] : nth + "s";
}

std::vector<std::string> names_of(const Event& event, const StageRows& s,
                                  const std::vector<int>& indices) {
    std::vector<std::string> names;
    for (int i : indices)
        names.push_back(event.name_of(s.rows[i]->athlete));
    return names;
}

TimeStanding time_standing(const Event& event, const Transition& rule, const StageRows& s,
                           const std::vector<Entrant>& view, const Decision& d, int i) {
    TimeStanding t;
    const auto at = std::find(d.pool.begin(), d.pool.end(), i);
    t.rank = static_cast<int>(at - d.pool.begin()) + 1;
    t.pool = static_cast<int>(d.pool.size());
    t.slots = time_slots(rule, static_cast<int>(d.by_place.size()),
                         static_cast<int>(d.by_referee.size()));
    t.by_time = names_of(event, s, d.by_time);
    if (rule.referee == RefereePolicy::take_time_slots)
        t.referee = names_of(event, s, d.by_referee);
    Millis last = 0;
    for (int q : d.by_time)
        last = std::max(last, *view[q].time);
    if (!d.advances[i] && !d.by_time.empty()) t.behind_last = *view[i].time - last;
    return t;
}

std::string seconds_text(Millis ms) {
    return fmt::format("{}.{:03}", ms / 1000, ms % 1000);
}

// "the fastest of 8 thirds for 1 time slot"
std::string standing_text(const Transition& rule, const TimeStanding& t) {
    return fmt::format("{} of {} {} for {} time slot{}",
                       t.rank == 1 ? std::string("the fastest") : ordinal(t.rank) + " fastest",
                       t.pool, pool_text(rule), t.slots, t.slots == 1 ? "" : "s");
}

// Why a skater in the pool got no time slot.
std::string missed_slot_text(const Transition& rule, const TimeStanding& t) {
    const int referee = static_cast<int>(t.referee.size());
    std::string text;
    if (t.slots == 0)
        text = fmt::format("no time slot left of the capacity of {}", rule.capacity.value_or(0));
    else if (t.slots == 1)
        text = fmt::format("not the fastest of the {} {}", t.pool, pool_text(rule));
    else
        text = fmt::format("not among the {} fastest {}", t.slots, pool_text(rule));
    if (t.slots > 0)
        text += fmt::format(
            " ({} fastest{})", ordinal(t.rank),
            t.behind_last ? fmt::format(", {} s behind the last", seconds_text(*t.behind_last))
                          : "");
    if (referee > 0)
        text += fmt::format("; {} went to referee advancement{} ({})",
                            referee == 1 ? "the slot" : fmt::format("{} slots", referee),
                            referee == 1 ? "" : "s", fmt::join(t.referee, ", "));
    return text;
}

std::string status_incident(const Row& row) {
    switch (row.status) {
        case Status::PEN:
        case Status::DQ:
            return fmt::format("penalised ({})", to_string(row.status));
        case Status::YC:
            return "yellow card (YC): penalised, every result of the distance void";
        case Status::RC:
            return "red card (RC): excluded";
        default:
            return "";
    }
}

std::string status_out(const Row& row) {
    switch (row.status) {
        case Status::PEN:
        case Status::DQ:
        case Status::YC:
        case Status::RC:
            return "no place: cannot go through";
        case Status::DNS:
            return "did not start (DNS)";
        case Status::DNF:
            return "did not finish (DNF)";
        default:
            return "no place in the record: cannot go through";
    }
}

// "3rd, 1:23.946" or "3rd"
std::string result_text(const Row& row) {
    std::string text = row.place ? ordinal(*row.place) : std::string("no place");
    if (row.time) text += ", " + format_race_time(*row.time);
    return text;
}

bool penalised(const Row& row) {
    return row.status == Status::PEN || row.status == Status::DQ || row.status == Status::YC ||
           row.status == Status::RC;
}

// A place qualifier moved up by the penalised skaters of the race: had they all finished ahead,
// the place they pushed the skater down to would not qualify under the same rule. Fills the
// step's incident and moved_up_by.
void moved_up(const Event& event, const Transition& rule, const Race& race, const Entrant& e,
              PathStep& step) {
    std::vector<std::string> who;
    for (const auto& row : race.results)
        if (penalised(row))
            who.push_back(
                fmt::format("{} ({})", event.name_of(row.athlete), to_string(row.status)));
    Entrant lower = e;
    lower.place = *e.place + static_cast<int>(who.size());
    if (who.empty() || !place_qualifiers(rule, std::span(&lower, 1)).empty()) return;
    for (const auto& row : race.results)
        if (penalised(row)) step.moved_up_by.push_back(event.name_of(row.athlete));
    step.incident = fmt::format(
        "moved up by another's penalty: {} penalised in the race; behind {}, {} would not go "
        "through",
        fmt::join(who, ", "), who.size() == 1 ? "them" : "all of them", ordinal(*lower.place));
}

struct StepContext {
    const Replay& replay;
    const StageGraph& graph;
    const EventStages& stages;
};

std::string target_name(const Replay& replay, const EventStages& stages, int t) {
    const auto& rule = replay.format.transitions[t];
    const int target = stages.target[t];
    if (target < 0) return rule.to;
    for (const auto& race : replay.event.rounds[target].races)
        if (rule.final && race.number == rule.final - 'A' + 1) return race.name;
    return rule.final ? fmt::format("Final {}", rule.final) : replay.event.rounds[target].name;
}

// How the skater went on by transition `k`.
void explain_advance(const StepContext& c, const std::vector<int>& out, int k, const StageRows& s,
                     const std::vector<Entrant>& view, const Decision& d, int i, PathStep& step) {
    const Row& row = *s.rows[i];
    const auto& rule = c.replay.format.transitions[out[k]];
    const auto& advance = *row.advance;
    const std::string tag =
        fmt::format("{}, {}", to_string(advance.reason), to_string(advance.source));
    const std::string target = target_name(c.replay, c.stages, out[k]);
    switch (way_of(advance.reason)) {
        case Way::place:
            if (rule.selection == Selection::others) {
                step.reason = fmt::format("{}: {} takes every other eligible skater ({})",
                                          result_text(row), target, tag);
                return;
            }
            step.reason =
                fmt::format("{}: {} ({})", result_text(row), place_rule_text(rule, target), tag);
            moved_up(c.replay.event, rule, *s.races[i], view[i], step);
            return;
        case Way::time:
            step.time = time_standing(c.replay.event, rule, s, view, d, i);
            step.reason = fmt::format("{}: by time, {} ({})", result_text(row),
                                      standing_text(rule, *step.time), tag);
            return;
        case Way::referee:
            step.incident = fmt::format("advanced by the Referee ({})", tag);
            step.reason = fmt::format(
                "{}: not through by place ({}){}", result_text(row), place_rule_text(rule, target),
                rule.referee == RefereePolicy::take_time_slots && rule.capacity
                    ? "; the advancement takes one of the time slots"
                    : "");
            return;
        case Way::repechage:
        case Way::ranking:
            step.reason = fmt::format("{}: not qualified, to the {} ({})", result_text(row), target,
                                      to_string(advance.reason));
            return;
    }
}

// Why a skater no transition took did not go through: the status, or each place rule missed.
void explain_out(const StepContext& c, const std::vector<int>& out, const StageRows& s,
                 const std::vector<Entrant>& entrants, int i, PathStep& step) {
    const Row& row = *s.rows[i];
    if (!can_qualify(row)) {
        step.why_out = status_out(row);
        return;
    }
    std::vector<std::string> missed;
    std::vector<Entrant> view;
    for (int k = 0; k < static_cast<int>(out.size()); ++k) {
        const auto& rule = c.replay.format.transitions[out[k]];
        if (rule.selection != Selection::places) continue;
        const Decision d = decide_transition(rule, k, s, entrants, view);
        const bool first_of_several = missed.empty() && out.size() > 1 && rule.final;
        const auto place_rule = place_rule_text(rule, target_name(c.replay, c.stages, out[k]));
        missed.push_back(first_of_several || k > 0 ? place_rule : "only " + place_rule);
        if (std::find(d.pool.begin(), d.pool.end(), i) == d.pool.end()) {
            if (rule.capacity && rule.time_pool == TimePool::next_place)
                missed.push_back(fmt::format("only the {} compete for time", pool_text(rule)));
            continue;
        }
        step.time = time_standing(c.replay.event, rule, s, view, d, i);
        missed.push_back(missed_slot_text(rule, *step.time));
    }
    step.why_out = fmt::format("{}: {}", result_text(row), fmt::join(missed, "; "));
}

void explain_step(const StepContext& c, int r, const Row& row, PathStep& step) {
    step.incident = status_incident(row);
    if (row.entry)
        step.reason = row.entry == Entry::direct
                          ? fmt::format("entered the {} directly, as the format allows",
                                        c.replay.event.rounds[r].name)
                          : "no earlier row: the record has a hole";
    const int format_stage = c.stages.format_stage[r];
    if (format_stage < 0) return;
    const auto& out = c.graph.out[format_stage];
    if (out.empty()) return;  // a final: the skater's event ends here
    const StageRows s = stage_rows(c.replay, c.stages, r, out);
    const auto i = static_cast<int>(std::find(s.rows.begin(), s.rows.end(), &row) - s.rows.begin());
    const auto entrants = settled_entrants(s);
    const int k = s.taken_by[i];
    if (k < 0) {
        if (!row.advance) explain_out(c, out, s, entrants, i, step);
        return;
    }
    std::vector<Entrant> view;
    const Decision d = decide_transition(c.replay.format.transitions[out[k]], k, s, entrants, view);
    std::string entry = std::move(step.reason);
    explain_advance(c, out, k, s, view, d, i, step);
    if (!entry.empty()) step.reason = entry + "; " + step.reason;
}

}  // namespace

Result<std::vector<PathStep>> athlete_path(const Replay& replay, std::string_view athlete) {
    const auto& event = replay.event;
    const auto id = event.find_athlete(athlete);
    if (!id) {
        return Error{event.source, 0,
                     fmt::format("no athlete '{}' in this event; nearest: {}", athlete,
                                 fmt::join(event.nearest_athletes(athlete), ", "))};
    }
    const StageGraph graph(replay.format);
    const EventStages stages(event, replay.format, graph);
    const StepContext context{replay, graph, stages};
    std::vector<PathStep> path;
    for (int r = 0; r < static_cast<int>(event.rounds.size()); ++r) {
        const auto& round = event.rounds[r];
        for (const auto& race : round.races) {
            for (const auto& row : race.results)
                if (row.athlete == *id) {
                    PathStep step;
                    step.round = round.name;
                    step.race = race.name;
                    step.row = row;
                    explain_step(context, r, row, step);
                    path.push_back(std::move(step));
                }
            if (!race.raced && std::count(race.field.begin(), race.field.end(), *id)) {
                Row awarded;  // no place, time or status of its own: the race was not run
                awarded.athlete = *id;
                awarded.printed_name = event.name_of(*id);
                PathStep step;
                step.round = round.name;
                step.race = race.name;
                step.raced = false;
                step.row = std::move(awarded);
                step.reason = fmt::format(
                    "{} not raced (too few skaters): its places go in the order they came",
                    race.name);
                path.push_back(std::move(step));
            }
        }
    }
    return path;
}

}  // namespace heatgraph
