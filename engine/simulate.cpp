#include "heatgraph/simulate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <chrono>
#include <cmath>
#include <numbers>

#include "advancement.hpp"
#include "classifier.hpp"
#include "draw.hpp"
#include "parallel.hpp"
#include "random_stream.hpp"

namespace heatgraph {

namespace {

using namespace detail;

constexpr std::int64_t block_size = 4096;  // replicates summed in order before blocks are added
constexpr int race_id_stride = 1024;       // race id = round · stride + race

// ---- the format, compiled ----

struct CompiledRound {
    int races = 1;                     // the finals: 1 (Final A) or 2 (and Final B)
    const Transition* rule = nullptr;  // to the next round; none for the finals
};

struct Compiled {
    const Format* format = nullptr;
    std::vector<CompiledRound> rounds;  // the last is the finals
    int skaters = 0;
    NoiseModel model = NoiseModel::plackett_luce;
    double noise = 1;
    std::vector<double> strength;
    std::vector<int> strongest_first;  // skaters
    std::vector<int> true_rank;        // per skater: 1 = the strongest
    std::vector<int> first_race;       // per seed index: its race of the first round
    Seeding seeding = Seeding::by_strength;
    IncidentRates incidents;
};

Result<Compiled> compile(const Format& format, const Field& field, const SimulationOptions& o) {
    Compiled c;
    c.format = &format;
    c.skaters = static_cast<int>(field.skaters.size());
    c.model = field.model;
    c.noise = field.noise;
    c.seeding = o.seeding;
    c.incidents = o.incidents;
    const auto fail = [&](std::string message) -> Result<Compiled> {
        return Error{format.source, 0, std::move(message)};
    };
    if (c.skaters < 2) return fail("a field needs at least two skaters");
    for (const auto& t : format.transitions) {
        if (!t.races)
            return fail(
                fmt::format("the format '{}' gives no number of races for the {}; a "
                            "simulation needs it ('races')",
                            format.name, to_string(t.from)));
        c.rounds.push_back({*t.races, &t});
    }
    c.rounds.push_back({format.finals.final_b == FinalBRouting::none ? 1 : 2, nullptr});
    for (const auto& s : field.skaters)
        c.strength.push_back(s.strength);
    c.strongest_first.resize(c.strength.size());
    for (int a = 0; a < c.skaters; ++a)
        c.strongest_first[a] = a;
    std::stable_sort(c.strongest_first.begin(), c.strongest_first.end(),
                     [&](int a, int b) { return c.strength[a] > c.strength[b]; });
    c.true_rank.resize(c.strength.size());
    for (int k = 0; k < c.skaters; ++k)
        c.true_rank[c.strongest_first[k]] = k + 1;

    const int races = format.transitions.empty() ? 1 : c.rounds[0].races;
    if (c.skaters < races)
        return fail(fmt::format("{} skaters cannot fill the {} races of the first round", c.skaters,
                                races));
    if (format.transitions.empty()) {
        c.first_race.assign(c.strength.size(), 0);
        return c;
    }
    switch (format.draw.first_round) {
        case FirstRound::snake:
            snake_races(c.skaters, races, c.first_race);
            break;
        case FirstRound::ffa: {
            std::vector<int> scratch;
            if (!ffa_races(c.skaters, races, c.first_race, scratch))
                return fail(fmt::format("the ffa grouping of {} skaters does not give {} races",
                                        c.skaters, races));
            break;
        }
        case FirstRound::pairs: {
            const auto& pairs = format.draw.pairs;
            if (static_cast<int>(pairs.size()) != races)
                return fail(fmt::format("'pairs' lists {} races; the first round has {}",
                                        pairs.size(), races));
            c.first_race.assign(c.strength.size(), -1);
            for (int k = 0; k < races; ++k)
                for (int seed : pairs[k]) {
                    if (seed > c.skaters || c.first_race[seed - 1] >= 0)
                        return fail(
                            fmt::format("'pairs' must name each seed 1..{} once; seed {} "
                                        "is out of range or repeated",
                                        c.skaters, seed));
                    c.first_race[seed - 1] = k;
                }
            if (std::count(c.first_race.begin(), c.first_race.end(), -1) > 0)
                return fail(fmt::format("'pairs' leaves seeds of the {} skaters out", c.skaters));
            break;
        }
    }
    return c;
}

// ---- one replicate ----

struct Totals {  // integer tallies: summed in any order, the same answer
    std::int64_t strongest_wins = 0, podium = 0, champion_rank = 0, champion_rank_sq = 0,
                 entries = 0, entries_sq = 0, changed = 0;
    std::uint64_t checksum = 0;
    std::vector<std::int64_t> wins, podiums, rank_sum, rank_sq, ranked;

