#include "heatgraph/whatif.hpp"

#include <cmath>
#include <numeric>

#include "heatgraph/race_model.hpp"
#include "simulation/posterior_draw.hpp"
#include "test_support.hpp"
#include "whatif/counterfactual.hpp"

using namespace heatgraph;

namespace {

Ruling ruling(RulingKind kind, std::string_view text) {
    auto r = parse_ruling(kind, text);
    REQUIRE(r.ok());
    return std::move(r).value();
}

WhatIf what_if_of(const std::string& seed, const std::vector<Ruling>& rulings,
                  WhatIfOptions options = {}, const std::optional<Format>& format = {}) {
    auto w = what_if(test::seed(seed), rulings, format, options);
    REQUIRE_MESSAGE(w.ok(), (w.ok() ? "" : w.error().describe()));
    return std::move(w).value();
}

std::vector<std::string> outcome_standings(const WhatIf& w) {
    REQUIRE(w.outcome);
    return test::standings(*w.outcome);
}

const PlaceProbabilities& probabilities_of(const WhatIf& w, const std::string& name) {
    const auto id = w.baseline.event.find_athlete(name);
    REQUIRE(id);
    for (const auto& p : w.probabilities)
        if (p.athlete == *id) return p;
    FAIL("no probabilities for " << name);
    throw;
}

bool within(double estimate, double exact, int samples) {
    return std::abs(estimate - exact) <= 4 * std::sqrt(exact * (1 - exact) / samples);
}

}  // namespace

TEST_CASE("a final's yellow card rescinded: exact, the others move back a place") {
    const auto w = what_if_of("olympics-2022-men-1000m",
                              {ruling(RulingKind::rescind, "Shaolin Sándor Liu@Final A=1")});
    CHECK(w.exact);
    CHECK(w.samples == 0);
    CHECK(w.resampled_races.empty());
    const auto s = outcome_standings(w);
    CHECK(std::vector<std::string>(s.begin(), s.begin() + 9) ==
          std::vector<std::string>{"1 Shaolin Sándor Liu", "2 Ren Ziwei", "3 Li Wenlong",
                                   "4 Shaoang Liu", "5 Wu Dajing", "6 Itzhak de Laat",
                                   "7 Furkan Akar", "8 Andrew Heo", "9 Hwang Dae-heon"});
    // The walk and the replay agree on every advancement of the counterfactual event.
    CHECK(w.notes.empty());
    CHECK(probabilities_of(w, "Shaolin Sándor Liu").p_place[0] == 1);
    CHECK(probabilities_of(w, "Ren Ziwei").recorded_rank == 1);
}

TEST_CASE("a skater removed so that races only lose skaters: exact") {
    // Bradbury penalised in his semifinal: Li Jiajun and Turcotte (already advanced by the
    // Referee) finish 1st and 2nd; Final A loses Bradbury and keeps its recorded order.
    const auto w = what_if_of("olympics-2002-men-1000m",
                              {ruling(RulingKind::penalize, "Steven Bradbury@Semifinal 1")});
    CHECK(w.exact);
    const auto s = outcome_standings(w);
    CHECK(std::vector<std::string>(s.begin(), s.begin() + 7) ==
          std::vector<std::string>{"1 Apolo Anton Ohno", "2 Mathieu Turcotte", "3 Ahn Hyun-soo",
                                   "4 Kim Dong-sung", "5 Fabio Carta", "6 Naoya Tamura",
                                   "7 Li Jiajun"});
    CHECK(w.notes.empty());
    CHECK(w.consequences ==
          std::vector<std::string>{
              "Steven Bradbury penalised (PEN) in Semifinal 1; Li Jiajun 1st, Mathieu Turcotte "
              "2nd, Kim Dong-sung 3rd",
              "Final A loses Steven Bradbury", "Final A: the recorded order of the others kept"});
}

TEST_CASE("a ruling that changes nothing gives the recorded classification") {
    const auto w = what_if_of("olympics-2026-men-1000m",
                              {ruling(RulingKind::time, "Jens van 't Wout@Final A=1:24.000")});
    CHECK(w.exact);
    CHECK(test::standings(*w.outcome) == test::standings(w.baseline));
}

