#include "heatgraph/simulate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/random/normal_distribution.hpp>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <thread>

#include "rules/advancement.hpp"
#include "rules/classifier.hpp"
#include "rules/stage_graph.hpp"
#include "simulation/draw.hpp"
#include "simulation/field_bounds.hpp"
#include "simulation/parallel.hpp"
#include "simulation/random_stream.hpp"
#include "simulation/rank_pairs.hpp"

namespace heatgraph {

namespace {

using namespace detail;

constexpr std::int64_t block_size = 4096;  // replicates summed in order before blocks are added

// ---- the format, compiled ----

struct CompiledStage {
    int races = 1;          // a stage of lettered finals: the finals named (A = race 0, ...)
    bool lettered = false;  // its races are finals A, B, ..., each with its own field
    bool ranking = false;   // filled by the feeding stage's places, best in the last race
    bool placing = false;   // its races place skaters (finals, ranking races)
    int min_field = 2;
    int first_id = 0;   // race ids: first_id + race
    struct Way {        // a transition out of the stage, in the format's order
        int to = 0;     // the stage it leads to
        int final = 0;  // into lettered finals: 0 = Final A
    };
    std::vector<Way> out;
};

// A field's strengths and their order: who is strongest, each skater's rank by strength.
struct FieldOrder {
    std::vector<double> strength;
    std::vector<int> strongest_first;  // skaters
    std::vector<int> true_rank;        // per skater: 1 = the strongest

    // Orders the strengths in `strength` (equal ones in the field's order).
    void order() {
        const int n = static_cast<int>(strength.size());
        strongest_first.resize(strength.size());
        for (int a = 0; a < n; ++a)
            strongest_first[a] = a;
        std::stable_sort(strongest_first.begin(), strongest_first.end(),
                         [&](int a, int b) { return strength[a] > strength[b]; });
        true_rank.resize(strength.size());
        for (int k = 0; k < n; ++k)
            true_rank[strongest_first[k]] = k + 1;
    }
};

struct Compiled {
    const Format* format = nullptr;
    std::vector<CompiledStage> stages;  // in running order
    detail::StageGraph graph;
    int final_a_stage = -1;  // the stage of Final A (the last final stage)
    int skaters = 0;
    int entered = 0;  // skaters entering a later stage directly
    NoiseModel model = NoiseModel::plackett_luce;
    double noise = 1;
    FieldOrder field;
    bool fresh_field = false;        // each replicate draws its own (SimulationOptions)
    std::vector<int> first_race;     // per seed index of the first stage: its race
    std::vector<int> first_offsets;  // where each race of the first stage starts, and the end
    Seeding seeding = Seeding::by_strength;
    IncidentRates incidents;
};

// Where each of `races` races starts among `count` skaters drawn into them (race_of), and
// where the last ends: offsets[0..races].
void race_offsets(int races, const int* race_of, int count, int* offsets) {
    std::fill(offsets, offsets + races + 1, 0);
    for (int s = 0; s < count; ++s)
        ++offsets[race_of[s] + 1];
    for (int k = 0; k < races; ++k)
        offsets[k + 1] += offsets[k];
}

// The races of the first stage for its seeds 1..starters, by the format's draw.
std::optional<Error> draw_first_stage(const Format& format, int starters, int races,
                                      std::vector<int>& first_race) {
    const auto fail = [&](std::string message) -> std::optional<Error> {
        return Error{format.source, 0, std::move(message)};
    };
    switch (format.draw.first_round) {
        case FirstRound::snake:
            snake_races(starters, races, first_race);
            break;
        case FirstRound::ffa: {
            std::vector<int> scratch;
            if (!ffa_races(starters, races, first_race, scratch))
                return fail(fmt::format("the ffa grouping of {} skaters does not give {} races",
                                        starters, races));
            break;
        }
        case FirstRound::pairs: {
            const auto& pairs = format.draw.pairs;
            if (static_cast<int>(pairs.size()) != races)
                return fail(fmt::format("'pairs' lists {} races; the first stage has {}",
                                        pairs.size(), races));
            first_race.assign(static_cast<std::size_t>(starters), -1);
            for (int k = 0; k < races; ++k)
                for (int seed : pairs[k]) {
                    if (seed > starters || first_race[seed - 1] >= 0)
                        return fail(
                            fmt::format("'pairs' must name each seed 1..{} once; seed {} "
                                        "is out of range or repeated",
                                        starters, seed));
                    first_race[seed - 1] = k;
                }
            if (std::count(first_race.begin(), first_race.end(), -1) > 0)
                return fail(fmt::format("'pairs' leaves seeds of the {} skaters out", starters));
            break;
        }
    }
    return std::nullopt;
}

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
    for (const auto& t : format.transitions)
        if (t.selection == Selection::places && t.place_quota == 0 &&
            (t.time_pool == TimePool::none || t.capacity.value_or(0) == 0))
            return fail(
                fmt::format("the transition from '{}' to '{}' takes nobody but those the "
                            "Referee advances: a simulation needs 'places' above 0, or a "
                            "'capacity' and a time pool",
                            t.from, t.to));
    c.graph = detail::StageGraph(format);
    const auto& graph = c.graph;
    int id = 0;
    for (std::size_t s = 0; s < format.stages.size(); ++s) {
        const auto& rule = format.stages[s];
        CompiledStage stage;
        stage.lettered = graph.lettered[s] != 0;
        stage.ranking = rule.kind == StageKind::ranking;
        stage.placing = rule.kind == StageKind::final || stage.ranking;
        stage.min_field = rule.min_field;
        if (stage.lettered) {
            stage.races = 0;
            for (std::size_t t = 0; t < format.transitions.size(); ++t)
                if (graph.to[t] == static_cast<int>(s))
                    stage.races = std::max(stage.races, format.transitions[t].final - 'A' + 1);
        } else if (rule.races) {
            stage.races = *rule.races;
        } else if (rule.kind == StageKind::final) {
            stage.races = 1;
        } else {
            return fail(
                fmt::format("the format '{}' gives no number of races for the stage '{}'; "
                            "a simulation needs it ('races')",
                            format.name, rule.name));
        }
        for (int t : graph.out[s]) {
            const char final = format.transitions[t].final;
            stage.out.push_back({graph.to[t], final ? final - 'A' : 0});
        }
        stage.first_id = id;
        id += stage.races;
        if (rule.kind == StageKind::final) c.final_a_stage = static_cast<int>(s);
        c.stages.push_back(stage);
    }
    for (const auto& e : format.entries) {
        c.entered += e.count;
        for (int seed : e.seeds)
            if (seed > c.skaters)
                return fail(fmt::format("the entry into '{}' lists seed {}; the field has {}", e.to,
                                        seed, c.skaters));
    }
    if (c.entered >= c.skaters)
        return fail(fmt::format("{} skaters enter later stages directly; the field has {}",
                                c.entered, c.skaters));
    for (const auto& s : field.skaters)
        c.field.strength.push_back(s.strength);
    c.field.order();
    c.fresh_field = o.fresh_field;

