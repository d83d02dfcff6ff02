#include "heatgraph/rulings.hpp"

#include <fmt/format.h>

#include "test_support.hpp"

using namespace heatgraph;

namespace {

Ruling ruling(RulingKind kind, std::string_view text, std::string_view card = {}) {
    auto r = parse_ruling(kind, text, card);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().describe()));
    return std::move(r).value();
}

std::string ruling_error(RulingKind kind, std::string_view text, std::string_view card = {}) {
    return test::error_of(parse_ruling(kind, text, card));
}

std::string check_error(const std::vector<Ruling>& rulings) {
    static const auto replayed = replay(test::seed("olympics-2022-men-1000m"));
    return test::error_of(check_rulings(replayed.event, rulings));
}

}  // namespace

TEST_CASE("rulings are read as written on the command line") {
    const auto rescind = ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=1");
    CHECK(rescind.athlete == "Hwang Dae-heon");
    CHECK(rescind.race == "Semifinal 1");
    CHECK(rescind.place == 1);
    CHECK_FALSE(rescind.time);
    const auto timed = ruling(RulingKind::rescind, " Hwang Dae-heon @ Semifinal 1 = 2, 1:26.500 ");
    CHECK(timed.athlete == "Hwang Dae-heon");
    CHECK(timed.race == "Semifinal 1");
    CHECK(timed.place == 2);
    CHECK(timed.time == 86500);
    CHECK(ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1:3").place == 3);
    CHECK(ruling(RulingKind::time, "Li Wenlong@Heat 5=1:23.100").time == 83100);
    CHECK(ruling(RulingKind::penalize, "Ren Ziwei@Final A", "yellow").sanction == Status::YC);
    CHECK(ruling(RulingKind::penalize, "Ren Ziwei@Final A").sanction == Status::PEN);
    CHECK(ruling(RulingKind::redraw, "Final A").race == "Final A");
    CHECK(ruling(RulingKind::revoke_advance, "Shaoang Liu@Semifinal 2").describe() ==
          "revoke-advance Shaoang Liu@Semifinal 2");
}

TEST_CASE("a malformed ruling is an error that says what was expected") {
    CHECK(ruling_error(RulingKind::penalize, "Ren Ziwei") ==
          "--penalize \"Ren Ziwei\": expected ATHLETE@RACE");
    CHECK(ruling_error(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1") ==
          "--rescind \"Hwang Dae-heon@Semifinal 1\": expected ATHLETE@RACE=PLACE or "
          "ATHLETE@RACE=PLACE,TIME");
    CHECK(ruling_error(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=first") ==
          "--rescind \"Hwang Dae-heon@Semifinal 1=first\": 'first' is not a place (1 to 9999)");
    CHECK(ruling_error(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=99999999999") ==
          "--rescind \"Hwang Dae-heon@Semifinal 1=99999999999\": '99999999999' is not a place "
          "(1 to 9999)");
    CHECK(ruling_error(RulingKind::time, "Li Wenlong@Heat 5=fast") ==
          "--time \"Li Wenlong@Heat 5=fast\": 'fast' is not a race time (1:23.456, under a day)");
    CHECK(ruling_error(RulingKind::time, "Li Wenlong@Heat 5=999999999:00.000") ==
          "--time \"Li Wenlong@Heat 5=999999999:00.000\": '999999999:00.000' is not a race time "
          "(1:23.456, under a day)");
    // Invalid UTF-8 that still typo-matched a name reached the JSON writers, which threw.
    CHECK(ruling_error(RulingKind::rescind, "Hwang Dae-heon\xff@Semifinal 1=1") ==
          "--rescind: the ruling is not UTF-8 text (byte 15 is not)");
    CHECK(ruling_error(RulingKind::penalize, "Ren Ziwei@Final A\xed\xa0\x80") ==
          "--penalize: the ruling is not UTF-8 text (byte 18 is not)");
    CHECK(ruling_error(RulingKind::redraw, "Ren Ziwei@Final A") ==
          "--redraw \"Ren Ziwei@Final A\": a redraw names a race only, e.g. \"Final A\"");
    CHECK(ruling_error(RulingKind::dns, "Ren Ziwei@Final A", "yellow") ==
          "--dns \"Ren Ziwei@Final A\": a card goes with a penalty only");
    CHECK(ruling_error(RulingKind::penalize, "Ren Ziwei@Final A", "green") ==
          "--penalize \"Ren Ziwei@Final A\": the card is 'yellow' or 'red', not 'green'");
}

TEST_CASE("rulings must name an athlete and a race of the event, and fit the record") {
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Tae-hun@Semifinal 1=1")}) ==
          "--rescind \"Hwang Tae-hun@Semifinal 1=1\": no athlete 'Hwang Tae-hun' in this event; "
          "nearest: Hwang Dae-heon, Andrew Heo, Brendan Corey");
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@Semi-fianl=1")}) ==
          "--rescind \"Hwang Dae-heon@Semi-fianl=1\": no race 'Semi-fianl' in this event; "
          "nearest: Semifinal 1, Semifinal 2, Final A");
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 2=1")}) ==
          "--rescind \"Hwang Dae-heon@Semifinal 2=1\": Hwang Dae-heon did not race Semifinal 2");
    CHECK(check_error({ruling(RulingKind::rescind, "Ren Ziwei@Semifinal 1=1")}) ==
          "--rescind \"Ren Ziwei@Semifinal 1=1\": Ren Ziwei has no penalty or card in "
          "Semifinal 1 to rescind");
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=5")}) ==
          "--rescind \"Hwang Dae-heon@Semifinal 1=5\": Hwang Dae-heon can be reinstated at "
          "places 1 to 4 of Semifinal 1");
    CHECK(check_error({ruling(RulingKind::revoke_advance, "Ren Ziwei@Semifinal 1")}) ==
          "--revoke-advance \"Ren Ziwei@Semifinal 1\": Ren Ziwei has no referee advancement "
          "from Semifinal 1 to revoke");
    CHECK(check_error({ruling(RulingKind::advance, "Ren Ziwei@Final A")}) ==
          "--advance \"Ren Ziwei@Final A\": Final A is a final: there is no round to advance to");
    CHECK(check_error({ruling(RulingKind::advance, "Lee June-seo@Semifinal 2")}) ==
          "--advance \"Lee June-seo@Semifinal 2\": Lee June-seo has PEN in Semifinal 2: a "
          "penalised skater cannot be advanced (rescind the penalty instead)");
    CHECK(check_error({ruling(RulingKind::penalize, "Hwang Dae-heon@Semifinal 1")}) ==
          "--penalize \"Hwang Dae-heon@Semifinal 1\": Hwang Dae-heon already has PEN in "
          "Semifinal 1");
}

