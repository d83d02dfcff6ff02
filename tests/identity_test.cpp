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
    CHECK(fold_name("Claudia Pechstein-Weiß") == "claudiapechsteinweiss");
    CHECK(fold_name("Æbeltoft") == "aebeltoft");
    CHECK(fold_name("æ") == "ae");
}

TEST_CASE("Latin-1 and Latin Extended-A letters fold as the former hand-written table did") {
    // Every letter of U+00C0..U+017F, in order; the key is what the table gave them.
    CHECK(fold_name("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ") ==
          "aaaaaaaeceeeeiiiidnoooooouuuuythssaaaaaaaeceeeeiiiidnoooooouuuuythy");
    CHECK(fold_name("ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌ"
                    "ōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ") ==
          "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiijijjjkkkllllllllllnnnnnnnnnooooooo"
          "eoerrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs");
}

TEST_CASE("letters Unicode does not decompose fold to their base letters") {
    CHECK(fold_name("ø") == "o");
    CHECK(fold_name("Ø") == "o");
    CHECK(fold_name("ł") == "l");
    CHECK(fold_name("Ł") == "l");
    CHECK(fold_name("đ") == "d");
    CHECK(fold_name("Đ") == "d");
    CHECK(fold_name("ħ") == "h");
    CHECK(fold_name("ı") == "i");
    CHECK(fold_name("œ") == "oe");
    CHECK(fold_name("Œ") == "oe");
    CHECK(fold_name("þ") == "th");
    CHECK(fold_name("Þ") == "th");
    CHECK(fold_name("ŀ") == "l");
    CHECK(fold_name("Łukasz Kuczyński") == fold_name("Lukasz Kuczynski"));
    CHECK(fold_name("Håvard Sjøberg") == "havardsjoberg");
}

TEST_CASE("Cyrillic names fold the same whatever their case") {
    CHECK_FALSE(fold_name("Виктор Ан").empty());
    CHECK(fold_name("Виктор Ан") == fold_name("ВИКТОР АН"));
    CHECK(fold_name("Виктор Ан") == "викторан");
    CHECK(fold_name("Семён Елистратов") == fold_name("СЕМЕН ЕЛИСТРАТОВ"));  // ё is е with a mark
}

TEST_CASE("Greek names lose their tonos and fold case, final sigma included") {
    CHECK(fold_name("Ελένη Ζαχαρίου") == "ελενηζαχαριου");
    CHECK(fold_name("ΕΛΈΝΗ ΖΑΧΑΡΊΟΥ") == fold_name("Ελένη Ζαχαρίου"));
    CHECK(fold_name("Νικόλαος") == fold_name("ΝΙΚΟΛΑΟΣ"));
}

TEST_CASE("Hangul and CJK names fold to a stable, non-empty key") {
    const auto hangul = fold_name("안현수");
    CHECK_FALSE(hangul.empty());
    CHECK(hangul == fold_name("안현수"));
    CHECK(hangul == fold_name("안 현수"));
    CHECK(hangul != fold_name("안현소"));
    // NFKD spells a syllable in its jamo: 안 is ᄋ ᅡ ᆫ.
    CHECK(fold_name("안") == "\u110B\u1161\u11AB");

    const auto han = fold_name("李佳军");
    CHECK(han == "李佳军");
    CHECK(han == fold_name("李 佳军"));
    CHECK(han == fold_name("李\u3000佳军"));  // an ideographic space
    CHECK(fold_name("佐々木") == "佐々木");   // the iteration mark is a letter
}

TEST_CASE("compatibility forms fold to their plain letters") {
    CHECK(fold_name("ＡＢＣ") == "abc");
    CHECK(fold_name("Ａｈｎ Ｈｙｕｎ－ｓｏｏ") == fold_name("Ahn Hyun-Soo"));
    CHECK(fold_name("ﬁ") == "fi");
}

TEST_CASE("symbols, punctuation and spaces are no part of a name") {
    CHECK(fold_name("Samsung® Team") == "samsungteam");
    CHECK(fold_name("Brand™") == "brand");  // not "brandtm", though ™ decomposes to TM
    CHECK(fold_name("O'Brien, J. (CAN) — 1st") == "obrienjcan1st");
    CHECK(fold_name("Jens van \u2019t Wout") == "jensvantwout");  // typographic apostrophe
    CHECK(fold_name("Jens van \u02BCt Wout") == "jensvantwout");  // modifier letter apostrophe
    CHECK(fold_name("\u00AB\u00A0\u00BB\u00B7").empty());
}

TEST_CASE("malformed UTF-8 is dropped, not fatal") {
    CHECK(fold_name("\xff").empty());
    CHECK(fold_name("Ahn\xffSoo") == "ahnsoo");
    CHECK(fold_name("Uz\xc3") == "uz");            // truncated at the end
    CHECK(fold_name("U\xe2\x82zak") == "uzak");    // truncated before ASCII
    CHECK(fold_name("\x80\xbf").empty());          // continuation bytes alone
    CHECK(fold_name("\xc0\xaf").empty());          // overlong "/"
    CHECK(fold_name("\xed\xa0\x80").empty());      // a surrogate
    CHECK(fold_name("\xf4\x90\x80\x80").empty());  // beyond U+10FFFF
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

TEST_CASE("a name in capitals is a variant, in any script") {
    const auto latin = match_name("VIKTOR AHN", {"Li Jiajun", "Viktor Ahn"});
    REQUIRE(latin);
    CHECK(latin->candidate == 1);
    CHECK(latin->kind == MatchKind::variant);

    const auto cyrillic = match_name("ВИКТОР АН", {"Семён Елистратов", "Виктор Ан"});
    REQUIRE(cyrillic);
    CHECK(cyrillic->candidate == 1);
    CHECK(cyrillic->kind == MatchKind::variant);
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
