#include "heatgraph/replay.hpp"

#include "test_support.hpp"

using namespace heatgraph;
using test::row_of;
using test::why;

namespace {

// Every row of a stage after the first is explained: the skater's row of the stage they raced
// before it carries an advancement to this race or stage, or the row is a direct entry.
void check_every_arrival_explained(const Replay& r) {
    const auto& rounds = r.event.rounds;
    for (std::size_t k = 1; k < rounds.size(); ++k)
        for (const auto& race : rounds[k].races)
            for (const auto& row : race.results) {
                CAPTURE(r.event.name_of(row.athlete));
                CAPTURE(race.name);
                const Row* before = nullptr;
                for (std::size_t j = 0; j < k; ++j)
                    for (const auto& earlier : rounds[j].races)
                        for (const auto& e : earlier.results)
                            if (e.athlete == row.athlete) before = &e;
                if (!before) {
                    CHECK(row.entry == Entry::direct);
                    continue;
                }
                REQUIRE(before->advance);
                CHECK((before->advance->to == race.name || before->advance->to == rounds[k].name));
            }
}

}  // namespace

TEST_CASE("every skater of every later stage is explained by the stage before, or entered") {
    for (const char* name : test::all_seeds) {
        CAPTURE(std::string(name));
        const auto r = replay(test::seed(name));
        check_every_arrival_explained(r);
        for (const auto& d : r.diagnostics)
            CHECK_MESSAGE(d.severity != Severity::error, d.message);
    }
    for (const char* path : test::graph_events) {
        CAPTURE(std::string(path));
        const auto r = replay(test::event_file(path));
        check_every_arrival_explained(r);
        for (const auto& d : r.diagnostics)
            CHECK_MESSAGE(d.severity != Severity::error, d.message);
    }
}

TEST_CASE("each seed replays under its format file as under the inferred format") {
    const std::pair<const char*, const char*> cases[] = {
        {"olympics-2002-men-1000m", "isu-2002"},
        {"olympics-2006-men-1000m", "isu-2006"},
        {"olympics-2022-men-1000m", "isu-2022-2026"},
        {"olympics-2026-men-1000m", "isu-2022-2026"},
        {"world-games-2022-men-1000m-sprint", "world-skate-sprint"}};
    for (const auto& [event, format] : cases) {
        CAPTURE(std::string(event));
        test::check_same_replay(replay(test::seed(event)),
                                replay(test::seed(event), test::format_file(format)));
    }
}

TEST_CASE("2022: the lost heat notes are recovered by inference") {
    // Four heat thirds reached the quarterfinals, but the second-fastest third (van 't Wout)
    // did not: only the fastest (Li Wenlong) can be a time qualifier; three are referee calls.
    const auto r = replay(test::seed("olympics-2022-men-1000m"));
    CHECK(why(row_of(r, "Heat 1", "Park Jang-hyuk")) == "Q inferred -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 5", "Li Wenlong")) == "q inferred -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 1", "Itzhak de Laat")) == "ADV inferred -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 6", "Kazuki Yoshinaga")) == "ADV inferred -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 7", "Pietro Sighel")) == "ADV inferred -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 2", "Jens van 't Wout")) == "-");
    CHECK(why(row_of(r, "Heat 6", "Denis Ayrapetyan")) == "-");
    // Quarterfinals: 8 Q and 3 referee advancements leave no time slot of the 10.
    CHECK(why(row_of(r, "Quarterfinal 1", "Park Jang-hyuk")) == "ADV inferred -> Semifinals");
    CHECK(why(row_of(r, "Quarterfinal 3", "Itzhak de Laat")) == "ADV inferred -> Semifinals");
    CHECK(why(row_of(r, "Quarterfinal 4", "Shaolin Sándor Liu")) == "ADV inferred -> Semifinals");
    CHECK(why(row_of(r, "Quarterfinal 2", "Quentin Fercoq")) == "-");
    CHECK(why(row_of(r, "Semifinal 2", "Shaoang Liu")) == "ADVA recorded -> Final A");
    CHECK(why(row_of(r, "Semifinal 1", "Furkan Akar")) == "QB recorded -> Final B");
    CHECK(why(row_of(r, "Semifinal 1", "Hwang Dae-heon")) == "-");
}

