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
    CHECK(check_error({ruling(RulingKind::rescind, "Hwang Dae-heon@Semi-final 1=1")}) ==
          "--rescind \"Hwang Dae-heon@Semi-final 1=1\": no race 'Semi-final 1' in this event; "
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