namespace {

// The canonical name of the one race `name` means in `event`; "" when none or several.
std::string race(const Event& event, std::string_view name) {
    const Race* found = event.find_race(name);
    return found ? found->name : "";
}

// The names of every race `name` may mean in `event`.
std::vector<std::string> races(const Event& event, std::string_view name) {
    std::vector<std::string> names;
    for (const Race* found : event.races_named(name))
        names.push_back(found->name);
    return names;
}

// The name of the one athlete `name` means in `event`; "" when none or several.
std::string athlete(const Event& event, std::string_view name) {
    const auto id = event.find_athlete(name);
    return id ? event.name_of(*id) : "";
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("a race is named as people write it: any case, short names, the final's letter") {
    const auto e2022 = test::seed("olympics-2022-men-1000m");
    for (const char* name :
         {"Semifinal 1", "semifinal 1", "SEMIFINAL 1", "SF1", "sf 1", "SF-1", "Semi-final 1",
          "semi-final1", "Semi final 1", "semi 1", "Semi 1", "1/2 final 1"}) {
        CAPTURE(name);
        CHECK(race(e2022, name) == "Semifinal 1");
    }
    for (const char* name : {"Quarterfinal 4", "QF4", "qf 4", "Quarter-final 4", "quarter final 4",
                             "quarter 4", "1/4 Final 4"}) {
        CAPTURE(name);
        CHECK(race(e2022, name) == "Quarterfinal 4");
    }
    for (const char* name : {"Heat 3", "H3", "h3", "heat 3", "HEAT3", "Heat #3", " Heat 3 "}) {
        CAPTURE(name);
        CHECK(race(e2022, name) == "Heat 3");
    }
    for (const char* name : {"Final A", "FA", "fa", "final a", "FinalA", "Final-A", "A final",
                             "A-Final", "a final", "Final 1"}) {
        CAPTURE(name);
        CHECK(race(e2022, name) == "Final A");
    }
    for (const char* name : {"Final B", "FB", "fb", "final b", "B final", "B-final", "Final 2"}) {
        CAPTURE(name);
        CHECK(race(e2022, name) == "Final B");
    }
    // A stage alone names every race of it: the race when it is the only one.
    CHECK(races(e2022, "Final") == Names{"Final A", "Final B"});
    CHECK(races(e2022, "finals") == Names{"Final A", "Final B"});
    CHECK(races(e2022, "Semifinals") == Names{"Semifinal 1", "Semifinal 2"});
    CHECK(race(e2022, "Final").empty());
    const auto world_games = test::seed("world-games-2022-men-1000m-sprint");
    for (const char* name : {"Final", "final", "FINALS", "F", "Final A", "FA", "A final"}) {
        CAPTURE(name);
        CHECK(race(world_games, name) == "Final");
    }
    // Neither a heat of another round nor a guess: a name of no race names none.
    for (const char* name : {"Semifinal 3", "Final C", "FB", "Heat 0", "Heat B", "Semifinal X",
                             "Sprint 2", "S1", "Q4", "Final round", "Finale", "", "1/2"}) {
        CAPTURE(name);
        CHECK(races(world_games, name).empty());
    }
}

TEST_CASE("repechage, preliminary, eighth-final and ranking races are named as people write them") {
    const auto calgary = test::seed("world-cup-2012-calgary-women-500m");
    for (const char* name : {"Preliminary 3", "preliminary 3", "Prelim 3", "prelims 3"}) {
        CAPTURE(name);
        CHECK(race(calgary, name) == "Preliminary 3");
    }
    for (const char* name : {"Repechage heat 2", "repechage heat 2", "Rep. heat 2", "Rep heat 2",
                             "RepHeat2", "Repechage 2", "Rep 2", "RepH2", "rep h 2"}) {
        CAPTURE(name);
        CHECK(race(calgary, name) == "Repechage heat 2");
    }
    for (const char* name : {"Repechage semifinal 1", "Repechage semi-final 1", "Rep SF1", "RepSF1",
                             "rep semi 1", "Rep. 1/2 final 1"}) {
        CAPTURE(name);
        CHECK(race(calgary, name) == "Repechage semifinal 1");
    }
    // Heat 2 is a heat, not a repechage heat.
    CHECK(race(calgary, "Heat 2") == "Heat 2");
    CHECK(race(calgary, "H2") == "Heat 2");
    const auto bormio = test::seed("world-juniors-2020-bormio-women-1500m");
    for (const char* name :
         {"Ranking final 4", "ranking final 4", "Ranking 4", "Classification final 4"}) {
        CAPTURE(name);
        CHECK(race(bormio, name) == "Ranking final 4");
    }
    const auto eighths = test::event_file("tests/data/graph/eighth-finals-and-final-c.txt");
    for (const char* name : {"Eighth-final 3", "eighth final 3", "Eighthfinal 3", "1/8 final 3"}) {
        CAPTURE(name);
        CHECK(race(eighths, name) == "Eighth-final 3");
    }
    for (const char* name : {"Final C", "FC", "C final", "final c", "Final 3"}) {
        CAPTURE(name);
        CHECK(race(eighths, name) == "Final C");
    }
    CHECK(races(eighths, "Final") == Names{"Final A", "Final B", "Final C"});
}

TEST_CASE("an athlete is named in either order of the words of the name") {
    const auto e2022 = test::seed("olympics-2022-men-1000m");
    for (const char* name : {"Hwang Dae-heon", "HWANG Dae-heon", "hwang daeheon", "Daeheon Hwang",
                             "Dae-heon Hwang", "DAEHEON HWANG", "Daeheon Hwnag", "Daeheon"}) {
        CAPTURE(name);
        CHECK(athlete(e2022, name) == "Hwang Dae-heon");
    }
    for (const char* name : {"Shaoang Liu", "Liu Shaoang", "LIU Shaoang", "Shaoang"}) {
        CAPTURE(name);
        CHECK(athlete(e2022, name) == "Shaoang Liu");
    }
    for (const char* name :
         {"Liu Shaolin Sandor", "LIU Shaolin Sándor", "Sándor Liu Shaolin", "Shaolin Liu"}) {
        CAPTURE(name);
        CHECK(athlete(e2022, name) == "Shaolin Sándor Liu");
    }
    for (const char* name : {"VAN 'T WOUT Jens", "van 't Wout Jens", "Jens van t Wout"}) {
        CAPTURE(name);
        CHECK(athlete(e2022, name) == "Jens van 't Wout");
    }
    const auto e2006 = test::seed("olympics-2006-men-1000m");
    CHECK(athlete(e2006, "Jiajun Li") == "Li Jiajun");
    CHECK(athlete(e2006, "Ye Li") == "Li Ye");
    CHECK(athlete(e2006, "Hyun-soo Ahn") == "Ahn Hyun-soo");
    CHECK(athlete(e2006, "Ohno Apolo Anton") == "Apolo Anton Ohno");
    // Still refused when it names several.
    const auto several = [](const Event& event, std::string_view name) {
        std::vector<std::string> names;
        for (const auto id : event.athletes_named(name))
            names.push_back(event.name_of(id));
        return names;
    };
    CHECK(several(e2006, "Li") == Names{"Li Ye", "Li Jiajun"});
    CHECK(several(e2022, "Liu") == Names{"Shaolin Sándor Liu", "Shaoang Liu"});
    CHECK(several(e2022, "Treacy") == Names{"Niall Treacy", "Farrell Treacy"});
    CHECK(athlete(e2022, "Liu").empty());
    CHECK(athlete(e2022, "Hwang Tae-hun").empty());
}

TEST_CASE("rulings name races and athletes as people write them") {
    static const auto replayed = replay(test::seed("olympics-2022-men-1000m"));
    const auto target = [&](RulingKind kind, std::string_view text) {
        const auto targets = check_rulings(replayed.event, {ruling(kind, text)});
        REQUIRE_MESSAGE(targets.ok(), (targets.ok() ? "" : targets.error().describe()));
        return fmt::format("{}@{}", replayed.event.name_of(targets->front().athlete),
                           targets->front().race->name);
    };
    CHECK(target(RulingKind::rescind, "Daeheon Hwang@SF1=1") == "Hwang Dae-heon@Semifinal 1");
    CHECK(target(RulingKind::rescind, "HWANG Dae-heon@semi-final 1=1") ==
          "Hwang Dae-heon@Semifinal 1");
    CHECK(target(RulingKind::penalize, "Liu Shaoang@final a") == "Shaoang Liu@Final A");
    CHECK(target(RulingKind::dns, "Dajing Wu@A final") == "Wu Dajing@Final A");
    CHECK(target(RulingKind::time, "Wenlong Li@H5=1:23.100") == "Li Wenlong@Heat 5");
    CHECK(target(RulingKind::advance, "Pietro Sighel@QF1") == "Pietro Sighel@Quarterfinal 1");
    const auto redrawn = check_rulings(replayed.event, {ruling(RulingKind::redraw, "FB")});
    REQUIRE(redrawn.ok());
    CHECK(redrawn->front().race->name == "Final B");
    // The event's names in what follows the lookup.
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@SF2=1")}) ==
          "--rescind \"Hwang Dae-heon@SF2=1\": Hwang Dae-heon did not race Semifinal 2");
    CHECK(check_error({ruling(RulingKind::advance, "Ren Ziwei@FA")}) ==
          "--advance \"Ren Ziwei@FA\": Final A is a final: there is no round to advance to");
    CHECK(check_error({ruling(RulingKind::redraw, "Final A"), ruling(RulingKind::redraw, "fa")}) ==
          "--redraw \"fa\": Final A is redrawn twice");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Final A"),
                       ruling(RulingKind::dns, "Ziwei Ren@FA")}) ==
          "--dns \"Ziwei Ren@FA\": contradicts penalize Ren Ziwei@Final A");
}