TEST_CASE("World Games: the missing Q marks are explained by the time rule") {
    const auto r = replay(test::seed("world-games-2022-men-1000m-sprint"));
    CHECK(why(row_of(r, "Heat 1", "Andrés Jiménez")) == "Q recorded -> Semifinals");
    CHECK(why(row_of(r, "Heat 1", "Duccio Marsili")) == "q recorded -> Semifinals");
    for (const auto& [race, who] :
         std::vector<std::pair<std::string, std::string>>{{"Heat 1", "Jorge Luis Martínez"},
                                                          {"Heat 1", "Mike Alejandro Paez"},
                                                          {"Heat 3", "Francisco Peula"},
                                                          {"Heat 3", "Santiago Roumec"}})
        CHECK(why(row_of(r, race, who)) == "q inferred -> Semifinals");
    CHECK(why(row_of(r, "Heat 4", "Nils Bühnemann")) == "-");  // 13th fastest: 1:25.936
    CHECK(why(row_of(r, "Semifinal 1", "Simon Albrecht")) == "q inferred -> Final");
    CHECK(why(row_of(r, "Semifinal 1", "Daniel Zapata")) == "-");
    CHECK(test::has_diagnostic(r.diagnostics, "Heats: 8 time qualifier(s) are marked Q"));
}

TEST_CASE("2006: two fastest thirds, three by a dead heat, and referee advancements on top") {
    const auto r = replay(test::seed("olympics-2006-men-1000m"));
    CHECK(why(row_of(r, "Heat 3", "Peter Darazs")) == "q recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 6", "Pieter Gysel")) == "q recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 6", "Arian Nachbar")) == "q recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 5", "Sebastian Praus")) == "ADV recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 7", "Mikhail Rajine")) == "ADV recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 1", "Jean Charles Mattei")) == "-");
    CHECK(why(row_of(r, "Semifinal 1", "Li Ye")) == "ADVA recorded -> Final A");
    const Race* b = r.event.find_race("Final B");
    REQUIRE(b);
    CHECK_FALSE(b->raced);
    REQUIRE(b->field.size() == 1);
    CHECK(r.event.name_of(b->field[0]) == "Li Jiajun");
}

TEST_CASE("2002: referee advancements to the semifinals and straight to Final A") {
    const auto r = replay(test::seed("olympics-2002-men-1000m"));
    CHECK(why(row_of(r, "Quarterfinal 2", "Naoya Tamura")) == "ADV recorded -> Semifinals");
    CHECK(why(row_of(r, "Semifinal 1", "Mathieu Turcotte")) == "ADVA recorded -> Final A");
    CHECK(why(row_of(r, "Semifinal 1", "Kim Dong-sung")) == "QB recorded -> Final B");
    CHECK(why(row_of(r, "Semifinal 2", "Naoya Tamura")) == "QB recorded -> Final B");
    CHECK(why(row_of(r, "Quarterfinal 2", "Marc Gagnon")) == "-");
}

TEST_CASE("2026: time qualifiers after referee advancements, and a fastest third to Final A") {
    const auto r = replay(test::seed("olympics-2026-men-1000m"));
    CHECK(why(row_of(r, "Heat 5", "Moon Won-jun")) == "q recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 6", "Teun Boer")) == "q recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Heat 8", "Roberts Krūzbergs")) == "ADV recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Quarterfinal 3", "Michał Niewiński")) == "ADV recorded -> Semifinals");
    CHECK(why(row_of(r, "Quarterfinal 2", "Moon Won-jun")) == "-");  // no time slot left
    CHECK(why(row_of(r, "Semifinal 1", "Roberts Krūzbergs")) == "qA recorded -> Final A");
    CHECK(why(row_of(r, "Semifinal 2", "Félix Roussel")) == "QB recorded -> Final B");
}

TEST_CASE("a recorded mark the rules disagree with is a diagnostic with its line") {
    auto top_two = parse_format(
        "[[stage]]\nname = \"heats\"\nkind = \"heat\"\n[[stage]]\nname = \"finals\"\n"
        "kind = \"final\"\n[[transition]]\nfrom = \"heats\"\nto = \"finals\"\nplaces = 2\n",
        "top-two.toml");
    REQUIRE(top_two.ok());
    const auto r = replay(test::article(R"(= Test event 2010 =

==Results==
===Heats===
;Heat 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | Q |
| 2 | Bea Beta | | 1:30.500 | q |
| 3 | Cara Gamma | | 1:31.000 | Q |

===Final===
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:29.000 | |
| 2 | Cara Gamma | | 1:29.100 | |
)"),
                          *top_two);
    CHECK(why(row_of(r, "Heat 1", "Anna Alpha")) == "Q recorded -> Final");
    CHECK(test::has_diagnostic(
        r.diagnostics,
        "Bea Beta placed 2 in Heat 1, which qualifies by place, but is not in the Final", 8));
    CHECK(test::has_diagnostic(
        r.diagnostics, "Bea Beta in Heat 1 is marked q but did not race the next round", 8));
    CHECK(test::has_diagnostic(r.diagnostics,
                               "Cara Gamma in Heat 1 is marked Q; the rules make it ADV", 9));
}

