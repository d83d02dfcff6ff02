#include "heatgraph/format.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "sources/toml_reader.hpp"
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
          "f.toml:9: a seed number must be a whole number from 1 to 100000, not 0");
    CHECK(error("name = \"x\n").rfind("f.toml:1: ", 0) == 0);  // TOML syntax error
    CHECK(error(two + "[[transition]]\nfrom = \"finals\"\nto = \"heats\"\n") ==
          "f.toml:7: the transition from 'finals' to 'heats' goes back: stages are listed in "
          "running order, and a stage feeds only later ones");
    CHECK(error(two) == "f.toml:4: stage 'finals' is fed by no transition or entry");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"final\"\n") ==
          "f.toml:7: no stage 'final' (the stages: heats, finals)");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\nplaces = [4, 3]\n") ==
          "f.toml:10: 'places' as a range is [first, last] with 1 <= first <= last <= 9999 "
          "(places = [3, 4])");
    CHECK(error(two + "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\nplaces = \"2\"\n") ==
          "f.toml:10: 'places' is the top k, a whole number from 0 to 9999 (places = 2; 0: by "
          "time alone), or a range of places (places = [3, 4])");
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
        // The inline event states the neutral choices it was given (tested below).
        CHECK(notes.size() == (std::string(c.event).starts_with("world-games") ? 1U : 0U));
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

// ---- robustness (issue 11): every number range-checked, bounds in the message ----

namespace {

// Two stages, heats then finals, and `transition`'s keys (from line 7) after
// "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n" (lines 7-9).
std::string two_stages(std::string_view rest) {
    return "[[stage]]\nname = \"heats\"\nkind = \"heat\"\n"
           "[[stage]]\nname = \"finals\"\nkind = \"final\"\n" +
           std::string(rest);
}

std::string error_in(std::string_view text) {
    return test::error_of(parse_format(text, "f.toml"));
}

}  // namespace

TEST_CASE("a format's whole numbers are range-checked, the bounds in the message") {
    const std::string transition = "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n";
    CHECK(error_in(two_stages(transition + "capacity = 2147483648\n")) ==
          "f.toml:10: 'capacity' must be a whole number from 0 to 1000000, not 2147483648");
    CHECK(error_in(two_stages(transition + "capacity = -1\n")) ==
          "f.toml:10: 'capacity' must be a whole number from 0 to 1000000, not -1");
    // Past int's range: once cast to int, 2^32 + 4 would read as 4 races.
    CHECK(error_in("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = 4294967300\n") ==
          "f.toml:4: 'races' must be a whole number from 1 to 1000000, not 4294967300");
    CHECK(error_in("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = 9223372036854775807\n") ==
          "f.toml:4: 'races' must be a whole number from 1 to 1000000, not 9223372036854775807");
    // toml++'s own conversion reads true as 1 and casts any float (undefined past int64's range).
    CHECK(error_in("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = true\n") ==
          "f.toml:4: 'races' must be a whole number from 1 to 1000000, not true");
    CHECK(error_in("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = 1e300\n") ==
          "f.toml:4: 'races' must be a whole number from 1 to 1000000, not 1e+300");
    CHECK(error_in("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = 2.5\n") ==
          "f.toml:4: 'races' must be a whole number from 1 to 1000000, not 2.5");
    CHECK(error_in("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nmin_field = 0\n") ==
          "f.toml:4: 'min_field' must be a whole number from 1 to 9999, not 0");
    CHECK(error_in(two_stages("[[entry]]\nto = \"finals\"\ncount = 1000001\n")) ==
          "f.toml:9: 'count' must be a whole number from 1 to 1000000, not 1000001");
    CHECK(error_in(two_stages(transition + "places = 4294967298\n")) ==
          "f.toml:10: 'places' is the top k, a whole number from 0 to 9999 (places = 2; 0: by "
          "time alone), or a range of places (places = [3, 4])");
    CHECK(error_in(two_stages(transition + "places = [1, 4294967298]\n")) ==
          "f.toml:10: 'places' as a range is [first, last] with 1 <= first <= last <= 9999 "
          "(places = [3, 4])");
    CHECK(error_in(two_stages("[draw]\nfirst_round = \"pairs\"\npairs = [[1, 4294967297]]\n")) ==
          "f.toml:9: a seed number must be a whole number from 1 to 100000, not 4294967297");
    // The bounds themselves read, and write back.
    const auto at_bounds = parse_format(
        "[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = 1000000\nmin_field = 9999\n"
        "[[stage]]\nname = \"finals\"\nkind = \"final\"\n" +
            transition + "places = [9999, 9999]\ncapacity = 1000000\n" +
            "[[entry]]\nto = \"finals\"\ncount = 1000000\n"
            "[draw]\nfirst_round = \"pairs\"\npairs = [[1, 100000]]\n",
        "f.toml");
    REQUIRE(at_bounds.ok());
    CHECK(parse_format(format_to_toml(*at_bounds), "f.toml").ok());
    // A whole number written as a float reads.
    const auto four =
        parse_format("[[stage]]\nname = \"heats\"\nkind = \"heat\"\nraces = 4.0\n", "f.toml");
    REQUIRE(four.ok());
    CHECK(four->stages[0].races == 4);
}

