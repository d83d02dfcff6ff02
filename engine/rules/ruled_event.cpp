#include "rules/ruled_event.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "heatgraph/identity.hpp"
#include "rules/advancement.hpp"
#include "sources/stage_names.hpp"
#include "sources/text.hpp"

namespace heatgraph::detail {

namespace {

constexpr std::array<std::string_view, 8> status_marks{"PEN", "DQ",  "DSQ", "YC",
                                                       "RC",  "DNS", "DNF", "No time"};

// The row of `athlete` in the race named `race`, with the indices of its round and race.
struct RowAt {
    Row* row = nullptr;
    Race* race = nullptr;
    int round = -1, race_index = -1;
};

RowAt find_row(Event& event, const std::string& race_name, AthleteId athlete) {
    for (int r = 0; r < static_cast<int>(event.rounds.size()); ++r)
        for (int k = 0; k < static_cast<int>(event.rounds[r].races.size()); ++k) {
            Race& race = event.rounds[r].races[k];
            if (race.name != race_name) continue;
            for (auto& row : race.results)
                if (row.athlete == athlete || athlete < 0) return {&row, &race, r, k};
            return {nullptr, &race, r, k};
        }
    return {};
}

// The placed skaters behind `place` move up one (a penalty, a DNS) or back one (a reinstatement).
std::vector<std::string> shift_places(const Event& event, Race& race, const Row& moved, int from,
                                      int by) {
    std::vector<std::string> moved_names;
    for (auto& row : race.results)
        if (&row != &moved && row.place && *row.place >= from) {
            *row.place += by;
            moved_names.push_back(
                fmt::format("{} {}", event.name_of(row.athlete), ordinal(*row.place)));
        }
    return moved_names;
}

std::string remove_from_race(Event& event, Race& race, Row& row, Status status) {
    std::string behind;
    if (row.place) {
        const auto moved = shift_places(event, race, row, *row.place + 1, -1);
        if (!moved.empty()) behind = fmt::format("; {}", fmt::join(moved, ", "));
    }
    row.place.reset();
    row.status = status;
    erase_marks(row, status_marks);
    row.marks.emplace_back(to_string(status));
    return behind;
}

std::string apply(Event& event, const Ruling& ruling, const RulingTarget& target) {
    const auto& race = target.race->name;  // the event's name: "SF1" is Semifinal 1
    const auto at = find_row(event, race, target.athlete);
    Row& row = *at.row;
    const auto& name = event.name_of(target.athlete);
    switch (ruling.kind) {
        case RulingKind::penalize: {
            const auto behind = remove_from_race(event, *at.race, row, ruling.sanction);
            return fmt::format("{} penalised ({}) in {}{}", name, to_string(ruling.sanction), race,
                               behind);
        }
        case RulingKind::dns: {
            const auto behind = remove_from_race(event, *at.race, row, Status::DNS);
            row.time.reset();
            return fmt::format("{} did not start {}{}", name, race, behind);
        }
        case RulingKind::rescind: {
            const auto was = row.status;
            const auto moved = shift_places(event, *at.race, row, *ruling.place, +1);
            row.place = ruling.place;
            row.status = Status::finished;
            erase_marks(row, status_marks);
            if (ruling.time) row.time = ruling.time;
            std::string text = fmt::format("{} reinstated {} in {} ({} rescinded{})", name,
                                           ordinal(*ruling.place), race, to_string(was),
                                           is_unranked(was) ? ": the distance counts again" : "");
            if (!moved.empty()) text += fmt::format("; {}", fmt::join(moved, ", "));
            if (!row.time) text += "; no time: cannot qualify by time";
            return text;
        }
        case RulingKind::time: {
            const auto was = row.time ? format_race_time(*row.time) : std::string("no time");
            row.time = ruling.time;
            return fmt::format("{}'s time in {} set to {} (was {})", name, race,
                               format_race_time(*ruling.time), was);
        }
        case RulingKind::advance:
            row.marks.emplace_back("ADV");
            return fmt::format("{} advanced by the Referee from {}", name, race);
        case RulingKind::revoke_advance:
            std::erase(row.marks, "ADV");
            return fmt::format("{}'s referee advancement from {} revoked", name, race);
        case RulingKind::redraw:
            break;
    }
    return {};
}

// Every final the format names that the record does not hold (a Final B not raced), as a race
// not raced, for the counterfactual to fill.
void add_unraced_finals(Event& e, const Format& format) {
    for (const auto& t : format.transitions) {
        if (!t.final) continue;
        for (auto& round : e.rounds) {
            if (fold_name(round.name) != fold_name(t.to)) continue;
            const int number = t.final - 'A' + 1;
            auto& races = round.races;
            if (std::any_of(races.begin(), races.end(),
                            [&](const Race& r) { return r.number == number; }))
                continue;
            const auto stage = stage_of_heading(round.name);
            Race race{stage ? race_label(*stage, number) : fmt::format("Final {}", t.final),
                      number,
                      false,
                      {},
                      {},
                      0};
            races.insert(std::find_if(races.begin(), races.end(),
                                      [&](const Race& r) { return r.number > number; }),
                         std::move(race));
        }
    }
}

}  // namespace

RuledEvent rule_event(const Replay& baseline, const Format& format,
                      const std::vector<Ruling>& rulings,
                      const std::vector<RulingTarget>& targets) {
    RuledEvent out;
    out.event = baseline.event;
    Event& e = out.event;
    e.info.medalists.clear();  // the record's medalists and printed ranks are not the
    e.diagnostics.clear();     // counterfactual's
    for (auto& round : e.rounds) {
        out.redraw.emplace_back(round.races.size(), 0);
        for (auto& race : round.races)
            for (auto& row : race.results) {
                const bool referee = row.advanced_by_referee();
                erase_marks(row, advancement_marks);
                if (referee) row.marks.emplace_back("ADV");
                row.advance.reset();
                row.printed_rank.reset();
            }
    }
    add_unraced_finals(e, format);
    for (std::size_t r = 0; r < e.rounds.size(); ++r)
        out.redraw[r].resize(e.rounds[r].races.size(), 0);
    for (std::size_t i = 0; i < rulings.size(); ++i) {
        if (rulings[i].kind == RulingKind::redraw) {
            const auto& race = targets[i].race->name;
            const auto at = find_row(e, race, -1);
            out.redraw[at.round][at.race_index] = 1;
            out.chain.push_back(fmt::format("{} run again: its recorded result set aside", race));
            continue;
        }
        out.chain.push_back(apply(e, rulings[i], targets[i]));
    }
    return out;
}

}  // namespace heatgraph::detail