TEST_CASE("an advancement with no mark beyond the rules is taken as a referee call, and said") {
    const auto r = replay(test::article(R"(= Test event 2010 =

==Results==
===Heats===
;Heat 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | Q |
| 2 | Bea Beta | | 1:30.500 | Q |
| 3 | Cara Gamma | | 1:31.000 | |
;Heat 2
| Rank | Athlete | Country | Time | Notes |
| 1 | Dora Delta | | 1:30.000 | Q |
| 2 | Emma Epsilon | | 1:30.500 | Q |
| 3 | Fay Zeta | | 1:30.900 | |

===Final===
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:29.000 | |
| 2 | Bea Beta | | 1:29.100 | |
| 3 | Cara Gamma | | 1:29.200 | |
| 4 | Dora Delta | | 1:29.300 | |
| 5 | Emma Epsilon | | 1:29.400 | |
)"));
    // Cara advanced, the faster third Fay did not: Cara cannot be a time qualifier.
    CHECK(why(row_of(r, "Heat 1", "Cara Gamma")) == "ADV inferred -> Final");
    CHECK(test::has_diagnostic(r.diagnostics,
                               "Cara Gamma advanced from Heat 1 to the Final with no mark", 9));
}

TEST_CASE("a format with other stages than the event is reported") {
    const auto r =
        replay(test::seed("world-games-2022-men-1000m-sprint"), test::format_file("isu-2002"));
    CHECK(test::has_diagnostic(r.diagnostics,
                               "the format 'ISU 2002' has 8 races in the Heats; the event has 4"));
    // Stages are matched by name: the format's heats lead to quarterfinals the event lacks.
    CHECK(test::has_diagnostic(r.diagnostics,
                               "the quarterfinals are not in the record; who went on from the "
                               "Heats is not explained"));
    CHECK(test::has_diagnostic(r.diagnostics,
                               "Andrés Jiménez raced Semifinal 1 after the Heats, but the format "
                               "'ISU 2002' has no transition from the Heats to the Semifinals",
                               66));
    const auto other =
        replay(test::seed("olympics-2006-men-1000m"), test::format_file("world-skate-sprint"));
    CHECK(test::has_diagnostic(other.diagnostics,
                               "the format 'World Skate 1000 m sprint' has no "
                               "stage 'Quarterfinals'; nobody's advancement "
                               "from it is explained"));
}

TEST_CASE("an athlete's path, race by race") {
    const auto r = replay(test::seed("olympics-2006-men-1000m"));
    const auto path = athlete_path(r, "Li Juajun");  // the typo of quarterfinal 3
    REQUIRE(path.ok());
    REQUIRE(path->size() == 4);
    CHECK((*path)[1].race == "Quarterfinal 3");
    CHECK((*path)[1].row.printed_name == "Li Juajun");
    CHECK((*path)[3].race == "Final B");
    CHECK_FALSE((*path)[3].raced);

    const auto unknown = athlete_path(r, "Steven Bradbury");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.rfind("no athlete 'Steven Bradbury' in this event; nearest: ",
                                        0) == 0);
}

