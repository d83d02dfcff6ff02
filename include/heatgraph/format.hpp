// Formats: an event's advancement rules as a directed graph, as data. Stages are the nodes;
// transitions are the edges, each a channel by which skaters of one stage go to another (the
// top k of each race, a range of places, a capacity filled by time, referee advancements,
// everyone else eligible); entries bring skaters into a later stage directly. Formats live in
// scenarios/formats/*.toml; `infer_format` derives one from an event when no file is given, so
// that an article of a format no file describes still replays.
//
// Every rule docs/rules.md calls an assumption (§14) is a named field here with a documented
// default, never a constant in the code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

// Who competes for the slots left after the place qualifiers.
enum class TimePool {
    none,        // no time qualifiers
    next_place,  // the next place down only: "fastest thirds" (ISU)
    all_others,  // everyone not place-qualified: "winners + N fastest" (World Skate sprint)
};

// How referee advancements (ADV) meet the capacity of the next round. They are always
// admitted, even past capacity.
enum class RefereePolicy {
    on_top,           // added on top of the place and time qualifiers (2006)
    take_time_slots,  // they fill the time slots first (ISU 2022, 2026)
};

// Skaters tied on time at the last time slot.
enum class TiePolicy {
    all_advance,   // every tied skater advances (ISU: 2006 heat 6 gave three time qualifiers)
    none_advance,  // none of them does
    lots,          // one is drawn; a replay accepts whichever advanced
};

enum class Era {
    A,            // 2002, 2006: place in the elimination race, then points, then time
    B,            // 2010 onward: place, then earlier places (latest first), then best time
    world_skate,  // World Skate sprint: time in the elimination round
};

// Order of skaters left without a place in the same race (PEN, DQ, DNS, DNF, unplaced).
enum class UnplacedOrder {
    equal,           // tied on this criterion; the next criterion decides
    sanction_first,  // PEN / DQ before DNS / DNF
    no_start_first,  // DNS / DNF before PEN / DQ
};

// Final A skaters without a place against Final B skaters without a place.
enum class UnplacedFinalists { a_before_b, b_before_a };

// Which skaters of the stage a transition takes (of those no earlier transition of the stage
// took).
enum class Selection {
    places,  // placed first_place..place_quota in their race, plus time qualifiers and referee
             // advancements up to the capacity
    others,  // everyone else eligible: placed and not sanctioned (to a repechage, a ranking
             // race, every other semifinalist to Final B)
};

// An edge of the format: skaters of stage `from` go on to stage `to` (to its final `final` when
// `to` is a stage of lettered races). The transitions out of one stage are decided in the order
// the format lists them, each among the skaters the earlier ones did not take.
struct Transition {
    std::string from, to;  // stage names
    char final = 0;        // 'A'..'H' into a final of a lettered stage; 0 otherwise
    Selection selection = Selection::places;
    int first_place = 1;          // with Selection::places: the places that qualify, first_place
    int place_quota = 2;          // to place_quota (top k: 1..k)
    std::optional<int> capacity;  // the slots this transition fills before referee advancements
                                  // on top; none: no time slots
    TimePool time_pool = TimePool::next_place;
    RefereePolicy referee = RefereePolicy::on_top;
    TiePolicy ties = TiePolicy::all_advance;

    bool operator==(const Transition&) const = default;
};

// How a ranking stage's races place against each other: the ISU fills them by the feeding
// stage's places, the worst in race 1 and the best thirds in the last race.
enum class RankingOrder { last_race_first, first_race_first };

// A node of the format. `name` is the key transitions use and matches the event's stage of
// that name (case, spaces and punctuation aside: "repechage-heats" is "Repechage heats").
struct StageRule {
    std::string name;
    StageKind kind = StageKind::heat;
    std::optional<int> races;  // the races of the stage (a simulation needs it, the replay checks
                               // it); a stage of lettered races has the finals its transitions
                               // name
    int min_field = 2;  // a race with fewer skaters is not raced: they take its places in the
                        // order they came (a Final B of one, 2006)
    RankingOrder ranking_order = RankingOrder::last_race_first;

    bool operator==(const StageRule&) const = default;
};

// Skaters who start in a later stage (a host-nation skater entering the quarterfinals).
enum class EntrySeeding {
    ranking,  // the best `count` of the field by its seeding
    listed,   // the seed numbers listed in `seeds`
};

struct EntryRule {
    std::string to;  // the stage entered
    int count = 1;
    EntrySeeding seeding = EntrySeeding::ranking;
    std::vector<int> seeds;  // with EntrySeeding::listed

