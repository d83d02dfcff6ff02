// Shared by the tests: the seed events by name, read and replayed.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "heatgraph/heatgraph.hpp"

namespace heatgraph::test {

inline const char* const all_seeds[] = {"olympics-2002-men-1000m", "olympics-2006-men-1000m",
                                        "olympics-2022-men-1000m", "olympics-2026-men-1000m",
                                        "world-games-2022-men-1000m-sprint"};

// Events that are graphs: real ones converted from the ISU's result tables (scenarios/events),
// and constructed ones for the shapes no real table in reach shows (tests/data/graph).
inline const char* const graph_events[] = {
    "scenarios/events/world-cup-2012-calgary-women-500m.txt",
    "scenarios/events/world-cup-2013-dresden-women-1000m.txt",
    "scenarios/events/world-juniors-2020-bormio-women-1500m.txt",
    "tests/data/graph/eighth-finals-and-final-c.txt",
    "tests/data/graph/ranking-finals-championship.txt"};

// Some diagnostic contains `text` (on `line`, when given).
inline bool has_diagnostic(const Diagnostics& diagnostics, const std::string& text, int line = -1) {
    for (const auto& d : diagnostics)
        if (d.message.find(text) != std::string::npos && (line < 0 || d.line == line)) return true;
    return false;
}

inline std::string source_path(const std::string& relative) {
    return std::string(HEATGRAPH_SOURCE_DIR) + "/" + relative;
}

// The text of a file of the source tree, as its bytes.
inline std::string source_text(const std::string& relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// `text` written to a temporary file of its own after a UTF-8 byte order mark (EF BB BF): its
// path.
inline std::string file_with_bom(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("heatgraph-bom-" + std::to_string(std::random_device{}()) + "-" + name);
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF" << text;
    return path.string();
}

inline Event event_file(const std::string& relative);

inline Event seed(const std::string& name) {
    return event_file("scenarios/events/" + name + ".txt");
}

inline Event event_file(const std::string& relative) {
    auto event = load_event(source_path(relative));
    REQUIRE_MESSAGE(event.ok(), (event.ok() ? "" : event.error().describe()));
    return std::move(event).value();
}

inline Format format_file(const std::string& name) {
    auto format = load_format(source_path("scenarios/formats/" + name + ".toml"));
    REQUIRE_MESSAGE(format.ok(), (format.ok() ? "" : format.error().describe()));
    return std::move(format).value();
}

inline Event article(std::string_view text) {
    auto event = parse_article(text, "test.txt");
    REQUIRE_MESSAGE(event.ok(), (event.ok() ? "" : event.error().describe()));
    return std::move(event).value();
}

// The message of a result that must be an error (the test stops here when it is not).
template <class T>
std::string error_of(const Result<T>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().describe();
}

inline std::string article_error(std::string_view text) {
    return error_of(parse_article(text, "test.txt"));
}

// The classification as "rank name" lines ("– name" when unranked).
inline std::vector<std::string> standings(const Replay& r) {
    std::vector<std::string> out;
    for (const auto& s : r.classification)
        out.push_back((s.rank ? std::to_string(*s.rank) : std::string("–")) + " " +
                      r.event.name_of(s.athlete));
    return out;
}

inline const Row& row_of(const Replay& r, const std::string& race, const std::string& athlete) {
    const Race* found = r.event.find_race(race);
    REQUIRE_MESSAGE(found, race);
    for (const auto& row : found->results)
        if (r.event.name_of(row.athlete) == athlete) return row;
    FAIL("no " << athlete << " in " << race);
    throw;
}

// "ADV inferred" style summary of a row's advance, "-" when it did not advance.
inline std::string why(const Row& row) {
    if (!row.advance) return "-";
    return std::string(to_string(row.advance->reason)) + " " +
           std::string(to_string(row.advance->source)) + " -> " + row.advance->to;
}

// Two replays of one event agree: the same classification, the same reason for every row.
inline void check_same_replay(const Replay& a, const Replay& b) {
    CHECK(standings(a) == standings(b));
    REQUIRE(a.event.rounds.size() == b.event.rounds.size());
    for (std::size_t k = 0; k < a.event.rounds.size(); ++k)
        for (std::size_t j = 0; j < a.event.rounds[k].races.size(); ++j)
            for (std::size_t i = 0; i < a.event.rounds[k].races[j].results.size(); ++i)
                CHECK(why(a.event.rounds[k].races[j].results[i]) ==
                      why(b.event.rounds[k].races[j].results[i]));
}

}  // namespace heatgraph::test