TEST_CASE("era A points are finite numbers from 0 to 1000000") {
    const auto points = [](std::string_view list) {
        return error_in(
            two_stages("[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n"
                       "[classification]\nera = \"A\"\npoints = [" +
                       std::string(list) + "]\n"));
    };
    const std::string bounds =
        "f.toml:12: each of 'points' (one per race place) must be a finite number from 0 to "
        "1000000, not ";
    CHECK(points("34, nan, 13") == bounds + "nan");
    CHECK(points("inf") == bounds + "inf");
    CHECK(points("-inf") == bounds + "-inf");
    CHECK(points("-1") == bounds + "-1");
    CHECK(points("1e7") == bounds + "10000000");
    CHECK(points("true") == bounds + "true");
    const auto read = parse_format(two_stages("[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n"
                                              "[classification]\npoints = [0.5, -0.0, 1e6]\n"),
                                   "f.toml");
    REQUIRE(read.ok());
    CHECK(read->classification.points == std::vector<double>{0.5, 0, 1e6});
    CHECK_FALSE(std::signbit(read->classification.points[1]));  // -0 reads as 0: it writes as 0
}

TEST_CASE("a transition that takes nobody but the referee's choices is a format") {
    // What an event whose only qualifiers were advanced by the Referee infers; the replay reads
    // it, the simulation refuses it (simulate_test.cpp).
    const std::string transition = "[[transition]]\nfrom = \"heats\"\nto = \"finals\"\n";
    CHECK(parse_format(two_stages(transition + "places = 0\n"), "f.toml").ok());
    CHECK(parse_format(two_stages(transition + "places = 0\ncapacity = 8\n"), "f.toml").ok());
}

// ---- the TOML a format is written as reads back to the same format ----

namespace {

Format read_back(const Format& format) {
    const auto toml = format_to_toml(format);
    auto back = parse_format(toml, format.source);
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().describe() + "\n" + toml));
    CHECK(format_to_toml(*back) == toml);
    return std::move(back).value();
}

}  // namespace

TEST_CASE("every format file reads back from its TOML as the same format") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(test::source_path("scenarios/formats")))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    REQUIRE(files.size() >= 13);
    for (const auto& path : files) {
        CAPTURE(path.string());
        const auto format = load_format(path.string());
        REQUIRE_MESSAGE(format.ok(), (format.ok() ? "" : format.error().describe()));
        CHECK(read_back(*format) == *format);
    }
}

TEST_CASE("names with any character read back: control characters, quotes, non-ASCII") {
    // Every C0 control character, DEL, the quote and the backslash, non-ASCII (Latin, CJK, an
    // emoji, C1 controls, U+FFFF, U+10FFFF), and names that look like TOML.
    std::string every_control;
    for (char c = 1; c < 0x20; ++c)
        every_control += c;
    const std::vector<std::string> hostile = {"heats\nquarterfinals",
                                              "tab\there",
                                              std::string("nul\0byte", 8),
                                              every_control + "\x7f",
                                              "\"quoted\" \\ back",
                                              "Bédard \u4E2D\u6587 \U0001F3C5",
                                              "\u0085\u00A0\u2028\uFFFF\U0010FFFF",
                                              "\\u0041 \\n \\\\",
                                              "'''",
                                              "\"\"\"",
                                              "x\" = 1\n[[stage]]\nname = \"y",
                                              "# not a comment",
                                              "\r\n\b\f"};
    Format format = test::format_file("isu-2022-2026");
    format.source = "hostile.toml";
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        CAPTURE(i);
        const std::string name = hostile[i];
        format.name = name;
        format.description = name + " " + name;
        // Stage names fold to distinct keys: a distinct prefix keeps them apart.
        for (std::size_t s = 0; s < format.stages.size(); ++s) {
            const auto old_name = format.stages[s].name;
            format.stages[s].name = "s" + std::to_string(s) + " " + name;
            for (auto& t : format.transitions) {
                if (t.from == old_name) t.from = format.stages[s].name;
                if (t.to == old_name) t.to = format.stages[s].name;
            }
        }
        const auto back = read_back(format);
        CHECK(back.name == name);
        CHECK(back == format);
    }
}

