#include "counterfactual.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "advancement.hpp"
#include "plackett_luce.hpp"
#include "text.hpp"

namespace heatgraph::detail {

DrawModel estimate_draw_model(const Event& recorded, std::vector<double> worth, bool incidents) {
    DrawModel model;
    model.worth = std::move(worth);
    model.incidents = incidents;
    int rows = 0, penalties = 0, dnf = 0, gaps = 0;
    Millis gap_sum = 0;
    for (const auto& round : recorded.rounds)
        for (const auto& race : round.races) {
            std::vector<Millis> times;
            for (const auto& row : race.results) {
                ++rows;
                penalties += is_sanction(row.status) ? 1 : 0;
                dnf += row.status == Status::DNF ? 1 : 0;
                if (row.place && row.time && row.status == Status::finished)
                    times.push_back(*row.time);
            }
            std::sort(times.begin(), times.end());
            for (std::size_t k = 1; k < times.size(); ++k) {
                gap_sum += times[k] - times[k - 1];
                ++gaps;
            }
        }
    if (rows > 0) {
        model.penalty_rate = static_cast<double>(penalties) / rows;
        model.dnf_rate = static_cast<double>(dnf) / rows;
    }
    if (gaps > 0) model.mean_gap = std::max<Millis>(1, gap_sum / gaps);
    return model;
}

// ---- the walk ----

struct Counterfactual::Walk {
    const Counterfactual& cf;
    RandomStream& random;
    Event& out;
    Run& run;
    bool explain;
    bool settled = true;  // no random choice before the current round: the chain still holds
    std::vector<std::vector<AthleteId>> fields;  // the next round's fields, by race index

    const Event& record() const { return cf.ruled_.event; }
    const std::string& name(AthleteId id) const { return record().name_of(id); }

    void say(std::string text) {
        if (explain && settled) run.chain.push_back(std::move(text));
    }

    void walk() {
        const auto& rounds = record().rounds;
        for (int r = 0; r < static_cast<int>(rounds.size()); ++r) {
            settled = !run.random;
            if (r > 0) {
                for (int k = 0; k < static_cast<int>(rounds[r].races.size()); ++k)
                    rebuild(r, k, fields[k]);
            } else {
                for (int k = 0; k < static_cast<int>(rounds[r].races.size()); ++k)
                    if (cf.ruled_.redraw[r][k]) rebuild(r, k, rounds[r].races[k].field);
            }
            if (r + 1 < static_cast<int>(rounds.size())) advance_from(r);
            if (explain && settled && run.random && r + 1 < static_cast<int>(rounds.size()))
                run.chain.push_back(
                    fmt::format("after the {}, the results vary with the draw", rounds[r].name));
        }
    }

    // ---- a race of the counterfactual ----

    void rebuild(int r, int k, const std::vector<AthleteId>& field) {
        const Race& recorded = record().rounds[r].races[k];
        Race& race = out.rounds[r].races[k];
        const bool redraw = cf.ruled_.redraw[r][k] != 0;
        const std::unordered_set<AthleteId> in_field(field.begin(), field.end());
        const std::unordered_set<AthleteId> was(recorded.field.begin(), recorded.field.end());
        std::vector<AthleteId> added;
        for (auto id : field)
            if (redraw || !was.count(id)) added.push_back(id);
        std::vector<const Row*> stay;
        if (!redraw)
            for (const auto& row : recorded.results)
                if (in_field.count(row.athlete)) stay.push_back(&row);
        std::vector<std::string> lost;
        for (auto id : recorded.field)
            if (!in_field.count(id)) lost.push_back(name(id));
        std::vector<std::string> gained;
        for (auto id : added)
            if (!redraw) gained.push_back(name(id));
        if (!lost.empty() || !gained.empty()) {
            say(fmt::format("{}{}{}{}", race.name,
                            gained.empty() ? "" : fmt::format(" gains {}", fmt::join(gained, ", ")),
                            gained.empty() || lost.empty() ? "" : ",",
                            lost.empty() ? "" : fmt::format(" loses {}", fmt::join(lost, ", "))));
        }
        const bool final_race = record().rounds[r].kind == RoundKind::finals;
        if (!recorded.raced && !redraw && final_race &&
            static_cast<int>(field.size()) < cf.format_.finals.final_b_min_field) {
            race.results.clear();
            race.field = field;  // not raced: ranked in semifinal order
            return;
        }
        if (added.empty() && recorded.raced) {
            keep_recorded_order(race, stay, !lost.empty());
            return;
        }
        draw(r, k, race, stay, added, redraw || !recorded.raced);
    }

