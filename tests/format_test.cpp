#include "heatgraph/format.hpp"

#include "test_support.hpp"

using namespace heatgraph;

TEST_CASE("every format file in scenarios/formats reads") {
    for (const char* name :
         {"isu-2002", "isu-2006", "isu-2010-2018", "isu-2022-2026", "world-skate-sprint"}) {
        CAPTURE(std::string(name));
        const auto f = test::format_file(name);
        CHECK_FALSE(f.name.empty());
        CHECK_FALSE(f.description.empty());
        CHECK(f.transitions.size() >= 2);
    }
}

TEST_CASE("the 2022-2026 format: stages, capacities, referee policy and final routing") {
    const auto f = test::format_file("isu-2022-2026");
    REQUIRE(f.stages.size() == 4);
    CHECK(f.stages[1].kind == StageKind::quarterfinal);
    CHECK(f.stages[1].races == 4);
    REQUIRE(f.transitions.size() == 4);
    CHECK(f.transitions[0].from == "heats");
    CHECK(f.transitions[0].to == "quarterfinals");
    CHECK(f.transitions[0].capacity == 20);
    CHECK(f.transitions[0].referee == RefereePolicy::take_time_slots);
    CHECK(f.transitions[1].capacity == 10);
    CHECK(f.transitions[2].capacity == 5);
    CHECK(f.transitions[2].final == 'A');
    CHECK(f.transitions[3].final == 'B');
    CHECK(f.transitions[3].selection == Selection::others);
    CHECK(f.classification.era == Era::B);
    CHECK(f.stage_index("Quarterfinals") == 1);
}

TEST_CASE("a format written as TOML reads back the same") {
    const auto f = test::format_file("isu-2006");
    auto again = parse_format(format_to_toml(f), "again.toml");
    REQUIRE(again.ok());
    CHECK(format_to_toml(*again) == format_to_toml(f));
    CHECK(again->transitions[0].ties == TiePolicy::all_advance);
    CHECK(again->transitions[3].first_place == 3);
    CHECK(again->transitions[3].place_quota == 4);
    CHECK(again->classification.points == std::vector<double>{34, 21, 13, 8, 5, 3});
}

TEST_CASE("format errors name the file and line") {
    const auto error = [](std::string_view text) {
        return test::error_of(parse_format(text, "f.toml"));
    };
    const std::string two =
        "[[stage]]\nname = \"heats\"\nkind = \"heat\"\n"
        "[[stage]]\nname = \"finals\"\nkind = \"final\"\n";
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\nquota = 2\n") ==
          "f.toml:10: unknown key 'quota' (expected one of: from, to, final, select, places, "
          "capacity, time_pool, referee, ties)");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n"
                      "time_pool = \"fastest\"\ncapacity = 4\n") ==
          "f.toml:10: 'time_pool' must be one of: none, next-place, all-others");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n"
                      "time_pool = \"next-place\"\n") ==
          "f.toml:7: a time pool needs a 'capacity' (the slots the transition fills)");
    CHECK(error(two + "[draw]\nfirst_round = \"pairs\"\n") ==
          "f.toml:7: first_round = \"pairs\" needs 'pairs'");
    CHECK(error(two + "[draw]\nfirst_round = \"pairs\"\npairs = [[1, 0]]\n") ==
          "f.toml:9: a seed number is a whole number of at least 1");
    CHECK(error("name = \"x\n").rfind("f.toml:1: ", 0) == 0);  // TOML syntax error
    CHECK(error(two + "[[transition]]\nfrom = \"finals\"\nto = \"heats\"\n") ==
          "f.toml:7: the transition from 'finals' to 'heats' goes back: stages are listed in "
          "running order, and a stage feeds only later ones");
    CHECK(error(two) == "f.toml:4: stage 'finals' is fed by no transition or entry");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"final\"\n") ==
          "f.toml:7: no stage 'final' (the stages: heats, finals)");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\nplaces = [4, 3]\n") ==
          "f.toml:10: 'places' is the top k (places = 2; 0: by time alone) or a range of places "
          "(places = [3, 4])");
    CHECK(error("[[stage]]\nname = \"heats\"\nkind = \"heat\"\n[[stage]]\nname = \"Heats\"\n"
                "kind = \"heat\"\n") == "f.toml:4: stage 'Heats' is listed twice (line 1)");
    CHECK(error("[[stage]]\nname = \"heats\"\nkind = \"round\"\n") ==
          "f.toml:3: stage 'heats' needs a 'kind': preliminary, heat, repechage, eighth-final, "
          "quarterfinal, semifinal, final, ranking or other");
}

