#include "heatgraph/whatif.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "heatgraph/race_model.hpp"
#include "simulation/parallel.hpp"
#include "simulation/posterior_draw.hpp"
#include "whatif/counterfactual.hpp"

namespace heatgraph {

namespace {

using detail::Counterfactual;
using detail::RandomStream;

// Tallies are integers so that adding them up in any order (any thread count) gives the same
// answer to the last bit. A sample's place counts `unit`; a rank shared by n skaters spreads it
// over the n places it spans (unit is divisible by every n up to 16; beyond, the remainder goes
// on the diagonal, which keeps every row and column summing to unit).
constexpr std::int64_t unit = 720720;  // lcm(1, ..., 16)

struct Tally {
    std::size_t athletes = 0;
    std::vector<std::int64_t> place;     // [athlete * athletes + place index]
    std::vector<std::int64_t> unranked;  // [athlete]
    std::vector<std::int64_t> drawn;     // [round * races_per_round + race]
    std::size_t races_per_round = 0;
    std::vector<std::int64_t> as_recorded;  // [athlete]: samples ranked as in the record
    std::vector<std::int64_t> by_model;     // [athlete]: samples the model placed them in
    const Classification* recorded = nullptr;

    Tally(std::size_t n, std::size_t rounds, std::size_t races, const Classification& record)
        : athletes(n),
          place(n * n, 0),
          unranked(n, 0),
          drawn(rounds * races, 0),
          races_per_round(races),
          as_recorded(n, 0),
          by_model(n, 0),
          recorded(&record) {}

    void add(const Classification& c) {
        for (const auto& s : c) {
            const Standing* was = find_standing(*recorded, s.athlete);
            if (was && was->rank == s.rank) as_recorded[s.athlete] += 1;
        }
        for (std::size_t k = 0; k < c.size();) {
            if (!c[k].rank) {
                unranked[c[k].athlete] += unit;
                ++k;
                continue;
            }
            std::size_t end = k + 1;
            while (end < c.size() && c[end].rank == c[k].rank)
                ++end;
            const auto n = static_cast<std::int64_t>(end - k);
            const std::int64_t share = unit / n, rest = unit - share * n;
            for (std::size_t j = k; j < end; ++j)
                for (std::size_t p = k; p < end; ++p) {
                    const auto at = static_cast<std::size_t>(*c[k].rank - 1) + (p - k);
                    if (at < athletes)
                        place[c[j].athlete * athletes + at] += share + (p == j ? rest : 0);
                }
            k = end;
        }
    }

    void add(const Counterfactual::Run& run) {
        for (const auto& [round, race] : run.drawn)
            drawn[round * races_per_round + race] += 1;
        for (auto id : run.placed_by_model)
            by_model[id] += 1;
    }

    void merge(const Tally& other) {
        for (std::size_t i = 0; i < place.size(); ++i)
            place[i] += other.place[i];
        for (std::size_t i = 0; i < unranked.size(); ++i)
            unranked[i] += other.unranked[i];
        for (std::size_t i = 0; i < drawn.size(); ++i)
            drawn[i] += other.drawn[i];
        for (std::size_t i = 0; i < as_recorded.size(); ++i) {
            as_recorded[i] += other.as_recorded[i];
            by_model[i] += other.by_model[i];
        }
    }
};

std::size_t most_races(const Event& event) {
    std::size_t most = 0;
    for (const auto& round : event.rounds)
        most = std::max(most, round.races.size());
    return most;
}

// The substream of a sample's strengths (random_stream.hpp): the races of sample i draw from
// stream (seed, i) with or without drawn strengths.
constexpr std::uint64_t strength_substream = 1;

// Runs samples [0, n) on `threads` threads, sample i on stream (seed, i); with `posterior`,
// each sample's strengths drawn from it, else its mode.
Tally monte_carlo(const Counterfactual& cf, const Event& record, const Classification& recorded,
                  const Format& format, const RaceModel& model, bool posterior, int samples,
                  std::uint64_t seed, int threads) {
    const auto tally_for = [&] {
        return Tally(record.athletes.size(), record.rounds.size(), most_races(record), recorded);
    };
    std::vector<Tally> tallies(static_cast<std::size_t>(threads), tally_for());
    detail::run_on_threads(threads, [&](int t) {
        Event event;
        detail::PosteriorDraw strengths(model, 0);
        auto worth = strengths.mode();
        for (int i = t; i < samples; i += threads) {
            if (posterior) {
                RandomStream draw(seed, static_cast<std::uint64_t>(i), strength_substream);
                strengths.draw(draw, worth);
            }
            RandomStream random(seed, static_cast<std::uint64_t>(i));
            Counterfactual::Run run;
            cf.run(random, worth, event, run, false);
            tallies[t].add(classify(event, format));
            tallies[t].add(run);
        }
    });
    Tally total = tally_for();
    for (const auto& t : tallies)
        total.merge(t);
    return total;
}

std::vector<PlaceProbabilities> probabilities_of(const Tally& tally, int samples,
                                                 const Replay& baseline, bool exact) {
    const std::size_t n = tally.athletes;
    const double total = static_cast<double>(unit) * samples;
    std::vector<PlaceProbabilities> out;
    for (std::size_t a = 0; a < n; ++a) {
        PlaceProbabilities p;
        p.athlete = static_cast<AthleteId>(a);
        p.p_place.resize(n);
        double ranked = 0, mean = 0, square = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const double q = static_cast<double>(tally.place[a * n + k]) / total;
            p.p_place[k] = q;
            ranked += q;
            mean += q * static_cast<double>(k + 1);
            square += q * static_cast<double>((k + 1) * (k + 1));
        }
        p.p_unranked = static_cast<double>(tally.unranked[a]) / total;
        p.p_medal = p.p_place[0] + (n > 1 ? p.p_place[1] : 0) + (n > 2 ? p.p_place[2] : 0);
        if (ranked > 0) {
            p.expected_rank = mean / ranked;
            const double variance =
                std::max(0.0, square / ranked - p.expected_rank * p.expected_rank);
            p.expected_rank_se = exact ? 0 : std::sqrt(variance / samples);
        }
        if (const Standing* s = find_standing(baseline.classification, p.athlete))
            p.recorded_rank = s->rank;
        p.p_recorded_rank = static_cast<double>(tally.as_recorded[a]) / samples;
        if (ranked > 0 || p.p_unranked > 0) out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        const bool xr = x.p_unranked < 1, yr = y.p_unranked < 1;
        if (xr != yr) return xr;
        return x.expected_rank < y.expected_rank;
    });
    return out;
}