TEST_CASE("the TOML writer escapes what TOML must, and keeps the rest readable") {
    Format format;
    format.name = "a\tb\nc\"d\\e\x01 f\x7f g Bédard";
    format.stages.emplace_back().name = "finals";
    const auto toml = format_to_toml(format);
    CHECK(toml.rfind("name = \"a\\tb\\nc\\\"d\\\\e\\u0001 f\\u007F g Bédard\"\n", 0) == 0);
    // Bytes that are not UTF-8 (no reader lets them in) are written as U+FFFD, never as TOML
    // that does not read.
    format.name = "bad \xC0\x80 \xED\xA0\x80 \xFF end";
    const auto back = read_back(format);
    CHECK(back.name == "bad \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD end");
}

// ---- the accessors the scenario reader shares (engine/sources/toml_reader.hpp) ----

namespace {

// A scenario's seed and samples, read as parse_scenario reads them.
class SeedReader : detail::TomlReader {
  public:
    using TomlReader::TomlReader;

    Result<std::uint64_t> read(const toml::table& root) {
        const auto read_seed = seed(root, "seed");
        static_cast<void>(count(root, "samples", 1));
        if (error_) return *error_;
        return read_seed.value_or(0);
    }
};

Result<std::uint64_t> read_seed(std::string_view text) {
    return detail::read_toml<SeedReader>(text, "s.toml");
}

}  // namespace

TEST_CASE("a seed takes any whole number from 0 to 2^63 - 1; a negative one is an error") {
    CHECK(*read_seed("seed = 0\n") == 0);
    CHECK(*read_seed("seed = 1000001\n") == 1'000'001);
    CHECK(*read_seed("seed = 9223372036854775807\n") == 9'223'372'036'854'775'807ULL);
    CHECK(*read_seed("seed = 0x7fffffffffffffff\n") == 9'223'372'036'854'775'807ULL);
    CHECK(test::error_of(read_seed("title = \"x\"\nseed = -1\n")) ==
          "s.toml:2: 'seed' is negative (-1): a seed is a whole number from 0 to "
          "9223372036854775807");
    CHECK(test::error_of(read_seed("seed = 1e19\n")) ==
          "s.toml:1: 'seed' must be a whole number from 0 to 9223372036854775807, not 1e+19");
    CHECK(test::error_of(read_seed("seed = \"42\"\n")) ==
          "s.toml:1: 'seed' must be a whole number from 0 to 9223372036854775807, not a string");
    // Past int64, TOML itself has no integer: a syntax error on that line.
    CHECK(test::error_of(read_seed("seed = 9223372036854775808\n")).rfind("s.toml:1: ", 0) == 0);
    CHECK(test::error_of(read_seed("samples = 0\n")) ==
          "s.toml:1: 'samples' must be a whole number from 1 to 1000000, not 0");
    CHECK(test::error_of(read_seed("samples = 2147483648\n")) ==
          "s.toml:1: 'samples' must be a whole number from 1 to 1000000, not 2147483648");
}

// ---- issue 12: a byte order mark; an inline event given no ISU short-track default ----

TEST_CASE(
    "format, scenario and field files starting with a UTF-8 byte order mark read as without") {
    const auto format_path =
        test::file_with_bom("isu-2002.toml", test::source_text("scenarios/formats/isu-2002.toml"));
    const auto format = load_format(format_path);
    std::filesystem::remove(format_path);
    REQUIRE_MESSAGE(format.ok(), (format.ok() ? "" : format.error().describe()));
    CHECK(format->name == "ISU 2002");
    CHECK(format_to_toml(*format) == format_to_toml(test::format_file("isu-2002")));

    const std::string scenario_file =
        "scenarios/whatif/2022-shaolin-liu-yellow-card-rescinded.toml";
    const auto scenario_path =
        test::file_with_bom("scenario.toml", test::source_text(scenario_file));
    const auto scenario = load_scenario(scenario_path);
    std::filesystem::remove(scenario_path);
    REQUIRE_MESSAGE(scenario.ok(), (scenario.ok() ? "" : scenario.error().describe()));
    const auto plain_scenario = load_scenario(test::source_path(scenario_file));
    REQUIRE(plain_scenario.ok());
    CHECK(scenario->title == "Shaolin Sándor Liu's Final A yellow card rescinded");
    CHECK(scenario->event == "../events/olympics-2022-men-1000m.txt");
    REQUIRE(scenario->rulings.size() == 1);
    CHECK(scenario->rulings[0].describe() == plain_scenario->rulings[0].describe());

    const auto field_path =
        test::file_with_bom("field.json", test::source_text("tests/data/ffa-32-field.json"));
    const auto field = load_field(field_path);
    std::filesystem::remove(field_path);
    REQUIRE_MESSAGE(field.ok(), (field.ok() ? "" : field.error().describe()));
    const auto plain_field = load_field(test::source_path("tests/data/ffa-32-field.json"));
    REQUIRE(plain_field.ok());
    CHECK(field->model == plain_field->model);
    CHECK(field->noise == plain_field->noise);
    REQUIRE(field->skaters.size() == 32);
    for (std::size_t i = 0; i < field->skaters.size(); ++i) {
        CHECK(field->skaters[i].name == plain_field->skaters[i].name);
        CHECK(field->skaters[i].strength == plain_field->skaters[i].strength);
    }
}

