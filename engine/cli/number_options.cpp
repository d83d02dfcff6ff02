#include "number_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <ostream>
#include <string>

#include "heatgraph/simulate.hpp"

namespace heatgraph::cli {

namespace {

template <class T>
bool read_whole(const std::string& text, T& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

CLI::Validator number_from(double lowest, double highest) {
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            double value = NAN;
            try {
                std::size_t used = 0;
                value = std::stod(text, &used);
                if (used != text.size()) value = NAN;
            } catch (const std::exception&) {
            }
            if (value >= lowest && value <= highest) return {};
            return fmt::format("{} is not a number from {} to {}", text, lowest, highest);
        },
        fmt::format("NUMBER in [{} - {}]", lowest, highest));
}

CLI::Validator whole_from(std::int64_t lowest, std::int64_t highest) {
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            std::int64_t value = 0;
            if (read_whole(text, value) && value >= lowest && value <= highest) return {};
            return fmt::format("{} is not a whole number from {} to {}", text, lowest, highest);
        },
        fmt::format("INT in [{} - {}]", lowest, highest));
}

CLI::Validator seed_number() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            std::uint64_t value = 0;
            if (!text.empty() && text.front() != '-' && read_whole(text, value)) return {};
            return fmt::format("{} is not a seed (a whole number from 0 to {})", text,
                               std::numeric_limits<std::uint64_t>::max());
        },
        "SEED in [0 - 2^64-1]");
}

void note_thread_cap(int requested, std::ostream& err) {
    const int cores = usable_threads(0);
    if (requested > cores)
        err << fmt::format("heatgraph: --threads {}: this machine has {} cores; using {}\n",
                           requested, cores, cores);
}

}  // namespace heatgraph::cli