// The counterfactual event of an exact answer, replayed: every advancement explained by the
// same rules, which checks the walk against the replay. Unraced finals are left to the replay.
Replay replay_outcome(Event event, const Format& format) {
    for (auto& round : event.rounds)
        std::erase_if(round.races, [](const Race& r) { return !r.raced; });
    return replay(event, format);
}

// The record the strengths are fitted to: the ruled one (a skater reinstated first in a
// semifinal beat the others there), without the races run again (their results set aside).
Event fitted_record(const detail::RuledEvent& ruled) {
    Event record = ruled.event;
    for (std::size_t r = 0; r < record.rounds.size(); ++r)
        for (std::size_t k = 0; k < record.rounds[r].races.size(); ++k)
            if (ruled.redraw[r][k]) record.rounds[r].races[k].results.clear();
    return record;
}

}  // namespace

Result<WhatIf> what_if(const Event& event, const std::vector<Ruling>& rulings,
                       const std::optional<Format>& format, const WhatIfOptions& options) {
    if (options.samples < 1 || options.samples > max_samples)
        return Error{
            {},
            0,
            fmt::format("samples must be from 1 to {}, not {}", max_samples, options.samples)};
    if (options.threads < 0)
        return Error{
            {},
            0,
            fmt::format("threads must be 0 (one per core) or more, not {}", options.threads)};
    WhatIf out;
    out.baseline = replay(event);
    out.rulings = rulings;
    out.format = format ? *format : out.baseline.format;
    out.seed = options.seed;
    const auto targets = check_rulings(out.baseline.event, rulings);
    if (!targets) return targets.error();
    const auto ruled = detail::rule_event(out.baseline, out.format, rulings, *targets);
    auto model = fit_race_model({fitted_record(ruled)}, FitOptions{options.prior});
    if (!model) return model.error();

    const auto draws = detail::estimate_draw_model(event, options.incidents);
    const Counterfactual cf(ruled, out.format, draws);

    Event first;
    Counterfactual::Run run;
    RandomStream random(options.seed, 0);
    cf.run(random, detail::PosteriorDraw(*model, 0).mode(), first, run, true);
    out.consequences = run.chain;
    if (format)
        out.consequences.insert(
            out.consequences.begin(),
            fmt::format("replayed under the format '{}' instead of the record's ('{}')",
                        out.format.name, out.baseline.format.name));
    Tally tally(event.athletes.size(), ruled.event.rounds.size(), most_races(ruled.event),
                out.baseline.classification);
    if (!run.random) {
        out.exact = true;
        out.outcome = replay_outcome(std::move(first), out.format);
        out.notes = out.outcome->diagnostics;
        tally.add(out.outcome->classification);
        out.probabilities = probabilities_of(tally, 1, out.baseline, true);
        return out;
    }
    out.samples = options.samples;
    out.posterior = !options.fixed_strengths;
    const int threads = detail::thread_count(options.threads, options.samples);
    tally = monte_carlo(cf, ruled.event, out.baseline.classification, out.format, *model,
                        out.posterior, options.samples, options.seed, threads);
    out.probabilities = probabilities_of(tally, options.samples, out.baseline, false);
    for (std::size_t r = 0; r < ruled.event.rounds.size(); ++r)
        for (std::size_t k = 0; k < ruled.event.rounds[r].races.size(); ++k)
            if (const auto n = tally.drawn[r * tally.races_per_round + k])
                out.resampled_races.push_back({ruled.event.rounds[r].races[k].name,
                                               static_cast<double>(n) / options.samples});
    for (AthleteId a = 0; a < static_cast<AthleteId>(event.athletes.size()); ++a)
        if (tally.by_model[a] > 0 && model->skater_of[0][a] < 0)
            out.notes.push_back({Severity::warning, 0,
                                 fmt::format("{} has no placed race to fit a strength from: "
                                             "drawn as an average skater",
                                             event.name_of(a))});
    return out;
}

}  // namespace heatgraph