    void keep_recorded_order(Race& race, const std::vector<const Row*>& stay, bool changed) {
        race.results.clear();
        race.field.clear();
        for (const Row* row : stay) {
            Row kept = *row;
            if (row->place) {  // ranks close up behind removed skaters; dead heats stay tied
                int ahead = 0;
                for (const Row* other : stay)
                    if (other->place && *other->place < *row->place) ++ahead;
                kept.place = ahead + 1;
            }
            race.results.push_back(std::move(kept));
            race.field.push_back(row->athlete);
        }
        if (changed && !stay.empty())
            say(fmt::format("{}: the recorded order of the others kept", race.name));
    }

    // A race drawn from the model: the placed stayers keep their recorded order, the newcomers
    // are inserted by the model; unplaced stayers keep their rows (their incidents stand).
    void draw(int r, int k, Race& race, const std::vector<const Row*>& stay,
              const std::vector<AthleteId>& added, bool fresh) {
        std::vector<const Row*> placed, unplaced;
        for (const Row* row : stay)
            (row->place ? placed : unplaced).push_back(row);
        std::stable_sort(placed.begin(), placed.end(),
                         [](const Row* a, const Row* b) { return *a->place < *b->place; });
        std::vector<AthleteId> racing;  // newcomers who finish, and those who do not
        std::vector<Row> incidents;
        for (auto id : added) {
            const auto status = cf.model_.incidents ? incident() : Status::finished;
            if (status == Status::finished) {
                racing.push_back(id);
            } else {
                Row row;
                row.athlete = id;
                row.status = status;
                row.marks.emplace_back(to_string(status));
                incidents.push_back(std::move(row));
            }
        }
        std::vector<double> kept_worth, added_worth;
        for (const Row* row : placed)
            kept_worth.push_back(cf.model_.worth[row->athlete]);
        for (auto id : racing) {
            added_worth.push_back(cf.model_.worth[id]);
            run.placed_by_model.push_back(id);
        }
        std::vector<std::pair<double, int>> arrivals;
        std::vector<int> order;
        draw_around(kept_worth, added_worth, random, arrivals, order);

        const auto profile = time_profile(r, k);
        race.results.clear();
        race.field.clear();
        for (std::size_t p = 0; p < order.size(); ++p) {
            Row row;
            if (order[p] >= 0) {
                row = *placed[order[p]];
            } else {
                row.athlete = racing[-1 - order[p]];
                row.time = newcomer_time(order, placed, p, profile, race);
            }
            row.place = static_cast<int>(p) + 1;
            race.results.push_back(std::move(row));
        }
        for (const Row* row : unplaced)
            race.results.push_back(*row);
        for (auto& row : incidents)
            race.results.push_back(std::move(row));
        for (auto& row : race.results) {
            race.field.push_back(row.athlete);
            if (explain && row.printed_name.empty()) row.printed_name = name(row.athlete);
        }
        race.raced = true;
        run.random = true;
        run.drawn.emplace_back(r, k);
        std::vector<std::string> kept_names, added_names;
        for (const Row* row : placed)
            kept_names.push_back(name(row->athlete));
        for (auto id : racing)
            added_names.push_back(name(id));
        if (fresh || kept_names.empty())
            say(fmt::format("{} drawn from the race model", race.name));
        else
            say(fmt::format("{} re-drawn: {} inserted into the recorded order {}", race.name,
                            fmt::join(added_names, ", "), fmt::join(kept_names, " > ")));
    }

    Status incident() {
        const double u = random.uniform();
        if (u < cf.model_.penalty_rate) return Status::PEN;
        if (u < cf.model_.penalty_rate + cf.model_.dnf_rate) return Status::DNF;
        return Status::finished;
    }

    // The recorded placed times of the race, fastest first; for a race not raced, those of the
    // round's first raced race of the most skaters.
    std::vector<Millis> time_profile(int r, int k) const {
        const auto times_of = [](const Race& race) {
            std::vector<Millis> times;
            for (const auto& row : race.results)
                if (row.place && row.time) times.push_back(*row.time);
            std::sort(times.begin(), times.end());
            return times;
        };
        auto times = times_of(record().rounds[r].races[k]);
        if (!times.empty()) return times;
        for (const auto& other : record().rounds[r].races) {
            auto t = times_of(other);
            if (t.size() > times.size()) times = std::move(t);
        }
        if (times.empty() && r > 0)
            for (const auto& other : record().rounds[r - 1].races) {
                auto t = times_of(other);
                if (t.size() > times.size()) times = std::move(t);
            }
        return times;
    }

