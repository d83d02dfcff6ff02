#include "heatgraph/identity.hpp"

#include <algorithm>
#include <random>

#include "sources/athlete_registry.hpp"
#include "sources/name_index.hpp"
#include "test_support.hpp"

using namespace heatgraph;

namespace {

// An event of the given stages, each one race of these printed names (one row a line).
Event stages_of(const std::vector<std::vector<std::string>>& stages) {
    Event event;
    int line = 1;
    for (std::size_t s = 0; s < stages.size(); ++s) {
        Round round;
        round.name = "Stage " + std::to_string(s + 1);
        Race race;
        race.name = "Race " + std::to_string(s + 1);
        for (const auto& name : stages[s]) {
            Row row;
            row.printed_name = name;
            row.line = line++;
            race.results.push_back(std::move(row));
        }
        round.races.push_back(std::move(race));
        event.rounds.push_back(std::move(round));
    }
    return event;
}

std::vector<std::string> warnings_of(const Event& event) {
    std::vector<std::string> messages;
    for (const auto& d : event.diagnostics)
        messages.push_back(d.message);
    return messages;
}

// `letters` random lower-case letters (mt19937's sequence is the same on every platform).
std::string random_letters(std::mt19937& random, int letters) {
    std::string word;
    for (int i = 0; i < letters; ++i)
        word += static_cast<char>('a' + random() % 26);
    return word;
}

}  // namespace

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

TEST_CASE("a typo of an earlier skater is taken as them, and said so") {
    auto event = stages_of({{"Li Jiajun", "Ahn Hyun-soo"}, {"Li Juajun", "Ahn Hyun-soo"}});
    const auto stats = detail::assign_athletes(event);
    CHECK(event.athletes.size() == 2);
    CHECK(event.rounds[1].races[0].field == std::vector<AthleteId>{0, 1});
    CHECK(warnings_of(event) ==
          std::vector<std::string>{"'Li Juajun' (Race 2) taken as 'Li Jiajun' of the round "
                                   "before: 1 letter(s) differ"});
    CHECK(stats.names_compared == 1);  // "Ahn Hyun-soo" is nowhere near
}

TEST_CASE("a typo of a skater two stages back is taken as them") {
    auto event = stages_of({{"Steven Bradbury", "Apolo Anton Ohno"},
                            {"Apolo Anton Ohno"},
                            {"Stevne Bradbury", "Apolo Ohno"}});
    detail::assign_athletes(event);
    CHECK(event.athletes.size() == 3);  // "Apolo Ohno" is 5 letters away
    CHECK(event.rounds[2].races[0].field[0] == 0);
    CHECK(test::has_diagnostic(event.diagnostics,
                               "'Stevne Bradbury' (Race 3) taken as 'Steven Bradbury' of an "
                               "earlier stage: 1 letter(s) differ"));
}

TEST_CASE("a typo as close to two earlier skaters is a new skater") {
    auto event = stages_of({{"Li Ya", "Li Yc"}, {"Li Yb"}});
    detail::assign_athletes(event);
    CHECK(event.athletes.size() == 3);
    CHECK(event.diagnostics.empty());

    // Once one of the two has raced in this stage, the other is the only one left.
    auto later = stages_of({{"Li Ya", "Li Yc"}, {"Li Ya", "Li Yb"}});
    detail::assign_athletes(later);
    CHECK(later.athletes.size() == 2);
    CHECK(later.rounds[1].races[0].field == std::vector<AthleteId>{0, 1});
}

TEST_CASE("a name of an untaken skater's folded key is no typo of them") {
    // "LI YE" is a second skater of the key "liye" (the first had raced in that stage). Once
    // "Li Ye" has raced again, "li-ye" finds the key's first holder taken, and "LI YE" is a
    // variant, not a typo, of it: match_name takes neither, and a new skater it is.
    auto event = stages_of({{"Li Ye", "LI YE"}, {"Li Ye", "li-ye"}});
    detail::assign_athletes(event);
    CHECK(event.athletes.size() == 3);
    CHECK(event.rounds[1].races[0].field == std::vector<AthleteId>{0, 2});
    CHECK(event.diagnostics.empty());
}

