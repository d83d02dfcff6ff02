#include "heatgraph/event_json.hpp"

#include <fmt/format.h>

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
    CHECK(f == "other.json:1: not a heatgraph event export: it has no \"event\" and \"rounds\"");
}

namespace {

// An export of one final of two rows, the first row's "place" and "time_ms" as given.
std::string export_with(std::string_view place, std::string_view time = "null") {
    return fmt::format(R"({{"event": {{"title": "T"}}, "rounds": [{{"name": "Final", "races": [
  {{"name": "Final", "results": [
    {{"athlete": "A", "place": {}, "time_ms": {}, "status": "finished", "marks": []}},
    {{"athlete": "B", "place": 2, "time_ms": null, "status": "finished", "marks": []}}]}}]}}]}})",
                       place, time);
}

std::string export_error(std::string_view place, std::string_view time = "null") {
    return test::error_of(parse_event_json(export_with(place, time), "e.json"));
}

}  // namespace

TEST_CASE("every number of an export is checked: type, range, whole") {
    CHECK(parse_event_json(export_with("1"), "e.json").ok());
    // Before the checked reader: 1e708 escaped as an exception, 9.2e19 printed as -2147483648,
    // 0 and -3 were places and a negative time a time.
    CHECK(export_error("1e708") == "e.json:3: invalid JSON: number overflow parsing '1e708'");
    const std::string place =
        "e.json:3: rounds[0].races[0].results[0].place must be a whole "
        "number from 1 to 9999";
    CHECK(export_error("9.2e19") == place);
    CHECK(export_error("1.5") == place);
    CHECK(export_error("0") == place);
    CHECK(export_error("-3") == place);
    CHECK(export_error("\"1\"") == place);
    CHECK(export_error("1", "-1") ==
          "e.json:3: rounds[0].races[0].results[0].time_ms must be a "
          "whole number from 0 to 86399999");
    CHECK(export_error("1", "1e12") ==
          "e.json:3: rounds[0].races[0].results[0].time_ms must be "
          "a whole number from 0 to 86399999");
}

TEST_CASE("an export's nesting is limited, not followed down the stack") {
    // 100,000 objects deep overflowed the stack (SIGSEGV) before the limit.
    std::string deep;
    for (int i = 0; i < 100000; ++i)
        deep += "{\"a\":";
    deep += "1" + std::string(100000, '}');
    CHECK(test::error_of(parse_event_json(deep, "deep.json")) ==
          "deep.json:1: the JSON nests deeper than 64 levels");
}

TEST_CASE("a lettered final beyond Final H is refused, not lettered past 'Z'") {
    auto text = export_with("1");
    text.replace(text.find("\"Final\", \"results\""), 7, "\"Final 200\"");
    CHECK(test::error_of(parse_event_json(text, "e.json")) ==
          "e.json:2: rounds[0].races[0].name is not a final of a stage of lettered finals "
          "(Final A to Final H)");
}
