// Simulation of formats: many whole events of one field under one format, to compare formats.
//
// Each replicate seeds the field into the first round (the format's draw), draws every race's
// finishing order from the race model (Plackett–Luce by Gumbel noise, or Thurstone by normal
// noise), applies incidents, and advances and classifies by the replay's own rules
// (engine/advancement, engine/classifier). The format is compiled once into flat arrays; the
// loop keeps its buffers and so allocates nothing once warm. Replicate i draws from its own
// counter-based stream keyed by (seed, i): any thread count gives the same answer to the bit.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"
#include "heatgraph/race_model.hpp"

namespace heatgraph {

enum class NoiseModel {
    plackett_luce,  // performance = strength + noise · Gumbel: worth exp(strength / noise)
    thurstone,      // performance = strength + noise · Normal(0, 1)
};

struct SimulatedSkater {
    std::string name;
    double strength = 0;
};

// The bounds a field is held to. Strengths are log-worths: a gap of 50 already makes the
// stronger skater win all but once in 10^21 races, so a strength past 1000 is a mistake, as is
// noise beyond 1000 times its usual scale. The simulation costs a little more than linear time
// in the field per event; docs/limits.md gives the times.
inline constexpr double max_strength = 1000;
inline constexpr double max_noise = 1000;
inline constexpr int max_field = 100000;

struct Field {
    NoiseModel model = NoiseModel::plackett_luce;
    double noise = 1.0;
    std::vector<SimulatedSkater> skaters;  // as listed (the order `listed` seeding uses)
};

// {"model": "plackett-luce" | "thurstone", "noise": 1.0, "skaters": [{"name", "strength"}]}
// Errors: not such JSON, a value out of its bounds (above), fewer than two skaters.
[[nodiscard]] Result<Field> parse_field(std::string_view json_text, std::string file);
[[nodiscard]] Result<Field> load_field(const std::string& path);
// N skaters "Skater 1".. with strengths drawn N(0, 1) from `seed`.
[[nodiscard]] Field normal_field(int skaters, std::uint64_t seed);
// Every skater of the model's events (Plackett–Luce, noise 1): the fitted ones at their
// strengths, strongest first, then each one without a placed race as an average skater
// (strength 0, worth 1, as RaceModel::worth draws them), with a note in `notes` when given.
[[nodiscard]] Field fitted_field(const RaceModel& model, Diagnostics* notes = nullptr);

enum class Seeding { by_strength, random, listed };

// Incidents per skater and race. A penalty removes the skater from the race; it brings another
// skater down with probability `fall`, who is advanced by the Referee with probability
// `referee_advance` (else out of the race, unplaced).
struct IncidentRates {
    double penalty = 0;
    double fall = 0;
    double referee_advance = 1;
};
// From real events: penalties (PEN, DQ, YC, RC) per row; referee advancements per penalty as
// the falls, all of which the Referee advanced (a fall without one leaves no mark).
[[nodiscard]] IncidentRates estimate_incident_rates(const std::vector<Event>& events);

// The most events one simulation runs: a day of work for a large field on one core.
inline constexpr std::int64_t max_runs = 2'000'000'000;

// The threads a simulation or a what-if runs on when asked for `requested` (0: one per core):
// at least 1 and at most the machine's cores, as more threads than cores only slow it down.
[[nodiscard]] int usable_threads(int requested);

struct SimulationOptions {
    std::int64_t runs = 100000;  // 1 .. max_runs
    std::uint64_t seed = 1;
    int threads = 1;  // 0: one per core
    Seeding seeding = Seeding::by_strength;
    IncidentRates incidents;
    // Each event draws a fresh field of the field's size, strengths N(0, 1) (the field's own
    // strengths are not used), so that no one field decides the answer. Per-skater outcomes
    // are then by strength rank: "Strength rank 1" is each event's strongest skater.
    bool fresh_field = false;
    std::function<void(std::int64_t done, std::int64_t total)> progress;  // from one thread
};

struct Estimate {
    double value = 0;
    double standard_error = 0;
};

struct SkaterOutcome {
    std::string name;
    double strength = 0;
    Estimate p_win, p_podium, mean_rank;
};

struct Simulation {
    std::string format;
    std::int64_t runs = 0;
    std::uint64_t seed = 0;
    int threads = 1;
    double seconds = 0;
    double events_per_second = 0;
    IncidentRates incidents;  // the rates the run drew incidents at
    Estimate p_strongest_wins;
    Estimate p_podium_strongest;  // the podium is the three strongest, in any order
    Estimate champion_true_rank;  // 1 = the strongest skater won
    Estimate kendall_tau;         // classification against strength (tau-b)
    Estimate races_per_skater;
    Estimate finals_changed_by_incidents;  // Final A's fastest was penalised or brought down
    Estimate p_final_a_strongest;          // Final A holds the strongest skater
    Estimate final_a_size;                 // skaters in Final A
    Estimate strongest_out_round;          // the stage of the strongest skater's last race, 1 = the
                                           // first stage in running order (a finalist: the final's)
    std::vector<SkaterOutcome> skaters;    // strongest first
    std::uint64_t checksum = 0;            // of every replicate's podium: pins the whole run
};

// The metrics of a simulation, in the order reports list them: the JSON key, a label for a
// table, what it measures, the member, and the decimals a table shows.
struct SimulationMetric {
    std::string_view key;
    std::string_view label;
    std::string_view meaning;
    Estimate Simulation::*member;
    int decimals;
};
[[nodiscard]] const std::vector<SimulationMetric>& simulation_metrics();

// Errors: a format the simulation cannot run (a transition without `races`, fewer skaters than
// races), a field of fewer than two skaters or out of its bounds, options out of theirs (runs
// from 1 to max_runs, threads 0 or more, incident rates from 0 to 1).
[[nodiscard]] Result<Simulation> simulate(const Format& format, const Field& field,
                                          const SimulationOptions& options);

// A metric of one format minus the same metric of the first, over the same events.
struct MetricDifference {
    std::string format;
    std::string_view metric;             // a SimulationMetric key
    Estimate difference;                 // with the standard error of the paired difference
    double unpaired_standard_error = 0;  // what independent runs would give: for comparison
};

struct Comparison {
    std::vector<Simulation> formats;
    std::vector<MetricDifference> differences;  // every format after the first, every metric
};

// The formats run on common random numbers: event i of every format has the same field (a
// fresh one with `fresh_field`), the same seeding, and each skater the same noise in their k-th
// race (incidents and lots are drawn from the event's stream in turn, so they pair less), so
// that their differences are measured on the same events and the standard error of a difference is
// that of the paired difference. Errors: as simulate, naming the format's file; no format.
[[nodiscard]] Result<Comparison> compare(const std::vector<Format>& formats, const Field& field,
                                         const SimulationOptions& options);

}  // namespace heatgraph
