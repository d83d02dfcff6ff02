#include "heatgraph/replay.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <span>
#include <unordered_set>

#include "heatgraph/progression_graph.hpp"
#include "replay/stage_replay.hpp"
#include "rules/advancement.hpp"
#include "rules/stage_graph.hpp"
#include "sources/text.hpp"

namespace heatgraph {

namespace {

using detail::EventStages;
using detail::StageGraph;
using detail::StageReplay;

// Each stage of the event against the format's: a stage the format lacks, or whose race count
// differs, is reported.
void check_stages(const Event& event, const Format& format, const EventStages& stages,
                  Diagnostics& out) {
    for (std::size_t r = 0; r < event.rounds.size(); ++r) {
        const auto& round = event.rounds[r];
        const int s = stages.format_stage[r];
        if (s < 0) {
            out.push_back({Severity::error, round.line,
                           fmt::format("the format '{}' has no stage '{}'; nobody's advancement "
                                       "from it is explained",
                                       format.name, round.name)});
            continue;
        }
        const auto& races = format.stages[s].races;
        if (races && round.kind != StageKind::final &&
            *races != static_cast<int>(round.races.size()))
            out.push_back({Severity::warning, round.line,
                           fmt::format("the format '{}' has {} races in the {}; the event has {}",
                                       format.name, *races, round.name, round.races.size())});
    }
    if (event.rounds.empty() || event.rounds.back().kind != StageKind::final)
        out.push_back({Severity::warning, 0,
                       "the event has no finals; the classification ranks what was raced"});
}

// Who came to a stage with no earlier row: a direct entry where the format has one, otherwise a
// hole in the data. And who came from a stage the format does not connect to this one.
void explain_arrivals(Event& event, const Format& format, const StageGraph& graph,
                      const EventStages& stages, Diagnostics& out) {
    for (int r = 1; r < static_cast<int>(event.rounds.size()); ++r) {
        auto& round = event.rounds[r];
        const int s = stages.format_stage[r];
        int direct = 0;
        for (auto& race : round.races)
            for (auto& row : race.results) {
                const int before = stages.previous[r][row.athlete];
                if (before >= 0) {
                    if (s >= 0 && stages.format_stage[before] >= 0 && !stages.connects(before, r))
                        out.push_back({Severity::warning, row.line,
                                       fmt::format("{} raced {} after the {}, but the format '{}' "
                                                   "has no transition from the {} to the {}",
                                                   event.name_of(row.athlete), race.name,
                                                   event.rounds[before].name, format.name,
                                                   event.rounds[before].name, round.name)});
                    continue;
                }
                if (s >= 0 && graph.entries[s] > 0) {
                    row.entry = Entry::direct;
                    ++direct;
                    continue;
                }
                row.entry = Entry::unknown;
                out.push_back(
                    {Severity::error, row.line,
                     fmt::format("{} raced {} but no race of the {}", event.name_of(row.athlete),
                                 race.name,
                                 r == 1 ? event.rounds[0].name : std::string("earlier stages"))});
            }
        if (s >= 0 && direct > graph.entries[s])
            out.push_back({Severity::warning, round.line,
                           fmt::format("{} skaters entered the {} directly; the format allows {}",
                                       direct, round.name, graph.entries[s])});
    }
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
    for (const auto& round : event.rounds) {
        if (round.kind != StageKind::final) continue;
        for (const auto& race : round.races)
            for (const auto& row : race.results) {
                if (!row.printed_rank || !row.place) continue;
                const Standing* it = find_standing(replay.classification, row.athlete);
                if (it && it->rank != row.printed_rank)
                    out.push_back(
                        {Severity::warning, row.line,
                         fmt::format("{} is printed {} in {}; the classification ranks them {}",
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
                row.entry.reset();
            }
        }
    const StageGraph graph(format);
    const EventStages stages(e, format, graph);
    check_stages(e, format, stages, out.diagnostics);
    // Every stage the format knows, also one with no transition out: a mark of an advancement
    // there is reported (the Bormio semifinals' QA, QB with no finals in the record).
    for (int r = 0; r < static_cast<int>(e.rounds.size()); ++r)
        if (stages.format_stage[r] >= 0)
            StageReplay(e, r, format, graph, stages, out.diagnostics).run();
    explain_arrivals(e, format, graph, stages, out.diagnostics);
    out.classification = classify(e, format);
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

}  // namespace heatgraph
