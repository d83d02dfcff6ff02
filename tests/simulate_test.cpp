#include "heatgraph/simulate.hpp"

#include <fmt/format.h>

#include <cmath>
#include <thread>

#include "simulation/draw.hpp"
#include "simulation/random_stream.hpp"
#include "simulation/rank_pairs.hpp"
#include "test_support.hpp"

using namespace heatgraph;

namespace {

Field worths_field(const std::vector<double>& worths) {
    Field field;
    for (std::size_t i = 0; i < worths.size(); ++i)
        field.skaters.push_back({"Seed " + std::to_string(i + 1), std::log(worths[i])});
    return field;
}

Simulation run(const std::string& format, const Field& field, std::int64_t runs, int threads,
               std::uint64_t seed = 1, Seeding seeding = Seeding::listed) {
    SimulationOptions options;
    options.runs = runs;
    options.threads = threads;
    options.seed = seed;
    options.seeding = seeding;
    auto sim = simulate(test::format_file(format), field, options);
    REQUIRE_MESSAGE(sim.ok(), (sim.ok() ? "" : sim.error().describe()));
    return std::move(sim).value();
}

// Within 4 standard errors of the exact answer.
bool within(const Estimate& e, double exact) {
    return std::abs(e.value - exact) <= 4 * e.standard_error;
}

std::string simulate_error(const Format& format, const Field& field) {
    return test::error_of(simulate(format, field, {}));
}

}  // namespace

TEST_CASE("one race of worths 4, 3, 2, 1: the win probabilities are 0.4, 0.3, 0.2, 0.1") {
    const auto sim = run("single-race", worths_field({4, 3, 2, 1}), 400000, 2);
    REQUIRE(sim.skaters.size() == 4);
    CHECK(within(sim.skaters[0].p_win, 0.4));
    CHECK(within(sim.skaters[1].p_win, 0.3));
    CHECK(within(sim.skaters[2].p_win, 0.2));
    CHECK(within(sim.skaters[3].p_win, 0.1));
    CHECK(sim.races_per_skater.value == 1);
}

// repechage-6: heat 1 holds seeds 1, 4, 5, heat 2 seeds 2, 3, 6; the heat winners and the
// winner of a repechage of the other four race a final of three. Under Plackett–Luce a race's
// winner is drawn in proportion to worth, whatever the rest of the order, so
// P(i wins) = Σ over heat winners a, b and repechage winner c of
//             P(a wins heat 1) · P(b wins heat 2) · P(c wins the repechage) · [i ∈ {a, b, c}] w_i /
//             (w_a + w_b + w_c).
std::vector<double> repechage_6_exact(const std::vector<double>& w) {
    const std::vector<int> heat1{0, 3, 4}, heat2{1, 2, 5};
    const auto total = [&](const std::vector<int>& who) {
        double sum = 0;
        for (int i : who)
            sum += w[i];
        return sum;
    };
    std::vector<double> p(w.size(), 0);
    for (int a : heat1)
        for (int b : heat2) {
            std::vector<int> repechage;
            for (int i = 0; i < 6; ++i)
                if (i != a && i != b) repechage.push_back(i);
            const double p_heats = w[a] / total(heat1) * (w[b] / total(heat2));
            for (int c : repechage) {
                const double p_field = p_heats * w[c] / total(repechage);
                const double final_worth = w[a] + w[b] + w[c];
                for (int i : {a, b, c})
                    p[i] += p_field * w[i] / final_worth;
            }
        }
    return p;
}

TEST_CASE("repechage-6: each skater's P(win) is the enumerated exact answer") {
    const std::vector<double> worths{6, 5, 4, 3, 2, 1};
    const auto exact = repechage_6_exact(worths);
    double sum = 0;
    for (double x : exact)
        sum += x;
    CHECK(sum == doctest::Approx(1.0));
    const auto sim = run("repechage-6", worths_field(worths), 400000, 2);
    REQUIRE(sim.skaters.size() == 6);
    for (const auto& skater : sim.skaters) {  // strongest first: Seed 1 .. Seed 6
        const int seed = std::stoi(skater.name.substr(5));
        CAPTURE(skater.name);
        CAPTURE(exact[seed - 1]);
        CHECK(within(skater.p_win, exact[seed - 1]));
    }
    // 6 heat starts, 4 in the repechage, 3 in the final.
    CHECK(sim.races_per_skater.value == doctest::Approx(13.0 / 6));
}

