#include "heatgraph/race_time.hpp"

#include <fmt/format.h>

#include <cctype>

namespace heatgraph {

namespace {

// Digits only, one to nine of them; nullopt on anything else.
std::optional<Millis> parse_digits(std::string_view text) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    Millis value = 0;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Millis> parse_race_time(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const auto fraction_text = text.substr(dot + 1);
    if (fraction_text.empty() || fraction_text.size() > 3) return std::nullopt;
    auto fraction = parse_digits(fraction_text);
    if (!fraction) return std::nullopt;
    for (auto i = fraction_text.size(); i < 3; ++i)
        *fraction *= 10;

    const auto whole = text.substr(0, dot);
    const auto colon = whole.find(':');
    std::optional<Millis> minutes = 0;
    std::optional<Millis> seconds;
    if (colon == std::string_view::npos) {
        seconds = parse_digits(whole);
    } else {
        minutes = parse_digits(whole.substr(0, colon));
        const auto sec_text = whole.substr(colon + 1);
        if (sec_text.size() != 2) return std::nullopt;
        seconds = parse_digits(sec_text);
        if (seconds && *seconds >= 60) return std::nullopt;
    }
    if (!minutes || !seconds) return std::nullopt;
    const Millis time = (*minutes * 60 + *seconds) * 1000 + *fraction;
    if (time > max_race_time) return std::nullopt;
    return time;
}

std::string format_race_time(Millis ms) {
    const auto minutes = ms / 60000;
    const auto seconds = (ms / 1000) % 60;
    const auto fraction = ms % 1000;
    if (minutes == 0) return fmt::format("{}.{:03}", seconds, fraction);
    return fmt::format("{}:{:02}.{:03}", minutes, seconds, fraction);
}

}  // namespace heatgraph