TEST_CASE("a missing format file is an error") {
    CHECK(test::error_of(load_format("/no/such.toml")) ==
          "/no/such.toml: cannot open the format file");
}

TEST_CASE("the inferred format of each seed matches its format file") {
    struct Case {
        const char* event;
        const char* format;
    };
    for (const auto& c :
         {Case{"olympics-2002-men-1000m", "isu-2002"}, Case{"olympics-2006-men-1000m", "isu-2006"},
          Case{"olympics-2022-men-1000m", "isu-2022-2026"},
          Case{"olympics-2026-men-1000m", "isu-2022-2026"},
          Case{"world-games-2022-men-1000m-sprint", "world-skate-sprint"}}) {
        CAPTURE(std::string(c.event));
        Diagnostics notes;
        const auto inferred = infer_format(test::seed(c.event), notes);
        const auto file = test::format_file(c.format);
        CHECK(notes.empty());
        REQUIRE(inferred.transitions.size() == file.transitions.size());
        for (std::size_t i = 0; i < file.transitions.size(); ++i) {
            CAPTURE(i);
            CHECK(inferred.transitions[i].selection == file.transitions[i].selection);
            CHECK(inferred.transitions[i].final == file.transitions[i].final);
            CHECK(inferred.transitions[i].first_place == file.transitions[i].first_place);
            if (inferred.transitions[i].selection == Selection::others) continue;
            CHECK(inferred.transitions[i].place_quota == file.transitions[i].place_quota);
            if (inferred.transitions[i].time_pool != TimePool::none) {
                CHECK(inferred.transitions[i].time_pool == file.transitions[i].time_pool);
                CHECK(inferred.transitions[i].capacity == file.transitions[i].capacity);
            }
        }
        CHECK(inferred.classification.era == file.classification.era);
    }
}

TEST_CASE("inference reads the 2006 heats as two fastest thirds with referee advancements on top") {
    Diagnostics notes;
    const auto f = infer_format(test::seed("olympics-2006-men-1000m"), notes);
    CHECK(f.transitions[0].capacity == 16);  // 14 by place + 2 slots; the dead heat gave a third
    CHECK(f.transitions[0].referee == RefereePolicy::on_top);
    REQUIRE(f.transitions.size() == 4);
    CHECK(f.transitions[3].selection == Selection::places);
    CHECK(f.transitions[3].first_place == 3);
}

TEST_CASE("inference reads the World Games sprint as winners plus the fastest") {
    Diagnostics notes;
    const auto f = infer_format(test::seed("world-games-2022-men-1000m-sprint"), notes);
    CHECK(f.transitions[0].place_quota == 1);
    CHECK(f.transitions[0].capacity == 16);
    CHECK(f.transitions[1].place_quota == 1);
    CHECK(f.transitions[1].capacity == 8);
    CHECK(f.transitions.size() == 2);
    CHECK(f.transitions[1].final == 0);
}

TEST_CASE("a format without transitions is one race of the whole field; draws read back") {
    const auto single = parse_format(
        "name = \"Single race\"\n[[stage]]\nname = \"finals\"\nkind = \"final\"\n", "s.toml");
    REQUIRE(single.ok());
    CHECK(single->transitions.empty());
    const auto bracket = test::format_file("bracketology-16");
    CHECK(bracket.draw.first_round == FirstRound::pairs);
    CHECK(bracket.draw.pairs.size() == 8);
    CHECK(bracket.draw.pairs[1] == std::vector<int>{8, 9});
    CHECK(bracket.draw.reseed == Reseed::bracket);
    const auto again = parse_format(format_to_toml(bracket), "again.toml");
    REQUIRE(again.ok());
    CHECK(again->draw.pairs == bracket.draw.pairs);
    CHECK(test::format_file("ffa-32").draw.reseed == Reseed::ffa);
}
