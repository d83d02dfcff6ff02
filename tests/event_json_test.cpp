#include "heatgraph/event_json.hpp"

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace heatgraph;

TEST_CASE("the replay JSON follows the contract of DESIGN.md") {
    const auto r = replay(test::seed("olympics-2022-men-1000m"));
    const auto j = nlohmann::json::parse(replay_to_json(r));
    CHECK(j["event"]["title"] == r.event.info.title);
    CHECK(j["event"]["competitors"] == 32);
    CHECK(j["event"]["format"] == "inferred");
    const auto& heat5 = j["rounds"][0]["races"][4];
    CHECK(heat5["name"] == "Heat 5");
    const auto& li = heat5["results"][2];
    CHECK(li["athlete"] == "Li Wenlong");
    CHECK(li["place"] == 3);
    CHECK(li["time_ms"] == 83140);
    CHECK(li["status"] == "finished");
    CHECK(li["marks"] == nlohmann::json::array({"'"}));
    CHECK(li["advanced_to"] == "Quarterfinals");
    CHECK(li["reason"] == "q");
    CHECK(li["reason_source"] == "inferred");
    const auto& ayrapetyan = j["rounds"][0]["races"][5]["results"][3];
    CHECK(ayrapetyan["place"].is_null());
    CHECK(ayrapetyan["advanced_to"].is_null());
    CHECK(j["classification"][0] ==
          nlohmann::json{{"rank", 1}, {"athlete", "Ren Ziwei"}, {"eliminated_in", "Final A"}});
    CHECK(j["classification"][31]["rank"].is_null());
    CHECK(j["diagnostics"][0]["severity"] == "warning");
}

TEST_CASE("the JSON export reads back as the same event") {
    for (const char* name : test::all_seeds) {
        CAPTURE(std::string(name));
        const auto first = replay(test::seed(name));
        const auto json = replay_to_json(first);
        auto again = parse_event_json(json, "export.json");
        REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().describe()));
        const auto second = replay(*again);
        CHECK(test::standings(second) == test::standings(first));
        const auto rounds = [](const std::string& text) {
            return nlohmann::json::parse(text)["rounds"];
        };
        CHECK(rounds(replay_to_json(second)) == rounds(json));
    }
}

TEST_CASE("invalid JSON is an error naming the line") {
    const auto e = test::error_of(parse_event_json("{\n  \"event\": {\n  oops\n}", "bad.json"));
    CHECK(e.rfind("bad.json:3: invalid JSON: ", 0) == 0);
    const auto f = test::error_of(parse_event_json("{\"rounds\": []}", "other.json"));
    CHECK(f.rfind("other.json: not a heatgraph event export: ", 0) == 0);
}
