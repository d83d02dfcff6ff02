// The JSON exports: the contract of `heatgraph replay --json` (docs/concepts.md §12) and
// reading it back (the export is itself an event file that every command accepts);
// `whatif --json` and `fit --json`.
#pragma once

#include <string>
#include <string_view>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/race_model.hpp"
#include "heatgraph/replay.hpp"
#include "heatgraph/simulate.hpp"
#include "heatgraph/whatif.hpp"

namespace heatgraph {

[[nodiscard]] std::string replay_to_json(const Replay& replay, int indent = 2);
// `heatgraph explain --json`: the athlete, each race of their path with the row's fields as in
// the replay export, and their final standing.
[[nodiscard]] std::string path_to_json(const Replay& replay, const std::vector<PathStep>& path,
                                       int indent = 2);
// {"exact", "samples", "seed", "rulings", "format", "consequences", "resampled_races",
//  "classification" (when exact, rows as in the replay export), "probabilities": [{"athlete",
//  "p_rank": {"1": p, ...} (non-zero places only), "p_unranked", "p_medal", "expected_rank",
//  "expected_rank_se", "recorded_rank"}], "notes"}
[[nodiscard]] std::string whatif_to_json(const WhatIf& whatif, int indent = 2);
// {"model": "plackett-luce", "noise": 1, "events", "prior", "iterations", "orders",
//  "log_likelihood", "skaters": [{"name", "strength", "standard_error", "races"}] (the fitted,
//  strongest first, then those with no placed race at strength 0, standard error null),
//  "groups" (only when more than one: each a list of names, the largest first), "notes"}:
// a field file `simulate --field` reads as it is (parse_field ignores the other keys).
[[nodiscard]] std::string race_model_to_json(const RaceModel& model, int indent = 2);
// `simulate --json`: {"format", "runs",
//  "seed", "threads", "seconds", "events_per_second" (null without timing), "checksum",
//  "metrics": {"p_strongest_wins": {"value", "standard_error"}, ...} (simulation_metrics()),
//  "skaters": [{"name", "strength", "p_win", "p_podium", "mean_rank"} with standard errors]}
[[nodiscard]] std::string simulation_to_json(const Simulation& simulation, bool timing = true,
                                             int indent = 2);
// {"formats": [each format's simulation, as above], "differences": [{"format", "metric",
//  "value", "standard_error", "unpaired_standard_error"}]}: each metric of each format after
// the first minus the first's, with the standard error of the paired difference.
[[nodiscard]] std::string comparison_to_json(const Comparison& comparison, bool timing = true,
                                             int indent = 2);
[[nodiscard]] Result<Event> parse_event_json(std::string_view text, std::string source);

}  // namespace heatgraph