TEST_CASE("one Thurstone race of strengths 0.5, 0, -0.3: the win probabilities integrate exactly") {
    // P(i wins) = ∫ φ(x - s_i) Π_{j≠i} Φ(x - s_j) dx, by Simpson's rule over [-12, 12] (2·10^5
    // steps) outside the test.
    Field field;
    field.model = NoiseModel::thurstone;
    field.skaters = {{"A", 0.5}, {"B", 0}, {"C", -0.3}};
    const auto sim = run("single-race", field, 400000, 2);
    REQUIRE(sim.skaters.size() == 3);
    CHECK(within(sim.skaters[0].p_win, 0.5249559553));
    CHECK(within(sim.skaters[1].p_win, 0.2855449405));
    CHECK(within(sim.skaters[2].p_win, 0.1894991042));
}

TEST_CASE("bracketology-16 with worth 1/seed: seed 2 wins with the published 0.21604") {
    std::vector<double> worths;
    for (int seed = 1; seed <= 16; ++seed)
        worths.push_back(1.0 / seed);
    const auto sim = run("bracketology-16", worths_field(worths), 400000, 2);
    CHECK(within(sim.skaters[1].p_win, 0.21604));
    CHECK(within(sim.skaters[0].p_win, 0.519218));  // the same bracket computed exactly
    CHECK(within(sim.p_strongest_wins, 0.519218));
    CHECK(sim.races_per_skater.value == doctest::Approx(30.0 / 16));
}

TEST_CASE("the same seed gives identical results on one, two and three threads") {
    const auto field = normal_field(32, 5);
    const auto one = run("ffa-32", field, 20000, 1, 9, Seeding::by_strength);
    const auto two = run("ffa-32", field, 20000, 2, 9, Seeding::by_strength);
    const auto three = run("ffa-32", field, 20000, 3, 9, Seeding::by_strength);
    for (const auto* other : {&two, &three}) {
        CHECK(other->checksum == one.checksum);
        CHECK(other->kendall_tau.value == one.kendall_tau.value);
        CHECK(other->kendall_tau.standard_error == one.kendall_tau.standard_error);
        CHECK(other->p_strongest_wins.value == one.p_strongest_wins.value);
        for (std::size_t a = 0; a < one.skaters.size(); ++a)
            CHECK(other->skaters[a].mean_rank.value == one.skaters[a].mean_rank.value);
    }
    CHECK(run("ffa-32", field, 20000, 2, 10, Seeding::by_strength).checksum != one.checksum);
}

TEST_CASE("a fixed seed pins the whole run: its checksum") {
    // Like a chess engine's bench signature: any change to the draws or the rules shows here.
    const auto sim = run("isu-2022-2026", normal_field(32, 1), 5000, 2, 1, Seeding::by_strength);
    CHECK(sim.checksum == 781482786639251546ull);
}

TEST_CASE("the ffa grouping of seeds is npm ffa's") {
    std::vector<int> race, scratch;
    REQUIRE(detail::ffa_races(16, 4, race, scratch));
    // ffa README: [1, 5, 12, 16], [2, 6, 11, 15], [3, 7, 10, 14], [4, 8, 9, 13]
    const std::vector<std::vector<int>> expected{
        {1, 5, 12, 16}, {2, 6, 11, 15}, {3, 7, 10, 14}, {4, 8, 9, 13}};
    for (std::size_t g = 0; g < expected.size(); ++g)
        for (int seed : expected[g])
            CHECK(race[seed - 1] == static_cast<int>(g));
    REQUIRE(detail::ffa_races(32, 4, race, scratch));  // [1, 5, 9, 13, 20, 24, 28, 32], ...
    for (int seed : {1, 5, 9, 13, 20, 24, 28, 32})
        CHECK(race[seed - 1] == 0);
    CHECK_FALSE(detail::ffa_races(9, 4, race, scratch));  // groups of 3 make 3 races
    detail::snake_races(8, 3, race);
    CHECK(race == std::vector<int>{0, 1, 2, 2, 1, 0, 0, 1});
}

TEST_CASE("formats and fields a simulation cannot run are errors") {
    auto format = test::format_file("isu-2002");
    format.stages[1].races.reset();
    CHECK(simulate_error(format, normal_field(32, 1))
              .find("gives no number of races for the stage 'quarterfinals'") != std::string::npos);
    CHECK(simulate_error(test::format_file("bracketology-16"), normal_field(12, 1)) ==
          test::source_path("scenarios/formats/bracketology-16.toml") +
              ": 'pairs' must name each seed 1..12 once; seed 16 is out of range or repeated");
    CHECK(simulate_error(test::format_file("isu-2002"), normal_field(5, 1)) ==
          test::source_path("scenarios/formats/isu-2002.toml") +
              ": 5 skaters cannot fill the 8 races of the first stage");
    CHECK(test::error_of(parse_field(R"({"skaters": [{"name": "A", "strength": 0}]})", "f.json")) ==
          "f.json:1: skaters holds 1 skaters; a field has from 2 to 100000");
    const auto model = parse_field(R"({"model": "elo", "skaters": []})", "f.json");
    CHECK(model.error().describe() ==
          "f.json:1: model is \"plackett-luce\" or \"thurstone\", not \"elo\"");
}