    const int starters = c.skaters - c.entered;
    const int races = c.stages[0].races;
    if (starters < races)
        return fail(
            fmt::format("{} skaters cannot fill the {} races of the first stage", starters, races));
    if (races == 1) {
        c.first_race.assign(static_cast<std::size_t>(starters), 0);
    } else if (auto error = draw_first_stage(format, starters, races, c.first_race)) {
        return *error;
    }
    c.first_offsets.resize(static_cast<std::size_t>(races) + 1);
    race_offsets(races, c.first_race.data(), starters, c.first_offsets.data());
    return c;
}

// ---- one replicate ----

// Per-skater tallies, by rank by strength (index 0: the strongest), in integers: summed in any
// order, the same answer. A fresh field's strengths are summed in fixed point for the same reason.
struct Totals {
    static constexpr double strength_unit = 1 << 24;
    std::uint64_t checksum = 0;
    std::vector<std::int64_t> wins, podiums, rank_sum, rank_sq, ranked, strength;

    explicit Totals(std::size_t n)
        : wins(n), podiums(n), rank_sum(n), rank_sq(n), ranked(n), strength(n) {}
    void add(const Totals& o) {
        checksum += o.checksum;
        for (std::size_t a = 0; a < wins.size(); ++a) {
            wins[a] += o.wins[a], podiums[a] += o.podiums[a];
            rank_sum[a] += o.rank_sum[a], rank_sq[a] += o.rank_sq[a], ranked[a] += o.ranked[a];
            strength[a] += o.strength[a];
        }
    }
};

// One event's value of each metric, in the order of simulation_metrics().
constexpr std::size_t metric_count = 9;
using EventValues = std::array<double, metric_count>;

// The field a replicate draws: its own substream of the replicate, so that the races' draws
// are those of the same replicate of a fixed field.
constexpr std::uint64_t field_substream = 2;
// The counters (a, k, 0, form_counter) of skater a's form in their k-th race: far above the
// streams' own counters (random_stream.hpp).
constexpr std::uint64_t form_counter = std::uint64_t{1} << 62;

// A performance's time, seconds to the nearest millisecond (std::llround without the call).
// The field's bounds keep it within a few days either way.
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

// One replicate at a time, on buffers sized once for the whole field (no stage has more skaters
// than the field): an event allocates nothing.
class Replicate {
  public:
    explicit Replicate(const Compiled& c)
        : c_(c), field_(&c.field), fresh_(c.field), totals_(c.field.strength.size()) {
        const auto n = c.field.strength.size();
        int most_races = 2;
        for (const auto& stage : c.stages)
            most_races = std::max(most_races, stage.races);
        for (auto* v : {&seeds_, &seed_number_, &members_, &place_, &who_, &finishers_, &rank_,
                        &next_race_, &by_strength_rank_})
            v->resize(n);
        offsets_.resize(static_cast<std::size_t>(most_races) + 1);
        cursor_.resize(static_cast<std::size_t>(most_races));
        perf_.resize(n), status_.resize(n), referee_.resize(n), time_.resize(n);
        entrants_.resize(n), ranked_.resize(n);
        incoming_.assign(c.stages.size(), Arrivals(n));
        draws_.resize(c.stages.size());
        input_.cards = false;  // the incidents drawn are penalties and falls
        input_.level = c.graph.level;
        input_.depth = c.graph.depth;
        // Each skater's results in fixed slots, one per stage.
        const int stages = static_cast<int>(c.stages.size());
        input_.clear(c.skaters);
        input_.results.resize(static_cast<std::size_t>(c.skaters) * stages);
        for (int a = 0; a < c.skaters; ++a)
            input_.first[a] = a * stages;
    }

