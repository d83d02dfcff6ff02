// Race times as integer milliseconds: "1:23.042" is 83042. Published times have three
// decimals; fewer are accepted ("1:23.04" is 83040), more are not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heatgraph {

using Millis = std::int64_t;

// The longest race time any reader takes: under a day. Longer is a typing error, not a race.
inline constexpr Millis max_race_time = 24 * 60 * 60 * 1000 - 1;

// "1:23.042", "83.042", "1:23.04". nullopt for anything else, a time past max_race_time
// included (the caller reports it).
[[nodiscard]] std::optional<Millis> parse_race_time(std::string_view text);
// 83042 -> "1:23.042"; 59123 -> "59.123".
[[nodiscard]] std::string format_race_time(Millis ms);

}  // namespace heatgraph