TEST_CASE(
    "World Cup 2012 Calgary: preliminaries and a repechage ladder that rejoins the "
    "quarterfinals") {
    const auto r =
        replay(test::event_file("scenarios/events/world-cup-2012-calgary-women-500m.txt"));
    std::vector<std::string> kinds;
    for (const auto& round : r.event.rounds)
        kinds.emplace_back(to_string(round.kind));
    CHECK(kinds == std::vector<std::string>{"preliminary", "heat", "repechage", "repechage",
                                            "quarterfinal", "semifinal", "final"});
    CHECK(why(row_of(r, "Preliminary 1", "Sarah Chen")) == "ADV recorded -> Heats");
    CHECK(why(row_of(r, "Preliminary 1", "Elisa Lenke")) ==
          "repechage inferred -> Repechage heats");
    CHECK(why(row_of(r, "Heat 5", "Lee So-youn")) == "repechage inferred -> Repechage heats");
    CHECK(why(row_of(r, "Repechage heat 3", "Lee So-youn")) ==
          "q recorded -> Repechage semifinals");
    CHECK(why(row_of(r, "Preliminary 1", "Julie Jung")) == "-");  // penalised: no repechage
    // The repechage semifinal winners rejoin the quarterfinals.
    const auto& rep_semis = r.event.rounds[3].races;
    for (const auto& race : rep_semis) {
        CAPTURE(race.name);
        REQUIRE_FALSE(race.results.empty());
        CHECK(why(race.results.front()) == "Q recorded -> Quarterfinals");
    }
    // Eliminated: the quarterfinals before the repechage semifinals before the repechage heats,
    // the three penalised in the preliminaries last, tied.
    const auto standings = test::standings(r);
    REQUIRE(standings.size() == 38);
    CHECK(standings[16] == "17 Natalia Plugina");  // first of the repechage semifinals
    CHECK(standings[22] == "23 Elisa Lenke");      // first of the repechage heats
    CHECK(standings[35] == "36 Julie Jung");
    CHECK(standings[37] == "36 Ayuko Ito");
}

TEST_CASE("World Cup 2013 Dresden: the host-nation skater enters the quarterfinals directly") {
    const auto r =
        replay(test::event_file("scenarios/events/world-cup-2013-dresden-women-1000m.txt"));
    const auto& walter = row_of(r, "Quarterfinal 4", "Bianca Walter");
    REQUIRE(walter.entry);
    CHECK(*walter.entry == Entry::direct);
    REQUIRE(r.format.entries.size() == 1);
    CHECK(r.format.entries[0].to == "Quarterfinals");
    CHECK(test::has_diagnostic(r.diagnostics,
                               "direct entry into the Quarterfinals for Bianca Walter"));
    // Everyone else in the quarterfinals came from an earlier stage.
    CHECK_FALSE(row_of(r, "Quarterfinal 1", "Wang Meng").entry);
}

TEST_CASE("World Juniors 2020 Bormio: the quarterfinals' non-qualifiers race ranking finals") {
    const auto r =
        replay(test::event_file("scenarios/events/world-juniors-2020-bormio-women-1500m.txt"));
    CHECK(r.event.rounds[2].kind == StageKind::ranking);
    CHECK(why(row_of(r, "Quarterfinal 2", "Aurelie Leveque")) ==
          "ranking inferred -> Ranking finals");
    const auto standings = test::standings(r);
    // 21 semifinalists (no finals in the record), then the last ranking final first: the
    // quarterfinals' thirds and best fourths.
    CHECK(standings[20].find("21 ") == 0);
    CHECK(standings[21] == "22 Hao Weiying");
    CHECK(standings[28] == "29 Chiara Betti");  // ranking final 3's winner
    CHECK(test::has_diagnostic(r.diagnostics,
                               "Anna Matveeva qualifies for Ranking finals by the format but is "
                               "not in it"));
    CHECK(test::has_diagnostic(r.diagnostics,
                               "Kim Gilli in Semifinal 1 is marked QA but did not "
                               "race the next round"));
}

TEST_CASE("eighth-finals, a referee advancement and a Final C (a constructed event)") {
    const auto r = replay(test::event_file("tests/data/graph/eighth-finals-and-final-c.txt"));
    CHECK(r.event.rounds[0].kind == StageKind::eighth_final);
    CHECK(r.event.rounds[0].name == "Eighth-finals");
    CHECK(why(row_of(r, "Eighth-final 5", "Daniel Okafor")) == "ADV recorded -> Quarterfinals");
    CHECK(why(row_of(r, "Quarterfinal 3", "Jasper de Vries")) == "Q recorded -> Semifinals");
    CHECK(why(row_of(r, "Quarterfinal 3", "Wei Jianhong")) == "-");
    const auto& finals = r.event.rounds.back();
    REQUIRE(finals.races.size() == 3);
    CHECK(finals.races[2].name == "Final C");
    for (const auto& row : r.event.rounds[2].races[0].results)
        if (row.advance && row.advance->to == "Final C")
            CHECK(why(row) == "QC recorded -> Final C");
    const auto standings = test::standings(r);
    CHECK(standings[6].find("7 ") == 0);  // Final C's winner is 7th, as printed
    CHECK(r.diagnostics.empty());
}