    // Runs replicate `i`; returns its metrics (summed by the caller in replicate order).
    EventValues run(std::uint64_t seed, std::uint64_t i) {
        if (c_.fresh_field) draw_field(seed, i);
        RandomStream random(seed, i);
        random_ = &random;
        const int stages = static_cast<int>(c_.stages.size());
        input_.clear(c_.skaters);
        order_ = 0;
        entries_ = 0;
        changed_ = false;
        final_a_size_ = 0;
        strongest_in_final_a_ = false;
        for (auto& in : incoming_)
            in.clear();
        seed_field();
        for (int s = 0; s < stages; ++s) {
            if (c_.stages[s].lettered) {
                finals(s);
                continue;
            }
            if (s > 0 && !fill_stage(s)) continue;
            for (int k = 0; k < races_; ++k) {
                race(s, k);
                if (c_.stages[s].placing) add_block(s, k);
            }
            if (!c_.graph.out[s].empty()) advance(s);
        }
        classifier_.run(input_, c_.format->classification, standings_);
        return tally(i);
    }

    const Totals& totals() const { return totals_; }

  private:
    // A fresh field for replicate i: N(0, 1) strengths from its own substream.
    void draw_field(std::uint64_t seed, std::uint64_t i) {
        RandomStream random(seed, i, field_substream);
        boost::random::normal_distribution<double> standard;
        for (auto& x : fresh_.strength)
            x = standard(random);
        fresh_.order();
        field_ = &fresh_;
    }

    // A skater sent on to a stage: who, and what their last race said of them.
    struct Arrival {
        int who = 0;
        int place = 0;  // 0: none
        Millis time = 0;
        int race = 0;   // in the stage they came from
        int final = 0;  // into a stage of lettered finals: 0 = Final A
    };

    // The skaters sent to a stage, in the order they came: room for the whole field, held once.
    class Arrivals {
      public:
        explicit Arrivals(std::size_t field) : slots_(field) {}
        void clear() { size_ = 0; }
        void push(const Arrival& a) { slots_[size_++] = a; }
        std::size_t size() const { return size_; }
        const Arrival& operator[](std::size_t k) const { return slots_[k]; }
        const Arrival* begin() const { return slots_.data(); }
        const Arrival* end() const { return slots_.data() + size_; }

      private:
        std::vector<Arrival> slots_;
        std::size_t size_ = 0;
    };

    // The first stage: seeds by strength, at random or as listed, into the format's draw; the
    // entries into later stages first (the best seeds by ranking, or the seeds listed).
    void seed_field() {
        for (int s = 0; s < c_.skaters; ++s)
            seeds_[s] = c_.seeding == Seeding::by_strength ? field_->strongest_first[s] : s;
        if (c_.seeding == Seeding::random)
            for (int s = c_.skaters - 1; s > 0; --s)
                std::swap(seeds_[s], seeds_[random_->below(static_cast<std::uint64_t>(s + 1))]);
        for (int s = 0; s < c_.skaters; ++s)
            seed_number_[seeds_[s]] = s + 1;
        int starters = c_.skaters;
        if (c_.entered > 0) starters = enter_directly();
        std::copy(c_.first_offsets.begin(), c_.first_offsets.end(), offsets_.begin());
        place_members(c_.stages[0].races, c_.first_race.data(), seeds_.data(), starters);
    }

