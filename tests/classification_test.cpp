// Known answers: the finals' places, medals and printed Final B ranks are the official results
// printed in the seeds; the order of the skaters eliminated earlier is what the rules of each era
// give (docs/rules.md §7 to §10), worked out by hand from the published tables (comments show
// the deciding step).
#include "heatgraph/classification.hpp"

#include "test_support.hpp"

using namespace heatgraph;

namespace {

std::vector<std::string> classification_of(const char* seed) {
    return test::standings(replay(test::seed(seed)));
}

}  // namespace

TEST_CASE("era A, 2002: the Final B winner is 5th after Li Jiajun's Final A disqualification") {
    const std::vector<std::string> expected{
        "1 Steven Bradbury", "2 Apolo Anton Ohno", "3 Mathieu Turcotte", "4 Ahn Hyun-soo",
        "5 Kim Dong-sung", "6 Fabio Carta", "7 Naoya Tamura",
        "8 Li Jiajun",  // disqualified in Final A: after every Final B skater
        // quarterfinal thirds: Smith and Feng 47 points, Smith faster in his quarterfinal
        "9 Rusty Smith", "10 Feng Kai", "11 Nicola Rodigari",
        // fourths: De Deyne 42 points; Flack and McNee 29, Flack faster
        "12 Wim De Deyne", "13 Leon Flack", "14 Mark McNee",
        // heat thirds, all 13 points, by heat time; then fourths
        "15 Bruno Loscos", "16 Cees Juffermans", "17 Krystian Zdrojkowski", "18 Balázs Knoch",
        "19 Kornél Szántó", "20 Mark Jackson", "21 Arian Nachbar", "22 Pieter Gysel",
        "23 Kiril Pandov", "24 Miroslav Boyadzhiev", "25 Nicky Gooch", "26 Battulgyn Oktyabri",
        "27 Matúš Užák",
        // docs/rules.md §9: those disqualified in the race they went out in, one block at the
        // very bottom (era_a_disqualified = "by-stage": the semifinal before the quarterfinal,
        // then three heat disqualifications nothing separates)
        "28 Satoru Terao", "29 Marc Gagnon", "30 Gregory Durand", "30 Volodymyr Hryhor'iev",
        "30 Martin Johansson"};
    CHECK(classification_of("olympics-2002-men-1000m") == expected);
}

TEST_CASE(
    "era A, 2006: a Final B that was not raced gives its one skater 6th; the disqualified rank "
    "last") {
    const auto c = classification_of("olympics-2006-men-1000m");
    REQUIRE(c.size() == 26);
    // Olympedia (results/857) places 7 Rodigari, 8 Carta, 9 Terao: the semifinal
    // disqualifications Bédard and Gysel rank with the other disqualified below 20th.
    const std::vector<std::string> top{"1 Ahn Hyun-soo",    "2 Lee Ho-suk",  "3 Apolo Anton Ohno",
                                       "4 Rusty Smith",     "5 Li Ye",       "6 Li Jiajun",
                                       "7 Nicola Rodigari", "8 Fabio Carta", "9 Satoru Terao"};
    CHECK(std::vector(c.begin(), c.begin() + 9) == top);
    CHECK(c[9] == "10 Sebastian Praus");  // 26 points: his heat place was 3rd
    // the disqualified block: semifinals (by points: 55 against 34), quarterfinals, heats
    CHECK(c[20] == "21 Éric Bédard");
    CHECK(c[21] == "22 Pieter Gysel");
    CHECK(c[24] == "25 Maxime Chataignier");
    CHECK(c[25] == "25 Niels Kerstholt");
}

TEST_CASE(
    "era B, 2022: the yellow card is unranked and the penalised semifinalists follow Final B") {
    const std::vector<std::string> expected{
        "1 Ren Ziwei", "2 Li Wenlong", "3 Shaoang Liu", "4 Wu Dajing", "5 Itzhak de Laat",
        "6 Furkan Akar", "7 Andrew Heo",
        // semifinal PEN, PEN, DNS: by earlier places (1st, 1st, 3rd), then the best time
        "8 Hwang Dae-heon", "9 Lee June-seo", "10 Park Jang-hyuk", "11 Quentin Fercoq",
        "12 Pascal Dion", "13 Ryan Pivirotto",
        // unplaced in the quarterfinals: by heat place, then best time
        "14 John-Henry Krueger", "15 Sjinkie Knegt", "16 Brendan Corey", "17 Jordan Pierre-Gilles",
        "18 Kazuki Yoshinaga", "19 Pietro Sighel", "20 Jens van 't Wout", "21 Roberts Krūzbergs",
        "22 Semion Elistratov", "23 Adil Galiakhmetov", "24 Shogo Miyata", "25 Vladislav Bykanov",
        "26 Farrell Treacy", "27 Sébastien Lepape", "28 Niall Treacy", "29 Denis Ayrapetyan",
        "29 Stijn Desmet", "29 Luca Spechenhauser", "– Shaolin Sándor Liu"};
    CHECK(classification_of("olympics-2022-men-1000m") == expected);
}