TEST_CASE("a race or athlete named wrongly or ambiguously suggests the event's own names") {
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 7=1")}) ==
          "--rescind \"Hwang Dae-heon@Semifinal 7=1\": no race 'Semifinal 7' in this event; "
          "nearest: Semifinal 1, Semifinal 2");
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@SF3=1")}) ==
          "--rescind \"Hwang Dae-heon@SF3=1\": no race 'SF3' in this event; nearest: "
          "Semifinal 1, Semifinal 2");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Heat 12")}) ==
          "--penalize \"Ren Ziwei@Heat 12\": no race 'Heat 12' in this event; nearest: Heat 6, "
          "Heat 7, Heat 8");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Heat 0")}) ==
          "--penalize \"Ren Ziwei@Heat 0\": no race 'Heat 0' in this event; nearest: Heat 1, "
          "Heat 2, Heat 3");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@QF 99999999999")}) ==
          "--penalize \"Ren Ziwei@QF 99999999999\": no race 'QF 99999999999' in this event; "
          "nearest: Quarterfinal 2, Quarterfinal 3, Quarterfinal 4");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Final C")}) ==
          "--penalize \"Ren Ziwei@Final C\": no race 'Final C' in this event; nearest: Final A, "
          "Final B");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Repechage heat 2")}) ==
          "--penalize \"Ren Ziwei@Repechage heat 2\": no race 'Repechage heat 2' in this event; "
          "nearest: Heat 2, Heat 1, Heat 3");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Final")}) ==
          "--penalize \"Ren Ziwei@Final\": race 'Final' is ambiguous: Final A, Final B");
    CHECK(check_error({ruling(RulingKind::redraw, "semifinals")}) ==
          "--redraw \"semifinals\": race 'semifinals' is ambiguous: Semifinal 1, Semifinal 2");
    CHECK(check_error({ruling(RulingKind::penalize, "Liu@Final A")}) ==
          "--penalize \"Liu@Final A\": athlete 'Liu' is ambiguous: Shaolin Sándor Liu, "
          "Shaoang Liu");
    CHECK(check_error({ruling(RulingKind::penalize, "treacy@Heat 1")}) ==
          "--penalize \"treacy@Heat 1\": athlete 'treacy' is ambiguous: Niall Treacy, Farrell "
          "Treacy");
    CHECK(check_error({ruling(RulingKind::rescind, "Taehun Hwang@Semifinal 1=1")}) ==
          "--rescind \"Taehun Hwang@Semifinal 1=1\": no athlete 'Taehun Hwang' in this event; "
          "nearest: Hwang Dae-heon, Brendan Corey, Li Wenlong");
}