    // A newcomer's time consistent with its place: between the times of the skaters placed
    // just ahead and just behind; past the last, within the event's mean gap; in a race drawn
    // afresh, the race's (or round's) recorded time of that place.
    std::optional<Millis> newcomer_time(const std::vector<int>& order,
                                        const std::vector<const Row*>& placed, std::size_t p,
                                        const std::vector<Millis>& profile, const Race& race) {
        // Plain values rather than optionals: GCC 12 reports a false "maybe uninitialized".
        const bool has_ahead = p > 0 && race.results[p - 1].time.has_value();
        const Millis ahead = has_ahead ? *race.results[p - 1].time : 0;
        bool has_behind = false;
        Millis behind = 0;
        for (std::size_t q = p + 1; q < order.size() && !has_behind; ++q)
            if (order[q] >= 0 && placed[order[q]]->time) {
                has_behind = true;
                behind = *placed[order[q]]->time;
            }
        const Millis gap = cf.model_.mean_gap;
        const auto uniform_between = [&](Millis lo, Millis hi) {
            if (hi < lo) std::swap(lo, hi);
            return lo + static_cast<Millis>(random.below(static_cast<std::uint64_t>(hi - lo + 1)));
        };
        if (placed.empty()) {
            if (p < profile.size()) return has_ahead ? std::max(profile[p], ahead) : profile[p];
            if (profile.empty()) return std::nullopt;
            return (has_ahead ? ahead : profile.back()) + uniform_between(1, gap);
        }
        if (has_ahead && has_behind) return uniform_between(ahead, behind);
        if (has_ahead) return ahead + uniform_between(1, gap);
        if (has_behind) return behind - uniform_between(1, gap);
        return std::nullopt;
    }

    // ---- a transition ----

    void advance_from(int r) {
        const Round& round = out.rounds[r];
        const Round& next = record().rounds[r + 1];
        const Transition* rule = nullptr;
        for (const auto& t : cf.format_.transitions)
            if (t.from == round.kind) rule = &t;
        fields.assign(next.races.size(), {});
        if (!rule) {  // no rule: the next round as recorded
            for (std::size_t k = 0; k < next.races.size(); ++k)
                fields[k] = next.races[k].field;
            return;
        }
        std::vector<Entrant> entrants;
        std::vector<Row*> rows;
        std::vector<int> race_of;
        for (int k = 0; k < static_cast<int>(round.races.size()); ++k)
            for (auto& row : out.rounds[r].races[k].results) {
                entrants.push_back(entrant_of(row, round.races[k], true));
                rows.push_back(&row);
                race_of.push_back(k);
            }
        const bool to_finals = next.kind == RoundKind::finals;
        const bool two_finals = to_finals && next.races.size() > 1;
        Decision d;
        decide(
            *rule, two_finals ? &cf.format_.finals : nullptr, entrants,
            [&](int n) { return static_cast<int>(random.below(static_cast<std::uint64_t>(n))); },
            d);
        if (d.lots_drawn) {
            std::vector<std::string> tied;
            for (int i : d.tied)
                tied.push_back(name(rows[i]->athlete));
            say(fmt::format("lots drawn for {} time slot(s) among {}", d.cut.from_tied,
                            fmt::join(tied, ", ")));
            run.random = true;
        }
        const std::array<std::string_view, 3> marks =
            two_finals ? std::array<std::string_view, 3>{"QA", "qA", "ADVA"}
                       : std::array<std::string_view, 3>{"Q", "q", "ADV"};
        std::vector<int> advancing;  // in the order the rule takes them: place, referee, time
        const auto take = [&](const std::vector<int>& group, std::string_view mark) {
            for (int i : group) {
                advancing.push_back(i);
                if (explain) mark_row(*rows[i], mark);
            }
        };
        take(d.by_place, marks[0]);
        take(d.by_referee, marks[2]);
        take(d.by_time, marks[1]);
        if (explain && settled && !to_finals) explain_changes(r, d.advances, rows, race_of, marks);
        if (to_finals)
            route_finals(next, rows, advancing, d.to_final_b);
        else
            assign_slots(r, advancing, rows, race_of);
    }

