#include "heatgraph/identity.hpp"

#include "test_support.hpp"

using namespace heatgraph;

TEST_CASE("folding removes case, diacritics and punctuation") {
    CHECK(fold_name("Matúš Užák") == "matusuzak");
    CHECK(fold_name("Roberts Krūzbergs") == "robertskruzbergs");
    CHECK(fold_name("Reinis Bērziņš") == "reinisberzins");
    CHECK(fold_name("Michał Niewiński") == "michalniewinski");
    CHECK(fold_name("Jens van 't Wout") == "jensvantwout");
    CHECK(fold_name("Ahn Hyun-Soo") == fold_name("Ahn Hyun-soo"));
    CHECK(fold_name("Éric Bédard") == "ericbedard");
}

TEST_CASE("edit distance counts substitutions, insertions and transpositions") {
    CHECK(edit_distance("lijuajun", "lijiajun") == 1);
    CHECK(edit_distance("lijiajnu", "lijiajun") == 1);  // transposition
    CHECK(edit_distance("abc", "abc") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("liye", "lijiajun") > typo_tolerance("liye"));
}

TEST_CASE("a name matches exactly, then by variant, then by a small typo") {
    const std::vector<std::string> names{"Ahn Hyun-soo", "Li Jiajun", "Li Ye", "Lee Ho-suk"};
    const auto exact = match_name("Li Ye", names);
    REQUIRE(exact);
    CHECK(exact->candidate == 2);
    CHECK(exact->kind == MatchKind::exact);

    const auto variant = match_name("Ahn Hyun-Soo", names);
    REQUIRE(variant);
    CHECK(variant->candidate == 0);
    CHECK(variant->kind == MatchKind::variant);

    const auto typo = match_name("Li Juajun", names);
    REQUIRE(typo);
    CHECK(typo->candidate == 1);
    CHECK(typo->kind == MatchKind::typo);

    CHECK_FALSE(match_name("Steven Bradbury", names));
}

TEST_CASE("two equally close names are no match") {
    CHECK_FALSE(match_name("Li Yb", {"Li Ya", "Li Yc"}));
}

TEST_CASE("one athlete across rounds despite case and typos, each match reported") {
    const auto event = test::seed("olympics-2006-men-1000m");
    CHECK(event.athletes.size() == 26);
    const auto ahn = event.find_athlete("Ahn Hyun-soo");
    const auto li = event.find_athlete("Li Jiajun");
    REQUIRE(ahn);
    REQUIRE(li);
    CHECK(event.athletes[*ahn].aliases == std::vector<std::string>{"Ahn Hyun-Soo"});
    CHECK(event.athletes[*li].aliases == std::vector<std::string>{"Li Juajun"});
    int reported = 0;
    for (const auto& d : event.diagnostics) {
        if (d.message.find("'Ahn Hyun-Soo' (Quarterfinal 2) taken as 'Ahn Hyun-soo'") == 0) {
            CHECK(d.line == 77);
            ++reported;
        }
        if (d.message.find("'Li Juajun' (Quarterfinal 3) taken as 'Li Jiajun'") == 0) {
            CHECK(d.line == 84);
            ++reported;
        }
    }
    CHECK(reported == 2);
}

TEST_CASE("a surname alone finds the athlete when it is unique") {
    const auto event = test::seed("olympics-2002-men-1000m");
    const auto bradbury = event.find_athlete("Bradbury");
    REQUIRE(bradbury);
    CHECK(event.name_of(*bradbury) == "Steven Bradbury");
    CHECK(event.name_of(*event.find_athlete("li")) == "Li Jiajun");         // the only Li of 2002
    CHECK_FALSE(test::seed("olympics-2006-men-1000m").find_athlete("Li"));  // Li Ye, Li Jiajun
}