TEST_CASE("rulings that contradict one another are rejected") {
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Final A"),
                       ruling(RulingKind::dns, "Ren Ziwei@Final A")}) ==
          "--dns \"Ren Ziwei@Final A\": contradicts penalize Ren Ziwei@Final A");
    CHECK(check_error({ruling(RulingKind::penalize, "Ren Ziwei@Semifinal 1"),
                       ruling(RulingKind::advance, "Ren Ziwei@Semifinal 1")}) ==
          "--advance \"Ren Ziwei@Semifinal 1\": contradicts penalize Ren Ziwei@Semifinal 1");
    CHECK(check_error({ruling(RulingKind::redraw, "Final A"),
                       ruling(RulingKind::penalize, "Ren Ziwei@Final A")}) ==
          "--penalize \"Ren Ziwei@Final A\": Final A is redrawn: its recorded result is set "
          "aside, so a ruling on it has no effect");
    // A time goes with a reinstatement.
    static const auto replayed = replay(test::seed("olympics-2022-men-1000m"));
    CHECK(check_rulings(replayed.event,
                        {ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=1"),
                         ruling(RulingKind::time, "Hwang Dae-heon@Semifinal 1=1:26.5")})
              .ok());
}

TEST_CASE("every scenario of scenarios/whatif reads and names its event") {
    const char* scenarios[] = {"2002-final-a-run-again",
                               "2022-hwang-semifinal-penalty-rescinded",
                               "2022-korean-semifinal-penalties-rescinded",
                               "2022-shaolin-liu-yellow-card-rescinded",
                               "2022-under-the-2006-format",
                               "2026-sighel-quarterfinal-penalty-rescinded"};
    for (const char* name : scenarios) {
        CAPTURE(std::string(name));
        const auto s = load_scenario(test::source_path("scenarios/whatif/") + name + ".toml");
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().describe()));
        CHECK_FALSE(s->title.empty());
        CHECK_FALSE(s->question.empty());
        CHECK(load_event(s->event_path()).ok());
        CHECK((s->format.empty() || load_format(s->format_path()).ok()));
    }
}