    // Who advances from round r now and did not in the record, and who no longer does.
    void explain_changes(int r, const std::vector<char>& qualified, const std::vector<Row*>& rows,
                         const std::vector<int>& race_of,
                         const std::array<std::string_view, 3>& marks) {
        std::unordered_set<AthleteId> recorded;
        for (const auto& race : record().rounds[r + 1].races)
            recorded.insert(race.field.begin(), race.field.end());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& row = *rows[i];
            if (qualified[i] == static_cast<char>(recorded.count(row.athlete))) continue;
            const auto reason = row.marks.empty() ? std::string_view("") : row.marks.back();
            const auto where =
                fmt::format("{}, {}", out.rounds[r].races[race_of[i]].name,
                            row.place ? ordinal(*row.place) : std::string("unplaced"));
            if (qualified[i])
                say(fmt::format("{} now advances from the {} ({}; {})", name(row.athlete),
                                out.rounds[r].name, where,
                                std::find(marks.begin(), marks.end(), reason) != marks.end()
                                    ? reason
                                    : "by the rules"));
            else
                say(fmt::format("{} no longer advances from the {} ({})", name(row.athlete),
                                out.rounds[r].name, where));
        }
    }

    void mark_row(Row& row, std::string_view mark) const {
        erase_marks(row, advancement_marks);
        row.marks.emplace_back(mark);
    }

    void route_finals(const Round& next, const std::vector<Row*>& rows,
                      const std::vector<int>& to_a, const std::vector<int>& to_b) {
        for (std::size_t k = 0; k < next.races.size(); ++k) {
            const auto& chosen = next.races[k].number == 1 ? to_a : to_b;
            for (int i : chosen) {
                fields[k].push_back(rows[i]->athlete);
                if (explain && next.races[k].number != 1) mark_row(*rows[i], "QB");
            }
        }
    }

    // A new qualifier takes the race slot of a skater it displaced, one who came from the same
    // race first; any left over go to the smallest race of the next round.
    void assign_slots(int r, const std::vector<int>& advancing, const std::vector<Row*>& rows,
                      const std::vector<int>& race_of) {
        const Round& next = record().rounds[r + 1];
        std::unordered_map<AthleteId, int> recorded_source;  // race of round r, as recorded
        for (int k = 0; k < static_cast<int>(record().rounds[r].races.size()); ++k)
            for (auto id : record().rounds[r].races[k].field)
                recorded_source[id] = k;
        std::unordered_map<AthleteId, int> source;  // the counterfactual's
        std::unordered_set<AthleteId> going;
        for (int i : advancing) {
            going.insert(rows[i]->athlete);
            source[rows[i]->athlete] = race_of[i];
        }
        std::unordered_set<AthleteId> placed_already;
        struct Slot {
            int race;
            int from;  // the displaced skater's race of round r
        };
        std::vector<Slot> open;
        for (int k = 0; k < static_cast<int>(next.races.size()); ++k)
            for (auto id : next.races[k].field) {
                if (going.count(id)) {
                    fields[k].push_back(id);
                    placed_already.insert(id);
                } else {
                    const auto it = recorded_source.find(id);
                    open.push_back({k, it == recorded_source.end() ? -1 : it->second});
                }
            }
        std::vector<AthleteId> newcomers;
        for (int i : advancing)
            if (!placed_already.count(rows[i]->athlete)) newcomers.push_back(rows[i]->athlete);
        std::vector<char> used(open.size(), 0), seated(newcomers.size(), 0);
        for (int pass = 0; pass < 2; ++pass)
            for (std::size_t n = 0; n < newcomers.size(); ++n)
                for (std::size_t s = 0; s < open.size() && !seated[n]; ++s)
                    if (!used[s] && (pass == 1 || open[s].from == source[newcomers[n]])) {
                        used[s] = seated[n] = 1;
                        fields[open[s].race].push_back(newcomers[n]);
                    }
        for (std::size_t n = 0; n < newcomers.size(); ++n) {
            if (seated[n]) continue;
            const auto smallest =
                std::min_element(fields.begin(), fields.end(),
                                 [](const auto& a, const auto& b) { return a.size() < b.size(); });
            smallest->push_back(newcomers[n]);
        }
    }
};

Counterfactual::Counterfactual(const RuledEvent& ruled, const Format& format,
                               const DrawModel& model)
    : ruled_(ruled), format_(format), model_(model) {}

void Counterfactual::run(RandomStream& random, Event& out, Run& run, bool explain) const {
    out.rounds = ruled_.event.rounds;
    if (explain) {
        out.source = ruled_.event.source;
        out.info = ruled_.event.info;
        out.athletes = ruled_.event.athletes;
        run.chain = ruled_.chain;
    }
    Walk{*this, random, out, run, explain, true, {}}.walk();
}

}  // namespace heatgraph::detail
