#include "heatgraph/race_model.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "heatgraph/event_json.hpp"
#include "heatgraph/simulate.hpp"
#include "simulation/plackett_luce.hpp"
#include "test_support.hpp"

using namespace heatgraph;

namespace {

// An event of one round whose races finished in the given orders (names, winner first).
Event orders_event(const std::vector<std::vector<std::string>>& orders) {
    Event event;
    event.source = "orders";
    std::map<std::string, AthleteId> ids;
    Round round;
    round.name = "Heats";
    for (const auto& order : orders) {
        Race race;
        race.number = static_cast<int>(round.races.size()) + 1;
        race.name = "Heat " + std::to_string(race.number);
        for (const auto& name : order) {
            if (!ids.count(name)) {
                ids[name] = static_cast<AthleteId>(event.athletes.size());
                event.athletes.push_back({name, {}});
            }
            Row row;
            row.athlete = ids[name];
            row.place = static_cast<int>(race.results.size()) + 1;
            race.results.push_back(row);
            race.field.push_back(row.athlete);
        }
        round.races.push_back(race);
    }
    event.rounds.push_back(round);
    return event;
}

double strength_of(const RaceModel& model, const std::string& name) {
    for (const auto& s : model.skaters)
        if (s.name == name) return s.strength;
    FAIL("no " << name);
    return 0;
}

// The gradient of the log posterior in log-worth, computed directly from the orders:
// d/dθ_i = Σ_stages [i won] - w_i / Σ_{j still racing} w_j, plus the prior's prior - prior·w_i.
std::map<std::string, double> gradient(const std::vector<std::vector<std::string>>& orders,
                                       const RaceModel& model, double prior) {
    std::map<std::string, double> worth, g;
    for (const auto& s : model.skaters) {
        worth[s.name] = std::exp(s.strength);
        g[s.name] = 0;
    }
    // The centring of the strengths is a common factor c: with a prior, undo it by fitting c.
    for (const auto& order : orders)
        for (std::size_t k = 0; k + 1 < order.size(); ++k) {
            double total = 0;
            for (std::size_t m = k; m < order.size(); ++m)
                total += worth[order[m]];
            g[order[k]] += 1;
            for (std::size_t m = k; m < order.size(); ++m)
                g[order[m]] -= worth[order[m]] / total;
        }
    if (prior > 0)
        for (auto& [name, value] : g)
            value += prior - prior * worth[name];
    return g;
}

const std::vector<std::vector<std::string>> connected{
    {"A", "B", "C"}, {"B", "A", "C"}, {"C", "A", "B"}, {"A", "C", "B"}, {"B", "C"}, {"A", "B"}};

}  // namespace

TEST_CASE("the Plackett–Luce probability of a race: worth 4 wins against 3, 2, 1 with 0.4") {
    const std::vector<double> worths{4, 3, 2, 1};
    CHECK(plackett_luce_probability(worths, {0}) == doctest::Approx(0.4));
    CHECK(plackett_luce_probability(worths, {3}) == doctest::Approx(0.1));
    // 4/10 · 3/6 · 2/3 · 1/1
    CHECK(plackett_luce_probability(worths, {0, 1, 2, 3}) == doctest::Approx(2.0 / 15));
}

TEST_CASE("two skaters, 2 wins to 1: the maximum-likelihood worth ratio is 2") {
    const auto model =
        fit_race_model({orders_event({{"A", "B"}, {"A", "B"}, {"B", "A"}})}, FitOptions{0.0});
    REQUIRE(model.ok());
    CHECK(strength_of(*model, "A") == doctest::Approx(std::log(2.0) / 2).epsilon(1e-9));
    CHECK(strength_of(*model, "B") == doctest::Approx(-std::log(2.0) / 2).epsilon(1e-9));
    // Var(θA - θB) = 1 / (n p (1 - p)) with n = 3, p = 2/3; the centred strength is half of it.
    CHECK(model->skaters[0].standard_error == doctest::Approx(0.5 / std::sqrt(2.0 / 3)));
    CHECK(model->orders == 3);
    CHECK(model->log_likelihood == doctest::Approx(2 * std::log(2.0 / 3) + std::log(1.0 / 3)));
}

TEST_CASE("the maximum-likelihood fit has a zero gradient") {
    const auto model = fit_race_model({orders_event(connected)}, FitOptions{0.0});
    REQUIRE(model.ok());
    for (const auto& [name, g] : gradient(connected, *model, 0)) {
        CAPTURE(name);
        CHECK(std::abs(g) < 1e-8);
    }
    double mean = 0;
    for (const auto& s : model->skaters)
        mean += s.strength;
    CHECK(std::abs(mean) < 1e-12);
}