    bool operator==(const EntryRule&) const = default;
};

// Where skaters eliminated in a repechage rank (not settled by the ISU tables, docs/rules.md §7).
enum class RepechageEliminations {
    by_depth,     // each stage's eliminated as a group, deeper stages (a longer path from the
                  // first stage) first: repechage semifinals before repechage heats, both after
                  // the main stage the ladder feeds
    with_source,  // with the skaters eliminated in the main stage that sent them to the
                  // repechage, ahead of them (they raced one more race)
};

// Era A: the order inside the block of skaters disqualified in the race they went out in
// (docs/rules.md §9: one block at the very bottom; the order inside it is not published).
enum class EraADisqualified {
    by_stage,   // the later the stage they went out in, the higher; then by the era's keys
    by_points,  // by the era's keys alone (place, points, time)
};

struct ClassificationRule {
    Era era = Era::B;
    std::vector<double> points{34, 21, 13, 8, 5, 3};  // era A, per race place 1, 2, ...
    UnplacedOrder unplaced_order = UnplacedOrder::equal;
    UnplacedFinalists unplaced_finalists = UnplacedFinalists::a_before_b;
    RepechageEliminations repechage = RepechageEliminations::by_depth;
    EraADisqualified era_a_disqualified = EraADisqualified::by_stage;

    bool operator==(const ClassificationRule&) const = default;
};

// How a simulation fills races (the replay reads who raced where). Seeds are numbered 1..N
// (the simulation's seeding decides who is seed 1).
enum class FirstRound {
    snake,  // seed s to race s mod R, reversing direction every R seeds (1..R, then R..1)
    ffa,    // the npm `ffa` grouping: pairs of seeds summing to R·size + 1 in each race
    pairs,  // the races listed in `pairs`, by seed number (a fixed bracket)
};
enum class Reseed {
    snake,    // qualifiers ranked by place, then time, across races, then snaked into races
    ffa,      // qualifiers ranked by performance (time) across races, then grouped as `ffa`
    bracket,  // race k of the next round takes the qualifiers of races 2k-1 and 2k
};

struct DrawRule {
    FirstRound first_round = FirstRound::snake;
    std::vector<std::vector<int>> pairs;  // with FirstRound::pairs: each race's seed numbers
    Reseed reseed = Reseed::snake;

    bool operator==(const DrawRule&) const = default;
};

struct Format {
    std::string name;
    std::string description;
    std::string source;                   // the file it came from, or "inferred from <event>"
    std::vector<StageRule> stages;        // in running order; the first is where the field starts
    std::vector<Transition> transitions;  // the edges; none: the whole field in one race
    std::vector<EntryRule> entries;
    ClassificationRule classification;
    DrawRule draw;

    // The stage of that name (folded), or nullptr.
    [[nodiscard]] const StageRule* stage(std::string_view name) const;
    [[nodiscard]] int stage_index(std::string_view name) const;  // -1 when none

    bool operator==(const Format&) const = default;  // every field, the source included
};

[[nodiscard]] Result<Format> parse_format(std::string_view toml_text, std::string source);
[[nodiscard]] Result<Format> load_format(const std::string& path);
// The TOML that parse_format reads back to the same format (when its names are UTF-8, as every
// reader ensures: a byte that is not is written as U+FFFD). Strings are escaped completely.
[[nodiscard]] std::string format_to_toml(const Format& format);

// A format that explains the event: place quotas, time pools, capacities and final routing
// read off who advanced; the referee policy and final-B routing of the era where the data
// cannot tell (see docs/rules.md §13). What it assumed is added to `notes`.
[[nodiscard]] Format infer_format(const Event& event, Diagnostics& notes);

[[nodiscard]] std::string_view to_string(TimePool v);
[[nodiscard]] std::string_view to_string(RefereePolicy v);
[[nodiscard]] std::string_view to_string(TiePolicy v);
[[nodiscard]] std::string_view to_string(Selection v);
[[nodiscard]] std::string_view to_string(RankingOrder v);
[[nodiscard]] std::string_view to_string(EntrySeeding v);
[[nodiscard]] std::string_view to_string(RepechageEliminations v);
[[nodiscard]] std::string_view to_string(EraADisqualified v);
[[nodiscard]] std::string_view to_string(Era v);
[[nodiscard]] std::string_view to_string(UnplacedOrder v);
[[nodiscard]] std::string_view to_string(UnplacedFinalists v);
[[nodiscard]] std::string_view to_string(FirstRound v);
[[nodiscard]] std::string_view to_string(Reseed v);

}  // namespace heatgraph
