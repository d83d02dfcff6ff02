// Shared by the fuzz harnesses: the properties every reader's output must keep, checked through
// the public API only. A harness never catches an exception: the library's contract is that
// errors are values, so an exception that escapes is a finding (libFuzzer reports it as a
// crash). A broken property prints what broke on stderr and aborts, which libFuzzer reports
// the same way and the regression driver (replay_main.cpp) turns into a failed test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "heatgraph/heatgraph.hpp"

namespace heatgraph::fuzz {

// The input as text (the readers take any bytes; they must reject what is not text).
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fail(std::string_view property, std::string_view detail) {
    std::fprintf(stderr, "\n=== heatgraph fuzz: property violated: %.*s\n%.*s\n",
                 static_cast<int>(property.size()), property.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

// Where two texts first differ: the line, with the lines before it for context.
inline std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream sa(a), sb(b);
    std::string la, lb, context[3];
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(sa, la));
        const bool more_b = static_cast<bool>(std::getline(sb, lb));
        if (!more_a && !more_b) return "the texts are equal";
        if (!more_a || !more_b || la != lb) {
            std::string out = "line " + std::to_string(line) + ", after:\n";
            for (const auto& c : context)
                if (!c.empty()) out += "          " + c + "\n";
            return out + "  first:  " + (more_a ? la : "<end>") +
                   "\n  second: " + (more_b ? lb : "<end>");
        }
        context[0] = std::move(context[1]);
        context[1] = std::move(context[2]);
        context[2] = la;
    }
}

// A file of the source tree, read once by a harness that needs a fixed input (a real event,
// a real format). Missing fixtures are a broken build, not a finding.
inline std::string source_file(const std::string& relative) {
    const std::string path = std::string(HEATGRAPH_SOURCE_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("fixture", "cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A written format reads back, and writes the same TOML again.
inline void check_format_round_trip(const Format& format) {
    const auto toml = format_to_toml(format);
    const auto back = parse_format(toml, "written.toml");
    if (!back) fail("format_to_toml reads back", back.error().describe() + "\n--- TOML:\n" + toml);
    const auto again = format_to_toml(*back);
    if (again != toml)
        fail("format_to_toml of the read-back format is the same TOML",
             first_difference(toml, again) + "\n--- TOML:\n" + toml);
}

// Checks a run can leave out while a known finding is open, so that fuzzing goes on past it:
// HEATGRAPH_FUZZ_SKIP is a comma-separated list of
//   export           do not compare exports at all (only read back and replay);
//   inferred-format  do not write and read back the format inferred from an event.
// CI and the regression tests skip nothing.
inline bool skipped(std::string_view check) {
    static const std::string list = [] {
        const char* env = std::getenv("HEATGRAPH_FUZZ_SKIP");
        return "," + std::string(env ? env : "") + ",";
    }();
    return list.find("," + std::string(check) + ",") != std::string::npos;
}

// The export less its diagnostics: what the reader noticed of the source text (notes lost in
// export, markup debris, the lines of rounds) is not part of the event, and the JSON reader,
// which reads no such text, cannot notice it again.
inline std::string export_of(Replay replayed) {
    replayed.diagnostics.clear();
    return replay_to_json(replayed);
}

// An event's replay exports to JSON that reads back to the same event: replaying the read-back
// event gives the same export, byte for byte. The format inferred from the event is written as
// TOML that reads back.
inline void check_event(const Event& event) {
    const auto first = replay(event);
    const auto json = replay_to_json(first);
    const auto back = parse_event_json(json, event.source);
    if (!back)
        fail("the replay export reads back", back.error().describe() + "\n--- JSON:\n" + json);
    const auto second = replay(*back);
    if (!skipped("export")) {
        const auto expected = export_of(first), got = export_of(second);
        if (got != expected)
            fail("the read-back export replays to the same export",
                 first_difference(expected, got));
    }
    if (!skipped("inferred-format")) {
        Diagnostics notes;
        check_format_round_trip(infer_format(event, notes));
    }
}

// The real event the ruling and scenario harnesses rule on, read and replayed once.
inline const char* const ruled_event_path = "scenarios/events/olympics-2022-men-1000m.txt";

inline const Event& ruled_event() {
    static const Event event = [] {
        auto read = parse_article(source_file(ruled_event_path), ruled_event_path);
        if (!read) fail("fixture", read.error().describe());
        return std::move(read).value();
    }();
    return event;
}

inline const Replay& ruled_replay() {
    static const Replay replayed = replay(ruled_event());
    return replayed;
}

}  // namespace heatgraph::fuzz