TEST_CASE("ranking finals of a championship place the heats' non-qualifiers (constructed)") {
    const auto r = replay(test::event_file("tests/data/graph/ranking-finals-championship.txt"));
    const auto standings = test::standings(r);
    REQUIRE(standings.size() == 20);
    CHECK(standings[8].find("9 ") == 0);            // the quarterfinals' eliminated first
    CHECK(standings[12] == "13 Ingrid Solberg");    // the last ranking final's winner
    CHECK(standings[16] == "17 Viktoria Ivanova");  // ranking final 1's winner
    CHECK(standings[19] == "20 Aino Virtanen");     // DNF in the heats: raced no ranking final
    CHECK(r.diagnostics.empty());
}

namespace {

// The step of `athlete`'s path in `race`.
PathStep step_in(const Replay& r, std::string_view athlete, std::string_view race) {
    const auto path = athlete_path(r, athlete);
    REQUIRE(path.ok());
    for (const auto& step : *path)
        if (step.race == race) return step;
    FAIL("no step in ", race);
    return {};
}

}  // namespace

TEST_CASE("explain 2022: a semifinal penalty, a place gained by it, a card in Final A") {
    const auto r = replay(test::seed("olympics-2022-men-1000m"));
    const auto hwang = step_in(r, "Hwang Dae-heon", "Semifinal 1");
    CHECK(hwang.incident == "penalised (PEN)");
    CHECK(hwang.why_out == "no place: cannot go through");

    const auto li = step_in(r, "Li Wenlong", "Semifinal 1");  // by place into Final A
    CHECK(li.reason == "2nd, 1:26.722: the first two go to Final A (QA, recorded)");
    CHECK(li.moved_up_by == std::vector<std::string>{"Hwang Dae-heon"});
    CHECK(li.incident ==
          "moved up by another's penalty: Hwang Dae-heon (PEN) penalised in the race; behind "
          "them, 3rd would not go through");
    const auto li_heat = step_in(r, "Li Wenlong", "Heat 5");  // the only time qualifier
    CHECK(li_heat.reason ==
          "3rd, 1:23.140: by time, the fastest of 5 thirds for 1 time slot (q, inferred)");
    REQUIRE(li_heat.time);
    CHECK(li_heat.time->rank == 1);
    CHECK(li_heat.time->slots == 1);

    const auto liu = step_in(r, "Shaolin Sándor Liu", "Final A");
    CHECK(liu.incident == "yellow card (YC): penalised, every result of the distance void");
    CHECK(liu.why_out.empty());
    CHECK(step_in(r, "Shaolin Sándor Liu", "Quarterfinal 4").incident ==
          "advanced by the Referee (ADV, inferred)");
}

TEST_CASE("explain 2022: a third out in the heats, the time slots taken by the Referee") {
    const auto r = replay(test::seed("olympics-2022-men-1000m"));
    const auto out = step_in(r, "Jens van 't Wout", "Heat 2");
    CHECK(out.why_out ==
          "3rd, 1:23.946: only the first two go through; not the fastest of the 5 thirds (2nd "
          "fastest, 0.806 s behind the last); 3 slots went to referee advancements (Itzhak de "
          "Laat, Kazuki Yoshinaga, Pietro Sighel)");
    REQUIRE(out.time);
    CHECK(out.time->rank == 2);
    CHECK(out.time->pool == 5);
    CHECK(out.time->behind_last == 806);
    CHECK(out.time->by_time == std::vector<std::string>{"Li Wenlong"});
}

TEST_CASE("explain 2002: a referee advancement into Final A, a place gained by a penalty") {
    const auto r = replay(test::seed("olympics-2002-men-1000m"));
    const auto turcotte = step_in(r, "Mathieu Turcotte", "Semifinal 1");
    CHECK(turcotte.incident == "advanced by the Referee (ADVA, recorded)");
    CHECK(turcotte.reason == "3rd, 1:35.156: not through by place (the first two go to Final A)");
    const auto bradbury = step_in(r, "Steven Bradbury", "Quarterfinal 2");
    CHECK(bradbury.moved_up_by == std::vector<std::string>{"Marc Gagnon"});
}
