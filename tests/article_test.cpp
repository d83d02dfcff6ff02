#include "heatgraph/article.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "heatgraph/load.hpp"
#include "test_support.hpp"

using namespace heatgraph;

namespace {

// A minimal article around the given results section.
std::string with_results(const std::string& results) {
    return "= Short track at the 2010 Test Games – Men's 1000 metres =\n\n==Results==\n" + results;
}

const std::string two_heats = R"(===Heats===
;Heat 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | Q |
| 2 | Bea Beta | | 1:30.500 | Q |

;Heat 2
| Rank | Athlete | Country | Time | Notes |
| 1 | Cara Gamma | | 1:31.000 | Q |
| 2 | Dora Delta | | 1:31.500 | Q |

===Final===
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:29.000 | |
| 2 | Cara Gamma | | 1:29.100 | |
| 3 | Bea Beta | | 1:29.200 | |
| 4 | Dora Delta | | 1:29.300 | |
)";

}  // namespace

TEST_CASE("all five seeds are read with every race and row") {
    struct Expected {
        const char* name;
        std::size_t athletes, rounds, rows;
    };
    for (const auto& e : {Expected{"olympics-2002-men-1000m", 32, 4, 32 + 16 + 9 + 8},
                          Expected{"olympics-2006-men-1000m", 26, 4, 26 + 19 + 8 + 5},
                          Expected{"olympics-2022-men-1000m", 32, 4, 32 + 20 + 11 + 8},
                          Expected{"olympics-2026-men-1000m", 32, 4, 32 + 20 + 10 + 10},
                          Expected{"world-games-2022-men-1000m-sprint", 27, 3, 27 + 16 + 8}}) {
        CAPTURE(std::string(e.name));
        const auto event = test::seed(e.name);
        CHECK(event.athletes.size() == e.athletes);
        CHECK(event.rounds.size() == e.rounds);
        std::size_t rows = 0;
        for (const auto& round : event.rounds)
            for (const auto& race : round.races)
                rows += race.results.size();
        CHECK(rows == e.rows);
    }
}

TEST_CASE("a combined table with a Heat column is split into its races") {
    const auto event = test::seed("olympics-2022-men-1000m");
    REQUIRE(event.rounds[0].races.size() == 8);
    CHECK(event.rounds[0].races[4].name == "Heat 5");
    CHECK(event.rounds[0].races[4].results[2].printed_name == "Li Wenlong");
    CHECK(event.rounds[1].races[3].name == "Quarterfinal 4");
}

TEST_CASE("a combined table in Heat | Rank column order") {
    const auto event = test::seed("olympics-2006-men-1000m");
    const auto& heat6 = event.rounds[0].races[5];
    CHECK(heat6.name == "Heat 6");
    REQUIRE(heat6.results.size() == 4);
    CHECK(heat6.results[3].printed_name == "Arian Nachbar");
    CHECK(heat6.results[3].place == 4);
    CHECK(heat6.results[3].time == 87994);
}

TEST_CASE("marks in the Time column set the status and are kept") {
    const auto e2002 = test::seed("olympics-2002-men-1000m");
    const auto& terao = e2002.find_race("Semifinal 1")->results[4];
    CHECK(terao.printed_name == "Satoru Terao");
    CHECK(terao.status == Status::DQ);
    CHECK(terao.marks == std::vector<std::string>{"DQ"});
    CHECK_FALSE(terao.place);

    const auto wg = test::seed("world-games-2022-men-1000m-sprint");
    const auto& bramante = wg.find_race("Final")->results[7];
    CHECK(bramante.status == Status::DQ);
    CHECK(bramante.marks == std::vector<std::string>{"DSQ"});
}

TEST_CASE("rows without a rank, No time, several marks in a cell and lost notes") {
    const auto event = test::seed("olympics-2022-men-1000m");
    const auto& ayrapetyan = event.find_race("Heat 6")->results[3];
    CHECK(ayrapetyan.status == Status::unplaced);
    CHECK_FALSE(ayrapetyan.place);
    CHECK(ayrapetyan.marks == std::vector<std::string>{"'"});

    const auto& park = event.find_race("Quarterfinal 1")->results[2];
    CHECK(park.place == 3);
    CHECK(park.status == Status::no_time);
    CHECK_FALSE(park.time);
    CHECK(park.marks == std::vector<std::string>{"'"});

    const auto& hwang = event.find_race("Heat 5")->results[0];
    CHECK(hwang.marks == std::vector<std::string>{"'", "OR"});
    CHECK(hwang.note == "', OR");

    CHECK(test::has_diagnostic(event.diagnostics, "Heats: 23 notes were lost in export", 36));
    CHECK(
        test::has_diagnostic(event.diagnostics, "Quarterfinals: 17 notes were lost in export", 71));
}