    // Moves the entering skaters out of seeds_ into their stages; returns how many start.
    int enter_directly() {
        std::fill(rank_.begin(), rank_.end(), 0);  // scratch: 1 for a skater who enters later
        int next_best = 0;
        for (const auto& e : c_.format->entries) {
            const int to = c_.format->stage_index(e.to);
            for (int k = 0; k < e.count; ++k) {
                int seed = 0;
                if (e.seeding == EntrySeeding::listed) {
                    seed = e.seeds[k] - 1;
                } else {
                    while (rank_[seeds_[next_best]])
                        ++next_best;
                    seed = next_best;
                }
                rank_[seeds_[seed]] = 1;
                incoming_[to].push({seeds_[seed], 0, 0, 0, 0});
            }
        }
        int starters = 0;
        for (int s = 0; s < c_.skaters; ++s)
            if (!rank_[seeds_[s]]) seeds_[starters++] = seeds_[s];
        return starters;
    }

    // The round's races (members_ by race, offsets_) from `count` skaters `who` and their races.
    void fill_races(int races, const int* race_of, const int* who, int count) {
        race_offsets(races, race_of, count, offsets_.data());
        place_members(races, race_of, who, count);
    }

    // The round as one race of `count` skaters `who`, in that order.
    void one_race(const int* who, int count) {
        std::copy(who, who + count, members_.begin());
        offsets_[0] = 0, offsets_[1] = count;
        races_ = 1;
        count_ = count;
    }

    // members_ by race, the races starting at offsets_.
    void place_members(int races, const int* race_of, const int* who, int count) {
        std::copy(offsets_.begin(), offsets_.begin() + races, cursor_.begin());
        for (int s = 0; s < count; ++s)
            members_[cursor_[race_of[s]]++] = who[s];
        races_ = races;
        count_ = count;
    }

    // Skater a's noise in their k-th race of the event (k from 0), addressed by (a, k) in the
    // replicate's generator: every format run on the replicate gives the skater the same form
    // in their k-th race (common random numbers). A standard normal by Box–Muller (Thurstone),
    // or a standard Gumbel by inversion, -log(-log u) (Plackett–Luce).
    double noise_draw(int a, int k) const {
        const auto bits = random_->at(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(k),
                                      0, form_counter);
        const double u = RandomStream::unit(bits[0]);
        if (c_.model == NoiseModel::thurstone)
            return std::sqrt(-2 * std::log(u)) *
                   std::cos(2 * std::numbers::pi * RandomStream::unit(bits[1]));
        return -std::log(-std::log(u));
    }

