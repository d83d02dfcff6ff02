// The event model: what a results article says, kept whole. A row keeps its place, time,
// status, every mark as written, the raw note text and its source line; nothing read is
// dropped. Athletes are identified once per event (see identity.hpp) and rows refer to them by
// index, so "Ahn Hyun-Soo" in a quarterfinal and "Ahn Hyun-soo" in the final are one skater.
//
// The replay fills in Row::advance (who advanced, where, why); the article reader leaves it
// empty. Both use the same types so that a replayed event can be exported and read back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/race_time.hpp"

namespace heatgraph {

using AthleteId = int;

// The outcome a row records. `unplaced` is a row with neither a place nor a status mark, most
// often because its note was lost in export ("'"): the skater did not finish placed, and why
// is unknown.
enum class Status { finished, no_time, PEN, DQ, YC, RC, DNS, DNF, unplaced };

[[nodiscard]] std::string_view to_string(Status status);
[[nodiscard]] std::optional<Status> status_from_string(std::string_view text);

// Yellow and red cards void the whole distance: the skater is not ranked.
[[nodiscard]] constexpr bool is_unranked(Status status) {
    return status == Status::YC || status == Status::RC;
}
// Removed from the race by the officials: cannot advance except by a referee decision on
// another incident, and ranks after the placed skaters of the race.
[[nodiscard]] constexpr bool is_sanction(Status status) {
    return status == Status::PEN || status == Status::DQ || is_unranked(status);
}

// Why a skater went on: by place (Q), by time (q), by the Referee (ADV), each into a final of
// several with its letter (QA, qB, ADVA, ...); or, not qualified, sent on as a non-qualifier to
// a repechage or a ranking race. The first seven keep the values they had before the others.
enum class Reason {
    Q,
    q,
    ADV,
    QA,
    QB,
    qA,
    ADVA,
    QC,
    QD,
    qB,
    qC,
    qD,
    ADVB,
    ADVC,
    ADVD,
    repechage,
    ranking
};
enum class ReasonSource { recorded, inferred };

// The channel of a reason, without the final's letter.
enum class Way { place, time, referee, repechage, ranking };

[[nodiscard]] std::string_view to_string(Reason reason);
[[nodiscard]] std::string_view to_string(ReasonSource source);
// Also the ISU's short forms: "ADA" is ADVA, "ADB" ADVB.
[[nodiscard]] std::optional<Reason> reason_from_string(std::string_view text);
[[nodiscard]] Way way_of(Reason reason);
// 'A'..'D' for a reason into a lettered final, else 0.
[[nodiscard]] char final_of(Reason reason);
// The reason of `way` into the final `final` ('A'..'D'; 0: not a final of several).
[[nodiscard]] Reason reason_of(Way way, char final = 0);

// How a skater came to a stage they had not raced before: from an earlier stage (no entry),
// entering directly as the format allows, or with no earlier row where the format has no entry
// (a hole in the data).
enum class Entry { direct, unknown };
[[nodiscard]] std::string_view to_string(Entry entry);

struct Advance {
    std::string to;  // a stage ("Quarterfinals") or a final's race ("Final A", "Final")
    Reason reason = Reason::Q;
    ReasonSource source = ReasonSource::recorded;
};

// The highest place any reader takes: no race has ever had that many skaters.
inline constexpr int max_place = 9999;

struct Row {
    AthleteId athlete = -1;
    std::string printed_name;         // the name exactly as this row printed it
    std::string country;              // empty when the article left it blank
    std::string athlete_id;           // the source's identifier of the athlete (a table's ISU
                                      // ID): one id, one skater, whatever the spelling; empty
                                      // when the source has none
    std::optional<int> place;         // finishing place in the race, 1 .. max_place
    std::optional<int> printed_rank;  // the rank column when it is not the race place
                                      // (a Final B printed with overall ranks 5, 6, 7)
    std::optional<Millis> time;
    Status status = Status::finished;
    std::vector<std::string> marks;  // every note token as written: "Q", "ADV", "'", "OR"
    std::string note;                // the raw Notes cell
    std::vector<std::pair<std::string, std::string>> extra;  // cells of columns not modelled,
                                                             // by column title
    int line = 0;                                            // source line in the article
    std::optional<Advance> advance;                          // filled by the replay
    std::optional<Entry> entry;  // filled by the replay: a first appearance after the first stage