// The race model fitted to the record as the rulings leave it.
RaceModel ruled_fit(const Event& event, const std::vector<Ruling>& rulings, double prior = 1) {
    const auto baseline = replay(event);
    const auto targets = check_rulings(baseline.event, rulings);
    REQUIRE(targets.ok());
    const auto ruled = detail::rule_event(baseline, baseline.format, rulings, *targets);
    auto model = fit_race_model({ruled.event}, FitOptions{prior});
    REQUIRE(model.ok());
    return std::move(model).value();
}

// Hwang's chance to win the re-drawn Final A: he wins iff he arrives before Ren, whose arrival
// is Exp(w_Ren + w_Liu + w_Wu) (the recorded order of the others is kept).
double hwang_wins(const Event& event, const std::vector<double>& worth) {
    const auto w = [&](const char* name) { return worth[*event.find_athlete(name)]; };
    return w("Hwang Dae-heon") /
           (w("Hwang Dae-heon") + w("Ren Ziwei") + w("Shaoang Liu") + w("Wu Dajing"));
}

std::vector<Ruling> hwang_reinstated() {
    return {ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=1")};
}

TEST_CASE("Hwang reinstated: Final A re-drawn, the recorded order kept, exact odds matched") {
    const int samples = 20000;
    WhatIfOptions fixed{samples, 7, 2};
    fixed.fixed_strengths = true;
    const auto w = what_if_of("olympics-2022-men-1000m", hwang_reinstated(), fixed);
    CHECK_FALSE(w.posterior);
    CHECK_FALSE(w.exact);
    CHECK(w.samples == samples);
    REQUIRE(w.resampled_races.size() == 2);
    CHECK(w.resampled_races[0].race == "Final A");
    CHECK(w.resampled_races[0].share == 1);
    CHECK(w.resampled_races[1].race == "Final B");

    // Every place's probabilities sum to one (31 ranked skaters: Shaolin Liu's card stands).
    const std::size_t n = w.baseline.event.athletes.size();
    for (std::size_t k = 0; k + 1 < n; ++k) {
        double sum = 0;
        for (const auto& p : w.probabilities)
            sum += p.p_place[k];
        CAPTURE(k);
        CHECK(sum == doctest::Approx(1).epsilon(1e-12));
    }
    for (const auto& p : w.probabilities)
        CHECK(std::accumulate(p.p_place.begin(), p.p_place.end(), p.p_unranked) ==
              doctest::Approx(1).epsilon(1e-12));

    // The recorded order Ren > Shaoang Liu > Wu Dajing is kept: neither of the others can win.
    CHECK(probabilities_of(w, "Shaoang Liu").p_place[0] == 0);
    CHECK(probabilities_of(w, "Wu Dajing").p_place[0] == 0);
    CHECK(probabilities_of(w, "Wu Dajing").p_place[1] == 0);
    CHECK(probabilities_of(w, "Shaolin Sándor Liu").p_unranked == 1);

    // Exact, with the strengths fitted to the ruled record.
    const auto event = test::seed("olympics-2022-men-1000m");
    const auto model = ruled_fit(event, hwang_reinstated());
    const double p_hwang = hwang_wins(event, detail::PosteriorDraw(model, 0).mode());
    CHECK(within(probabilities_of(w, "Hwang Dae-heon").p_place[0], p_hwang, samples));
    CHECK(probabilities_of(w, "Ren Ziwei").p_place[0] ==
          doctest::Approx(1 - probabilities_of(w, "Hwang Dae-heon").p_place[0]));
}

TEST_CASE("the strengths are fitted to the record as ruled: a reinstated win is evidence") {
    const auto event = test::seed("olympics-2022-men-1000m");
    const auto strength = [](const RaceModel& model, const char* name) {
        for (const auto& s : model.skaters)
            if (s.name == name) return s.strength;
        FAIL("not fitted: " << name);
        return 0.0;
    };
    const auto recorded = fit_race_model({event});
    REQUIRE(recorded.ok());
    const auto ruled = ruled_fit(event, hwang_reinstated());
    // Penalised, Hwang had no place in Semifinal 1; reinstated, he beat Ren Ziwei there
    // (strength 0.94 without it, 1.15 with it).
    CHECK(strength(ruled, "Hwang Dae-heon") > strength(*recorded, "Hwang Dae-heon") + 0.2);
    CHECK(strength(ruled, "Ren Ziwei") < strength(*recorded, "Ren Ziwei"));
}

TEST_CASE("each sample draws the strengths from the fit's posterior") {
    const auto event = test::seed("olympics-2022-men-1000m");
    const int samples = 20000;
    const auto answer = [&](double prior, bool fixed) {
        WhatIfOptions options{samples, 7, 2};
        options.prior = prior;
        options.fixed_strengths = fixed;
        const auto w = what_if_of("olympics-2022-men-1000m", hwang_reinstated(), options);
        CHECK(w.posterior == !fixed);
        return probabilities_of(w, "Hwang Dae-heon").p_place[0];
    };
    // The posterior answer is the fixed-strength chance averaged over the posterior: drawn here
    // directly, 200,000 times, from another seed.
    const auto model = ruled_fit(event, hwang_reinstated());
    detail::PosteriorDraw posterior(model, 0);
    std::vector<double> worth;
    double mean = 0;
    const int draws = 200000;
    for (int i = 0; i < draws; ++i) {
        detail::RandomStream random(99, static_cast<std::uint64_t>(i), 1);
        posterior.draw(random, worth);
        mean += hwang_wins(event, worth) / draws;
    }
    const double drawn = answer(1, false), fixed = answer(1, true);
    CHECK(within(drawn, mean, samples));
    // The uncertainty pulls Hwang's chance towards even (0.398 as if known, 0.384 drawn), and
    // pulls it more the weaker the prior, the wider the posterior (the same races drawn: common
    // random numbers keep the differences clear of the Monte Carlo error).
    const double gap = fixed - drawn;
    const double weak_gap = answer(0.05, true) - answer(0.05, false);
    CHECK(gap > 0.008);
    CHECK(weak_gap > 4 * gap);
}

TEST_CASE("the same seed gives the same answer on one thread or two") {
    const std::vector<Ruling> rulings{
        ruling(RulingKind::rescind, "Pietro Sighel@Quarterfinal 3=2")};
    const auto one = what_if_of("olympics-2026-men-1000m", rulings, {3000, 11, 1});
    const auto two = what_if_of("olympics-2026-men-1000m", rulings, {3000, 11, 2});
    const auto again = what_if_of("olympics-2026-men-1000m", rulings, {3000, 11, 2});
    const auto other = what_if_of("olympics-2026-men-1000m", rulings, {3000, 12, 2});
    REQUIRE(one.probabilities.size() == two.probabilities.size());
    bool differs = false;
    for (std::size_t i = 0; i < one.probabilities.size(); ++i) {
        CHECK(one.probabilities[i].athlete == two.probabilities[i].athlete);
        CHECK(one.probabilities[i].p_place == two.probabilities[i].p_place);
        CHECK(two.probabilities[i].p_place == again.probabilities[i].p_place);
        differs = differs || one.probabilities[i].p_place != other.probabilities[i].p_place;
    }
    CHECK(differs);
}

TEST_CASE("every drawn race keeps the recorded relative order of those who raced it") {
    const auto event = test::seed("olympics-2026-men-1000m");
    const auto baseline = replay(event);
    const std::vector<Ruling> rulings{
        ruling(RulingKind::rescind, "Pietro Sighel@Quarterfinal 3=2")};
    const auto targets = check_rulings(baseline.event, rulings);
    REQUIRE(targets.ok());
    const auto ruled = detail::rule_event(baseline, baseline.format, rulings, *targets);
    const auto model = fit_race_model({event});
    std::vector<double> worth;
    for (AthleteId a = 0; a < static_cast<AthleteId>(event.athletes.size()); ++a)
        worth.push_back(model->worth(0, a));
    const auto draws = detail::estimate_draw_model(event, false);
    const detail::Counterfactual cf(ruled, baseline.format, draws);
    int redrawn = 0;
    for (int i = 0; i < 500; ++i) {
        detail::RandomStream random(3, static_cast<std::uint64_t>(i));
        Event out;
        detail::Counterfactual::Run run;
        cf.run(random, worth, out, run, false);
        for (const auto& [r, k] : run.drawn) {
            ++redrawn;
            const Race& recorded = ruled.event.rounds[r].races[k];
            const Race& drawn = out.rounds[r].races[k];
            // Placed stayers appear in the drawn race in their recorded order, with their times
            // non-decreasing down the drawn order.
            std::vector<AthleteId> before, after;
            for (const auto& row : recorded.results)
                if (row.place) before.push_back(row.athlete);
            for (const auto& row : drawn.results)
                if (std::count(before.begin(), before.end(), row.athlete))
                    after.push_back(row.athlete);
            std::vector<AthleteId> kept;
            for (auto id : before)
                if (std::count(after.begin(), after.end(), id)) kept.push_back(id);
            CHECK(after == kept);
            std::optional<Millis> last;
            for (const auto& row : drawn.results) {
                if (!row.place || !row.time) continue;
                if (last) CHECK(*row.time >= *last);
                last = row.time;
            }
        }
    }
    CHECK(redrawn >= 500);
}

TEST_CASE("a referee advancement revoked: the time slot it took goes to the fastest third") {
    // The official format: the 2022 record alone cannot show Final A's time slot (nobody took
    // it), so the inferred format has none.
    const auto w = what_if_of("olympics-2022-men-1000m",
                              {ruling(RulingKind::revoke_advance, "Shaoang Liu@Semifinal 2")},
                              {2000, 1, 1}, test::format_file("isu-2022-2026"));
    CHECK(w.consequences ==
          std::vector<std::string>{"replayed under the format 'ISU 2022-2026' instead of the "
                                   "record's ('inferred')",
                                   "Shaoang Liu's referee advancement from Semifinal 2 revoked",
                                   "Final A gains Andrew Heo, loses Shaoang Liu",
                                   "Final A re-drawn: Andrew Heo inserted into the recorded order "
                                   "Ren Ziwei > Li Wenlong > Wu Dajing",
                                   "Final B gains Shaoang Liu, loses Andrew Heo",
                                   "Final B re-drawn: Shaoang Liu inserted into the recorded order "
                                   "Itzhak de Laat > Furkan Akar"});
    CHECK(probabilities_of(w, "Shaoang Liu").p_medal == 0);
}

TEST_CASE("a referee advancement given: the new semifinalist joins the smallest semifinal") {
    const auto w =
        what_if_of("olympics-2026-men-1000m",
                   {ruling(RulingKind::advance, "Moon Won-jun@Quarterfinal 2")}, {2000, 1, 1});
    CHECK(w.consequences[1] ==
          "Moon Won-jun now advances from the Quarterfinals (Quarterfinal 2, 3rd; ADV)");
    CHECK(w.consequences[2] == "Semifinal 1 gains Moon Won-jun");
    CHECK(probabilities_of(w, "Moon Won-jun").p_medal > 0);
}

TEST_CASE("the 2022 event under the 2006 format: Li Wenlong no longer a time qualifier") {
    const auto w =
        what_if_of("olympics-2022-men-1000m", {}, {2000, 1, 1}, test::format_file("isu-2006"));
    CHECK_FALSE(w.exact);
    CHECK(w.consequences[1] == "Li Wenlong no longer advances from the Heats (Heat 5, 3rd)");
    const auto& li = probabilities_of(w, "Li Wenlong");
    CHECK(li.p_medal == 0);
    CHECK(li.p_recorded_rank == 0);
    CHECK(probabilities_of(w, "Furkan Akar").p_place[0] > 0);  // into Final A in Li's place
}

TEST_CASE("a redrawn final is drawn afresh: every finalist can win") {
    const auto w = what_if_of("olympics-2002-men-1000m", {ruling(RulingKind::redraw, "Final A")},
                              {4000, 2002, 1});
    for (const char* name :
         {"Steven Bradbury", "Apolo Anton Ohno", "Li Jiajun", "Ahn Hyun-soo", "Mathieu Turcotte"})
        CHECK(probabilities_of(w, name).p_place[0] > 0.05);
    // With no incidents drawn, all five finish Final A: the Final B winner is 6th, not 5th.
    CHECK(probabilities_of(w, "Kim Dong-sung").p_place[5] == 1);
}

TEST_CASE("with incidents, a newcomer may be penalised at the event's rate") {
    const std::vector<Ruling> rulings{ruling(RulingKind::rescind, "Hwang Dae-heon@Semifinal 1=1")};
    const auto calm = what_if_of("olympics-2022-men-1000m", rulings, {4000, 3, 1});
    WhatIfOptions options{4000, 3, 1};
    options.incidents = true;
    const auto eventful = what_if_of("olympics-2022-men-1000m", rulings, options);
    const auto& hwang = probabilities_of(eventful, "Hwang Dae-heon");
    // Penalised in Final A, he ranks after Final B: 8th, behind the other four finalists and
    // the three Final B skaters.
    CHECK(probabilities_of(calm, "Hwang Dae-heon").p_place[7] == 0);
    CHECK(hwang.p_place[7] > 0.03);
    CHECK(hwang.p_medal < probabilities_of(calm, "Hwang Dae-heon").p_medal);
}

TEST_CASE("what-if errors: a bad ruling, no samples") {
    const auto event = test::seed("olympics-2022-men-1000m");
    const auto bad = what_if(event, {ruling(RulingKind::dns, "Usain Bolt@Final A")}, {});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "--dns \"Usain Bolt@Final A\": no athlete 'Usain Bolt' in this event; nearest: "
          "Shaolin Sándor Liu, Pietro Sighel, Sjinkie Knegt");
    WhatIfOptions none;
    none.samples = 0;
    CHECK(test::error_of(what_if(event, {}, {}, none)) ==
          "samples must be from 1 to 100000000, not 0");
    auto negative = none;
    negative.samples = 10;
    negative.threads = -1;
    CHECK(test::error_of(what_if(event, {}, {}, negative)) ==
          "threads must be 0 (one per core) or more, not -1");
}