TEST_CASE("markup debris is read as an empty cell and reported") {
    const auto event = test::seed("world-games-2022-men-1000m-sprint");
    CHECK(event.find_race("Heat 3")->results[0].country.empty());
    CHECK(test::has_diagnostic(event.diagnostics, "47 rows carried markup debris ('align=left')"));
}

TEST_CASE("heats printed out of order are put in running order, and the disorder reported") {
    const auto event = test::seed("world-games-2022-men-1000m-sprint");
    const auto& heats = event.rounds[0];
    CHECK(heats.printed_name == "Preliminary round");
    REQUIRE(heats.races.size() == 4);
    CHECK(heats.races[1].name == "Heat 2");
    CHECK(heats.races[1].results[0].printed_name == "Daniel Zapata");
    CHECK(test::has_diagnostic(event.diagnostics, "Heat 2 is printed after Heat 3", 45));
}

TEST_CASE("semifinal tables captioned ';Heat N' are the semifinals") {
    const auto event = test::seed("world-games-2022-men-1000m-sprint");
    CHECK(event.rounds[1].races[0].name == "Semifinal 1");
    CHECK(event.rounds[2].races[0].name == "Final");
}

TEST_CASE("finals with and without a Notes column; a Final B printed with overall ranks") {
    const auto wg = test::seed("world-games-2022-men-1000m-sprint");
    CHECK(wg.find_race("Final")->results[0].marks.empty());
    const auto e2002 = test::seed("olympics-2002-men-1000m");
    const auto& b = e2002.find_race("Final B")->results;
    CHECK(b[0].place == 1);
    CHECK(b[0].printed_rank == 5);
    CHECK(b[2].place == 3);
    CHECK(b[2].printed_rank == 7);
}

TEST_CASE("a single final captioned 'Final A' keeps its letter") {
    const auto event = test::seed("olympics-2006-men-1000m");
    REQUIRE(event.rounds[3].races.size() == 1);
    CHECK(event.rounds[3].races[0].name == "Final A");
}

TEST_CASE("infobox fields, year, competitors and medalists") {
    const auto e2002 = test::seed("olympics-2002-men-1000m");
    CHECK(e2002.info.title ==
          "Short-track speed skating at the 2002 Winter Olympics – Men's 1000 metres");
    CHECK(e2002.info.year == 2002);
    CHECK(e2002.info.competitors == 32);
    CHECK(e2002.info.field("Venue") == "Salt Lake Ice Center");
    REQUIRE(e2002.info.medalists.size() == 3);
    CHECK(e2002.info.medalists[0].name == "Steven Bradbury");
    CHECK(e2002.info.medalists[0].noc == "AUS");
    CHECK(e2002.info.medalists[0].line == 11);

    const auto wg = test::seed("world-games-2022-men-1000m-sprint");
    CHECK(wg.info.year == 2022);  // from the title: the infobox has no Games field
    CHECK(wg.info.medalists[0].name == "Duccio Marsili");
    CHECK(wg.info.medalists[0].noc == "ITA");
}

