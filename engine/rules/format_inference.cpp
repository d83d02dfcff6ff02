// Infers a format from a recorded event: the graph of who went where. Each stage of the event is
// a node; each group of a stage's skaters who raced the same stage next (the same final, in a
// stage of lettered finals) is an edge. What the record shows is read off it (place quotas, time
// pools, how many time slots, Final B routing, direct entries); what a single event cannot show
// (whether referee advancements take the time slots, whether Final B takes 3rd-4th places or
// every other eligible semifinalist) follows the era: docs/rules.md §13 says the ISU format
// from 2022 on does the former and the later, older ones the other. Each assumption is written
// into the description. Those are ISU short-track rules: an inline speed skating event (World
// Skate's, the World Games') is given none of them, but the neutral choice, which a diagnostic
// states (Assumed below, the one place that decides).
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <tuple>

#include "heatgraph/format.hpp"
#include "heatgraph/identity.hpp"
#include "rules/advancement.hpp"
#include "sources/stage_names.hpp"

namespace heatgraph {

namespace {

using detail::Entrant;

constexpr int modern_isu_year = 2022;  // docs/rules.md §13: the 2022 and 2026 format
constexpr int era_b_year = 2010;       // docs/rules.md §13: era B from 2010 onward

// The sport the words of an event's title and infobox name. Inline speed skating: "inline",
// "in-line", "roller", "World Skate", or the World Games, whose speed skating is on inline
// skates on a track (the 2022 article: "Track speed skating at the 2022 World Games", World
// Skate's sprint, docs/rules.md §10). Short track named ("short track", "short-track",
// "ShortTrack") is short track whatever else the words say; an event naming neither (an ISU
// table's "ISU World Cup 2012/2013, Calgary") is short track, heatgraph's own sport.
struct Sport {
    bool short_track_named = false;
    std::string inline_named;  // an inline event: "'World Games' in the title"; empty otherwise
};

Sport sport_of(const EventInfo& info) {
    std::vector<std::pair<std::string, std::vector<std::string>>> texts{
        {"the title", folded_words(info.title)}};
    for (const auto& [key, value] : info.infobox)
        texts.emplace_back(fmt::format("the infobox's {}", key), folded_words(value));
    // `first` then `second` as one folded word or two ("World Games", "WorldGames"); an empty
    // `second`: any word that starts with `first` ("roller", "rollersports").
    const auto names = [](const std::vector<std::string>& words, std::string_view first,
                          std::string_view second) {
        const std::string joined = std::string(first) + std::string(second);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (words[i].starts_with(joined)) return true;
            if (!second.empty() && words[i] == first && i + 1 < words.size() &&
                words[i + 1].starts_with(second))
                return true;
        }
        return false;
    };
    struct Name {
        std::string_view first, second, label;
    };
    constexpr Name inline_names[] = {{"in", "line", "inline"},
                                     {"roller", "", "roller"},
                                     {"world", "skate", "World Skate"},
                                     {"world", "games", "World Games"}};
    Sport sport;
    for (const auto& [where, words] : texts)
        sport.short_track_named = sport.short_track_named || names(words, "short", "track");
    if (sport.short_track_named) return sport;
    for (const auto& [where, words] : texts)
        for (const auto& name : inline_names)
            if (names(words, name.first, name.second)) {
                sport.inline_named = fmt::format("'{}' in {}", name.label, where);
                return sport;
            }
    return sport;
}

// What one event's record cannot show, assumed once for the whole event. A short-track event
// follows the ISU's era of its year (docs/rules.md §13). An inline event follows none of the
// ISU's assumptions: where its own rule is not in the record it takes the neutral choice, the
// format language's defaults (referee advancements on top of the capacity, every skater tied
// at the last time slot advancing), the lower finals and entries the record shows and no more,
// and the World Skate classification (docs/rules.md §10).
struct Assumed {
    Sport sport;
    bool modern_isu = false;  // the ISU format from 2022 on (referee advancements take the time
                              // slots; every other eligible semifinalist goes to Final B)