TEST_CASE("era B, 2026: Final A and Final B as printed, then the quarterfinal group") {
    const auto c = classification_of("olympics-2026-men-1000m");
    const std::vector<std::string> finals{
        "1 Jens van 't Wout",  "2 Sun Long",      "3 Rim Jong-un", "4 William Dandjinou",
        "5 Roberts Krūzbergs", "6 Shaoang Liu",   "7 Teun Boer",   "8 Shin Dong-min",
        "9 Michał Niewiński",  "10 Félix Roussel"};
    REQUIRE(c.size() == 32);
    CHECK(std::vector(c.begin(), c.begin() + 10) == finals);
    CHECK(c[10] == "11 Luca Spechenhauser");  // quarterfinal thirds: heat winner first
    CHECK(c[13] == "14 Reinis Bērziņš");      // fourths tied on earlier place: best time
    CHECK(c[17] == "18 Pietro Sighel");       // penalised: after the placed, heat winner first
    CHECK(c[30] == "31 Ivan Posashkov");
    CHECK(c[31] == "31 Brandon Kim");
}

TEST_CASE("World Skate: eliminated skaters by their time in the round they went out in") {
    const auto c = classification_of("world-games-2022-men-1000m-sprint");
    REQUIRE(c.size() == 27);
    CHECK(c[0] == "1 Duccio Marsili");
    CHECK(c[6] == "7 Yvan Sivilier");
    CHECK(c[7] == "8 Giuseppe Bramante");  // disqualified in the final
    CHECK(c[8] == "9 Daniel Zapata");      // fastest semifinalist out: 1:24.935
    CHECK(c[10] == "11 Michal Prokop");    // 1:25.053, from the other semifinal
    CHECK(c[16] == "17 Nils Bühnemann");   // fastest out in the heats: 1:25.936
    CHECK(c[26] == "27 Dhanush Babu");
}

TEST_CASE("the medals and printed final ranks agree with the replay for every seed") {
    for (const char* name : test::all_seeds) {
        CAPTURE(std::string(name));
        const auto r = replay(test::seed(name));
        for (const auto& d : r.diagnostics) {
            CHECK(d.message.find("infobox gives") == std::string::npos);
            CHECK(d.message.find("the classification ranks them") == std::string::npos);
        }
        REQUIRE(r.event.info.medalists.size() == 3);
    }
}

TEST_CASE("era A points: tied places share the points of the places they span") {
    ClassificationRule rule;
    rule.era = Era::A;
    CHECK(era_a_points(rule, 1, 1) == 34);
    CHECK(era_a_points(rule, 3, 2) == doctest::Approx((13 + 8) / 2.0));
    CHECK(era_a_points(rule, 6, 1) == 3);
    CHECK(era_a_points(rule, 7, 1) == 0);
}

TEST_CASE("the order of skaters without a place is an option") {
    auto format = test::format_file("isu-2022-2026");
    const auto event = test::seed("olympics-2022-men-1000m");
    format.classification.unplaced_order = UnplacedOrder::no_start_first;
    auto c = test::standings(replay(event, format));
    CHECK(c[7] == "8 Park Jang-hyuk");  // DNS before the two penalties
    format.classification.unplaced_order = UnplacedOrder::sanction_first;
    c = test::standings(replay(event, format));
    CHECK(c[9] == "10 Park Jang-hyuk");
}

TEST_CASE("Final A and Final B skaters without a place: which comes first is an option") {
    auto r = replay(test::article(R"(= Test event 2014 =

==Results==
===Semifinals===
;Semifinal 1
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:30.000 | QA |
| 2 | Bea Beta | | 1:30.500 | QA |
| 3 | Cara Gamma | | 1:31.000 | QB |
| 4 | Dora Delta | | 1:31.500 | QB |

===Finals===
;Final A
| Rank | Athlete | Country | Time | Notes |
| 1 | Anna Alpha | | 1:29.000 | |
| – | Bea Beta | | | PEN |
;Final B
| Rank | Athlete | Country | Time | Notes |
| 3 | Cara Gamma | | 1:32.000 | |
| – | Dora Delta | | | PEN |
)"));
    CHECK(test::standings(r) ==
          std::vector<std::string>{"1 Anna Alpha", "2 Cara Gamma", "3 Bea Beta", "4 Dora Delta"});
    auto format = r.format;
    format.classification.unplaced_finalists = UnplacedFinalists::b_before_a;
    r = replay(r.event, format);
    CHECK(test::standings(r) ==
          std::vector<std::string>{"1 Anna Alpha", "2 Cara Gamma", "3 Dora Delta", "4 Bea Beta"});
}