TEST_CASE("unknown marks and columns are kept and reported") {
    const auto event = test::article(with_results(R"(===Heats===
;Heat 1
| Rank | Athlete | Country | Time | Notes | Lane |
| 1 | Anna Alpha | | 1:30.000 | Q, XYZ | 2 |
)"));
    const auto& row = event.rounds[0].races[0].results[0];
    CHECK(row.marks == std::vector<std::string>{"Q", "XYZ"});
    CHECK(row.extra == std::vector<std::pair<std::string, std::string>>{{"Lane", "2"}});
    CHECK(test::has_diagnostic(event.diagnostics, "unknown mark 'XYZ' kept", 7));
}

TEST_CASE("a penalty printed with a place keeps the place as printed") {
    const auto event = test::article(with_results(R"(===Heats===
;Heat 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | Q |
| 2 | Bea Beta | | 1:30.500 | PEN |
)"));
    const auto& row = event.rounds[0].races[0].results[1];
    CHECK(row.status == Status::PEN);
    CHECK_FALSE(row.place);
    CHECK(row.printed_rank == 2);
    CHECK(test::has_diagnostic(event.diagnostics, "Bea Beta has a place (2) and the mark PEN", 8));
}

TEST_CASE("a minimal article of per-heat tables and a single final") {
    const auto event = test::article(with_results(two_heats));
    CHECK(event.info.year == 2010);
    CHECK(event.rounds.size() == 2);
    CHECK(event.rounds[1].races[0].name == "Final");
    CHECK(event.athletes.size() == 4);
}

// Bad input: a clear message naming the file and line, never a crash or a guess.

TEST_CASE("an empty file is an error") {
    CHECK(test::article_error("") == "test.txt: empty file");
    CHECK(test::article_error("  \n\n \n") == "test.txt: empty file");
}

TEST_CASE("a binary file is an error naming the line") {
    CHECK(test::article_error(std::string("= T =\nabc\0def\n", 14)) ==
          "test.txt:2: not a text file (NUL byte or invalid UTF-8)");
    CHECK(test::article_error("= T =\n\n\xff\xfe\n") ==
          "test.txt:3: not a text file (NUL byte or invalid UTF-8)");
}

TEST_CASE("a bad time is an error naming the line") {
    auto text = two_heats;
    text.replace(text.find("1:30.500"), 8, "1:3O.500");
    CHECK(test::article_error(with_results(text)) ==
          "test.txt:8: bad time '1:3O.500' (expected m:ss.fff, ss.fff, 'No time' or a mark)");
}

TEST_CASE("a truncated row is an error") {
    const auto text =
        with_results(two_heats).substr(0, with_results(two_heats).find("| Q |\n\n;Heat 2"));
    CHECK(test::article_error(text) == "test.txt:8: table row is not closed by '|' (truncated?)");
}

TEST_CASE("a row with the wrong number of cells is an error") {
    auto text = two_heats;
    text.replace(text.find("| 2 | Bea Beta | |"), 18, "| 2 | Bea Beta |");
    CHECK(test::article_error(with_results(text)) ==
          "test.txt:8: table row has 4 cells; the header on line 6 has 5");
}

TEST_CASE("a duplicate athlete in a race is an error naming both lines") {
    auto text = two_heats;
    text.replace(text.find("Bea Beta"), 8, "ANNA ALPHA");
    CHECK(test::article_error(with_results(text)) ==
          "test.txt:8: 'ANNA ALPHA' appears twice in Heat 1 (lines 7 and 8)");
}

TEST_CASE("places, races and finals are held to their bounds") {
    auto text = two_heats;
    text.replace(text.find("| 2 | Bea"), 3, "| 99999");
    CHECK(test::article_error(with_results(text)) ==
          "test.txt:8: bad rank '99999' (expected a place from 1 to 9999, '–' or empty)");
    // A final captioned "Final 200" was lettered 'A' + 199: signed overflow, a byte not UTF-8.
    auto finals = two_heats;
    finals.replace(finals.find("===Final===\n"), 12, "===Final===\n;Final 200\n");
    CHECK(test::article_error(with_results(finals)) ==
          "test.txt:18: Final 200: Finals run from Final A to Final H");
    auto heats = two_heats;
    heats.replace(heats.find(";Heat 2"), 7, ";Heat 5000000");
    CHECK(test::article_error(with_results(heats)) ==
          "test.txt:12: Heat 5000000: a stage runs at most 1000000 races");
    auto slow = two_heats;
    slow.replace(slow.find("1:30.000"), 8, "99999999:00.000");
    CHECK(test::article_error(with_results(slow)).find("99999999:00.000") != std::string::npos);
}

TEST_CASE("a bad rank or heat number is an error") {
    auto text = two_heats;
    text.replace(text.find("| 2 | Bea"), 3, "| x");
    CHECK(test::article_error(with_results(text)) ==
          "test.txt:8: bad rank 'x' (expected a place from 1 to 9999, '–' or empty)");
    CHECK(test::article_error(with_results(R"(===Heats===
| Rank | Heat | Athlete | Time |
| 1 | one | Anna Alpha | 1:30.000 |
)")) == "test.txt:6: bad heat number 'one' (expected a number from 1 to 1000000)");
}

TEST_CASE("an article without results tables is an error") {
    CHECK(test::article_error("= Title =\n\nSome prose.\n") ==
          "test.txt: no results tables (expected pipe tables under a '==Results==' heading, in "
          "rounds such as '===Heats===')");
}

TEST_CASE("a results table without an athlete column or a race is an error") {
    CHECK(test::article_error(
              with_results("===Heats===\n;Heat 1\n| Rank | Time |\n| 1 | 1:30.000 |\n")) ==
          "test.txt:6: results table has no athlete column (Athlete or Name)");
    CHECK(test::article_error(with_results("===Heats===\n| Rank | Athlete |\n| 1 | A |\n")) ==
          "test.txt:5: cannot tell which race this table is: no Heat column and no caption such "
          "as ';Heat 1'");
}

TEST_CASE("a missing file is an error") {
    CHECK(test::error_of(load_event("/no/such/file.txt")) ==
          "/no/such/file.txt: cannot open the file");
}

TEST_CASE("a large article is read in full") {
    // 20000 heats of 4: about 1.4 MB per 20000 rows; the bench reads a 40 MB one.
    std::string text = "= Large event 2022 =\n\n==Results==\n===Heats===\n";
    text += "| Rank | Heat | Name | Country | Time | Notes |\n";
    for (int heat = 1; heat <= 20000; ++heat)
        for (int place = 1; place <= 4; ++place)
            text += "| " + std::to_string(place) + " | " + std::to_string(heat) + " | Skater " +
                    std::to_string(heat) + "-" + std::to_string(place) + " | | 1:2" +
                    std::to_string(place) + ".000 | |\n";
    const auto event = test::article(text);
    CHECK(event.rounds[0].races.size() == 20000);
    CHECK(event.athletes.size() == 80000);
}

TEST_CASE("tables outside the results, such as records, are not read") {
    const auto event = test::article(
        "= Records and results 2010 =\n\n==Records==\n| Date | Round "
        "| Time\n| 13 February | Heat 7 | 1:28.183\n\n" +
        with_results(two_heats).substr(with_results(two_heats).find("==Results==")));
    CHECK(event.rounds.size() == 2);
    CHECK(event.athletes.size() == 4);
}

// ---- issue 12: a UTF-8 byte order mark is read, not turned into a blank title ----

namespace {

Event load_and_remove(const std::string& path) {
    auto event = load_event(path);
    std::filesystem::remove(path);
    REQUIRE_MESSAGE(event.ok(), (event.ok() ? "" : event.error().describe()));
    return std::move(event).value();
}

// The same event, read from a file with a byte order mark and one without.
void check_same_event(const Event& marked, const Event& plain) {
    CHECK(marked.info.title == plain.info.title);
    CHECK(marked.info.infobox == plain.info.infobox);
    CHECK(marked.info.year == plain.info.year);
    CHECK(marked.athletes.size() == plain.athletes.size());
    CHECK(marked.rounds.size() == plain.rounds.size());
    REQUIRE(marked.diagnostics.size() == plain.diagnostics.size());
    for (std::size_t i = 0; i < marked.diagnostics.size(); ++i) {
        CHECK(marked.diagnostics[i].line == plain.diagnostics[i].line);
        CHECK(marked.diagnostics[i].message == plain.diagnostics[i].message);
    }
    const auto a = replay(marked);
    const auto b = replay(plain);
    CHECK(a.format.description == b.format.description);
    test::check_same_replay(a, b);
}

}  // namespace

TEST_CASE("an article starting with a UTF-8 byte order mark reads as the same file without it") {
    for (const char* seed : test::all_seeds) {
        CAPTURE(std::string(seed));
        const auto relative = "scenarios/events/" + std::string(seed) + ".txt";
        const auto marked =
            load_and_remove(test::file_with_bom("article.txt", test::source_text(relative)));
        check_same_event(marked, test::event_file(relative));
    }
    // The known title, not a blank one: the inference reads the sport off it (an inline event).
    const auto world_games = load_and_remove(test::file_with_bom(
        "world-games.txt",
        test::source_text("scenarios/events/world-games-2022-men-1000m-sprint.txt")));
    CHECK(world_games.info.title ==
          "Track speed skating at the 2022 World Games – Men's 1000 m sprint");
    CHECK(replay(world_games).format.transitions[0].referee == RefereePolicy::on_top);
}

TEST_CASE("a JSON export starting with a UTF-8 byte order mark reads back as without it") {
    const auto plain = test::seed("olympics-2022-men-1000m");
    const auto json = replay_to_json(replay(plain));
    const auto marked = load_and_remove(test::file_with_bom("export.json", json));
    CHECK(marked.info.title ==
          "Short-track speed skating at the 2022 Winter Olympics – Men's 1000 metres");
    CHECK(test::standings(replay(marked)) == test::standings(replay(plain)));
    const auto unmarked = std::filesystem::temp_directory_path() /
                          ("heatgraph-no-bom-" + std::to_string(std::random_device{}()) + ".json");
    std::ofstream(unmarked, std::ios::binary) << json;
    check_same_event(marked, load_and_remove(unmarked.string()));
}
