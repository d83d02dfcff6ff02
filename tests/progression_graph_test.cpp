#include "heatgraph/progression_graph.hpp"

#include <algorithm>

#include "test_support.hpp"

using namespace heatgraph;

namespace {

std::string race_name(const Event& e, RaceRef ref) {
    return e.rounds[ref.round].races[ref.race].name;
}

}  // namespace

TEST_CASE("the realised graph carries who took each channel and why") {
    const auto r = replay(test::seed("olympics-2006-men-1000m"));
    const auto graph = ProgressionGraph::of(r.event);
    const auto channels = graph.channels();
    std::size_t advances = 0;
    for (const auto& round : r.event.rounds)
        for (const auto& race : round.races)
            for (const auto& row : race.results)
                advances += row.advance ? 1 : 0;
    std::size_t carried = 0;
    for (const auto& c : channels)
        carried += c.athletes.size();
    CHECK(carried == advances);  // every advancement is on exactly one channel

    // Heat 6's two time qualifiers (the dead heat) went to different quarterfinals.
    std::vector<std::string> by_time;
    int q_channels = 0;
    for (const auto& c : channels)
        if (race_name(r.event, c.from) == "Heat 6" && c.reason == Reason::q) {
            ++q_channels;
            for (auto id : c.athletes)
                by_time.push_back(r.event.name_of(id));
        }
    CHECK(q_channels == 2);
    CHECK(by_time == std::vector<std::string>{"Pieter Gysel", "Arian Nachbar"});
    CHECK(graph.validate().empty());
}

TEST_CASE("the replay order is topological and follows the running order") {
    const auto r = replay(test::seed("olympics-2022-men-1000m"));
    const auto graph = ProgressionGraph::of(r.event);
    const auto order = graph.replay_order();
    REQUIRE(order.size() == 8 + 4 + 2 + 2);
    const auto position = [&](RaceRef ref) {
        return std::find(order.begin(), order.end(), ref) - order.begin();
    };
    for (const auto& c : graph.channels())
        CHECK(position(c.from) < position(c.to));
    CHECK(race_name(r.event, order.front()) == "Heat 1");
    CHECK(race_name(r.event, order.back()) == "Final B");
}

TEST_CASE("a race no skater of the round before raced is reported") {
    const auto event = test::article(R"(= Test 2010 =

==Results==
===Heats===
;Heat 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | Q |
===Quarterfinals===
;Quarterfinal 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | Q |
;Quarterfinal 2
| Rank | Athlete | Country | Time | Notes |
| 1 | Zoe Omega | | 1:30.000 | Q |
)");
    const auto problems = ProgressionGraph::of(event).validate();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "Quarterfinal 2: no skater of the Heats raced it");
    const auto r = replay(event);
    bool reported = false;
    for (const auto& d : r.diagnostics)
        reported =
            reported || d.message == "Zoe Omega raced Quarterfinal 2 but no race of the Heats";
    CHECK(reported);
}

TEST_CASE("Graphviz export names the races and labels the channels") {
    const auto r = replay(test::seed("olympics-2006-men-1000m"));
    const auto dot = ProgressionGraph::of(r.event).to_dot();
    CHECK(dot.rfind("digraph G {", 0) == 0);
    CHECK(dot.find("[label=\"Final B\", shape=box, style=dashed]") != std::string::npos);
    CHECK(dot.find("[label=\"ADVA: Li Ye\"]") != std::string::npos);
}
