// Private: the bounds of a field (simulate.hpp) as one check each, shared by the field reader,
// which adds the JSON path and line, and `simulate`, which checks fields built in code.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>

#include "heatgraph/simulate.hpp"

namespace heatgraph::detail {

// What is wrong with a field's noise, if anything ("must be ..."; NaN is out of bounds).
inline std::optional<std::string> noise_problem(double noise) {
    if (noise > 0 && noise <= max_noise) return std::nullopt;
    return fmt::format("must be above 0 and at most {}, not {}", max_noise, noise);
}

// What is wrong with a skater's strength, if anything.
inline std::optional<std::string> strength_problem(double strength) {
    if (std::abs(strength) <= max_strength) return std::nullopt;
    return fmt::format("must be from {} to {}, not {}", -max_strength, max_strength, strength);
}

}  // namespace heatgraph::detail