TEST_CASE("with a prior, the fit is the posterior mode") {
    const double prior = 1.0;
    auto model = fit_race_model({orders_event(connected)}, FitOptions{prior});
    REQUIRE(model.ok());
    // The reported strengths are centred; the posterior mode is not. Shift them back by the
    // constant that zeroes the summed gradient, then every component must vanish.
    double lo = -5, hi = 5;
    for (int i = 0; i < 200; ++i) {
        const double c = (lo + hi) / 2;
        RaceModel shifted = *model;
        for (auto& s : shifted.skaters)
            s.strength += c;
        double sum = 0;
        for (const auto& [name, g] : gradient(connected, shifted, prior))
            sum += g;
        (sum > 0 ? lo : hi) = c;
    }
    for (auto& s : model->skaters)
        s.strength += lo;
    for (const auto& [name, g] : gradient(connected, *model, prior)) {
        CAPTURE(name);
        CHECK(std::abs(g) < 1e-7);
    }
}

TEST_CASE("an unbeaten skater has no maximum-likelihood strength; a prior gives one") {
    const std::vector<std::vector<std::string>> unbeaten{
        {"A", "B"}, {"A", "C"}, {"B", "C"}, {"C", "B"}};
    CHECK(test::error_of(fit_race_model({orders_event(unbeaten)}, FitOptions{0.0})) ==
          "orders: the maximum-likelihood fit does not exist: the skaters fall into 2 groups that "
          "are not all beaten by one another (e.g. A never finished behind a skater outside their "
          "group); use a prior above 0");
    const auto map = fit_race_model({orders_event(unbeaten)});
    REQUIRE(map.ok());
    CHECK(map->skaters[0].name == "A");
    CHECK(std::isfinite(map->skaters[0].strength));
    CHECK(strength_of(*map, "B") == doctest::Approx(strength_of(*map, "C")));
}

TEST_CASE("a negative prior is an error") {
    CHECK(test::error_of(fit_race_model({orders_event(connected)}, FitOptions{-1.0})) ==
          "orders: the prior must be 0 or more, not -1");
}

TEST_CASE("every seed fits; the 2022 champion is the strongest skater of his event") {
    for (const char* name : test::all_seeds) {
        CAPTURE(std::string(name));
        const auto model = fit_race_model({test::seed(name)});
        REQUIRE(model.ok());
        CHECK(model->iterations < FitOptions{}.max_iterations);
    }
    const auto model = fit_race_model({test::seed("olympics-2022-men-1000m")});
    CHECK(model->skaters.front().name == "Ren Ziwei");
    CHECK(model->orders == 16);  // 8 heats, 4 quarterfinals, 2 semifinals, 2 finals
}

TEST_CASE("pooled events share a skater matched by name") {
    const auto e2022 = test::seed("olympics-2022-men-1000m");
    const auto e2026 = test::seed("olympics-2026-men-1000m");
    const auto model = fit_race_model({e2022, e2026});
    REQUIRE(model.ok());
    const auto liu2022 = model->skater_of[0][*e2022.find_athlete("Shaoang Liu")];
    const auto liu2026 = model->skater_of[1][*e2026.find_athlete("Shaoang Liu")];
    CHECK(liu2022 == liu2026);
    CHECK(model->skaters[liu2022].races == 8);  // four races in each event
    CHECK(model->orders == 32);
}

TEST_CASE("a race drawn around a recorded order keeps it and inserts the newcomer exactly") {
    // Kept a > b (worths 2, 1), newcomer c (worth 3). Exact conditional probabilities:
    // P(c a b) ∝ 3/6·2/3, P(a c b) ∝ 2/6·3/4, P(a b c) ∝ 2/6·1/4.
    const double cab = 3.0 / 6 * 2 / 3, acb = 2.0 / 6 * 3 / 4, abc = 2.0 / 6 * 1 / 4;
    const double total = cab + acb + abc;
    const int n = 200000;
    int first = 0, second = 0;
    std::vector<std::pair<double, int>> arrivals;
    std::vector<int> order;
    for (int i = 0; i < n; ++i) {
        detail::RandomStream random(7, static_cast<std::uint64_t>(i));
        detail::draw_around({2, 1}, {3}, random, arrivals, order);
        REQUIRE(order.size() == 3);
        std::vector<int> kept;
        for (int o : order)
            if (o >= 0) kept.push_back(o);
        REQUIRE(kept == std::vector<int>{0, 1});
        first += order[0] < 0;
        second += order[1] < 0;
    }
    const auto within = [&](int count, double p) {
        return std::abs(count / double(n) - p) < 4 * std::sqrt(p * (1 - p) / n);
    };
    CHECK(within(first, cab / total));
    CHECK(within(second, acb / total));
}

