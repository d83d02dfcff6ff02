// What-if (docs/concepts.md §9): the event replayed under alternative rulings, by minimal
// change.
//
// The rulings are applied to the recorded rows and the rounds walked again under the format. A
// race whose field is unchanged keeps its recorded result; one that lost skaters keeps the
// others' order; one that gained skaters is re-drawn from the race model (race_model.hpp, fitted
// to the event) conditioned on the recorded order of those who raced it. When no race is drawn
// the answer is exact: one classification. Otherwise it is a Monte Carlo distribution over
// `samples` counterfactual events; sample i draws from its own stream keyed by (seed, i), so the
// answer is the same on any number of threads.
//
// Place probabilities: a rank shared by k skaters counts 1/k for each of the k places it spans,
// so that every place's probabilities sum to one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"
#include "heatgraph/replay.hpp"
#include "heatgraph/rulings.hpp"

namespace heatgraph {

struct WhatIfOptions {
    int samples = 10000;  // 1 .. max_samples
    std::uint64_t seed = 1;
    int threads = 1;         // 0: one per core
    bool incidents = false;  // newcomers to a race may be penalised or fail to finish, at the
                             // event's own rates
    double prior = 1.0;      // of the race model fit (see race_model.hpp)
    // false: each sample draws the strengths from the fit's posterior (its normal
    // approximation, race_model.hpp), so the probabilities carry the model's uncertainty;
    // true: every sample uses the fitted strengths as if they were known.
    bool fixed_strengths = false;
};

struct PlaceProbabilities {
    AthleteId athlete = -1;
    std::vector<double> p_place;  // [k]: P(place k + 1)
    double p_unranked = 0;        // carded
    double p_medal = 0;
    double expected_rank = 0;     // given ranked
    double expected_rank_se = 0;  // Monte Carlo standard error; 0 when exact
    std::optional<int> recorded_rank;
    double p_recorded_rank = 0;  // P(ranked as recorded, shared ranks and unranked included)
};

struct ResampledRace {
    std::string race;
    double share = 0;  // of the samples that drew it
};

struct WhatIf {
    Replay baseline;  // the event as recorded
    std::vector<Ruling> rulings;
    Format format;  // the counterfactual's: the baseline's, or the one a ruling gave
    bool exact = false;
    int samples = 0;  // 0 when exact
    std::uint64_t seed = 0;
    bool posterior = false;  // each sample drew the strengths from the posterior (not exact,
                             // not fixed_strengths)
    std::vector<std::string> consequences;  // the chain, as far as the record settles it
    std::vector<ResampledRace> resampled_races;
    std::optional<Replay> outcome;  // when exact: the counterfactual event, replayed
    std::vector<PlaceProbabilities> probabilities;  // by expected rank; unranked last
    Diagnostics notes;  // what the model fit noticed; an exact outcome's replay disagreements
};

// `format`: replay under another format (a ruling); nullopt keeps the event's own. Errors: a
// ruling that names no athlete or race of the event or contradicts the record or another ruling
// (check_rulings), a sample count below 1, a model fit that fails.
[[nodiscard]] Result<WhatIf> what_if(const Event& event, const std::vector<Ruling>& rulings,
                                     const std::optional<Format>& format,
                                     const WhatIfOptions& options = {});

}  // namespace heatgraph
