// Private: reading a TOML table strictly. Every unknown key, wrong type or out-of-range value
// becomes one Error naming the file and the line; the first error wins. Every number is read
// through one of the checked accessors below (whole_number, count, seed, number), whose messages
// state the bounds. Shared by the format and scenario readers.
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "heatgraph/error.hpp"

namespace heatgraph::detail {

template <std::size_t N>
using Names = std::array<std::string_view, N>;

class TomlReader {
  public:
    explicit TomlReader(std::string source) : source_(std::move(source)) {}

  protected:
    void allow(const toml::table& t, std::initializer_list<std::string_view> keys) {
        for (const auto& [key, node] : t)
            if (std::find(keys.begin(), keys.end(), key.str()) == keys.end())
                fail(node, fmt::format("unknown key '{}' (expected one of: {})", key.str(),
                                       fmt::join(keys, ", ")));
    }

    std::optional<std::string> text(const toml::table& t, std::string_view key) {
        const auto* node = t.get(key);
        if (!node) return std::nullopt;
        if (const auto v = node->value<std::string>()) return v;
        fail(*node, fmt::format("'{}' must be a string", key));
        return std::nullopt;
    }

    // A whole number from `minimum` to `maximum`: the bounds every message states, and no cast
    // before the check.
    std::optional<std::int64_t> whole_number(const toml::node& node, std::string_view what,
                                             std::int64_t minimum, std::int64_t maximum) {
        if (const auto v = whole_value(node); v && *v >= minimum && *v <= maximum) return v;
        fail(node, fmt::format("{} must be a whole number from {} to {}{}", what, minimum, maximum,
                               shown(node)));
        return std::nullopt;
    }

    std::optional<std::int64_t> whole_number(const toml::table& t, std::string_view key,
                                             std::int64_t minimum, std::int64_t maximum) {
        const auto* node = t.get(key);
        if (!node) return std::nullopt;
        return whole_number(*node, fmt::format("'{}'", key), minimum, maximum);
    }

    // A count: a whole number from `minimum` to `maximum` (a million unless the key says less).
    std::optional<int> count(const toml::table& t, std::string_view key, int minimum,
                             int maximum = 1'000'000) {
        const auto v = whole_number(t, key, minimum, maximum);
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    }

    // A random seed: any TOML integer that is not negative (0 to 2^63 - 1).
    std::optional<std::uint64_t> seed(const toml::table& t, std::string_view key) {
        const auto* node = t.get(key);
        if (!node) return std::nullopt;
        constexpr auto maximum = std::numeric_limits<std::int64_t>::max();
        const auto v = whole_value(*node);
        if (v && *v < 0)
            fail(*node, fmt::format("'{}' is negative ({}): a seed is a whole number from 0 to {}",
                                    key, *v, maximum));
        else if (!v)
            fail(*node, fmt::format("'{}' must be a whole number from 0 to {}{}", key, maximum,
                                    shown(*node)));
        else
            return static_cast<std::uint64_t>(*v);
        return std::nullopt;
    }

    // A finite number from `minimum` to `maximum`; -0 reads as 0 (so that it writes as 0).
    std::optional<double> number(const toml::node& node, std::string_view what, double minimum,
                                 double maximum) {
        std::optional<double> v;
        if (const auto* i = node.as_integer()) v = static_cast<double>(i->get());
        if (const auto* f = node.as_floating_point()) v = f->get();
        if (v && std::isfinite(*v) && *v >= minimum && *v <= maximum) return *v + 0.0;
        fail(node, fmt::format("{} must be a finite number from {} to {}{}", what, minimum, maximum,
                               shown(node)));
        return std::nullopt;
    }

    // The whole number a node holds: a TOML integer, or a float with a whole value inside
    // int64's range. Not toml++'s value<int64_t>(), which reads true as 1 and casts any float
    // (undefined behaviour past int64's range).
    static std::optional<std::int64_t> whole_value(const toml::node& node) {
        if (const auto* i = node.as_integer()) return i->get();
        if (const auto* f = node.as_floating_point()) {
            const double v = f->get();
            constexpr double limit = 9'223'372'036'854'775'808.0;  // 2^63, the first past int64
            if (std::isfinite(v) && std::trunc(v) == v && v >= -limit && v < limit)
                return static_cast<std::int64_t>(v);
        }
        return std::nullopt;
    }

    // ", not <what the node holds>" for a message.
    static std::string shown(const toml::node& node) {
        if (const auto* i = node.as_integer()) return fmt::format(", not {}", i->get());
        if (const auto* f = node.as_floating_point()) return fmt::format(", not {}", f->get());
        if (const auto* b = node.as_boolean()) return fmt::format(", not {}", b->get());
        if (node.is_string()) return ", not a string";
        if (node.is_array()) return ", not an array";
        if (node.is_table()) return ", not a table";
        return ", not a date or time";
    }

    template <class Enum, std::size_t N>
    std::optional<Enum> choice(const toml::table& t, std::string_view key, const Names<N>& names) {
        const auto* node = t.get(key);
        if (!node) return std::nullopt;
        if (const auto v = node->value<std::string>())
            for (std::size_t i = 0; i < N; ++i)
                if (names[i] == *v) return static_cast<Enum>(i);
        fail(*node, fmt::format("'{}' must be one of: {}", key, fmt::join(names, ", ")));
        return std::nullopt;
    }

    void fail(const toml::node& node, std::string message) {
        if (!error_)
            error_ = Error{source_, static_cast<int>(node.source().begin.line), std::move(message)};
    }

    std::string source_;
    std::optional<Error> error_;
};

// Parses `text` (from `source`) as TOML and reads the document with a `Reader` (a TomlReader
// for that source); a syntax error becomes one Error naming the file and the line.
template <class Reader>
auto read_toml(std::string_view text, std::string source)
    -> decltype(Reader(source).read(std::declval<const toml::table&>())) {
    try {
        const auto root = toml::parse(text, source);
        return Reader(std::move(source)).read(root);
    } catch (const toml::parse_error& e) {
        return Error{std::move(source), static_cast<int>(e.source().begin.line),
                     std::string(e.description())};
    }
}

}  // namespace heatgraph::detail
