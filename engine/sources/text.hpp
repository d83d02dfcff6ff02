// Private string helpers shared by the readers.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/error.hpp"

namespace heatgraph::detail {

// The largest input file read: far above any real event (a result table of one event is about
// 15 KB), low enough that the memory a reader needs stays a few GB (docs/limits.md).
inline constexpr std::uintmax_t max_input_bytes = std::uintmax_t{64} << 20;

inline std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

inline std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == separator) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

inline std::optional<int> parse_int(std::string_view s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

// The 1-based line of a byte offset in `text` (a parser's error position).
inline int line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    int line = 1;
    for (std::size_t i = 0; i < offset; ++i)
        line += text[i] == '\n';
    return line;
}

// 1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd".
inline std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : n % 10 == 1              ? "st"
                         : n % 10 == 2              ? "nd"
                         : n % 10 == 3              ? "rd"
                                                    : "th";
    return std::to_string(n) + suffix;
}

// The UTF-8 byte order mark some editors and spreadsheet exports put before the text.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The whole of an input file, `what` it is named in errors ("the file", "the format file"):
// one that cannot be opened, or larger than max_input_bytes, is an error. A UTF-8 byte order
// mark is not text (it would start the title, the first column's name or the JSON): every
// reader reads a file through here, so each reads one with a mark as the same file without it.
inline Result<std::string> read_input(const std::string& path, std::string_view what) {
    std::error_code unknown;
    const auto size = std::filesystem::file_size(path, unknown);
    if (!unknown && size > max_input_bytes)
        return Error{path, 0,
                     fmt::format("{} is {} bytes, more than the {} MB heatgraph reads "
                                 "(docs/limits.md)",
                                 what, size, max_input_bytes >> 20)};
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path, 0, fmt::format("cannot open {}", what)};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    auto text = std::move(buffer).str();
    if (text.starts_with(utf8_bom)) text.erase(0, utf8_bom.size());
    return text;
}

}  // namespace heatgraph::detail
