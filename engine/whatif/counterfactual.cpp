#include "whatif/counterfactual.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "rules/advancement.hpp"
#include "simulation/plackett_luce.hpp"
#include "sources/text.hpp"

namespace heatgraph::detail {

DrawModel estimate_draw_model(const Event& recorded, bool incidents) {
    DrawModel model;
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
    const std::vector<double>& worth;
    Event& out;
    Run& run;
    bool explain;
    bool settled = true;  // no random choice before the current round: the chain still holds
    std::vector<std::vector<std::vector<AthleteId>>> fields;  // per stage, per race

    const Event& record() const { return cf.ruled_.event; }
    const std::string& name(AthleteId id) const { return record().name_of(id); }

    void say(std::string text) {
        if (explain && settled) run.chain.push_back(std::move(text));
    }

    void walk() {
        const auto& rounds = record().rounds;
        fields.assign(rounds.size(), {});
        for (std::size_t r = 0; r < rounds.size(); ++r)
            fields[r].assign(rounds[r].races.size(), {});
        keep_unruled_arrivals();
        for (int r = 0; r < static_cast<int>(rounds.size()); ++r) {
            settled = !run.random;
            for (int k = 0; k < static_cast<int>(rounds[r].races.size()); ++k)
                if (r > 0)
                    rebuild(r, k, fields[r][k]);
                else if (cf.ruled_.redraw[r][k])
                    rebuild(r, k, rounds[r].races[k].field);
            advance_from(r);
            if (explain && settled && run.random && r + 1 < static_cast<int>(rounds.size()))
                run.chain.push_back(
                    fmt::format("after the {}, the results vary with the draw", rounds[r].name));
        }
    }

    // Skaters who came to a stage by no transition of the format (a direct entry, or from a
    // stage the format does not connect) keep their recorded seats.
    void keep_unruled_arrivals() {
        const auto& rounds = record().rounds;
        for (std::size_t r = 1; r < rounds.size(); ++r)
            for (std::size_t k = 0; k < rounds[r].races.size(); ++k)
                for (const auto id : rounds[r].races[k].field) {
                    const int from = cf.stages_.previous[r][id];
                    if (from < 0 || !cf.stages_.connects(from, static_cast<int>(r)))
                        fields[r][k].push_back(id);
                }
    }

    // ---- a race of the counterfactual ----

    void rebuild(int r, int k, const std::vector<AthleteId>& field) {
        const Race& recorded = record().rounds[r].races[k];
        Race& race = out.rounds[r].races[k];
        const bool redraw = cf.ruled_.redraw[r][k] != 0;
        const std::unordered_set<AthleteId> in_field(field.begin(), field.end());
        const std::unordered_set<AthleteId> was(recorded.field.begin(), recorded.field.end());
        // Drawn by the model: everyone in a race run again or one the record does not hold (a
        // final not in the article), else the newcomers.
        std::vector<AthleteId> added;
        for (auto id : field)
            if (redraw || !recorded.raced || !was.count(id)) added.push_back(id);
        std::vector<const Row*> stay;
        if (!redraw)
            for (const auto& row : recorded.results)
                if (in_field.count(row.athlete)) stay.push_back(&row);
        std::vector<std::string> lost;
        for (auto id : recorded.field)
            if (!in_field.count(id)) lost.push_back(name(id));
        std::vector<std::string> gained;
        for (auto id : field)
            if (!redraw && !was.count(id)) gained.push_back(name(id));
        if (!lost.empty() || !gained.empty()) {
            say(fmt::format("{}{}{}{}", race.name,
                            gained.empty() ? "" : fmt::format(" gains {}", fmt::join(gained, ", ")),
                            gained.empty() || lost.empty() ? "" : ",",
                            lost.empty() ? "" : fmt::format(" loses {}", fmt::join(lost, ", "))));
        }
        const auto* stage = cf.format_.stage(record().rounds[r].name);
        if (!recorded.raced && !redraw &&
            static_cast<int>(field.size()) < (stage ? stage->min_field : 2)) {
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
            kept_worth.push_back(worth[row->athlete]);
        for (auto id : racing) {
            added_worth.push_back(worth[id]);
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

    // ---- the transitions out of a stage ----

    void advance_from(int r) {
        const int fs = cf.stages_.format_stage[r];
        if (fs < 0 || cf.graph_.out[fs].empty()) return;
        const Round& round = out.rounds[r];
        std::vector<Entrant> entrants;
        std::vector<Row*> rows;
        std::vector<int> race_of;
        for (int k = 0; k < static_cast<int>(round.races.size()); ++k)
            for (auto& row : out.rounds[r].races[k].results) {
                entrants.push_back(entrant_of(row, round.races[k], true));
                rows.push_back(&row);
                race_of.push_back(k);
            }
        const auto& transitions = cf.graph_.out[fs];
        StageDecision sd;
        decide_stage(
            cf.format_, transitions, entrants,
            [&](int n) { return static_cast<int>(random.below(static_cast<std::uint64_t>(n))); },
            sd);
        for (std::size_t k = 0; k < transitions.size(); ++k) {
            const auto& rule = cf.format_.transitions[transitions[k]];
            const int to = cf.stages_.target[transitions[k]];
            if (to < 0) continue;  // a stage the record does not hold
            const auto& d = sd.decisions[k];
            if (d.lots_drawn) {
                std::vector<std::string> tied;
                for (int i : d.tied)
                    tied.push_back(name(rows[i]->athlete));
                say(fmt::format("lots drawn for {} time slot(s) among {}", d.cut.from_tied,
                                fmt::join(tied, ", ")));
                run.random = true;
            }
            std::vector<int> advancing;  // in the order the rule takes them: place, referee, time
            const auto take = [&](const std::vector<int>& group, Way w) {
                for (int i : group) {
                    advancing.push_back(i);
                    if (explain && (w == Way::place || w == Way::time || w == Way::referee))
                        mark_row(*rows[i], to_string(reason_of(w, rule.final)));
                }
            };
            const bool others = rule.selection == Selection::others;
            take(d.by_place, others ? way_of_others(record().rounds[to].kind) : Way::place);
            take(d.by_referee, Way::referee);
            take(d.by_time, Way::time);
            if (explain && settled && !rule.final && !others)
                explain_changes(r, to, d.advances, rows, race_of, rule.final);
            if (rule.final)
                route_final(to, rule.final, entrants, rows, advancing);
            else
                assign_slots(r, to, advancing, rows, race_of);
        }
    }

    // Who advances from stage r to stage `to` now and did not in the record, and who no longer
    // does.
    void explain_changes(int r, int to, const std::vector<char>& qualified,
                         const std::vector<Row*>& rows, const std::vector<int>& race_of,
                         char final) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& row = *rows[i];
            const bool recorded = cf.stages_.next[r][row.athlete] == to;
            if (qualified[i] == static_cast<char>(recorded)) continue;
            const auto reason = row.marks.empty() ? std::string_view("") : row.marks.back();
            const auto where =
                fmt::format("{}, {}", out.rounds[r].races[race_of[i]].name,
                            row.place ? ordinal(*row.place) : std::string("unplaced"));
            const bool known = reason == to_string(reason_of(Way::place, final)) ||
                               reason == to_string(reason_of(Way::time, final)) ||
                               reason == to_string(reason_of(Way::referee, final));
            if (qualified[i])
                say(fmt::format("{} now advances from the {} ({}; {})", name(row.athlete),
                                out.rounds[r].name, where, known ? reason : "by the rules"));
            else
                say(fmt::format("{} no longer advances from the {} ({})", name(row.athlete),
                                out.rounds[r].name, where));
        }
    }

    void mark_row(Row& row, std::string_view mark) const {
        erase_marks(row, advancement_marks);
        row.marks.emplace_back(mark);
    }

    // A final other than A takes its skaters in the order of their last race (order_by_result).
    void route_final(int to, char final, const std::vector<Entrant>& entrants,
                     const std::vector<Row*>& rows, std::vector<int> chosen) {
        if (final != 'A') order_by_result(entrants, chosen);
        const auto& races = record().rounds[to].races;
        for (std::size_t k = 0; k < races.size(); ++k) {
            if (races[k].number != final - 'A' + 1) continue;
            for (int i : chosen)
                fields[to][k].push_back(rows[i]->athlete);
        }
    }

    // A new qualifier takes the race slot of a skater it displaced, one who came from the same
    // race first; any left over go to the smallest race of the stage. Only the skaters who came
    // to `to` from stage r in the record are displaced: the others came by other channels.
    void assign_slots(int r, int to, const std::vector<int>& advancing,
                      const std::vector<Row*>& rows, const std::vector<int>& race_of) {
        const Round& next = record().rounds[to];
        std::unordered_map<AthleteId, int> recorded_source;  // race of stage r, as recorded
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
            int from;  // the displaced skater's race of stage r
        };
        std::vector<Slot> open;
        for (int k = 0; k < static_cast<int>(next.races.size()); ++k)
            for (auto id : next.races[k].field) {
                if (going.count(id) && !placed_already.count(id)) {
                    fields[to][k].push_back(id);
                    placed_already.insert(id);
                } else if (cf.stages_.previous[to][id] == r) {
                    open.push_back({k, recorded_source.at(id)});
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
                        fields[to][open[s].race].push_back(newcomers[n]);
                    }
        auto& stage = fields[to];
        for (std::size_t n = 0; n < newcomers.size(); ++n) {
            if (seated[n] || stage.empty()) continue;
            const auto smallest =
                std::min_element(stage.begin(), stage.end(),
                                 [](const auto& a, const auto& b) { return a.size() < b.size(); });
            smallest->push_back(newcomers[n]);
        }
    }
};

Counterfactual::Counterfactual(const RuledEvent& ruled, const Format& format,
                               const DrawModel& model)
    : ruled_(ruled),
      format_(format),
      model_(model),
      graph_(format),
      stages_(ruled.event, format, graph_) {}

void Counterfactual::run(RandomStream& random, const std::vector<double>& worth, Event& out,
                         Run& run, bool explain) const {
    out.rounds = ruled_.event.rounds;
    if (explain) {
        out.source = ruled_.event.source;
        out.info = ruled_.event.info;
        out.athletes = ruled_.event.athletes;
        run.chain = ruled_.chain;
    }
    Walk{*this, random, worth, out, run, explain, true, {}}.walk();
}

}  // namespace heatgraph::detail