TEST_CASE("a format in which nobody advances is not simulated") {
    // It simulated at exit 0, crowning a heat winner the champion.
    const auto path = test::source_path("tests/data/bad/nobody-advances.toml");
    auto format = load_format(path);
    REQUIRE(format.ok());
    CHECK(simulate_error(*format, normal_field(16, 1)) ==
          path +
              ": the transition from 'heats' to 'final' takes nobody but those the Referee "
              "advances: a simulation needs 'places' above 0, or a 'capacity' and a time pool");
}

TEST_CASE("a field's numbers are held to their bounds") {
    const auto field_of = [](std::string_view noise, std::string_view strength) {
        return parse_field(fmt::format(R"({{"noise": {},
"skaters": [{{"name": "A", "strength": {}}}, {{"name": "B", "strength": 0}}]}})",
                                       noise, strength),
                           "f.json");
    };
    const auto field_error = [&](std::string_view noise, std::string_view strength) {
        return test::error_of(field_of(noise, strength));
    };
    CHECK(field_of("1", "0.5").ok());
    // 4e308 escaped as an exception; 1e300 made times that overflowed (undefined behaviour).
    CHECK(field_error("1", "4e308") == "f.json:2: invalid JSON: number overflow parsing '4e308'");
    CHECK(field_error("1", "1e300") ==
          "f.json:2: skaters[0].strength must be from -1000 to 1000, not 1e+300");
    CHECK(field_error("1e300", "0") ==
          "f.json:1: noise must be above 0 and at most 1000, not 1e+300");
    CHECK(field_error("0", "0") == "f.json:1: noise must be above 0 and at most 1000, not 0");
    CHECK(field_error("\"x\"", "0") == "f.json:1: noise must be a number");
}

TEST_CASE("a field or options out of bounds are errors of the simulation itself") {
    const auto format = test::format_file("ffa-32");
    const auto error_with = [&](Field field, SimulationOptions options) {
        return test::error_of(simulate(format, field, options));
    };
    SimulationOptions options;
    options.runs = 10;
    auto field = normal_field(32, 1);
    CHECK(simulate(format, field, options).ok());
    auto strong = field;
    strong.skaters[3].strength = 1e300;
    CHECK(error_with(strong, options) ==
          "Skater 4's strength must be from -1000 to 1000, not 1e+300");
    auto noisy = field;
    noisy.noise = std::nan("");  // silently ignored before
    CHECK(error_with(noisy, options) == "the noise must be above 0 and at most 1000, not nan");
    auto rates = options;
    rates.incidents.penalty = std::nan("");
    CHECK(error_with(field, rates) ==
          "incident rates are from 0 to 1, not penalty nan, fall 0, referee 1");
    auto runs = options;
    runs.runs = 0;
    CHECK(error_with(field, runs) == "runs must be from 1 to 2000000000, not 0");
    auto threads = options;
    threads.threads = -1;
    CHECK(error_with(field, threads) == "threads must be 0 (one per core) or more, not -1");
}

