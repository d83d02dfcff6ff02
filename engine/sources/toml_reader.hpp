// Private: reading a TOML table strictly. Every unknown key, wrong type or out-of-range value
// becomes one Error naming the file and the line; the first error wins. Shared by the format
// and scenario readers.
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
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

    std::optional<int> count(const toml::table& t, std::string_view key, int minimum) {
        const auto* node = t.get(key);
        if (!node) return std::nullopt;
        const auto v = node->value<std::int64_t>();
        if (!v || *v < minimum || *v > 1'000'000) {
            fail(*node, fmt::format("'{}' must be a whole number of at least {}", key, minimum));
            return std::nullopt;
        }
        return static_cast<int>(*v);
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
