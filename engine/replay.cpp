#include "heatgraph/replay.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <unordered_set>

#include "advancement.hpp"
#include "heatgraph/progression_graph.hpp"
#include "transition_replay.hpp"

namespace heatgraph {

namespace {

using detail::field_of;
using detail::TransitionReplay;

const Transition* rule_for(const Format& format, RoundKind kind) {
    for (const auto& t : format.transitions)
        if (t.from == kind) return &t;
    return nullptr;
}

// Rounds in the order their transitions can be replayed: a round is complete once the
// progression graph's replay order has visited all of its races.
std::vector<int> round_order(const Event& event, Diagnostics& out) {
    const auto graph = ProgressionGraph::of(event);
    for (auto& d : graph.validate())
        out.push_back(std::move(d));
    std::vector<std::size_t> remaining;
    for (const auto& round : event.rounds)
        remaining.push_back(round.races.size());
    std::vector<int> order;
    for (const auto& ref : graph.replay_order())
        if (--remaining[ref.round] == 0) order.push_back(ref.round);
    return order;
}

void check_later_round_is_explained(const Event& event, int r, Diagnostics& out) {
    const auto before = field_of(event.rounds[r - 1]);
    for (const auto& race : event.rounds[r].races)
        for (const auto& row : race.results)
            if (!before.count(row.athlete))
                out.push_back(
                    {Severity::error, row.line,
                     fmt::format("{} raced {} but no race of the {}", event.name_of(row.athlete),
                                 race.name, event.rounds[r - 1].name)});
}

void check_structure(const Event& event, const Format& format, Diagnostics& out) {
    for (const auto& round : event.rounds) {
        if (round.kind == RoundKind::finals) continue;
        const auto* rule = rule_for(format, round.kind);
        if (!rule) {
            out.push_back({Severity::error, round.line,
                           fmt::format("the format '{}' has no rule for the {}; nobody's "
                                       "advancement from them is explained",
                                       format.name, round.name)});
        } else if (rule->races && *rule->races != static_cast<int>(round.races.size())) {
            out.push_back({Severity::warning, round.line,
                           fmt::format("the format '{}' has {} races in the {}; the event has {}",
                                       format.name, *rule->races, round.name, round.races.size())});
        }
    }
    if (event.rounds.empty() || event.rounds.back().kind != RoundKind::finals)
        out.push_back({Severity::warning, 0,
                       "the event has no finals; the classification ranks what was raced"});
}

void check_medalists(const Replay& replay, Diagnostics& out) {
    const auto& event = replay.event;
    for (const auto& medalist : event.info.medalists) {
        const auto id = event.find_athlete(medalist.name);
        if (!id) {
            out.push_back(
                {Severity::error, medalist.line,
                 fmt::format("infobox medalist '{}' raced no race of the event", medalist.name)});
            continue;
        }
        const Standing* it = find_standing(replay.classification, *id);
        if (!it || it->rank != medalist.medal)
            out.push_back({Severity::error, medalist.line,
                           fmt::format("the infobox gives {} medal {}; the replay ranks them {}",
                                       medalist.name, medalist.medal,
                                       it && it->rank ? std::to_string(*it->rank)
                                                      : std::string("unranked"))});
    }
}

// A final's printed ranks are the classification's: check that they agree.
void check_printed_ranks(const Replay& replay, Diagnostics& out) {
    const auto& event = replay.event;
    if (event.rounds.empty() || event.rounds.back().kind != RoundKind::finals) return;
    for (const auto& race : event.rounds.back().races) {
        for (const auto& row : race.results) {
            if (!row.printed_rank || !row.place) continue;
            const Standing* it = find_standing(replay.classification, row.athlete);
            if (it && it->rank != row.printed_rank)
                out.push_back({Severity::warning, row.line,
                               fmt::format("{} is printed {} in {}; the classification ranks "
                                           "them {}",
                                           event.name_of(row.athlete), *row.printed_rank, race.name,
                                           it->rank ? std::to_string(*it->rank) : "unranked")});
        }
    }
}

}  // namespace

Replay replay(const Event& event, const Format& format) {
    Replay out{event, format, {}, event.diagnostics};
    Event& e = out.event;
    for (auto& round : e.rounds)
        for (auto& race : round.races) {
            race.field.clear();
            for (auto& row : race.results) {
                race.field.push_back(row.athlete);
                row.advance.reset();
            }
        }
    check_structure(e, format, out.diagnostics);
    for (const int r : round_order(e, out.diagnostics)) {
        if (r + 1 >= static_cast<int>(e.rounds.size())) continue;
        check_later_round_is_explained(e, r + 1, out.diagnostics);
        const auto* rule = rule_for(format, e.rounds[r].kind);
        if (!rule) continue;
        TransitionReplay(e, r, *rule, format.finals, out.diagnostics).run();
    }
    out.classification = classify(e, format.classification);
    check_medalists(out, out.diagnostics);
    check_printed_ranks(out, out.diagnostics);
    return out;
}

Replay replay(const Event& event) {
    Diagnostics notes;
    auto format = infer_format(event, notes);
    auto result = replay(event, format);
    result.diagnostics.insert(result.diagnostics.end(), notes.begin(), notes.end());
    return result;
}

Result<std::vector<PathStep>> athlete_path(const Replay& replay, std::string_view athlete) {
    const auto& event = replay.event;
    const auto id = event.find_athlete(athlete);
    if (!id) {
        return Error{event.source, 0,
                     fmt::format("no athlete '{}' in this event; nearest: {}", athlete,
                                 fmt::join(event.nearest_athletes(athlete), ", "))};
    }
    std::vector<PathStep> path;
    for (const auto& round : event.rounds)
        for (const auto& race : round.races) {
            for (const auto& row : race.results)
                if (row.athlete == *id) path.push_back({round.name, race.name, true, row});
            if (!race.raced && std::count(race.field.begin(), race.field.end(), *id)) {
                Row awarded;  // no place, time or status of its own: the race was not run
                awarded.athlete = *id;
                awarded.printed_name = event.name_of(*id);
                path.push_back({round.name, race.name, false, awarded});
            }
        }
    return path;
}

}  // namespace heatgraph
