// The result-table reader: the three real ISU tables against what their data shows (the
// .truth.json files of tests/data/isu), and every column, code and bad input on small tables.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "sources/stage_names.hpp"
#include "sources/text.hpp"
#include "test_support.hpp"

using namespace heatgraph;
using namespace std::string_literals;

namespace {

const char* const isu_tables[] = {"europeans-2006-poland-women-1000m",
                                  "world-cup-2012-calgary-women-500m",
                                  "world-juniors-2020-bormio-women-1500m"};

nlohmann::json truth_of(const std::string& name) {
    std::ifstream in(test::source_path("tests/data/isu/" + name + ".truth.json"));
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

// The canonical name of race `number` of a round as the ISU names it ("FinalB", "RepHeats").
std::string race_name(const std::string& round, int number) {
    const auto stage = detail::stage_of_heading(round);
    REQUIRE(stage);
    if (stage->lettered && round.size() >= 2 && round.back() >= 'A' && round.back() <= 'D')
        return detail::race_label(*stage, round.back() - 'A' + 1);
    if (stage->lettered) return std::string(stage->race_prefix);
    return detail::race_label(*stage, number);
}

struct Found {
    const Row* row = nullptr;
    const Row* before = nullptr;  // the skater's row in the stage before, if any
    std::string stage;
};

// The skater of `id` in the race named `race`, and their row before it.
Found find(const Event& event, const std::string& id, const std::string& race) {
    Found found;
    const Row* last = nullptr;
    for (const auto& round : event.rounds)
        for (const auto& r : round.races)
            for (const auto& row : r.results) {
                if (row.athlete_id != id) continue;
                if (r.name == race) {
                    found = {&row, last, round.name};
                    return found;
                }
                last = &row;
            }
    return found;
}

}  // namespace

TEST_CASE(
    "the three ISU tables: every skater of every later round comes from the race the "
    "data shows, for the reason recorded, or entered directly") {
    for (const char* name : isu_tables) {
        CAPTURE(std::string(name));
        const auto r = replay(test::event_file("scenarios/events/" + std::string(name) + ".csv"));
        for (const auto& d : r.diagnostics)
            CHECK_MESSAGE(d.severity != Severity::error, d.message);
        const auto truth = truth_of(name);
        int checked = 0;
        for (const auto& round : truth["advancement"]) {
            const std::string round_name = round["round"];
            for (const auto& skater : round["skaters"]) {
                CAPTURE(skater.dump());
                const auto here =
                    find(r.event, skater["isu_id"], race_name(round_name, skater["race"]));
                REQUIRE(here.row);
                ++checked;
                if (!skater["from"].is_object()) {
                    CHECK(skater["from"] == "direct");
                    CHECK(here.row->entry == Entry::direct);
                    continue;
                }
                const auto& from = skater["from"];
                REQUIRE(here.before);
                const auto before =
                    find(r.event, skater["isu_id"], race_name(from["round"], from["race"]));
                CHECK(before.row == here.before);
                REQUIRE(here.before->advance);
                CHECK((here.before->advance->to == here.stage ||
                       here.before->advance->to == race_name(round_name, skater["race"])));
                // A recorded mark is the reason.
                const std::string qual = from["qual"];
                if (!qual.empty()) {
                    CHECK(here.before->advance->source == ReasonSource::recorded);
                    CHECK(to_string(here.before->advance->reason) == qual);
                }
            }
        }
        CHECK(checked > 0);
    }
}

TEST_CASE("each ISU table's inferred format, written and read back, replays it identically") {
    for (const char* name : isu_tables) {
        CAPTURE(std::string(name));
        const auto event = test::event_file("scenarios/events/" + std::string(name) + ".csv");
        const auto inferred = replay(event);
        auto format = parse_format(format_to_toml(inferred.format), "written.toml");
        REQUIRE_MESSAGE(format.ok(), (format.ok() ? "" : format.error().describe()));
        test::check_same_replay(inferred, replay(event, *format));
    }
}

TEST_CASE("a table split into one file per round, given in any order, is the event") {
    const std::string dir = "tests/data/tables/calgary-by-round/";
    std::vector<std::string> files;
    for (const char* round : {"Semifinals", "FinalB", "RepHeats", "Heats", "Quarterfinals",
                              "Preliminaries", "RepSemifinals"})
        files.push_back(test::source_path(dir + round + ".csv"));
    auto split = load_event(files);
    REQUIRE(split.ok());
    const auto whole = test::event_file("scenarios/events/world-cup-2012-calgary-women-500m.csv");
    REQUIRE(split->rounds.size() == whole.rounds.size());
    for (std::size_t k = 0; k < whole.rounds.size(); ++k)
        CHECK(split->rounds[k].name == whole.rounds[k].name);
    CHECK(test::standings(replay(*split)) == test::standings(replay(whole)));
    CHECK(test::has_diagnostic(split->diagnostics, "out of running order"));
}

namespace {

const std::string isu_header =
    "season,competition,event,gender,round,race,Place,Start Pos.,Warn.,#,Name,ISU ID,ISU "
    "Member,Results,Qual.\n";

Result<std::vector<Event>> tables_of(std::string text, std::string source = "t.csv") {
    return parse_tables({TableText{std::move(source), std::move(text)}});
}

Event table_event(std::string text) {
    auto events = tables_of(std::move(text));
    REQUIRE_MESSAGE(events.ok(), (events.ok() ? "" : events.error().describe()));
    REQUIRE(events->size() == 1);
    return std::move(events->front());
}

std::string table_error(std::string text) {
    return test::error_of(tables_of(std::move(text)));
}

const Row& row_named(const Event& event, std::string_view name) {
    for (const auto& round : event.rounds)
        for (const auto& race : round.races)
            for (const auto& row : race.results)
                if (event.name_of(row.athlete) == name) return row;
    FAIL("no row of " << name);
    throw;
}

}  // namespace

TEST_CASE("table columns are known by their titles, whatever the case, and their aliases") {
    // Every alias of every column, across six tables: the row reads the same.
    const char* const round[] = {"Round", "stage", "ROUND"};
    const char* const race[] = {"Race", "heat", "HEAT"};
    const char* const place[] = {"Place", "rank", "Pos", "position"};
    const char* const name[] = {"Name", "athlete", "Skater"};
    const char* const time[] = {"Results", "result", "Time"};
    const char* const marks[] = {"Qual.", "Notes", "note", "marks"};
    const char* const country[] = {"ISU Member", "Country", "nation", "NOC", "team", "member"};
    const char* const id[] = {"ISU ID", "athlete id", "AthleteID"};
    for (std::size_t k = 0; k < 6; ++k) {
        const auto pick = [&](const auto& list) { return list[k % std::size(list)]; };
        const auto text = fmt::format(
            "{},{},{},{},{},{},{},Extra\n"
            "Heats,1,1,ANNA Bell,USA,44.100,Q,x1\n"
            "Heats,1,2,Cora DOE,CAN,44.200,,x2\n"
            "Final,1,1,ANNA Bell,USA,44.000,,x3\n",
            pick(round), pick(race), pick(place), pick(name), pick(country), pick(time),
            pick(marks), pick(id));
        CAPTURE(text);
        // The id column is the last: give it a value on each row.
        std::string with_id;
        int n = 0;
        for (auto line : detail::split(text, '\n')) {
            if (line.empty()) continue;
            const char* const ids[] = {",7\n", ",8\n", ",7\n"};  // Anna, Cora, Anna
            with_id += std::string(line) + (n == 0 ? fmt::format(",{}\n", pick(id)) : ids[n - 1]);
            ++n;
        }
        const auto event = table_event(with_id);
        REQUIRE(event.rounds.size() == 2);
        CHECK(event.rounds[0].name == "Heats");
        const auto& anna = event.rounds[0].races[0].results[0];
        CHECK(anna.place == 1);
        CHECK(anna.time == 44'100);
        CHECK(anna.marks == std::vector<std::string>{"Q"});
        CHECK(anna.country == "USA");
        CHECK(anna.athlete_id == "7");
        CHECK(anna.extra == std::vector<std::pair<std::string, std::string>>{{"Extra", "x1"}});
    }
}

TEST_CASE("the ISU's places, results and warnings: codes, record suffixes, notime") {
    const auto event = table_event(isu_header +
                                   "s,c,500m,w,Heats,1,1,1,,1,AnnaBELL,1,USA,41.397OR,Q\n"
                                   "s,c,500m,w,Heats,1,2,2,,2,CoraDOE,2,CAN,43.105WR,Q\n"
                                   "s,c,500m,w,Heats,1,3,3,,3,EvaLANG,3,GER,42.127JWR,\n"
                                   "s,c,500m,w,Heats,1,4,4,,4,IdaMOSS,4,NOR,notime,\n"
                                   "s,c,500m,w,Heats,1,PEN,5,,5,JoMARSH,5,GBR,PEN,\n"
                                   "s,c,500m,w,Heats,1,DNS,6,,6,PARKKim,6,KOR,DNS,\n"
                                   "s,c,500m,w,Heats,2,DNF,1,,7,LiaROSS,7,ITA,DNF,\n"
                                   "s,c,500m,w,Heats,2,YC,2,YC,8,MiaKNOX,8,NED,YC,\n"
                                   "s,c,500m,w,Heats,2,WDR,3,,9,NinaVOSS,9,AUT,,\n"
                                   "s,c,500m,w,Heats,2,ABD,4,,10,OlaBERG,10,SWE,,\n"
                                   "s,c,500m,w,Heats,2,NP,5,,11,PiaHOLM,11,DEN,,\n"
                                   "s,c,500m,w,Heats,2,DQ,6,,12,RitaKOCH,12,SUI,DQ,\n"
                                   "s,c,500m,w,Heats,2,1,7,YC,13,SaraLUND,13,FIN,44.000,\n"
                                   "s,c,500m,w,Heats,2,,8,,14,TeaSOLE,14,EST,,\n");
    const auto& anna = row_named(event, "Anna Bell");
    CHECK(anna.time == 41'397);
    CHECK(anna.marks == std::vector<std::string>{"OR", "Q"});
    CHECK(row_named(event, "Cora Doe").marks == std::vector<std::string>{"WR", "Q"});
    CHECK(row_named(event, "Eva Lang").marks == std::vector<std::string>{"JWR"});
    const auto& ida = row_named(event, "Ida Moss");
    CHECK(ida.place == 4);
    CHECK(ida.status == Status::no_time);
    CHECK(row_named(event, "Jo Marsh").status == Status::PEN);
    CHECK(row_named(event, "Jo Marsh").marks == std::vector<std::string>{"PEN"});
    CHECK(row_named(event, "Park Kim").status == Status::DNS);
    CHECK(row_named(event, "Lia Ross").status == Status::DNF);
    CHECK(row_named(event, "Mia Knox").status == Status::YC);
    CHECK(row_named(event, "Nina Voss").status == Status::DNS);
    CHECK(row_named(event, "Nina Voss").marks == std::vector<std::string>{"WDR"});
    CHECK(row_named(event, "Ola Berg").status == Status::DNF);
    CHECK(row_named(event, "Pia Holm").status == Status::unplaced);
    CHECK(row_named(event, "Pia Holm").marks == std::vector<std::string>{"NP"});
    CHECK(row_named(event, "Rita Koch").status == Status::DQ);
    // A yellow card in the warnings column voids a placed row; the cell is kept.
    const auto& sara = row_named(event, "Sara Lund");
    CHECK(sara.status == Status::YC);
    CHECK(sara.printed_rank == 1);
    CHECK(sara.extra == std::vector<std::pair<std::string, std::string>>{
                            {"Start Pos.", "7"}, {"Warn.", "YC"}, {"#", "13"}});
    CHECK(row_named(event, "Tea Sole").status == Status::unplaced);
}

TEST_CASE("a table's text: quoted commas, UTF-8, a byte-order mark, CR LF, TSV") {
    const auto csv = table_event(
        "\xEF\xBB\xBFRound,Race,Place,Name,Country,Time\r\n"
        "Heats,1,1,\"Ahn, Hyun-soo\",KOR,\"1:24.100\"\r\n"
        "Heats,1,2,Mat\xC3\xBA\xC5\xA1 U\xC5\xBE\xC3\xA1k \xC2\xAE,SVK,1:24.500\r\n"
        "Heats,1,3,\"The \"\"Rocket\"\" Smith\",GBR,1:25.000\r\n");
    const auto& heat = csv.rounds.at(0).races.at(0).results;
    REQUIRE(heat.size() == 3);
    CHECK(heat[0].printed_name == "Ahn, Hyun-soo");
    CHECK(heat[0].time == 84'100);
    CHECK(heat[1].printed_name == "Mat\xC3\xBA\xC5\xA1 U\xC5\xBE\xC3\xA1k \xC2\xAE");
    CHECK(heat[2].printed_name == "The \"Rocket\" Smith");
    CHECK(heat[2].line == 4);
    const auto tsv = table_event("Round\tRace\tPlace\tName\tTime\nHeats\t1\t1\tA, B\t44.1\n");
    CHECK(tsv.rounds.at(0).races.at(0).results.at(0).printed_name == "A, B");
    // A spreadsheet's CSV in much of Europe: semicolons.
    const auto semicolons = table_event("Round;Race;Place;Name;Time\nHeats;1;1;A, B;44.1\n");
    CHECK(semicolons.rounds.at(0).races.at(0).results.at(0).printed_name == "A, B");
    // Files joined with cat: the header again is skipped, and said.
    const auto joined = table_event(
        "Round,Race,Place,Name\nHeats,1,1,Anna\n"
        "Round,Race,Place,Name\nHeats,1,2,Cora\n");
    CHECK(joined.rounds.at(0).races.at(0).results.size() == 2);
    CHECK(test::has_diagnostic(joined.diagnostics, "t.csv: line 3 repeats the header; skipped"));
}

TEST_CASE("holes are diagnostics and the replay goes on") {
    // Heat 1 lacks the row placed 3; Cora is in the final with no earlier row; no Final B.
    const auto event = table_event(isu_header +
                                   "s,c,500m,w,Heats,1,1,1,,1,AnnaBELL,1,USA,44.1,Q\n"
                                   "s,c,500m,w,Heats,1,2,2,,2,EvaLANG,3,GER,44.2,Q\n"
                                   "s,c,500m,w,Heats,1,4,3,,3,IdaMOSS,4,NOR,44.5,\n"
                                   "s,c,500m,w,FinalA,1,1,1,,1,AnnaBELL,1,USA,44.0,\n"
                                   "s,c,500m,w,FinalA,1,2,2,,2,EvaLANG,3,GER,44.1,\n"
                                   "s,c,500m,w,FinalA,1,3,3,,5,CoraDOE,2,CAN,44.3,\n");
    CHECK(test::has_diagnostic(event.diagnostics, "Heat 1 has no row placed 3", 2));
    const auto r = replay(event);
    CHECK(row_named(r.event, "Cora Doe").entry == Entry::unknown);
    CHECK(test::standings(r).front() == "1 Anna Bell");
}

TEST_CASE("an empty file or a header alone among an event's files is a note") {
    auto events = parse_tables({TableText{"a.csv", ""}, TableText{"b.csv", isu_header},
                                TableText{"c.csv", isu_header + "s,c,500m,w,Heats,1,1,1,,1,"
                                                                "AnnaBELL,1,USA,44.1,\n"}});
    REQUIRE(events.ok());
    REQUIRE(events->size() == 1);
    CHECK(test::has_diagnostic(events->front().diagnostics, "a.csv: empty file"));
    CHECK(test::has_diagnostic(events->front().diagnostics, "b.csv: a header and no rows"));
}

TEST_CASE("several events in one table: listed, and named by --event") {
    const auto text = isu_header +
                      "s,Sochi,500m,w,Heats,1,1,1,,1,AnnaBELL,1,USA,44.1,\n"
                      "s,Sochi,1000m,w,Heats,1,1,1,,1,AnnaBELL,1,USA,1:30.1,\n"
                      "s,Sochi,500m,m,Heats,1,1,1,,2,BoKIM,2,KOR,41.1,\n";
    auto events = tables_of(text);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    CHECK(events->at(0).info.title == "Sochi – Women's 500 metres");
    CHECK(events->at(2).info.title == "Sochi – Men's 500 metres");
    CHECK(select_event(*events, "men 500")->info.title == "Sochi – Men's 500 metres");
    CHECK(select_event(*events, "Sochi 500m men")->info.title == "Sochi – Men's 500 metres");
    CHECK(select_event(*events, "1000")->info.title == "Sochi – Women's 1000 metres");
    CHECK(test::error_of(select_event(*events, "500")) ==
          "t.csv: '500' matches 2 events; name one more closely:\n"
          "  Sochi – Women's 500 metres\n  Sochi – Men's 500 metres");
    CHECK(test::error_of(select_event(*events, "")) ==
          "t.csv: holds 3 events; name one with --event:\n  Sochi – Women's 500 metres\n"
          "  Sochi – Women's 1000 metres\n  Sochi – Men's 500 metres");
}

TEST_CASE("bad tables are errors naming the file and line") {
    CHECK(test::error_of(tables_of("Round,Race,Place,Name\nHeats,1,1,\0Anna\n"s)) ==
          "t.csv:2: not a text file (NUL byte)");
    CHECK(test::error_of(tables_of("Round,Race,Place,Name\nHeats,1,1,M\xfcller\n")) ==
          "t.csv:2: not UTF-8 text (Latin-1 or another encoding?); tables are read as UTF-8");
    CHECK(test::error_of(tables_of("\xff\xfeR\0o\0u\0n\0d\0"s)) ==
          "t.csv:1: UTF-16 text; tables are read as UTF-8 (save it as UTF-8 CSV)");
    CHECK(table_error("Round,Race,Place,Name\nHeats,1,1,\"Anna") ==
          "t.csv:2: the file ends inside a quoted field (truncated?)");
    CHECK(table_error("Round,Race,Place,Name\nHeats,1,1,Anna \"B\" Bell\n") ==
          "t.csv:2: malformed CSV: error parsing data while strict checking enabled (a quote "
          "inside an unquoted field, or text after a closing quote)");
    CHECK(table_error("Round,Race,Place,Name\n") == "t.csv: no results rows in t.csv");
    CHECK(table_error("") == "t.csv: no results rows in t.csv");
    CHECK(table_error("Round,Race,Place,Name\nHeats,1,1,Anna,extra\n") ==
          "t.csv:2: table row has 5 cells; the header on line 1 has 4");
    CHECK(table_error("Round,Race,Place,Name,Time\nHeats,1,1,Anna,4x.1\n") ==
          "t.csv:2: bad time '4x.1' (expected m:ss.fff, ss.fff, 'No time' or a mark)");
    CHECK(table_error("Round,Race,Place,Name\nHeats,one,1,Anna\n") ==
          "t.csv:2: bad heat number 'one' (expected a number from 1 to 1000000)");
    CHECK(table_error("Round,Race,Place,Name\nHeats,1,first,Anna\n") ==
          "t.csv:2: bad rank 'first' (expected a place from 1 to 9999, '–' or empty)");
    CHECK(table_error("Round,Race,Place,Name\nWarm-up,1,1,Anna\n")
              .starts_with("t.csv:2: round 'Warm-up' is not a stage"));
    CHECK(table_error("Round,Race,Place,Name\nHeats,,1,Anna\n") ==
          "t.csv:2: bad heat number '' (expected a number from 1 to 1000000)");
    CHECK(table_error("Round,Race,Place\nHeats,1,1\n") ==
          "t.csv:1: the table has no Name column (Name, Athlete or Skater)");
    CHECK(table_error("Race,Place,Name\n1,1,Anna\n") ==
          "t.csv:1: the table has no Round column: a results table gives each row's round");
    CHECK(table_error("Round,Race,Place,Name,Name\nHeats,1,1,A,B\n") ==
          "t.csv:1: table header has two 'Name' columns");
    CHECK(table_error("Round,Race,Place,Name\nHeats,1,1,Anna\nHeats,1,2,ANNA\n") ==
          "t.csv:3: 'ANNA' appears twice in Heats 1 (t.csv:2 and t.csv:3)");
}

TEST_CASE("a table event is fitted, asked what-if and simulated from its fit") {
    const auto event = test::event_file("scenarios/events/world-cup-2012-calgary-women-500m.csv");
    auto model = fit_race_model({event});
    REQUIRE(model.ok());
    CHECK(model->skaters.size() == 35);  // the 38 skaters less the three only ever penalised
    CHECK(model->skaters.front().name == "Wang Meng");
    // Sarah Chen's referee advancement from Preliminary 1 taken back: she stays out of the
    // heats; exactly, since nobody else's race changes from the record.
    auto revoke = parse_ruling(RulingKind::revoke_advance, "Sarah Chen@Preliminary 1", "");
    REQUIRE(revoke.ok());
    auto answer = what_if(event, {*revoke}, std::nullopt);
    REQUIRE_MESSAGE(answer.ok(), (answer.ok() ? "" : answer.error().describe()));
    REQUIRE(answer->consequences.size() >= 3);
    CHECK(answer->consequences[1] ==
          "Sarah Chen no longer advances from the Preliminaries (Preliminary 1, 4th)");
    CHECK(answer->consequences[2] == "Heat 5 loses Sarah Chen");
    auto field = fitted_field(*model);
    CHECK(field.skaters.size() == 38);  // the three only ever penalised as average skaters
    SimulationOptions options;
    options.runs = 2000;
    auto simulated = simulate(test::format_file("isu-world-cup-2012-2016"), field, options);
    REQUIRE_MESSAGE(simulated.ok(), (simulated.ok() ? "" : simulated.error().describe()));
    CHECK(simulated->runs == 2000);
    CHECK(simulated->skaters.size() == 38);
    CHECK(simulated->skaters.front().name == "Wang Meng");
}

TEST_CASE("2004 Europeans: a dead heat for 1st keeps both recorded Qs, the rule stays top 2") {
    // Heat 3: Greschner and Eley both 1st in 1:32.895, both Q. The quarterfinals are not in the
    // scrape: the marked qualifiers have no later row, and the marks still make the rule.
    const auto r = replay(test::event_file("tests/data/tables/europeans-2004-men-1000m.csv"));
    REQUIRE(r.format.transitions.size() == 1);
    CHECK(r.format.transitions[0].place_quota == 2);
    CHECK(r.format.transitions[0].time_pool == TimePool::none);
    const auto& eley = row_named(r.event, "Jon Eley");
    REQUIRE(eley.advance);
    CHECK(eley.advance->reason == Reason::Q);
    CHECK(eley.advance->source == ReasonSource::recorded);
    CHECK_FALSE(test::has_diagnostic(r.event.diagnostics, "Heat 3 has no row placed 2"));
    CHECK(test::has_diagnostic(r.diagnostics,
                               "13 skaters of the Heats marked as going on have no later row: the "
                               "record most likely lacks the round after the Heats"));
    CHECK_FALSE(test::has_diagnostic(r.diagnostics, "the rules make it"));
}

TEST_CASE(
    "a fit pools a table's events by ISU ID: a new spelling is the same skater, a "
    "namesake with another id is another") {
    auto events = tables_of(isu_header +
                            "s,A,500m,w,Final,1,1,1,,1,AnnaBELL,100,USA,44.1,\n"
                            "s,A,500m,w,Final,1,2,2,,2,CoraDOE,200,CAN,44.2,\n"
                            "s,B,500m,w,Final,1,1,1,,1,AnnaBELL-SMITH,100,USA,44.0,\n"
                            "s,B,500m,w,Final,1,2,2,,2,CoraDOE,300,CAN,44.3,\n");
    REQUIRE(events.ok());
    REQUIRE(events->size() == 2);
    auto model = fit_race_model(*events);
    REQUIRE(model.ok());
    CHECK(model->skaters.size() == 3);  // Anna once; Cora Doe 200 and Cora Doe 300
    CHECK(model->skater_of[0][0] == model->skater_of[1][0]);
    CHECK(model->skater_of[0][1] != model->skater_of[1][1]);
}

TEST_CASE(
    "each ISU table replays under its format file of scenarios/formats as under the "
    "inferred format") {
    const std::pair<const char*, const char*> cases[] = {
        {"europeans-2006-poland-women-1000m", "isu-2006"},
        {"world-cup-2012-calgary-women-500m", "isu-world-cup-2012-500m"},
        {"world-juniors-2020-bormio-women-1500m", "isu-world-juniors-2020-1500m"}};
    for (const auto& [table, format] : cases) {
        CAPTURE(std::string(table));
        const auto event = test::event_file("scenarios/events/" + std::string(table) + ".csv");
        test::check_same_replay(replay(event), replay(event, test::format_file(format)));
    }
}

TEST_CASE("overlong UTF-8, surrogates and code points beyond U+10FFFF are not text") {
    for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
        CAPTURE(bad);
        CHECK(table_error(std::string("Round,Race,Place,Name\nHeats,1,1,A") + bad + "\n") ==
              "t.csv:2: not UTF-8 text (Latin-1 or another encoding?); tables are read as UTF-8");
    }
}

TEST_CASE("an article's table keeps the cells of the Round and event columns it does not use") {
    const auto event = test::article(
        "= Test 2010 =\n\n==Results==\n===Heats===\n;Heat 1\n"
        "| Rank | Name | Season | Round |\n| 1 | Anna Bell | 2009-10 | H |\n"
        "| 2 | Cora Doe | 2009-10 | H |\n");
    const auto& row = event.rounds.at(0).races.at(0).results.at(0);
    CHECK(row.extra ==
          std::vector<std::pair<std::string, std::string>>{{"Season", "2009-10"}, {"Round", "H"}});
}

TEST_CASE("event columns are read by their titles, in any order") {
    const auto a = table_event(
        "Gender,Competition,Round,Race,Place,Name,Event,Season\n"
        "w,Sochi,Heats,1,1,Anna,500m,2013-14\n");
    CHECK(a.info.title == "Sochi – Women's 500 metres");
    // Two files ordering the columns differently hold one event.
    auto events = parse_tables({TableText{"a.csv",
                                          "Season,Competition,Event,Gender,Round,Race,Place,Name\n"
                                          "2013-14,Sochi,500m,w,Heats,1,1,Anna\n"},
                                TableText{"b.csv",
                                          "Competition,Gender,Season,Event,Round,Race,Place,Name\n"
                                          "Sochi,w,2013-14,500m,Final,1,1,Anna\n"}});
    REQUIRE(events.ok());
    CHECK(events->size() == 1);
    CHECK(events->front().source == "a.csv + b.csv");
}

TEST_CASE("a plain 'Final' round with race numbers keeps Final A and Final B apart") {
    const auto event = table_event(
        "Round,Race,Place,Name\nHeats,1,1,A\nHeats,1,2,B\nHeats,1,3,C\n"
        "Heats,1,4,D\nFinal,1,1,A\nFinal,1,2,B\nFinal,2,1,C\n"
        "Final,2,2,D\n");
    REQUIRE(event.rounds.size() == 2);
    REQUIRE(event.rounds[1].races.size() == 2);
    CHECK(event.rounds[1].races[0].name == "Final A");
    CHECK(event.rounds[1].races[1].name == "Final B");
}

TEST_CASE("fractions name the stage: 1/8, 1/4, 1/2, and a repechage's") {
    const std::pair<const char*, const char*> cases[] = {
        {"1/8 Final", "Eighth-finals"},
        {"1/4 Finals", "Quarterfinals"},
        {"Final 1/2", "Semifinals"},
        {"Rep. 1/4 Final", "Repechage quarterfinals"},
        {"Rep 1/2 Final", "Repechage semifinals"}};
    for (const auto& [round, stage] : cases) {
        CAPTURE(round);
        REQUIRE(detail::stage_of_heading(round));
        CHECK(detail::stage_of_heading(round)->name == stage);
    }
}

TEST_CASE("each event of a table carries the notes of its own rows only") {
    auto events = tables_of(
        "Competition,Round,Race,Place,Name,Qual.\n"
        "A,Heats,1,1,Anna,Q\nA,Heats,1,2,Cora,ZZ\nB,Heats,1,1,Eva,\n");
    REQUIRE(events.ok());
    REQUIRE(events->size() == 2);
    CHECK(test::has_diagnostic(events->at(0).diagnostics, "unknown mark 'ZZ'", 3));
    CHECK_FALSE(test::has_diagnostic(events->at(1).diagnostics, "unknown mark"));
}

TEST_CASE(
    "era A classifies an event one stage deep with a disqualified skater (the key rows "
    "hold era A's longest key)") {
    const auto event = table_event(
        "Competition,Round,Race,Place,Name,Time\n"
        "Cup 2004,Final,1,1,Anna,44.1\nCup 2004,Final,1,2,Cora,44.2\n"
        "Cup 2004,Final,1,DQ,Eva,\nCup 2004,Final,1,DNF,Ida,\n");
    const auto r = replay(event);
    CHECK(r.format.classification.era == Era::A);
    // Unplaced finalists by era A's keys: nothing tells a DQ from a DNF (unplaced_order equal).
    CHECK(test::standings(r) == std::vector<std::string>{"1 Anna", "2 Cora", "3 Eva", "3 Ida"});
}

TEST_CASE("an input file above 64 MB is refused before it is read") {
    // A 200 MB article took 5.8 GB to read; the limit keeps a reader's memory to a few GB.
    const auto path = std::filesystem::temp_directory_path() / "heatgraph-too-large.txt";
    { std::ofstream out(path); }
    std::filesystem::resize_file(path, (std::uintmax_t{64} << 20) + 1);  // sparse: no disk
    const auto events = load_events({path.string()});
    std::filesystem::remove(path);
    CHECK(test::error_of(events) == path.string() +
                                        ": the file is 67108865 bytes, more than the 64 MB "
                                        "heatgraph reads (docs/limits.md)");
}

// ---- issue 12: a UTF-8 byte order mark is read, not part of the first column's title ----

namespace {

Result<Event> load_and_remove(const std::string& path) {
    auto event = load_event(path);
    std::filesystem::remove(path);
    return event;
}

}  // namespace

TEST_CASE("a table file starting with a UTF-8 byte order mark reads as the same file without it") {
    for (const char* name : isu_tables) {
        CAPTURE(std::string(name));
        const auto relative = "scenarios/events/" + std::string(name) + ".csv";
        std::ifstream in(test::source_path(relative), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const auto marked = load_and_remove(test::file_with_bom("table.csv", text.str()));
        REQUIRE_MESSAGE(marked.ok(), (marked.ok() ? "" : marked.error().describe()));
        const auto plain = test::event_file(relative);
        CHECK(marked->info.title == plain.info.title);
        // The first column, the season, is read: it is no "\xEF\xBB\xBFseason".
        CHECK(marked->info.infobox == plain.info.infobox);
        CHECK(marked->info.year == plain.info.year);
        CHECK(marked->athletes.size() == plain.athletes.size());
        CHECK(marked->diagnostics.size() == plain.diagnostics.size());
        test::check_same_replay(replay(*marked), replay(plain));
    }
    CHECK(test::event_file("scenarios/events/europeans-2006-poland-women-1000m.csv").info.title ==
          "2006 European Championships, Poland – Women's 1000 metres");
    // A first column the table cannot do without, and a table known by its first line alone.
    const std::string table =
        "Round,Race,Place,Name,Time,Qual.\n"
        "Heats,1,1,Anna Alpha,44.1,Q\nHeats,1,2,Bea Beta,44.2,\n"
        "Heats,2,1,Cara Gamma,44.3,Q\nHeats,2,2,Dora Delta,44.4,\n"
        "Final,1,1,Cara Gamma,43.9,\nFinal,1,2,Anna Alpha,44.0,\n";
    for (const char* file : {"rounds.csv", "rounds.txt"}) {
        CAPTURE(std::string(file));
        const auto marked = load_and_remove(test::file_with_bom(file, table));
        REQUIRE_MESSAGE(marked.ok(), (marked.ok() ? "" : marked.error().describe()));
        REQUIRE(marked->rounds.size() == 2);
        CHECK(marked->rounds[0].name == "Heats");
        // Era B (no year): the heats' 2nd places by their time, 44.2 before 44.4.
        CHECK(
            test::standings(replay(*marked)) ==
            std::vector<std::string>{"1 Cara Gamma", "2 Anna Alpha", "3 Bea Beta", "4 Dora Delta"});
    }
}
