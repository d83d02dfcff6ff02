// Private: reading a JSON document strictly, as the TOML readers read theirs. The nesting is
// limited, every object remembers the line it starts on, and every value is read through one
// checked accessor (type, range, whole-number-ness) whose failure names the field by its path
// ("rounds[2].races[0].results[3].place") and the line of the object holding it.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "heatgraph/error.hpp"

namespace heatgraph::detail {

// Deeper than any document of the library's (an event export is six levels deep).
inline constexpr int max_json_depth = 64;

// A value of the document: where it is (path and line) and what it holds.
class JsonValue {
  public:
    using Json = nlohmann::json;

    // Why reading a value failed; caught by read_json, which turns it into the Error.
    struct Failure {
        int line;
        std::string message;
    };

    JsonValue(const Json& j, std::string path, int line) : j_(j), path_(std::move(path)) {
        line_ = line_of(j).value_or(line);
    }

    // The member `key`, which must be there.
    JsonValue at(std::string_view key) const {
        auto member = find(key);
        if (!member) fail(fmt::format("needs \"{}\"", key));
        return *member;
    }

    // The member `key`, nullopt when absent or null.
    std::optional<JsonValue> find(std::string_view key) const {
        if (!j_.is_object()) fail("must be an object");
        const auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) return std::nullopt;
        return JsonValue(*it, path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key),
                         line_);
    }

    std::vector<JsonValue> items() const {
        if (!j_.is_array()) fail("must be an array");
        std::vector<JsonValue> out;
        out.reserve(j_.size());
        for (std::size_t i = 0; i < j_.size(); ++i)
            out.emplace_back(j_[i], fmt::format("{}[{}]", path_, i), line_);
        return out;
    }

    std::string text() const {
        if (!j_.is_string()) fail("must be a string");
        return j_.get<std::string>();
    }

    bool boolean() const {
        if (!j_.is_boolean()) fail("must be true or false");
        return j_.get<bool>();
    }

    // Any number (JSON has neither NaN nor infinities).
    double number() const {
        if (!j_.is_number()) fail("must be a number");
        return j_.get<double>();
    }

    // A number from `lowest` to `highest`.
    double number(double lowest, double highest) const {
        const double v = j_.is_number() ? j_.get<double>() : NAN;
        if (!(v >= lowest && v <= highest))
            fail(fmt::format("must be a number from {} to {}", lowest, highest));
        return v;
    }

    // A whole number from `lowest` to `highest` (a float such as 3.0 is not one).
    std::int64_t whole(std::int64_t lowest, std::int64_t highest) const {
        const auto message = [&] {
            return fmt::format("must be a whole number from {} to {}", lowest, highest);
        };
        if (j_.is_number_unsigned()) {
            const auto v = j_.get<std::uint64_t>();
            if (highest < 0 || v > static_cast<std::uint64_t>(highest)) fail(message());
            if (static_cast<std::int64_t>(v) < lowest) fail(message());
            return static_cast<std::int64_t>(v);
        }
        if (!j_.is_number_integer()) fail(message());
        const auto v = j_.get<std::int64_t>();
        if (v < lowest || v > highest) fail(message());
        return v;
    }

    const Json& raw() const { return j_; }
    int line() const { return line_; }
    const std::string& path() const { return path_; }

    [[noreturn]] void fail(std::string_view what) const {
        throw Failure{line_, path_.empty() ? std::string(what) : fmt::format("{} {}", path_, what)};
    }

    // The key under which the parser keeps an object's first line (a control character no
    // document of the library's uses as a key).
    static constexpr std::string_view line_key = "\x01line";

  private:
    static std::optional<int> line_of(const Json& j) {
        if (!j.is_object()) return std::nullopt;
        const auto it = j.find(line_key);
        if (it == j.end() || !it->is_number_integer()) return std::nullopt;
        return it->get<int>();
    }

    const Json& j_;
    std::string path_;
    int line_ = 0;
};

namespace json_parsing {

// A character iterator that counts the lines it has passed, so the parser's callback knows
// where it is.
struct LineCountingIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    int* line = nullptr;

    reference operator*() const { return *at; }
    LineCountingIterator& operator++() {
        *line += *at == '\n';
        ++at;
        return *this;
    }
    LineCountingIterator operator++(int) {
        auto before = *this;
        ++*this;
        return before;
    }
    bool operator==(const LineCountingIterator& other) const { return at == other.at; }
};

struct TooDeep {};

}  // namespace json_parsing

// Parses `text` (from `source`) and reads the document with `read(const JsonValue& root)`;
// a syntax error, a number out of range, nesting deeper than max_json_depth or a value the
// reader refuses becomes one Error naming the file and the line.
template <class Read>
auto read_json(std::string_view text, const std::string& source, Read read)
    -> Result<decltype(read(std::declval<const JsonValue&>()))> {
    using Json = nlohmann::json;
    using json_parsing::LineCountingIterator;
    int line = 1;
    std::vector<int> starts;  // the first lines of the objects open
    const auto callback = [&](int depth, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start ||
            event == Json::parse_event_t::array_start) {
            if (depth >= max_json_depth) throw json_parsing::TooDeep{};
            if (event == Json::parse_event_t::object_start) starts.push_back(line);
        } else if (event == Json::parse_event_t::object_end) {
            parsed[std::string(JsonValue::line_key)] = starts.back();
            starts.pop_back();
        }
        return true;
    };
    Json root;
    try {
        root = Json::parse(LineCountingIterator{text.data(), &line},
                           LineCountingIterator{text.data() + text.size(), &line}, callback);
    } catch (const json_parsing::TooDeep&) {
        return Error{source, line,
                     fmt::format("the JSON nests deeper than {} levels", max_json_depth)};
    } catch (const Json::exception& e) {
        // A parse error's own position counts bytes; the line counted is where the parser stopped.
        std::string_view what = e.what();  // "[json.exception.parse_error.101] parse error ..."
        if (const auto end = what.find("] "); what.starts_with("[json.") && end != what.npos)
            what.remove_prefix(end + 2);
        return Error{source, line, fmt::format("invalid JSON: {}", what)};
    }
    try {
        return read(JsonValue(root, "", 1));
    } catch (const JsonValue::Failure& failure) {
        return Error{source, failure.line, failure.message};
    }
}

}  // namespace heatgraph::detail