TEST_CASE("a World Cup preliminary penalty rescinded: the displaced skater goes to the repechage") {
    auto event = test::event_file("scenarios/events/world-cup-2012-calgary-women-500m.txt");
    WhatIfOptions options;
    options.samples = 500;
    options.seed = 2012;
    auto w =
        what_if(event, {ruling(RulingKind::rescind, "Choi Ji-hyun@Preliminary 3=1")}, {}, options);
    REQUIRE(w.ok());
    const auto& chain = w->consequences;
    const auto said = [&](const std::string& text) {
        return std::find(chain.begin(), chain.end(), text) != chain.end();
    };
    CHECK(said("Aida Bella no longer advances from the Preliminaries (Preliminary 3, 4th)"));
    CHECK(said("Choi Ji-hyun now advances from the Preliminaries (Preliminary 3, 1st; Q)"));
    CHECK(said("Heat 2 gains Choi Ji-hyun, loses Aida Bella"));
    // Heat 2 run with Choi, its third no longer the fastest: Lee So-youn's third in heat 5
    // takes the time slot, and Bella races the repechage heats.
    CHECK(said("Lee So-youn now advances from the Heats (Heat 5, 3rd; q)"));
    CHECK_FALSE(w->exact);
    bool bella_in_repechage = false;
    for (const auto& r : w->resampled_races)
        bella_in_repechage = bella_in_repechage || r.race == "Repechage heat 1";
    CHECK(bella_in_repechage);
    // The recorded Final A (lost from the tables) is drawn in every sample.
    bool final_a = false;
    for (const auto& r : w->resampled_races)
        final_a = final_a || (r.race == "Final A" && r.share == 1.0);
    CHECK(final_a);
    const auto& choi = probabilities_of(*w, "Choi Ji-hyun");
    CHECK(choi.expected_rank < 36);  // she ranked last but for two, penalised
    const auto& bella = probabilities_of(*w, "Aida Bella");
    CHECK(bella.expected_rank > 15);  // her recorded rank: a quarterfinalist
}