    [[nodiscard]] bool isu() const { return sport.inline_named.empty(); }
    [[nodiscard]] RefereePolicy referee() const {
        return modern_isu ? RefereePolicy::take_time_slots : RefereePolicy::on_top;
    }
};

Assumed assumed_for(const Event& event, Diagnostics& notes) {
    Assumed a;
    a.sport = sport_of(event.info);
    a.modern_isu = a.isu() && event.info.year && *event.info.year >= modern_isu_year;
    if (!a.isu())
        notes.push_back(
            {Severity::warning, 0,
             fmt::format("inline speed skating ({}), not ISU short track, so no ISU default "
                         "applies; where the record does not show the event's rule, the neutral "
                         "choice: referee advancements on top of the capacity and every skater "
                         "tied at the last time slot advancing (the format's defaults), no Final "
                         "B or direct entry the record lacks, and the World Skate classification "
                         "(eliminated skaters by their time in the race they went out in)",
                         a.sport.inline_named)});
    return a;
}

// Where a skater raced: a stage (index into the event's rounds) and, in a stage of lettered
// finals, the final ('A'..'D').
struct Destination {
    int stage = -1;  // -1: no later stage
    char final = 0;
    bool operator==(const Destination&) const = default;
};

// A stage of lettered finals: Final A, B, ... (or repechage finals). A finals stage of a single
// "Final" is not: it has one final and no Final B.
bool lettered(const Round& round) {
    const auto stage = detail::stage_of_heading(round.name);
    if (!stage || !stage->lettered || round.races.empty()) return false;
    return round.races.size() > 1 || round.races.front().name != stage->race_prefix;
}

char letter_of(const Race& race) {
    return static_cast<char>('A' + std::max(race.number, 1) - 1);
}

// Repechages and ranking races take the skaters the main stages did not: they are decided after
// them.
bool is_side_stage(const Round& round) {
    return round.kind == StageKind::repechage || round.kind == StageKind::ranking;
}

// Every stage each athlete has a row in (or was awarded, for a final not raced), in running
// order.
std::vector<std::vector<Destination>> paths_of(const Event& event) {
    std::vector<std::vector<Destination>> paths(event.athletes.size());
    for (int s = 0; s < static_cast<int>(event.rounds.size()); ++s) {
        const auto& round = event.rounds[s];
        const bool letters = lettered(round);
        for (const auto& race : round.races) {
            const Destination here{s, letters ? letter_of(race) : char(0)};
            const auto visit = [&](AthleteId id) {
                if (id < 0 || id >= static_cast<int>(paths.size())) return;
                auto& path = paths[id];
                if (path.empty() || path.back().stage != s) path.push_back(here);
            };
            for (const AthleteId id : race.field)
                visit(id);
            for (const auto& row : race.results)
                visit(row.athlete);
        }
    }
    return paths;
}

Destination next_after(const std::vector<Destination>& path, int stage) {
    for (const auto& d : path)
        if (d.stage > stage) return d;
    return {};
}

// A stage's rows in entrant order (race by race): where each skater went next, and whether an
// earlier transition of the stage has taken them.
struct StageRows {
    std::vector<Destination> next;
    std::vector<char> taken;
};

StageRows rows_of(const Event& event, int stage,
                  const std::vector<std::vector<Destination>>& paths) {
    StageRows s;
    for (const auto& race : event.rounds[stage].races)
        for (const auto& row : race.results) {
            const bool known = row.athlete >= 0 && row.athlete < static_cast<int>(paths.size());
            s.next.push_back(known ? next_after(paths[row.athlete], stage) : Destination{});
        }
    s.taken.assign(s.next.size(), 0);
    return s;
}

// The destinations of a stage's skaters, in the order their transitions are decided: main
// stages before repechages and ranking races, then running order, then Final A before B and C.
std::vector<Destination> destinations(const Event& event, const StageRows& s) {
    std::vector<Destination> out;
    for (const auto& d : s.next)
        if (d.stage >= 0 && std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
    const auto key = [&](const Destination& d) {
        return std::tuple{is_side_stage(event.rounds[d.stage]), d.stage, d.final};
    };
    std::sort(out.begin(), out.end(),
              [&](const Destination& a, const Destination& b) { return key(a) < key(b); });
    return out;
}

struct Observed {
    std::vector<Entrant> entrants;
    std::vector<bool> advanced;
};

// The row records that the skater went on into `to` (Q, q, ADV; QA, qA, ADVA into Final A).
bool marked_into(const Row& row, const Destination& to) {
    return std::any_of(row.marks.begin(), row.marks.end(), [&](const std::string& mark) {
        const auto reason = reason_from_string(mark);
        if (!reason) return false;
        const Way way = way_of(*reason);
        if (way != Way::place && way != Way::time && way != Way::referee) return false;
        const char final = final_of(*reason);
        return final == to.final || (final == 0 && to.final <= 'A');
    });
}

// The stage as the transition to `to` sees it: those an earlier transition took are no longer
// eligible (no place, no time, no referee advancement), as the replay sees them. A skater the
// record marks as going on went on, even with no later row (a round or a row the record lacks,
// 2004: the quarterfinals): the inferred rules explain the marks rather than override them.
Observed observe(const Round& round, const StageRows& s, const Destination& to, bool main_stage) {
    Observed o;
    std::size_t i = 0;
    for (const auto& race : round.races)
        for (const auto& row : race.results) {
            const bool lost = s.next[i].stage < 0 && main_stage && marked_into(row, to);
            o.advanced.push_back(s.next[i] == to || lost);
            auto e = detail::entrant_of(row, race, o.advanced.back());
            if (s.taken[i]) {
                e.place.reset();
                e.time.reset();
                e.referee = false;
            }
            o.entrants.push_back(e);
            ++i;
        }
    return o;
}

// The largest k such that, in every race, the eligible skaters placed 1..k all advanced. A dead
// heat fills the places it takes: two skaters placed 1st are 1st and 2nd, and the next is 3rd.
// A race that lacks a row above its first non-qualifier (places 1, 3, 4: the 2nd is not in
// the record) cannot say where its quota ends, and does not bound it.
int place_quota(const Round& round, const Observed& o) {
    int quota = 1 << 20;
    std::size_t i = 0;
    for (const auto& race : round.races) {
        const auto begin = o.entrants.begin() + static_cast<std::ptrdiff_t>(i);
        const auto end = begin + static_cast<std::ptrdiff_t>(race.results.size());
        int last_place = 0;
        for (auto e = begin; e != end; ++e)
            last_place = std::max(last_place, e->place.value_or(0));
        int leading = 0;
        bool bounded = last_place > 0;
        for (int place = 1; place <= last_place;) {
            int found = 0;
            bool all_advanced = true;
            for (std::size_t k = i; k < i + race.results.size(); ++k)
                if (o.entrants[k].place == place) {
                    ++found;
                    all_advanced = all_advanced && o.advanced[k];
                }
            if (found == 0) {  // a hole in the record
                bounded = false;
                break;
            }
            if (!all_advanced) break;
            leading = place + found - 1;
            place += found;
        }
        i += race.results.size();
        if (bounded) quota = std::min(quota, leading);
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
Transition infer_places(const Round& round, const Observed& o, const Assumed& assumed) {
    Transition t;
    t.referee = assumed.referee();
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
    t.capacity =
        by_place + best_fit.slots + (t.referee == RefereePolicy::take_time_slots ? referee : 0);
    return t;
}

Transition everyone_else() {
    Transition t;
    t.selection = Selection::others;
    t.time_pool = TimePool::none;
    return t;
}

// A lower final the record does not hold (2006: no Final B was raced): the ISU era's routing,
// the older format's two places below the final above, or every other eligible skater from 2022
// on.
Transition default_lower_final(const Transition& above, const Assumed& assumed) {
    if (assumed.modern_isu) return everyone_else();
    Transition t;
    t.first_place = above.place_quota + 1;
    t.place_quota = above.place_quota + 2;
    t.time_pool = TimePool::none;
    return t;
}

// Who raced a lower final (B, C) after the finals above took theirs: every other eligible skater
// when all of them went there in the modern ISU format; otherwise the range of places the record
// shows.
std::optional<Transition> infer_lower_final(const Round& round, const StageRows& s,
                                            const Destination& to, const Assumed& assumed) {
    int first = INT_MAX;
    int last = 0;
    bool every_other = true;
    std::size_t i = 0;
    for (const auto& race : round.races)
        for (const auto& row : race.results) {
            const bool eligible = !s.taken[i] && detail::can_qualify(row);
            if (eligible && s.next[i] != to) every_other = false;
            if (eligible && s.next[i] == to) {
                first = std::min(first, *row.place);
                last = std::max(last, *row.place);
            }
            ++i;
        }
    if (every_other && assumed.modern_isu) return everyone_else();
    if (last == 0) return std::nullopt;  // no eligible skater went there: read it as places
    Transition t;
    t.first_place = first;
    t.place_quota = last;
    t.time_pool = TimePool::none;
    t.referee = assumed.referee();
    return t;
}

Transition infer_transition(const Event& event, int from, const StageRows& s, const Destination& to,
                            const Assumed& assumed) {
    const auto& source = event.rounds[from];
    const auto& target = event.rounds[to.stage];
    // Non-qualifiers go on to a repechage or a ranking race; within a repechage ladder the
    // skaters go on by place, as in the main stages.
    if (is_side_stage(target) && source.kind != StageKind::repechage) return everyone_else();
    if (to.final > 'A') {
        if (auto t = infer_lower_final(source, s, to, assumed)) return *t;
    }
    return infer_places(source, observe(source, s, to, !is_side_stage(target)), assumed);
}

// A finals stage whose only race is Final A: an ISU format still has a Final B (2006: not
// raced, its one skater placed without racing).
bool only_final_a(const Round& round) {
    return lettered(round) && round.races.size() == 1 && round.races.front().number == 1;
}

// A stage of lettered finals whose record lacks Final A (the ISU scrape lost it) although the
// stage sends skaters to a lower final: the format still has a Final A, of the places above
// the lowest place that went to the lower finals. The replay says that it is not in the record.
void add_missing_final_a(const Event& event, int from, const Destination& lower,
                         const Assumed& assumed, StageRows& s, std::vector<Transition>& out) {
    const auto& finals = event.rounds[lower.stage];
    if (lower.final <= 'A' || !lettered(finals) ||
        std::any_of(finals.races.begin(), finals.races.end(),
                    [](const Race& r) { return r.number == 1; }))
        return;
    int below = INT_MAX;  // the best place that went to a lower final
    std::vector<const Row*> rows;
    for (const auto& race : event.rounds[from].races)
        for (const auto& row : race.results)
            rows.push_back(&row);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (s.next[i].stage == lower.stage && rows[i]->place)
            below = std::min(below, *rows[i]->place);
    if (below == INT_MAX || below < 2) return;
    Transition a;
    a.from = event.rounds[from].name;
    a.to = finals.name;
    a.final = 'A';
    a.place_quota = below - 1;
    a.time_pool = TimePool::none;
    a.referee = assumed.referee();
    out.push_back(a);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (detail::can_qualify(*rows[i]) && *rows[i]->place <= a.place_quota) s.taken[i] = 1;
}

// The transitions out of stage `from`, in the order they are decided.
void infer_stage(const Event& event, int from, const std::vector<std::vector<Destination>>& paths,
                 const Assumed& assumed, std::vector<Transition>& out) {
    // A ranking stage sends nobody on (docs/rules.md §5); where a record shows otherwise, the
    // stages after it are entered directly (enter_unfed_stages) and the replay reports the rows.
    if (event.rounds[from].kind == StageKind::ranking) return;
    auto s = rows_of(event, from, paths);
    const auto to_stages = destinations(event, s);
    if (!to_stages.empty()) add_missing_final_a(event, from, to_stages.front(), assumed, s, out);
    for (const auto& to : to_stages) {
        auto t = infer_transition(event, from, s, to, assumed);
        t.from = event.rounds[from].name;
        t.to = event.rounds[to.stage].name;
        t.final = to.final;
        out.push_back(t);
        for (std::size_t i = 0; i < s.next.size(); ++i)
            if (s.next[i] == to) s.taken[i] = 1;
        if (to.final == 'A' && only_final_a(event.rounds[to.stage]) && assumed.isu()) {
            auto b = default_lower_final(t, assumed);
            b.from = t.from;
            b.to = t.to;
            b.final = 'B';
            b.referee = t.referee;
            out.push_back(b);
        }
    }
}

// Skaters whose first row is in a later stage: at a World Cup (an event with a repechage,
// docs/rules.md §6: a host-nation skater enters the quarterfinals directly), the format gives
// them a direct entry there. Elsewhere (and at an inline event, which no ISU rule governs) such
// a row is a hole in the data, which the replay reports.
void infer_entries(const Event& event, const std::vector<std::vector<Destination>>& paths,
                   const Assumed& assumed, Format& f, Diagnostics& notes) {
    if (!assumed.isu() ||
        std::none_of(event.rounds.begin(), event.rounds.end(),
                     [](const Round& r) { return r.kind == StageKind::repechage; }))
        return;
    for (int s = 1; s < static_cast<int>(event.rounds.size()); ++s) {
        std::vector<std::string> names;
        for (std::size_t a = 0; a < paths.size(); ++a)
            if (!paths[a].empty() && paths[a].front().stage == s)
                names.push_back(event.name_of(static_cast<AthleteId>(a)));
        if (names.empty()) continue;
        const auto& stage = event.rounds[s].name;
        f.entries.push_back({stage, static_cast<int>(names.size()), EntrySeeding::ranking, {}});
        notes.push_back({Severity::warning, 0,
                         fmt::format("no earlier row: the format was given a direct entry into "
                                     "the {} for {}",
                                     stage, fmt::join(names, ", "))});
    }
}

// A stage the record gives no way into (no skater of it raced the stage before: a hole in the
// data) is entered directly, so that the format inferred is one the format reader takes.
void enter_unfed_stages(const Event& event, Format& f, Diagnostics& notes) {
    for (std::size_t s = 1; s < event.rounds.size(); ++s) {
        const auto& stage = event.rounds[s].name;
        const auto to_stage = [&](const auto& edge) { return edge.to == stage; };
        if (std::any_of(f.transitions.begin(), f.transitions.end(), to_stage) ||
            std::any_of(f.entries.begin(), f.entries.end(), to_stage))
            continue;
        int skaters = 0;
        for (const auto& race : event.rounds[s].races)
            skaters += static_cast<int>(race.results.size());
        f.entries.push_back({stage, std::max(skaters, 1), EntrySeeding::ranking, {}});
        notes.push_back({Severity::warning, 0,
                         fmt::format("no skater of the {} raced the stage before it: the format "
                                     "enters its {} skaters directly",
                                     stage, skaters)});
    }
}

// An inline event's is World Skate's; so is that of an event naming no sport whose time slots
// are filled from all the others ("winners + fastest", World Skate's sprint rule); otherwise
// the ISU era of the year.
Era infer_era(const Event& event, const Format& format, const Assumed& assumed,
              Diagnostics& notes) {
    const bool winners_and_fastest =
        std::any_of(format.transitions.begin(), format.transitions.end(), [](const Transition& t) {
            return t.selection == Selection::places && t.time_pool == TimePool::all_others;
        });
    if (!assumed.isu() || (!assumed.sport.short_track_named && winners_and_fastest))
        return Era::world_skate;
    if (!event.info.year) {
        notes.push_back({Severity::warning, 0,
                         "no year in the title or infobox: classified by era B (2010 onward)"});
        return Era::B;
    }
    return *event.info.year < era_b_year ? Era::A : Era::B;
}

std::string describe(const Transition& t, const Format& f) {
    const auto* from = f.stage(t.from);
    const auto to = detail::stage_of_heading(t.to);
    std::string text = fmt::format(
        "{} -> {}", t.from, t.final && to ? detail::race_label(*to, t.final - 'A' + 1) : t.to);
    text += fmt::format(" ({} races): ", from ? from->races.value_or(0) : 0);
    if (t.selection == Selection::others) return text + "everyone else eligible";
    text += t.first_place == 1 ? fmt::format("top {}", t.place_quota)
                               : fmt::format("places {}-{}", t.first_place, t.place_quota);
    if (t.time_pool != TimePool::none)
        text += fmt::format(", time pool {} to capacity {}", to_string(t.time_pool),
                            t.capacity.value_or(0));
    return text;
}

// One line: TOML basic strings, which the format writer produces, hold no line breaks.
std::string describe(const Format& f, const Event& event, const Assumed& assumed) {
    std::string text;
    for (const auto& t : f.transitions)
        text += describe(t, f) + "; ";
    text += fmt::format("classification era {}. ", to_string(f.classification.era));
    if (!assumed.isu())
        return text + fmt::format(
                          "Inline speed skating ({}): no ISU short-track default; not in "
                          "the record, so the format's default: referee advancements on "
                          "top.",
                          assumed.sport.inline_named);
    text += fmt::format("Assumed from the year {}: referee advancements {}.",
                        event.info.year ? std::to_string(*event.info.year) : "(none)",
                        assumed.modern_isu ? "take the time slots" : "on top");
    return text;
}

}  // namespace

Format infer_format(const Event& event, Diagnostics& notes) {
    Format f;
    f.name = "inferred";
    f.source = "inferred from " + event.source;
    const Assumed assumed = assumed_for(event, notes);
    for (const auto& round : event.rounds) {
        StageRule stage;
        stage.name = round.name;
        stage.kind = round.kind;
        // A stage of lettered finals has the finals its transitions name.
        if (round.kind != StageKind::final) stage.races = static_cast<int>(round.races.size());
        f.stages.push_back(stage);
    }
    const auto paths = paths_of(event);
    for (int r = 0; r < static_cast<int>(event.rounds.size()); ++r)
        infer_stage(event, r, paths, assumed, f.transitions);
    infer_entries(event, paths, assumed, f, notes);
    enter_unfed_stages(event, f, notes);
    f.classification.era = infer_era(event, f, assumed, notes);
    f.description = describe(f, event, assumed);
    return f;
}

}  // namespace heatgraph