TEST_CASE("the name index misses no name within tolerance") {
    // Names of three letters are close to many others. Lengths 0 to 14 (whole names and halves)
    // and 60 to 75 (bigrams), queries one to three edits from a stored name or anything, every
    // tolerance the filters serve and one beyond: against a brute force.
    std::mt19937 random(11);
    const auto word = [&] {
        std::string w;
        for (auto n = random() % 7 == 0 ? 60 + random() % 16 : random() % 15; n > 0; --n)
            w += static_cast<char>('a' + random() % 3);
        return w;
    };
    std::vector<std::string> stored;
    detail::NameIndex index;
    for (int i = 0; i < 600; ++i) {
        stored.push_back(word());
        index.add(i * 2, stored.back());  // ids need not be entries
    }
    int within = 0;
    for (int q = 0; q < 400; ++q) {
        auto query = q % 2 ? word() : stored[random() % stored.size()];
        for (int edit = 0; q % 2 == 0 && edit < 1 + q % 3; ++edit) {  // of any kind, anywhere
            const auto at = random() % (query.size() + 1);
            const auto letter = static_cast<char>('a' + random() % 3);
            if (random() % 4 == 0 || at == query.size())
                query.insert(at, 1, letter);
            else if (random() % 3 == 0)
                query.erase(at, 1);
            else if (random() % 2 == 0 || at + 1 == query.size())
                query[at] = letter;
            else
                std::swap(query[at], query[at + 1]);
        }
        std::vector<int> distance;
        for (const auto& name : stored)
            distance.push_back(edit_distance(query, name));
        for (const int tolerance : {1, 2, 3}) {
            const auto found = index.candidates(query, tolerance);
            CHECK(std::ranges::is_sorted(found));  // in the order of adding, each once
            CHECK(std::ranges::adjacent_find(found) == found.end());
            for (std::size_t i = 0; i < stored.size(); ++i)
                if (distance[i] <= tolerance) {
                    ++within;
                    CHECK_MESSAGE(std::ranges::binary_search(found, static_cast<AthleteId>(i * 2)),
                                  query, " missed ", stored[i], " at tolerance ", tolerance);
                }
        }
    }
    CHECK(within > 2000);  // the brute force found plenty to miss
}

TEST_CASE("matching thousands of new names costs a few comparisons each, not the whole field") {
    // Issue 11: each typo search compared the name with every earlier skater, so a second stage
    // of n new names cost n * n comparisons. Random names are many edits apart: a typo of one
    // is that skater, a new name nobody. Short names (8 letters: one edit) and long (14: two).
    const int n = 4000;
    std::mt19937 random(2026);
    std::vector<std::string> first, second;
    for (int i = 0; i < n; ++i) {
        const int given = i % 2 ? 6 : 3;
        const int family = i % 2 ? 8 : 5;
        auto name = random_letters(random, given) + " " + random_letters(random, family);
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        first.push_back(name);
        if (i % 3 == 0) {  // a new skater
            second.push_back("Z" + random_letters(random, given) + " " +
                             random_letters(random, family));
        } else {  // a typo: one letter of the family name changed
            auto& letter = name[static_cast<std::size_t>(given + 1 + i % family)];
            letter = static_cast<char>('a' + (letter - 'a' + 1 + i % 25) % 26);
            second.push_back(name);
        }
    }
    auto event = stages_of({first, second});
    const auto stats = detail::assign_athletes(event);

    const auto& field = event.rounds[1].races[0].field;
    int typos = 0;
    for (int i = 0; i < n; ++i) {
        if (i % 3 == 0) {
            CHECK(field[static_cast<std::size_t>(i)] >= n);
        } else {
            CHECK(field[static_cast<std::size_t>(i)] == i);
            ++typos;
        }
    }
    CHECK(event.athletes.size() == static_cast<std::size_t>(2 * n - typos));
    CHECK(event.diagnostics.size() == static_cast<std::size_t>(typos));
    CHECK(test::has_diagnostic(event.diagnostics,
                               "'" + second[1] + "' (Race 2) taken as '" + first[1] +
                                   "' of the round before: 1 letter(s) differ",
                               n + 2));
    CHECK(stats.typo_searches == static_cast<std::size_t>(2 * n));
    // n * n / 2 and more before; now the skater themself and a few strays.
    CHECK(stats.names_compared < static_cast<std::size_t>(2 * n));
}
