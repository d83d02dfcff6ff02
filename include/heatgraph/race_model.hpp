// The race model: Plackett–Luce strengths fitted from finishing orders.
//
// A skater's worth w = exp(strength); in a race the winner is skater i with probability
// w_i / sum(w), the second is drawn the same way from the rest, and so on. Worths are fitted by
// the MM algorithm (Hunter 2004) from every race's order of placed skaters (penalised, carded,
// DNS and DNF rows carry no order and are left out). A Gamma(1 + prior, prior) prior on each
// worth (mode 1) keeps every strength finite when a skater never lost or never won; prior 0 is
// the plain maximum-likelihood fit, which exists only when the "finished ahead of" graph is
// strongly connected (every group of skaters beat, and lost to, someone outside it).
//
// Strengths are reported centred on mean 0, with standard errors from the observed information
// (a pseudo-inverse for prior 0, whose strengths are determined only up to a constant). That
// normal approximation of the posterior, with its covariance, is what a what-if draws the
// strengths from (`posterior_root`).
//
// Skaters that no chain of shared races connects form separate groups (pooled events with no
// skater in common): within a group the races compare them, across groups only the prior does
// (every group is pulled towards the same average), which a warning says.
#pragma once

#include <string>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/error.hpp"
#include "heatgraph/event.hpp"

namespace heatgraph {

struct FittedSkater {
    std::string name;
    double strength = 0;        // log-worth, centred on the mean of the fitted skaters
    double standard_error = 0;  // of the centred strength
    int races = 0;              // finishing orders the skater is placed in
};

struct FitOptions {
    double prior = 1.0;  // Gamma(1 + prior, prior) on each worth; 0: maximum likelihood
    int max_iterations = 100000;
    double tolerance = 1e-10;  // largest change of a log-worth between iterations at the end
};

struct RaceModel {
    std::vector<FittedSkater> skaters;        // strongest first
    std::vector<std::vector<int>> skater_of;  // [event][athlete] -> index into skaters, -1 for
                                              // an athlete never placed (not fitted)
    std::vector<std::string> events;          // the sources pooled
    double prior = 1.0;
    int iterations = 0;
    int orders = 0;  // finishing orders used (races with two or more placed skaters)
    double log_likelihood = 0;
    // The connected groups of the fitted skaters (two skaters placed in one finishing order are
    // connected), each by name in the order of `skaters`, the largest group first; empty when
    // every fitted skater is connected to every other.
    std::vector<std::vector<std::string>> groups;
    // The athletes of the events without a placed race (not fitted), in the order of the events.
    std::vector<std::string> unplaced;
    // Athletes matched across events by a non-exact name, separate groups, athletes not fitted.
    Diagnostics notes;
    // The posterior's normal approximation (the one the standard errors come from): the
    // strengths drawn as `strength + R z`, z standard normal, where R (skaters × skaters,
    // row-major, in the order of `skaters`) is a square root of the strengths' covariance.
    std::vector<double> posterior_root;

    // The worth exp(strength) used to draw races; 1 (the prior's mode, an average skater) for an
    // athlete without a placed race.
    [[nodiscard]] double worth(int event, AthleteId athlete) const;
};

// Fits one model to the races of every event in `events`, one athlete matched across events by
// name (exact, case and diacritics, or a typo; every non-exact match is a note). Error when
// prior is 0 and the maximum-likelihood fit does not exist, naming skaters it fails for.
[[nodiscard]] Result<RaceModel> fit_race_model(const std::vector<Event>& events,
                                               const FitOptions& options = {});

// The Plackett–Luce probability that the skaters `top` (indices into `worths`) finish first,
// in that order, in a race of everyone in `worths`.
[[nodiscard]] double plackett_luce_probability(const std::vector<double>& worths,
                                               const std::vector<int>& top);

}  // namespace heatgraph