TEST_CASE("more threads than cores are capped, with the same answer") {
    // 100,000 threads terminated the process (std::system_error outside the guard).
    const auto field = normal_field(32, 5);
    const auto capped = run("ffa-32", field, 3000, 100000, 9, Seeding::by_strength);
    CHECK(capped.threads <= static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    CHECK(capped.checksum == run("ffa-32", field, 3000, 1, 9, Seeding::by_strength).checksum);
}

TEST_CASE("Kendall's pairs counted by a Fenwick tree are the pairs counted one by one") {
    // A field of 100,000 took 12 s per event when every pair was compared; above 128 ranked
    // skaters the tree counts them in n log n, to the same pairs (ties among shared ranks).
    detail::RandomStream random(7, 0);
    std::vector<int> tree;
    for (int n : {0, 1, 2, 129, 1000}) {
        for (int highest : {1, 3, n + 1}) {
            std::vector<int> ranks(static_cast<std::size_t>(n));
            for (auto& r : ranks)
                r = 1 + static_cast<int>(random.uniform() * highest) % highest;
            const auto one = detail::rank_pairs_one_by_one(ranks.data(), n);
            const auto tree_count = detail::rank_pairs_by_tree(ranks.data(), n, highest, tree);
            CAPTURE(n);
            CAPTURE(highest);
            CHECK(tree_count.concordant == one.concordant);
            CHECK(tree_count.tied == one.tied);
        }
    }
}

TEST_CASE("threads are capped at the machine's cores, at least one") {
    const int cores = usable_threads(0);
    CHECK(cores >= 1);
    CHECK(usable_threads(1) == 1);
    CHECK(usable_threads(100000) == cores);  // 100,000 threads once terminated the process
    CHECK(usable_threads(-3) == cores);
}

TEST_CASE("a fresh field for every event: no one field decides the answer") {
    // One field drawn from the seed gave P(strongest wins) 0.39, 0.41, 0.74 or 0.28 for seeds
    // 1 to 4 under one format; a fresh field per event gives one answer, whatever the seed.
    const auto format = test::format_file("isu-2022-2026");
    SimulationOptions options;
    options.runs = 20000;
    options.threads = 2;
    options.fresh_field = true;
    std::vector<Estimate> p;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        options.seed = seed;
        const auto sim = simulate(format, normal_field(32, seed), options);
        REQUIRE(sim.ok());
        p.push_back(sim->p_strongest_wins);
        CHECK(sim->skaters.front().name == "Strength rank 1");
        CHECK(sim->skaters.front().p_win.value == sim->p_strongest_wins.value);
        // The mean strongest of 32 N(0, 1) draws: 2.07.
        CHECK(sim->skaters.front().strength == doctest::Approx(2.07).epsilon(0.01));
    }
    for (std::size_t a = 0; a < p.size(); ++a)
        for (std::size_t b = a + 1; b < p.size(); ++b) {
            const double se = std::hypot(p[a].standard_error, p[b].standard_error);
            CAPTURE(a);
            CAPTURE(b);
            CHECK(std::abs(p[a].value - p[b].value) < 4 * se);
        }
    options.fresh_field = false;  // one field, one answer of its own
    options.seed = 3;
    CHECK(simulate(format, normal_field(32, 3), options)->p_strongest_wins.value > 0.6);
}

TEST_CASE("formats compared on common random numbers: paired differences") {
    const std::vector<Format> formats{test::format_file("isu-2002"),
                                      test::format_file("isu-2022-2026")};
    SimulationOptions options;
    options.runs = 20000;
    options.threads = 2;
    options.fresh_field = true;
    const auto c = compare(formats, normal_field(32, 1), options);
    REQUIRE(c.ok());
    REQUIRE(c->formats.size() == 2);
    REQUIRE(c->differences.size() == simulation_metrics().size());
    for (std::size_t m = 0; m < simulation_metrics().size(); ++m) {
        const auto& metric = simulation_metrics()[m];
        const auto& d = c->differences[m];
        CAPTURE(metric.key);
        CHECK(d.format == "ISU 2022-2026");
        CHECK(d.metric == metric.key);
        // The paired difference is the difference of the two formats' means ...
        CHECK(d.difference.value == doctest::Approx((c->formats[1].*metric.member).value -
                                                    (c->formats[0].*metric.member).value));
        // ... and, the same events run under both, its standard error is at most that of
        // independent runs (equal when one format's metric never varies: races per skater).
        CHECK(d.difference.standard_error <= d.unpaired_standard_error * (1 + 1e-6));
    }
    const auto paired = [&](std::string_view key) {
        for (const auto& d : c->differences)
            if (d.metric == key) return d.difference.standard_error / d.unpaired_standard_error;
        return 1.0;
    };
    CHECK(paired("p_strongest_wins") < 0.7);
    CHECK(paired("kendall_tau") < 0.5);
    CHECK(paired("champion_true_rank") < 0.8);
    // Each format alone gives what simulate gives.
    const auto alone = simulate(formats[1], normal_field(32, 1), options);
    CHECK(alone->checksum == c->formats[1].checksum);
    CHECK(alone->p_strongest_wins.value == c->formats[1].p_strongest_wins.value);
    // Final A: four skaters in 2002, five from 2022 (a rare sixth by a tie).
    CHECK(c->formats[0].final_a_size.value == 4);
    CHECK(c->formats[1].final_a_size.value == doctest::Approx(5).epsilon(0.01));
    CHECK(c->formats[1].p_final_a_strongest.value > c->formats[0].p_final_a_strongest.value);
}
