// Checks of the numbers given on the command line, each stating its bounds. CLI11's own let NaN
// through a range (every comparison with it is false) and read "-1" into an unsigned number as
// 2^64 - 1; these refuse both.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iosfwd>

namespace heatgraph::cli {

// What --threads and --prior accept: more threads than cores are capped (note_thread_cap), and
// a prior of a million already holds every strength at the mean.
inline constexpr int max_threads_option = 1'000'000;
inline constexpr double max_prior_option = 1e6;

// A number from `lowest` to `highest`, NaN and the infinities refused.
[[nodiscard]] CLI::Validator number_from(double lowest, double highest);
// A whole number from `lowest` to `highest`.
[[nodiscard]] CLI::Validator whole_from(std::int64_t lowest, std::int64_t highest);
// A random seed: a whole number from 0 to 2^64 - 1.
[[nodiscard]] CLI::Validator seed_number();

// Says on `err` when --threads asks for more threads than the machine has cores: the library
// uses one per core at most.
void note_thread_cap(int requested, std::ostream& err);

}  // namespace heatgraph::cli