TEST_CASE("a random stream is fixed by its seed and replicate") {
    detail::RandomStream a(1, 5), b(1, 5), c(1, 6);
    std::vector<std::uint64_t> xs, ys, zs;
    for (int i = 0; i < 9; ++i) {
        xs.push_back(a.next());
        ys.push_back(b.next());
        zs.push_back(c.next());
    }
    CHECK(xs == ys);
    CHECK(xs != zs);
    for (int i = 0; i < 1000; ++i) {
        const double u = a.uniform();
        CHECK((u > 0 && u < 1));
    }
}

TEST_CASE("skaters no shared race connects form groups, which a warning names") {
    // a-b-c raced one another; d and e only each other: two groups, compared only by the prior.
    const auto model = fit_race_model({orders_event({{"a", "b"}, {"c", "b"}, {"d", "e"}})});
    REQUIRE(model.ok());
    REQUIRE(model->groups.size() == 2);
    auto first = model->groups[0], second = model->groups[1];
    std::sort(first.begin(), first.end());
    std::sort(second.begin(), second.end());
    CHECK(first == std::vector<std::string>{"a", "b", "c"});
    CHECK(second == std::vector<std::string>{"d", "e"});
    CHECK(test::has_diagnostic(model->notes,
                               "the skaters fall into 2 groups that no shared race "
                               "connects, of 3 and 2 skaters"));
    const auto json = nlohmann::json::parse(race_model_to_json(*model));
    CHECK(json["groups"].size() == 2);
    CHECK(json["groups"][1].size() == 2);

    const auto connected = fit_race_model({orders_event({{"a", "b"}, {"c", "b"}, {"d", "c"}})});
    REQUIRE(connected.ok());
    CHECK(connected->groups.empty());
    CHECK_FALSE(test::has_diagnostic(connected->notes, "groups"));
    CHECK_FALSE(nlohmann::json::parse(race_model_to_json(*connected)).contains("groups"));
}

TEST_CASE("the five seeds pooled fall into three groups") {
    std::vector<Event> events;
    for (const char* name : test::all_seeds)
        events.push_back(test::seed(name));
    const auto model = fit_race_model(events);
    REQUIRE(model.ok());
    REQUIRE(model->groups.size() == 3);
    std::size_t grouped = 0;
    for (std::size_t g = 0; g < model->groups.size(); ++g) {
        grouped += model->groups[g].size();
        if (g > 0) CHECK(model->groups[g - 1].size() >= model->groups[g].size());
    }
    CHECK(grouped == model->skaters.size());
    CHECK(test::has_diagnostic(model->notes, "the skaters fall into 3 groups"));
}

TEST_CASE("the fit's JSON is a field file: parse_field reads its names and strengths") {
    const auto model = fit_race_model(
        {test::seed("olympics-2022-men-1000m"), test::seed("olympics-2026-men-1000m")});
    REQUIRE(model.ok());
    const auto field = parse_field(race_model_to_json(*model), "fit.json");
    REQUIRE_MESSAGE(field.ok(), (field.ok() ? "" : field.error().describe()));
    CHECK(field->model == NoiseModel::plackett_luce);
    CHECK(field->noise == 1.0);
    // The field simulate --fit builds: the fitted skaters, then those with no placed race.
    const auto fitted = fitted_field(*model);
    REQUIRE(field->skaters.size() == fitted.skaters.size());
    CHECK(field->skaters.size() == model->skaters.size() + model->unplaced.size());
    for (std::size_t i = 0; i < fitted.skaters.size(); ++i) {
        CHECK(field->skaters[i].name == fitted.skaters[i].name);
        CHECK(field->skaters[i].strength == fitted.skaters[i].strength);
    }
}

TEST_CASE("a fitted field keeps a skater without a placed race, as an average skater") {
    // Calgary 2012: Choi Ji-hyun was penalised in her only race, as were two others.
    const auto model = fit_race_model(
        {test::event_file("scenarios/events/world-cup-2012-calgary-women-500m.csv")});
    REQUIRE(model.ok());
    REQUIRE(model->skaters.size() == 35);
    CHECK(model->unplaced.size() == 3);
    Diagnostics notes;
    const auto field = fitted_field(*model, &notes);
    REQUIRE(field.skaters.size() == 38);
    const auto choi = std::find_if(field.skaters.begin(), field.skaters.end(),
                                   [](const auto& s) { return s.name == "Choi Ji-hyun"; });
    REQUIRE(choi != field.skaters.end());
    CHECK(choi->strength == 0);
    CHECK(notes.size() == 3);
    CHECK(test::has_diagnostic(notes,
                               "Choi Ji-hyun has no placed race to fit: simulated as an "
                               "average skater (strength 0)"));
    for (std::size_t i = 0; i < model->skaters.size(); ++i)
        CHECK(field.skaters[i].name == model->skaters[i].name);
}