TEST_CASE("the World Games sprint is inline speed skating: no ISU short-track default") {
    Diagnostics notes;
    const auto f = infer_format(test::seed("world-games-2022-men-1000m-sprint"), notes);
    // Not the ISU's 2022 rule (referee advancements take the time slots): the event's own rule
    // is not in the record, so the format's default, as the World Skate format file has it.
    const auto file = test::format_file("world-skate-sprint");
    REQUIRE(f.transitions.size() == file.transitions.size());
    for (std::size_t i = 0; i < f.transitions.size(); ++i) {
        CAPTURE(i);
        CHECK(f.transitions[i].referee == RefereePolicy::on_top);
        CHECK(f.transitions[i].referee == file.transitions[i].referee);
        CHECK(f.transitions[i].ties == TiePolicy::all_advance);
    }
    CHECK(f.transitions[0].capacity == 16);  // 4 winners + the 12 fastest others
    CHECK(f.transitions[1].capacity == 8);   // 2 winners + the 6 fastest others
    CHECK(f.classification.era == Era::world_skate);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].severity == Severity::warning);
    CHECK(notes[0].message.starts_with(
        "inline speed skating ('World Games' in the title), not ISU short track, so no ISU "
        "default applies;"));
    CHECK(f.description.find("Inline speed skating ('World Games' in the title)") !=
          std::string::npos);
    CHECK(f.description.find("Assumed from the year") == std::string::npos);
}

namespace {

// Three heats of four, 2022: the top 2 of each, the fastest third (q) and a referee advancement
// (ADV, a 4th place) to a final of 8.
std::string heats_with_referee_advancement(const std::string& title, const std::string& infobox) {
    return "= " + title + " =\n\nInfobox\n" + infobox + "\n==Results==\n===Heats===\n" +
           R"(;Heat 1
| Rank | Name | Country | Time | Notes |
| 1 | Anna Alpha | | 45.000 | Q |
| 2 | Bea Beta | | 45.100 | Q |
| 3 | Cara Gamma | | 45.200 | q |
| 4 | Dora Delta | | 46.000 | ADV |

;Heat 2
| Rank | Name | Country | Time | Notes |
| 1 | Ella Epsilon | | 45.300 | Q |
| 2 | Fay Zeta | | 45.400 | Q |
| 3 | Gil Eta | | 45.500 | |
| 4 | Hana Theta | | 46.100 | |

;Heat 3
| Rank | Name | Country | Time | Notes |
| 1 | Ines Iota | | 45.350 | Q |
| 2 | Jo Kappa | | 45.450 | Q |
| 3 | Kim Lambda | | 45.600 | |
| 4 | Lea Omicron | | 46.200 | |

===Final===
| Rank | Name | Country | Time |
| 1 | Anna Alpha | | 44.000 |
| 2 | Bea Beta | | 44.100 |
| 3 | Cara Gamma | | 44.200 |
| 4 | Dora Delta | | 44.300 |
| 5 | Ella Epsilon | | 44.400 |
| 6 | Fay Zeta | | 44.500 |
| 7 | Ines Iota | | 44.600 |
| 8 | Jo Kappa | | 44.700 |
)";
}

}  // namespace