TEST_CASE("a scenario file with a mistake is an error naming its line") {
    const auto error = [](std::string_view text) {
        return test::error_of(parse_scenario(text, "s.toml"));
    };
    CHECK(error("title = \"x\"\nevent = \"e.txt\"\n[[ruling]]\nrescind = \"A@Final A\"\n") ==
          "s.toml:3: --rescind \"A@Final A\": expected ATHLETE@RACE=PLACE or "
          "ATHLETE@RACE=PLACE,TIME");
    CHECK(error("title = \"x\"\n[[ruling]]\npenalize = \"A@Heat 1\"\ndns = \"A@Heat 1\"\n") ==
          "s.toml:2: a [[ruling]] holds one ruling (penalize, rescind, ...)");
    CHECK(error("title = \"x\"\nquestoin = \"?\"\n") ==
          "s.toml:2: unknown key 'questoin' (expected one of: title, question, source, event, "
          "format, samples, seed, incidents, ruling)");
    CHECK(error("title = \"x\"\n") == "s.toml: a scenario needs a [[ruling]] or a 'format'");
    CHECK(error("[[ruling]]\nredraw = 3\n") == "s.toml:2: 'redraw' must be a string");
}

TEST_CASE("a scenario's samples have the bound of the what-if's --samples") {
    const auto samples = [](std::string_view n) {
        return parse_scenario(
            fmt::format("event = \"e.txt\"\nformat = \"f.toml\"\nsamples = {}\n", n), "s.toml");
    };
    CHECK(samples("100000000")->samples == max_samples);  // refused above 1,000,000 before
    CHECK(test::error_of(samples("100000001")) ==
          "s.toml:3: 'samples' must be a whole number from 1 to 100000000, not 100000001");
}

TEST_CASE("a scenario's seed takes any whole number a TOML integer holds, from 0") {
    // A seed above 1,000,000 was refused as "must be a whole number of at least 0".
    const auto big = parse_scenario(
        "event = \"e.txt\"\nformat = \"f.toml\"\nseed = 9223372036854775807\n", "s.toml");
    REQUIRE(big.ok());
    CHECK(big->seed == 9223372036854775807ull);
    CHECK(test::error_of(
              parse_scenario("event = \"e.txt\"\nformat = \"f.toml\"\nseed = -1\n", "s.toml")) ==
          "s.toml:3: 'seed' is negative (-1): a seed is a whole number from 0 to "
          "9223372036854775807");
}