    // Draws race k of stage s: performances, incidents, places and times. `number` is the race's
    // number in the stage when the races of the stage are drawn one field at a time (finals).
    [[gnu::always_inline]] void race(int s, int k, int number = -1) {
        if (number < 0) number = k;
        const int begin = offsets_[k], end = offsets_[k + 1];
        int fastest = -1;
        for (int m = begin; m < end; ++m) {
            const int a = members_[m];
            perf_[m] = field_->strength[a] + c_.noise * noise_draw(a, input_.count[a]);
            status_[m] = Status::finished;
            referee_[m] = 0;
            if (fastest < 0 || perf_[m] > perf_[fastest]) fastest = m;
        }
        incidents(begin, end);
        const bool final_a = s == c_.final_a_stage && number == 0;
        if (final_a) {
            if (fastest >= 0 && status_[fastest] != Status::finished) changed_ = true;
            final_a_size_ = end - begin;
            for (int m = begin; m < end; ++m)
                strongest_in_final_a_ |= members_[m] == field_->strongest_first[0];
        }
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
        const int id = c_.stages[s].first_id + number;
        for (int m = begin; m < end; ++m) {
            time_[m] = to_millis(100.0 - perf_[m]);
            const int a = members_[m];
            input_.results[input_.first[a] + input_.count[a]++] = {
                s, id, place_[m], 1, status_[m], place_[m] ? time_[m] : no_time, order_++};
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

    // Who goes on from stage s, by each of its transitions, to the stages they lead to.
    void advance(int s) {
        for (int k = 0; k < races_; ++k)
            for (int m = offsets_[k]; m < offsets_[k + 1]; ++m) {
                entrants_[m] = {k + 1, place_[m] ? std::optional<int>(place_[m]) : std::nullopt,
                                place_[m] ? std::optional<Millis>(time_[m]) : std::nullopt,
                                referee_[m] != 0, '*'};
            }
        const auto& out = c_.graph.out[s];
        decide_stage(
            *c_.format, out,
            std::span<const Entrant>(entrants_.data(), static_cast<std::size_t>(count_)),
            [&](int k) { return static_cast<int>(random_->below(static_cast<std::uint64_t>(k))); },
            decision_);
        const auto& ways = c_.stages[s].out;
        for (int m = 0; m < count_; ++m) {
            const int k = decision_.taken_by[m];
            if (k < 0) continue;
            incoming_[ways[k].to].push(
                {members_[m], place_[m], time_[m], entrants_[m].race - 1, ways[k].final});
        }
    }

    // The races of stage s from the skaters sent to it; false when nobody was.
    bool fill_stage(int s) {
        auto& in = incoming_[s];
        const int n = static_cast<int>(in.size());
        if (n == 0) return false;
        const auto& stage = c_.stages[s];
        const int races = std::min(stage.races, n);
        if (races == 1) {  // one race needs no draw: in the order they came
            for (int g = 0; g < n; ++g)
                who_[g] = in[g].who;
            one_race(who_.data(), n);
            return true;
        }
        if (stage.ranking) return fill_ranking(in, races);
        const Reseed rule = c_.format->draw.reseed;
        if (rule == Reseed::bracket) {
            for (int g = 0; g < n; ++g) {
                who_[g] = in[g].who;
                next_race_[g] = std::min(in[g].race / 2, races - 1);
            }
            fill_races(races, next_race_.data(), who_.data(), n);
            return true;
        }
        // Ranked by value (no indirection in the comparisons): ffa by time, then seed number;
        // snake by place, then time, then the order they came.
        for (int g = 0; g < n; ++g) {
            const auto& a = in[g];
            ranked_[g] = rule == Reseed::ffa ? Ranked{a.time, seed_number_[a.who], g}
                                             : Ranked{a.place ? a.place : 1 << 20, a.time, g};
        }
        std::sort(ranked_.begin(), ranked_.begin() + n);
        for (int g = 0; g < n; ++g)
            who_[g] = in[ranked_[g].m].who;
        fill_races(races, draw(s, n, races), who_.data(), n);
        return true;
    }

    // A ranking stage: the skaters by their place and time in the feeding stage, the best in
    // the last race, each race a run of consecutive ones.
    bool fill_ranking(const Arrivals& in, int races) {
        const int n = static_cast<int>(in.size());
        for (int g = 0; g < n; ++g)
            ranked_[g] = Ranked{in[g].place ? in[g].place : 1 << 20, in[g].time, g};
        std::sort(ranked_.begin(), ranked_.begin() + n);
        for (int g = 0; g < n; ++g) {
            who_[g] = in[ranked_[g].m].who;
            next_race_[g] = races - 1 - static_cast<int>(std::int64_t{g} * races / n);
        }
        fill_races(races, next_race_.data(), who_.data(), n);
        return true;
    }

    // The races of stage `next` for its qualifiers 1..n in rank order (computed once per count).
    const int* draw(int next, int n, int races) {
        auto& tables = draws_[next];
        if (static_cast<int>(tables.size()) <= n) tables.resize(static_cast<std::size_t>(n) + 1);
        auto& table = tables[n];
        if (table.size() != static_cast<std::size_t>(n)) {
            if (c_.format->draw.reseed != Reseed::ffa || !ffa_races(n, races, table, scratch_))
                snake_races(n, races, table);
        }
        return table.data();
    }

    // A stage of lettered finals, one final at a time: Final A in the order its skaters came,
    // the others in the order of their last race (place, then time); a final with fewer than
    // the stage's minimum field is not raced, its skaters taking its places in that order.
    void finals(int s) {
        const auto& stage = c_.stages[s];
        auto& in = incoming_[s];
        for (int f = 0; f < stage.races; ++f) {
            int n = 0;
            for (const auto& a : in)
                if (a.final == f) {
                    ranked_[n] = Ranked{a.place ? a.place : 1 << 20, a.time, n};
                    who_[n++] = a.who;
                }
            if (n == 0) continue;
            if (f > 0) {
                std::stable_sort(
                    ranked_.begin(), ranked_.begin() + n, [](const Ranked& x, const Ranked& y) {
                        return std::pair{x.first, x.second} < std::pair{y.first, y.second};
                    });
                for (int g = 0; g < n; ++g)
                    next_race_[g] = who_[ranked_[g].m];
                std::copy(next_race_.begin(), next_race_.begin() + n, who_.begin());
            }
            const int id = stage.first_id + f;
            if (f > 0 && n < stage.min_field) {
                input_.finals.push_back({id, false, static_cast<int>(input_.members.size()), n});
                input_.members.insert(input_.members.end(), who_.begin(), who_.begin() + n);
                continue;
            }
            one_race(who_.data(), n);
            race(s, 0, f);
            add_block(s, 0, f);
        }
    }

    // The race just drawn as a placing race (a final, a ranking race): its finishers in place
    // order, then the rest in running order.
    void add_block(int s, int k, int number = -1) {
        if (number < 0) number = k;
        const auto& stage = c_.stages[s];
        const int begin = offsets_[k], count = offsets_[k + 1] - begin;
        const int first = static_cast<int>(input_.members.size());
        ClassifierInput::Final block{stage.first_id + number, true, first, count};
        if (stage.ranking) block.level = c_.graph.level[s];
        input_.members.resize(static_cast<std::size_t>(first + count));
        int* out = input_.members.data() + first;
        int placed = 0;
        for (int m = begin; m < begin + count; ++m)
            placed += place_[m] != 0;
        for (int m = begin, unplaced = placed; m < begin + count; ++m)
            out[place_[m] ? place_[m] - 1 : unplaced++] = members_[m];
        block.last_race_first =
            stage.ranking && c_.format->stages[s].ranking_order == RankingOrder::last_race_first;
        input_.finals.push_back(block);
    }

    EventValues tally(std::uint64_t i) {
        auto& t = totals_;
        const int n = c_.skaters;
        const auto& true_rank = field_->true_rank;
        EventValues v{};
        std::uint64_t podium_hash = i;
        int podium_strong = 0;
        for (std::size_t p = 0; p < standings_.size() && p < 3; ++p) {
            const auto& s = standings_[p];
            podium_hash = podium_hash * 131 + static_cast<std::uint64_t>(s.athlete + 1);
            if (s.rank >= 1 && s.rank <= 3 && true_rank[s.athlete] <= 3) ++podium_strong;
        }
        t.checksum += mix(podium_hash);
        if (!standings_.empty() && standings_[0].rank == 1) {
            const int champion = true_rank[standings_[0].athlete];
            v[0] = champion == 1;
            v[2] = champion;
        }
        v[1] = podium_strong == std::min(3, n);
        v[4] = static_cast<double>(entries_) / n;
        v[5] = changed_;
        v[6] = strongest_in_final_a_;
        v[7] = final_a_size_;
        v[8] = strongest_out_round();
        std::fill(rank_.begin(), rank_.end(), 0);
        for (const auto& s : standings_) {
            rank_[s.athlete] = s.rank;
            if (!s.rank) continue;
            const int k = true_rank[s.athlete] - 1;
            t.wins[k] += s.rank == 1;
            t.podiums[k] += s.rank <= 3;
            t.rank_sum[k] += s.rank;
            t.rank_sq[k] += std::int64_t{s.rank} * s.rank;
            ++t.ranked[k];
        }
        if (c_.fresh_field)
            for (int k = 0; k < n; ++k)
                t.strength[k] += std::llround(field_->strength[field_->strongest_first[k]] *
                                              Totals::strength_unit);
        v[3] = kendall_tau();
        return v;
    }

    // The stage (1 = the first in running order) of the strongest skater's last race.
    double strongest_out_round() const {
        const int a = field_->strongest_first[0];
        const int count = input_.count[a];
        return count > 0 ? input_.results[input_.first[a] + count - 1].round + 1 : 0;
    }

    // Tau-b of the classification against strength over the ranked skaters (shared ranks are
    // ties; strengths are taken as distinct, the field's order breaking equal ones). Taken in
    // strength order, a pair is concordant when the stronger skater ranks better.
    double kendall_tau() {
        int n = 0;
        for (int a : field_->strongest_first)
            if (rank_[a]) by_strength_rank_[n++] = rank_[a];
        const auto [concordant, tied] =
            detail::rank_pairs(by_strength_rank_.data(), n, c_.skaters, rank_counts_);
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
    const FieldOrder* field_;  // the compiled field, or fresh_
    FieldOrder fresh_;
    RandomStream* random_ = nullptr;
    Totals totals_;
    // Per skater or per member of the round (index m), sized for the whole field.
    std::vector<int> seeds_, seed_number_, members_, place_, who_, next_race_, finishers_, rank_,
        by_strength_rank_, offsets_, cursor_, scratch_, rank_counts_;
    std::vector<double> perf_;
    std::vector<Status> status_;
    std::vector<char> referee_;
    std::vector<Millis> time_;
    std::vector<Entrant> entrants_;
    std::vector<Ranked> ranked_;
    std::vector<Arrivals> incoming_;                    // per stage: who was sent to it
    std::vector<std::vector<std::vector<int>>> draws_;  // per stage, per qualifier count
    StageDecision decision_;
    ClassifierInput input_;
    Classifier classifier_;
    std::vector<FlatStanding> standings_;
    int races_ = 0, count_ = 0, order_ = 0;
    std::int64_t entries_ = 0;
    bool changed_ = false;
    int final_a_size_ = 0;
    bool strongest_in_final_a_ = false;
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

// Sums of per-event values and their squares, per format and metric, and of each format's
// difference to the first; kept per block and added in block order, so that any thread count
// gives the same sums to the last bit.
struct Sums {
    std::vector<EventValues> value, value_sq, difference, difference_sq;  // per format

    explicit Sums(std::size_t formats = 0)
        : value(formats), value_sq(formats), difference(formats), difference_sq(formats) {}
    void add(const std::vector<EventValues>& event) {
        for (std::size_t f = 0; f < event.size(); ++f)
            for (std::size_t m = 0; m < metric_count; ++m) {
                const double x = event[f][m], d = x - event[0][m];
                value[f][m] += x, value_sq[f][m] += x * x;
                difference[f][m] += d, difference_sq[f][m] += d * d;
            }
    }
    void add(const Sums& o) {
        for (std::size_t f = 0; f < value.size(); ++f)
            for (std::size_t m = 0; m < metric_count; ++m) {
                value[f][m] += o.value[f][m], value_sq[f][m] += o.value_sq[f][m];
                difference[f][m] += o.difference[f][m];
                difference_sq[f][m] += o.difference_sq[f][m];
            }
    }
};

// Adds the sums of finished blocks in block order, whichever thread finishes which block
// first: the total is the same to the last bit for any thread count, and only the blocks
// that finished ahead of an earlier one wait (a few per thread), not one per block.
class OrderedSums {
  public:
    explicit OrderedSums(std::size_t formats) : total_(formats) {}

    void add(std::int64_t block, Sums sums) {
        const std::lock_guard lock(mutex_);
        waiting_.emplace(block, std::move(sums));
        for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_;
             it = waiting_.erase(it), ++next_)
            total_.add(it->second);
    }
    const Sums& total() const { return total_; }

  private:
    std::mutex mutex_;
    std::map<std::int64_t, Sums> waiting_;
    std::int64_t next_ = 0;
    Sums total_;
};

// What the runs of every format gave.
struct Runs {
    Sums sums;
    std::vector<Totals> totals;  // per format
    int threads = 1;
    double seconds = 0;
};

// Runs replicates 0 .. runs - 1 of every compiled format: replicate i of each on stream
// (seed, i), in blocks shared out among the threads.
Runs run_formats(const std::vector<Compiled>& compiled, const SimulationOptions& options) {
    const std::size_t formats = compiled.size(), n = compiled[0].field.strength.size();
    const std::int64_t blocks = (options.runs + block_size - 1) / block_size;
    Runs out;
    out.threads = thread_count(options.threads, blocks);
    OrderedSums sums(formats);
    std::vector<std::vector<Totals>> totals(static_cast<std::size_t>(out.threads));
    std::atomic<std::int64_t> next_block{0}, done{0};
    const auto start = std::chrono::steady_clock::now();
    run_on_threads(out.threads, [&](int t) {
        std::vector<Replicate> replicates;
        for (const auto& c : compiled)
            replicates.emplace_back(c);
        std::vector<EventValues> event(formats);
        for (std::int64_t b; (b = next_block.fetch_add(1)) < blocks;) {
            const std::int64_t end = std::min(options.runs, (b + 1) * block_size);
            Sums block(formats);
            for (std::int64_t i = b * block_size; i < end; ++i) {
                for (std::size_t f = 0; f < formats; ++f)
                    event[f] = replicates[f].run(options.seed, static_cast<std::uint64_t>(i));
                block.add(event);
            }
            sums.add(b, std::move(block));
            const auto finished = done.fetch_add(end - b * block_size) + (end - b * block_size);
            if (t == 0 && options.progress) options.progress(finished, options.runs);
        }
        for (const auto& r : replicates)
            totals[t].push_back(r.totals());
    });
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.sums = sums.total();
    out.totals.assign(formats, Totals(n));
    for (const auto& per_thread : totals)
        for (std::size_t f = 0; f < per_thread.size(); ++f)
            out.totals[f].add(per_thread[f]);
    return out;
}

// Format f's simulation from the runs.
Simulation simulation_of(const Format& format, const Field& field, const Compiled& c,
                         const Runs& runs, std::size_t f, const SimulationOptions& options) {
    const std::int64_t n = options.runs;
    Simulation out;
    out.format = format.name;
    out.runs = n;
    out.seed = options.seed;
    out.threads = runs.threads;
    out.seconds = runs.seconds;
    out.incidents = options.incidents;
    out.events_per_second =
        runs.seconds > 0 ? static_cast<double>(n * runs.sums.value.size()) / runs.seconds : 0;
    const auto& metrics = simulation_metrics();
    for (std::size_t m = 0; m < metric_count; ++m)
        out.*metrics[m].member = mean(runs.sums.value[f][m], runs.sums.value_sq[f][m], n);
    const Totals& total = runs.totals[f];
    for (std::size_t k = 0; k < c.field.strength.size(); ++k) {
        SkaterOutcome s;
        if (c.fresh_field) {
            s.name = fmt::format("Strength rank {}", k + 1);
            s.strength = static_cast<double>(total.strength[k]) / Totals::strength_unit /
                         static_cast<double>(n);
        } else {
            const int a = c.field.strongest_first[k];
            s.name = field.skaters[a].name;
            s.strength = c.field.strength[a];
        }
        s.p_win = proportion(total.wins[k], n);
        s.p_podium = proportion(total.podiums[k], n);
        s.mean_rank = mean(static_cast<double>(total.rank_sum[k]),
                           static_cast<double>(total.rank_sq[k]), total.ranked[k]);
        out.skaters.push_back(std::move(s));
    }
    out.checksum = total.checksum;
    return out;
}

// What is wrong with a field or the options, if anything: each bound as simulate.hpp states it.
std::optional<std::string> out_of_bounds(const Field& field, const SimulationOptions& o) {
    if (o.runs < 1 || o.runs > max_runs)
        return fmt::format("runs must be from 1 to {}, not {}", max_runs, o.runs);
    if (o.threads < 0)
        return fmt::format("threads must be 0 (one per core) or more, not {}", o.threads);
    const auto rate = [](double r) { return r >= 0 && r <= 1; };  // false for NaN
    if (!rate(o.incidents.penalty) || !rate(o.incidents.fall) || !rate(o.incidents.referee_advance))
        return fmt::format("incident rates are from 0 to 1, not penalty {}, fall {}, referee {}",
                           o.incidents.penalty, o.incidents.fall, o.incidents.referee_advance);
    if (field.skaters.size() > max_field)
        return fmt::format("a field has at most {} skaters, not {}", max_field,
                           field.skaters.size());
    if (const auto problem = noise_problem(field.noise)) return "the noise " + *problem;
    for (const auto& s : field.skaters)
        if (const auto problem = strength_problem(s.strength))
            return fmt::format("{}'s strength {}", s.name, *problem);
    return std::nullopt;
}

}  // namespace

int usable_threads(int requested) {
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    return requested > 0 ? std::min(requested, cores) : cores;
}

const std::vector<SimulationMetric>& simulation_metrics() {
    static const std::vector<SimulationMetric> metrics{
        {"p_strongest_wins", "P(strongest wins)", "the share of events the strongest skater wins",
         &Simulation::p_strongest_wins, 4},
        {"p_podium_strongest", "P(podium = three strongest)",
         "the share of events whose podium is the three strongest, in any order",
         &Simulation::p_podium_strongest, 4},
        {"champion_true_rank", "Champion's true rank",
         "the winner's rank by strength (1: the strongest)", &Simulation::champion_true_rank, 3},
        {"kendall_tau", "Kendall tau vs strength",
         "tau-b of the classification against strength (1: in strength order)",
         &Simulation::kendall_tau, 4},
        {"races_per_skater", "Races per skater", "races run per skater of the field",
         &Simulation::races_per_skater, 3},
        {"finals_changed_by_incidents", "Finals changed by incidents",
         "the share of events whose Final A fastest was penalised or brought down",
         &Simulation::finals_changed_by_incidents, 4},
        {"p_final_a_strongest", "P(Final A holds the strongest)",
         "the share of events whose Final A holds the strongest skater",
         &Simulation::p_final_a_strongest, 4},
        {"final_a_size", "Final A size", "skaters in Final A", &Simulation::final_a_size, 3},
        {"strongest_out_round", "Round the strongest goes out",
         "the stage of the strongest skater's last race (1: the first stage)",
         &Simulation::strongest_out_round, 3}};
    return metrics;
}

Result<Comparison> compare(const std::vector<Format>& formats, const Field& field,
                           const SimulationOptions& options) {
    if (formats.empty()) return Error{{}, 0, "no format to simulate"};
    if (const auto problem = out_of_bounds(field, options)) return Error{{}, 0, *problem};
    std::vector<Compiled> compiled;
    for (const auto& format : formats) {
        auto c = compile(format, field, options);
        if (!c) return c.error();
        compiled.push_back(std::move(c).value());
    }
    const Runs runs = run_formats(compiled, options);
    Comparison out;
    for (std::size_t f = 0; f < formats.size(); ++f)
        out.formats.push_back(simulation_of(formats[f], field, compiled[f], runs, f, options));
    const auto& metrics = simulation_metrics();
    for (std::size_t f = 1; f < formats.size(); ++f)
        for (std::size_t m = 0; m < metric_count; ++m) {
            MetricDifference d;
            d.format = formats[f].name;
            d.metric = metrics[m].key;
            d.difference =
                mean(runs.sums.difference[f][m], runs.sums.difference_sq[f][m], options.runs);
            const double a = (out.formats[0].*metrics[m].member).standard_error,
                         b = (out.formats[f].*metrics[m].member).standard_error;
            d.unpaired_standard_error = std::sqrt(a * a + b * b);
            out.differences.push_back(std::move(d));
        }
    return out;
}

Result<Simulation> simulate(const Format& format, const Field& field,
                            const SimulationOptions& options) {
    auto comparison = compare({format}, field, options);
    if (!comparison) return comparison.error();
    return std::move(comparison->formats.front());
}

}  // namespace heatgraph
