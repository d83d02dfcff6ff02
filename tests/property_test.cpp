// Properties every real event keeps, whatever its source: the classification is a permutation of
// the entrants with ranks in order, the JSON export reads back to the same replay, and the
// inferred format's TOML reads back to the same format.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "heatgraph/heatgraph.hpp"
#include "test_support.hpp"

using namespace heatgraph;

namespace {

// Every real and constructed event of the repository: articles, graphs and the ISU's tables.
std::vector<Event> every_event() {
    std::vector<std::string> paths;
    for (const char* seed : test::all_seeds)
        paths.push_back(test::source_path(std::string("scenarios/events/") + seed + ".txt"));
    for (const char* graph : test::graph_events)
        paths.push_back(test::source_path(graph));
    for (const char* table :
         {"europeans-2006-poland-women-1000m", "world-cup-2012-calgary-women-500m",
          "world-juniors-2020-bormio-women-1500m"})
        paths.push_back(test::source_path(std::string("scenarios/events/") + table + ".csv"));
    std::vector<Event> events;
    for (const auto& path : paths) {
        auto event = load_event(path);
        REQUIRE_MESSAGE(event.ok(), (event.ok() ? "" : event.error().describe()));
        events.push_back(std::move(event).value());
    }
    return events;
}

}  // namespace

TEST_CASE("the classification is a permutation of the entrants, ranks in order") {
    for (const auto& event : every_event()) {
        CAPTURE(event.source);
        const auto r = replay(event);
        std::set<AthleteId> classified;
        for (const auto& s : r.classification)
            CHECK(classified.insert(s.athlete).second);
        std::set<AthleteId> entrants;
        for (const auto& round : r.event.rounds)
            for (const auto& race : round.races)
                for (const auto& row : race.results)
                    entrants.insert(row.athlete);
        CHECK(classified == entrants);
        CHECK(classified.size() == r.event.athletes.size());
        // Ranked first, in order, each rank at most its position (shared ranks repeat one);
        // the unranked (carded) last.
        int position = 0, previous = 0;
        bool unranked_seen = false;
        for (const auto& s : r.classification) {
            ++position;
            if (!s.rank) {
                unranked_seen = true;
                continue;
            }
            CHECK_FALSE(unranked_seen);
            CHECK(*s.rank >= std::max(previous, 1));
            CHECK(*s.rank <= position);
            previous = *s.rank;
        }
    }
}

TEST_CASE("replay, export, read back, replay: the same replay") {
    for (const auto& event : every_event()) {
        CAPTURE(event.source);
        const auto first = replay(event);
        const auto json = replay_to_json(first);
        auto again = parse_event_json(json, "export.json");
        REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().describe()));
        const auto second = replay(*again);
        test::check_same_replay(first, second);
        const auto a = nlohmann::json::parse(json),
                   b = nlohmann::json::parse(replay_to_json(second));
        CHECK(a["rounds"] == b["rounds"]);
        CHECK(a["classification"] == b["classification"]);
    }
}

TEST_CASE("an inferred format's TOML reads back to the same format") {
    for (const auto& event : every_event()) {
        CAPTURE(event.source);
        const auto format = replay(event).format;
        const auto toml = format_to_toml(format);
        auto again = parse_format(toml, "inferred.toml");
        REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().describe()));
        CHECK(format_to_toml(*again) == toml);
        // and replaying under the format read back changes nothing
        test::check_same_replay(replay(event), replay(event, *again));
    }
}