    [[nodiscard]] bool has_mark(std::string_view mark) const;
    // The replay advanced the skater by a referee decision (ADV, ADVA, ADVB, ...).
    [[nodiscard]] bool advanced_by_referee() const;
};

struct Race {
    std::string name;   // canonical: "Heat 3", "Quarterfinal 1", "Semifinal 2", "Final A"
    int number = 0;     // 1-based within the stage; Final A = 1, Final B = 2, Final C = 3
    bool raced = true;  // false for a final that was not contested (a Final B of one skater)
    std::vector<AthleteId> field;  // who was in it; for a raced race the athletes of `results`
    std::vector<Row> results;
    int line = 0;
};

// What a stage of an event is. An event has any number of stages of any kind, in running
// order; they are told apart by name, not by kind (a World Cup runs heats and repechage heats).
enum class StageKind {
    preliminary,
    heat,
    repechage,
    eighth_final,
    quarterfinal,
    semifinal,
    final,    // races lettered Final A, B, C, D (or a single "Final")
    ranking,  // classification races for eliminated skaters: nobody advances, they decide places
    other,
};

[[nodiscard]] std::string_view to_string(StageKind kind);  // "preliminary", "eighth-final", ...
[[nodiscard]] std::optional<StageKind> stage_kind_from_string(std::string_view text);

// A stage (round) of the event: "Heats", "Repechage semifinals", "Finals".
struct Round {
    StageKind kind = StageKind::heat;
    std::string name;          // canonical: "Heats", "Repechage heats", "Eighth-finals", "Finals"
    std::string printed_name;  // the article's heading, e.g. "Preliminary round"
    std::vector<Race> races;
    int line = 0;
};

struct Athlete {
    std::string name;                  // as first printed
    std::vector<std::string> aliases;  // every other spelling the article used
};

struct Medalist {
    int medal = 0;  // 1 gold, 2 silver, 3 bronze
    std::string name;
    std::string noc;
    int line = 0;
};

struct EventInfo {
    std::string title;
    std::vector<std::pair<std::string, std::string>> infobox;  // every field, in order
    std::optional<int> year;
    std::optional<int> competitors;
    std::vector<Medalist> medalists;

    [[nodiscard]] std::optional<std::string> field(std::string_view key) const;
};

struct Event {
    std::string source;  // the file it was read from
    EventInfo info;
    std::vector<Athlete> athletes;
    std::vector<Round> rounds;  // the stages, in running order: finals last
    Diagnostics diagnostics;    // what reading noticed (fuzzy names, debris, lost notes)

    [[nodiscard]] const std::string& name_of(AthleteId id) const { return athletes.at(id).name; }
    // The athletes `name` may mean: by match_name (exact, variant, typo) with its words in the
    // order written, else in any order of its words ("Daeheon Hwang" for "Hwang Dae-heon",
    // "VAN 'T WOUT Jens"), else every athlete of whose name `name` is a part ("Bradbury",
    // "Daeheon"). Empty when none; several when `name` is ambiguous ("Treacy").
    [[nodiscard]] std::vector<AthleteId> athletes_named(std::string_view name) const;
    // The one athlete of athletes_named; nullopt when none or several.
    [[nodiscard]] std::optional<AthleteId> find_athlete(std::string_view name) const;
    // The races `race_name` may mean: the race of that name, else the race as people write it,
    // in any case: "SF1", "semi 1", "Semi-final 1", "QF4", "H3", "Rep. heat 2", "FA", "B final",
    // "Final" (the event's one final). Several when it names a stage of several races ("Final"
    // beside a Final A and a Final B).
    [[nodiscard]] std::vector<const Race*> races_named(std::string_view race_name) const;
    // The one race of races_named; nullptr when none or several.
    [[nodiscard]] const Race* find_race(std::string_view race_name) const;
    // Up to `count` names nearest to `name` (by the whole name in any order of its words, or by
    // any one of its words), for the suggestions of an error message.
    [[nodiscard]] std::vector<std::string> nearest_athletes(std::string_view name,
                                                            std::size_t count = 3) const;
    // Up to `count` races nearest to `name`: the races of the stage it names nearest by number,
    // in running order ("Semifinal 7": Semifinal 1, Semifinal 2); else, when the event has no
    // such stage, the race names nearest to it.
    [[nodiscard]] std::vector<std::string> nearest_races(std::string_view name,
                                                         std::size_t count = 3) const;
};

}  // namespace heatgraph
