// Private: strengths drawn from a race model's posterior (race_model.hpp), so that a what-if's
// probabilities carry the uncertainty of the fit and not only the Monte Carlo error.
#pragma once

#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <vector>

#include "heatgraph/race_model.hpp"
#include "simulation/random_stream.hpp"

namespace heatgraph::detail {

class PosteriorDraw {
  public:
    // The worths of the athletes of `model`'s event `event`.
    PosteriorDraw(const RaceModel& model, int event) : model_(model), event_(event) {}

    // The fitted worths (the posterior's mode), per athlete: 1 for one never placed.
    [[nodiscard]] std::vector<double> mode() const {
        std::vector<double> worth;
        for (std::size_t a = 0; a < model_.skater_of.at(event_).size(); ++a)
            worth.push_back(model_.worth(event_, static_cast<AthleteId>(a)));
        return worth;
    }

    // One draw of every fitted skater's strength into `worth` (per athlete, as mode() gives);
    // an athlete never placed keeps the worth RaceModel::worth gives them (an average skater).
    void draw(RandomStream& random, std::vector<double>& worth) {
        const std::size_t n = model_.skaters.size();
        normal_.resize(n);
        boost::random::normal_distribution<double> standard;
        for (auto& z : normal_)
            z = standard(random);
        const auto& of = model_.skater_of[event_];
        worth.resize(of.size());
        for (std::size_t a = 0; a < of.size(); ++a) {
            if (of[a] < 0) {
                worth[a] = model_.worth(event_, static_cast<AthleteId>(a));
                continue;
            }
            const auto k = static_cast<std::size_t>(of[a]);
            double strength = model_.skaters[k].strength;
            const double* root = model_.posterior_root.data() + k * n;
            for (std::size_t j = 0; j < n; ++j)
                strength += root[j] * normal_[j];
            worth[a] = std::exp(strength);
        }
    }

  private:
    const RaceModel& model_;
    int event_;
    std::vector<double> normal_;
};

}  // namespace heatgraph::detail