    explicit Totals(std::size_t n) : wins(n), podiums(n), rank_sum(n), rank_sq(n), ranked(n) {}
    void add(const Totals& o) {
        strongest_wins += o.strongest_wins, podium += o.podium;
        champion_rank += o.champion_rank, champion_rank_sq += o.champion_rank_sq;
        entries += o.entries, entries_sq += o.entries_sq, changed += o.changed;
        checksum += o.checksum;
        for (std::size_t a = 0; a < wins.size(); ++a) {
            wins[a] += o.wins[a], podiums[a] += o.podiums[a];
            rank_sum[a] += o.rank_sum[a], rank_sq[a] += o.rank_sq[a], ranked[a] += o.ranked[a];
        }
    }
};

// A performance's time, seconds to the nearest millisecond (std::llround without the call).
Millis to_millis(double seconds) {
    const double x = seconds * 1000.0 + 0.5;
    const auto t = static_cast<Millis>(x);
    return t - (x < static_cast<double>(t));  // floor
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// One replicate at a time, on buffers sized once for the whole field (no round has more skaters
// than the field): an event allocates nothing.
class Replicate {
  public:
    explicit Replicate(const Compiled& c) : c_(c), totals_(c.strength.size()) {
        const auto n = c.strength.size();
        int most_races = 2;
        for (const auto& round : c.rounds)
            most_races = std::max(most_races, round.races);
        for (auto* v : {&seeds_, &seed_number_, &members_, &place_, &race_of_, &who_, &going_,
                        &final_b_, &finishers_, &rank_, &next_race_, &by_strength_rank_, &zeros_})
            v->resize(n);
        offsets_.resize(static_cast<std::size_t>(most_races) + 1);
        cursor_.resize(static_cast<std::size_t>(most_races));
        perf_.resize(n), status_.resize(n), referee_.resize(n), time_.resize(n);
        entrants_.resize(n), ranked_.resize(n);
        draws_.resize(c.rounds.size());
    }

    // Runs replicate `i`; returns its Kendall tau (summed by the caller in replicate order).
    double run(std::uint64_t seed, std::uint64_t i) {
        RandomStream random(seed, i);
        random_ = &random;
        const int rounds = static_cast<int>(c_.rounds.size());
        input_.clear(c_.skaters, rounds, true);
        input_.results.resize(static_cast<std::size_t>(c_.skaters) * rounds);
        for (int a = 0; a < c_.skaters; ++a)
            input_.first[a] = a * rounds;
        order_ = 0;
        entries_ = 0;
        changed_ = false;
        seed_field();
        for (int r = 0; r < rounds; ++r) {
            for (int k = 0; k < races_; ++k)
                race(r, k);
            if (r + 1 < rounds) advance(r);
        }
        finals(rounds - 1);
        classifier_.run(input_, c_.format->classification, standings_);
        return tally(i);
    }

    const Totals& totals() const { return totals_; }

  private:
    // The first round: seeds by strength, at random or as listed, into the format's draw.
    void seed_field() {
        for (int s = 0; s < c_.skaters; ++s)
            seeds_[s] = c_.seeding == Seeding::by_strength ? c_.strongest_first[s] : s;
        if (c_.seeding == Seeding::random)
            for (int s = c_.skaters - 1; s > 0; --s)
                std::swap(seeds_[s], seeds_[random_->below(static_cast<std::uint64_t>(s + 1))]);
        for (int s = 0; s < c_.skaters; ++s)
            seed_number_[seeds_[s]] = s + 1;
        const int races = c_.format->transitions.empty() ? 1 : c_.rounds[0].races;
        fill_races(races, c_.first_race.data(), seeds_.data(), c_.skaters);
    }

    // The round's races (members_ by race, offsets_) from `count` skaters `who` and their races.
    void fill_races(int races, const int* race_of, const int* who, int count) {
        std::fill(offsets_.begin(), offsets_.begin() + races + 1, 0);
        for (int s = 0; s < count; ++s)
            ++offsets_[race_of[s] + 1];
        for (int k = 0; k < races; ++k)
            offsets_[k + 1] += offsets_[k];
        std::copy(offsets_.begin(), offsets_.begin() + races, cursor_.begin());
        for (int s = 0; s < count; ++s)
            members_[cursor_[race_of[s]]++] = who[s];
        races_ = races;
        count_ = count;
    }

    // Noise by Boost.Random's ziggurat samplers: a normal (Thurstone), or a standard Gumbel as
    // minus the logarithm of an exponential (Plackett–Luce).
    double noise_draw() {
        if (c_.model == NoiseModel::thurstone) return normal_(*random_);
        return -std::log(std::max(exponential_(*random_), 1e-300));
    }

    // Draws race k of round r: performances, incidents, places and times. `number` is the race's
    // number in the round when the races of the round are drawn one field at a time (finals).
    void race(int r, int k, int number = -1) {
        if (number < 0) number = k;
        const int begin = offsets_[k], end = offsets_[k + 1];
        int fastest = -1;
        for (int m = begin; m < end; ++m) {
            perf_[m] = c_.strength[members_[m]] + c_.noise * noise_draw();
            status_[m] = Status::finished;
            referee_[m] = 0;
            if (fastest < 0 || perf_[m] > perf_[fastest]) fastest = m;
        }
        incidents(begin, end);
        const bool final_a = r + 1 == static_cast<int>(c_.rounds.size()) && number == 0;
        if (final_a && fastest >= 0 && status_[fastest] != Status::finished) changed_ = true;
        int* finishers = finishers_.data() + begin;
        int finished = 0;
        for (int m = begin; m < end; ++m) {
            place_[m] = 0;
            if (status_[m] == Status::finished) finishers[finished++] = m;
        }
        std::sort(finishers, finishers + finished,
                  [&](int a, int b) { return perf_[a] > perf_[b]; });
        for (int p = 0; p < finished; ++p)
            place_[finishers[p]] = p + 1;
        for (int m = begin; m < end; ++m) {
            time_[m] = to_millis(100.0 - perf_[m]);
            const int a = members_[m];
            input_.results[input_.first[a] + input_.count[a]++] = {
                r,          r * race_id_stride + number,    place_[m], 1,
                status_[m], place_[m] ? time_[m] : no_time, order_++};
        }
        entries_ += end - begin;
    }

    void incidents(int begin, int end) {
        const auto& rates = c_.incidents;
        if (rates.penalty <= 0) return;
        for (int m = begin; m < end; ++m) {
            if (status_[m] != Status::finished || random_->uniform() >= rates.penalty) continue;
            status_[m] = Status::PEN;
            if (end - begin < 2 || random_->uniform() >= rates.fall) continue;
            int victim = begin + static_cast<int>(
                                     random_->below(static_cast<std::uint64_t>(end - begin - 1)));
            if (victim >= m) ++victim;
            if (status_[victim] != Status::finished) continue;
            status_[victim] = Status::DNF;
            referee_[victim] = random_->uniform() < rates.referee_advance ? 1 : 0;
        }
    }

    // Who goes through from round r, into the races of round r + 1.
    void advance(int r) {
        const auto& round = c_.rounds[r];
        for (int k = 0; k < races_; ++k)
            for (int m = offsets_[k]; m < offsets_[k + 1]; ++m) {
                race_of_[m] = k;
                entrants_[m] = {k + 1, place_[m] ? std::optional<int>(place_[m]) : std::nullopt,
                                place_[m] ? std::optional<Millis>(time_[m]) : std::nullopt,
                                referee_[m] != 0};
            }
        const bool into_finals = r + 2 == static_cast<int>(c_.rounds.size());
        const bool two_finals = into_finals && c_.rounds.back().races == 2;
        decide(
            *round.rule, two_finals ? &c_.format->finals : nullptr,
            std::span<const Entrant>(entrants_.data(), static_cast<std::size_t>(count_)),
            [&](int k) { return static_cast<int>(random_->below(static_cast<std::uint64_t>(k))); },
            decision_);
        int going = 0;
        for (int m = 0; m < count_; ++m)
            if (decision_.advances[m]) going_[going++] = m;
        if (!into_finals) return reseed(r + 1, going);
        final_b_count_ = 0;
        for (int m : decision_.to_final_b)
            final_b_[final_b_count_++] = members_[m];
        for (int g = 0; g < going; ++g)
            who_[g] = members_[going_[g]];
        fill_races(1, zeros_.data(), who_.data(), going);
    }

    // The `going` qualifiers (going_: member indices of this round) into the races of `next`.
    void reseed(int next, int going) {
        const int races = c_.rounds[next].races;
        const Reseed rule = c_.format->draw.reseed;
        if (rule == Reseed::bracket) {
            for (int g = 0; g < going; ++g) {
                who_[g] = members_[going_[g]];
                next_race_[g] = std::min(race_of_[going_[g]] / 2, races - 1);
            }
            return fill_races(races, next_race_.data(), who_.data(), going);
        }
        // Ranked by value (no indirection in the comparisons): ffa by time, then seed number;
        // snake by place, then time, then running order.
        for (int g = 0; g < going; ++g) {
            const int m = going_[g];
            ranked_[g] = rule == Reseed::ffa ? Ranked{time_[m], seed_number_[members_[m]], m}
                                             : Ranked{place_[m] ? place_[m] : 1 << 20, time_[m], m};
        }
        std::sort(ranked_.begin(), ranked_.begin() + going);
        for (int g = 0; g < going; ++g)
            who_[g] = members_[ranked_[g].m];
        fill_races(races, draw(next, going), who_.data(), going);
    }

    // The races of round `next` for its qualifiers 1..n in rank order (computed once per count).
    const int* draw(int next, int n) {
        auto& tables = draws_[next];
        if (static_cast<int>(tables.size()) <= n) tables.resize(static_cast<std::size_t>(n) + 1);
        auto& table = tables[n];
        if (table.size() != static_cast<std::size_t>(n)) {
            const int races = c_.rounds[next].races;
            if (c_.format->draw.reseed != Reseed::ffa || !ffa_races(n, races, table, scratch_))
                snake_races(n, races, table);
        }
        return table.data();
    }

    // The finals for the classifier: Final A raced (the last round's only race), Final B raced
    // when it has enough skaters, else awarded in semifinal order.
    void finals(int r) {
        input_.finals.clear();
        input_.members.clear();
        const int a_id = r * race_id_stride;
        add_final(a_id);
        if (c_.rounds.back().races < 2 || final_b_count_ == 0) return;
        const int b_id = a_id + 1;
        if (final_b_count_ < c_.format->finals.final_b_min_field) {
            input_.finals.push_back(
                {b_id, false, static_cast<int>(input_.members.size()), final_b_count_});
            for (int f = 0; f < final_b_count_; ++f) {
                input_.members.push_back(final_b_[f]);
                input_.unraced_final[final_b_[f]] = b_id;
            }
            return;
        }
        // Final B raced: drawn like any race, after Final A.
        fill_races(1, zeros_.data(), final_b_.data(), final_b_count_);
        race(r, 0, 1);
        add_final(b_id);
    }

    // The race just drawn (the round's only one) as a final: its finishers in place order, then
    // the rest in running order.
    void add_final(int id) {
        const int first = static_cast<int>(input_.members.size());
        input_.finals.push_back({id, true, first, count_});
        input_.members.resize(static_cast<std::size_t>(first + count_));
        int* out = input_.members.data() + first;
        int placed = 0;
        for (int m = 0; m < count_; ++m)
            placed += place_[m] != 0;
        for (int m = 0, unplaced = placed; m < count_; ++m)
            out[place_[m] ? place_[m] - 1 : unplaced++] = members_[m];
    }

    double tally(std::uint64_t i) {
        auto& t = totals_;
        const int n = c_.skaters;
        std::uint64_t podium_hash = i;
        int podium_strong = 0;
        for (std::size_t p = 0; p < standings_.size() && p < 3; ++p) {
            const auto& s = standings_[p];
            podium_hash = podium_hash * 131 + static_cast<std::uint64_t>(s.athlete + 1);
            if (s.rank >= 1 && s.rank <= 3 && c_.true_rank[s.athlete] <= 3) ++podium_strong;
        }
        t.checksum += mix(podium_hash);
        if (!standings_.empty() && standings_[0].rank == 1) {
            const int champion = standings_[0].athlete;
            t.strongest_wins += c_.true_rank[champion] == 1;
            t.champion_rank += c_.true_rank[champion];
            t.champion_rank_sq += c_.true_rank[champion] * c_.true_rank[champion];
        }
        t.podium += podium_strong == std::min(3, n);
        t.entries += entries_, t.entries_sq += entries_ * entries_;
        t.changed += changed_;
        std::fill(rank_.begin(), rank_.end(), 0);
        for (const auto& s : standings_) {
            rank_[s.athlete] = s.rank;
            if (!s.rank) continue;
            t.wins[s.athlete] += s.rank == 1;
            t.podiums[s.athlete] += s.rank <= 3;
            t.rank_sum[s.athlete] += s.rank;
            t.rank_sq[s.athlete] += std::int64_t{s.rank} * s.rank;
            ++t.ranked[s.athlete];
        }
        return kendall_tau();
    }

    // Tau-b of the classification against strength over the ranked skaters (shared ranks are
    // ties; strengths are taken as distinct, the field's order breaking equal ones). Taken in
    // strength order, a pair is concordant when the stronger skater ranks better.
    double kendall_tau() {
        int n = 0;
        for (int a : c_.strongest_first)
            if (rank_[a]) by_strength_rank_[n++] = rank_[a];
        const int* r = by_strength_rank_.data();
        std::int64_t concordant = 0, tied = 0;
        for (int i = 0; i < n; ++i) {
            int c = 0, t = 0;  // 32-bit, branch-free: the compiler vectorises the inner loop
            for (int j = i + 1; j < n; ++j) {
                c += r[j] > r[i];
                t += r[j] == r[i];
            }
            concordant += c, tied += t;
        }
        const std::int64_t pairs = std::int64_t{n} * (n - 1) / 2;
        if (pairs == tied) return 0;
        const std::int64_t discordant = pairs - tied - concordant;
        return static_cast<double>(concordant - discordant) /
               std::sqrt(static_cast<double>(pairs - tied) * static_cast<double>(pairs));
    }

    struct Ranked {  // a qualifier's re-seeding key
        Millis first, second;
        int m;
        auto operator<=>(const Ranked&) const = default;
    };

    const Compiled& c_;
    RandomStream* random_ = nullptr;
    Totals totals_;
    // Per skater or per member of the round (index m), sized for the whole field.
    std::vector<int> seeds_, seed_number_, members_, place_, race_of_, who_, next_race_, going_,
        final_b_, finishers_, rank_, by_strength_rank_, offsets_, cursor_, scratch_, zeros_;
    std::vector<double> perf_;
    std::vector<Status> status_;
    std::vector<char> referee_;
    std::vector<Millis> time_;
    std::vector<Entrant> entrants_;
    std::vector<Ranked> ranked_;
    std::vector<std::vector<std::vector<int>>> draws_;  // per round, per qualifier count
    Decision decision_;
    ClassifierInput input_;
    Classifier classifier_;
    std::vector<FlatStanding> standings_;
    boost::random::normal_distribution<double> normal_;
    boost::random::exponential_distribution<double> exponential_;
    int races_ = 0, count_ = 0, final_b_count_ = 0, order_ = 0;
    std::int64_t entries_ = 0;
    bool changed_ = false;
};

Estimate proportion(std::int64_t count, std::int64_t n) {
    const double p = static_cast<double>(count) / static_cast<double>(n);
    return {p, std::sqrt(p * (1 - p) / static_cast<double>(n))};
}

Estimate mean(double sum, double sum_sq, std::int64_t n) {
    if (n == 0) return {};
    const double m = sum / static_cast<double>(n);
    const double variance = std::max(0.0, sum_sq / static_cast<double>(n) - m * m);
    return {m, std::sqrt(variance / static_cast<double>(n))};
}

}  // namespace

Result<Simulation> simulate(const Format& format, const Field& field,
                            const SimulationOptions& options) {
    if (options.runs < 1)
        return Error{{}, 0, fmt::format("--runs must be at least 1, not {}", options.runs)};
    auto compiled = compile(format, field, options);
    if (!compiled) return compiled.error();
    const Compiled& c = *compiled;
    const std::int64_t blocks = (options.runs + block_size - 1) / block_size;
    const int threads = thread_count(options.threads, blocks);

    std::vector<double> tau_sum(static_cast<std::size_t>(blocks)), tau_sq(tau_sum.size());
    std::vector<Totals> totals(static_cast<std::size_t>(threads), Totals(c.strength.size()));
    std::atomic<std::int64_t> next_block{0}, done{0};
    const auto start = std::chrono::steady_clock::now();
    run_on_threads(threads, [&](int t) {
        Replicate replicate(c);
        for (std::int64_t b; (b = next_block.fetch_add(1)) < blocks;) {
            const std::int64_t end = std::min(options.runs, (b + 1) * block_size);
            double sum = 0, sq = 0;
            for (std::int64_t i = b * block_size; i < end; ++i) {
                const double tau = replicate.run(options.seed, static_cast<std::uint64_t>(i));
                sum += tau, sq += tau * tau;
            }
            tau_sum[b] = sum, tau_sq[b] = sq;
            const auto finished = done.fetch_add(end - b * block_size) + (end - b * block_size);
            if (t == 0 && options.progress) options.progress(finished, options.runs);
        }
        totals[t] = replicate.totals();
    });
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    Totals total(c.strength.size());
    for (const auto& t : totals)
        total.add(t);
    double tau = 0, tau2 = 0;
    for (std::int64_t b = 0; b < blocks; ++b)
        tau += tau_sum[b], tau2 += tau_sq[b];

    const std::int64_t n = options.runs;
    Simulation out;
    out.format = format.name;
    out.runs = n;
    out.seed = options.seed;
    out.threads = threads;
    out.seconds = seconds;
    out.events_per_second = seconds > 0 ? static_cast<double>(n) / seconds : 0;
    out.p_strongest_wins = proportion(total.strongest_wins, n);
    out.p_podium_strongest = proportion(total.podium, n);
    out.champion_true_rank = mean(static_cast<double>(total.champion_rank),
                                  static_cast<double>(total.champion_rank_sq), n);
    out.kendall_tau = mean(tau, tau2, n);
    const double skaters = c.skaters;
    out.races_per_skater = mean(static_cast<double>(total.entries) / skaters,
                                static_cast<double>(total.entries_sq) / (skaters * skaters), n);
    out.finals_changed_by_incidents = proportion(total.changed, n);
    for (int a : c.strongest_first) {
        SkaterOutcome s;
        s.name = field.skaters[a].name;
        s.strength = c.strength[a];
        s.p_win = proportion(total.wins[a], n);
        s.p_podium = proportion(total.podiums[a], n);
        s.mean_rank = mean(static_cast<double>(total.rank_sum[a]),
                           static_cast<double>(total.rank_sq[a]), total.ranked[a]);
        out.skaters.push_back(std::move(s));
    }
    out.checksum = total.checksum;
    return out;
}

}  // namespace heatgraph