TEST_CASE("inline is read from the title's or infobox's words; short track named stays the ISU's") {
    struct Case {
        const char* title;
        const char* infobox;
        const char* named;  // the words the note quotes; "" for short track
    };
    for (const auto& c : {
             Case{"Inline speed skating at the 2022 Pan Games – Men's 500 m", "",
                  "'inline' in the title"},
             Case{"In-line speed skating at the 2022 Pan Games – Men's 500 m", "",
                  "'inline' in the title"},
             Case{"Roller speed skating at the 2022 Pan Games – Men's 500 m", "",
                  "'roller' in the title"},
             Case{"World Skate Games 2022 – Men's 500 m", "", "'World Skate' in the title"},
             Case{"Track speed skating at the 2022 World Games – Men's 500 m", "",
                  "'World Games' in the title"},
             Case{"Speed skating at the 2022 Pan Games – Men's 500 m", "- Sport: Roller sports\n",
                  "'roller' in the infobox's Sport"},
             Case{"Short-track speed skating at the 2022 Winter Olympics – Men's 500 metres", "",
                  ""},
             Case{"ISU World Cup 2022/2023, Montreal – Men's 500 metres", "", ""},
             // Short track named wins over any other word; the Universiade is no World Games.
             Case{"Short track speed skating at the 2022 World Games – Men's 500 m", "", ""},
             Case{"Speed skating at the 2022 World University Games – Men's 500 m", "", ""},
         }) {
        CAPTURE(std::string(c.title));
        Diagnostics notes;
        const auto f =
            infer_format(test::article(heats_with_referee_advancement(c.title, c.infobox)), notes);
        REQUIRE(f.transitions.size() == 1);
        const auto& heats = f.transitions[0];
        CHECK(heats.place_quota == 2);
        CHECK(heats.time_pool == TimePool::next_place);
        if (std::string(c.named).empty()) {
            // ISU 2022: the referee advancement takes a time slot; 6 Q + 1 q + 1 ADV.
            CHECK(heats.referee == RefereePolicy::take_time_slots);
            CHECK(heats.capacity == 8);
            CHECK(f.classification.era == Era::B);
            CHECK(notes.empty());
        } else {
            // Inline: the referee advancement on top of 6 Q + 1 q.
            CHECK(heats.referee == RefereePolicy::on_top);
            CHECK(heats.capacity == 7);
            CHECK(f.classification.era == Era::world_skate);
            REQUIRE(notes.size() == 1);
            CHECK(notes[0].message.starts_with("inline speed skating (" + std::string(c.named) +
                                               "), not ISU short track"));
        }
        // Either way the replay explains every finalist, the referee advancement as recorded.
        const auto r = replay(test::article(heats_with_referee_advancement(c.title, c.infobox)));
        CHECK(test::why(test::row_of(r, "Heat 1", "Dora Delta")) == "ADV recorded -> Final");
        CHECK(test::why(test::row_of(r, "Heat 1", "Cara Gamma")) == "q recorded -> Final");
        for (const auto& d : r.diagnostics)
            CHECK_MESSAGE(d.severity != Severity::error, d.message);
    }
}

TEST_CASE("an inline event whose record has only Final A is given no Final B") {
    const auto event = [](const std::string& title) {
        return test::article("= " + title + " =\n\n==Results==\n===Semifinals===\n" + R"(;Heat 1
| Rank | Name | Country | Time | Notes |
| 1 | Anna Alpha | | 45.000 | Q |
| 2 | Bea Beta | | 45.100 | Q |
| 3 | Cara Gamma | | 45.200 | |
| 4 | Dora Delta | | 45.300 | |

;Heat 2
| Rank | Name | Country | Time | Notes |
| 1 | Ella Epsilon | | 45.300 | Q |
| 2 | Fay Zeta | | 45.400 | Q |
| 3 | Gil Eta | | 45.500 | |
| 4 | Hana Theta | | 45.600 | |

===Finals===
;Final A
| Rank | Name | Country | Time |
| 1 | Anna Alpha | | 44.000 |
| 2 | Bea Beta | | 44.100 |
| 3 | Ella Epsilon | | 44.200 |
| 4 | Fay Zeta | | 44.300 |
)");
    };
    Diagnostics notes;
    // The ISU before 2022: a Final B not raced is still in the format, of 3rd-4th places (2006).
    const auto isu = infer_format(event("Short track at the 2010 Test Games – Men's 500 m"), notes);
    REQUIRE(isu.transitions.size() == 2);
    CHECK(isu.transitions[1].final == 'B');
    CHECK(isu.transitions[1].first_place == 3);
    CHECK(notes.empty());
    // Inline: the record shows no Final B and none is assumed.
    const auto inline_format =
        infer_format(event("Inline speed skating at the 2010 Test Games – Men's 500 m"), notes);
    REQUIRE(inline_format.transitions.size() == 1);
    CHECK(inline_format.transitions[0].final == 'A');
    CHECK(inline_format.transitions[0].place_quota == 2);
    CHECK(inline_format.classification.era == Era::world_skate);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].message.find("no Final B or direct entry the record lacks") !=
          std::string::npos);
}
