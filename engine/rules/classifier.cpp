#include "rules/classifier.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "heatgraph/classification.hpp"

namespace heatgraph::detail {

namespace {

constexpr double none = std::numeric_limits<double>::max();

double unplaced_rank(Status status, UnplacedOrder order) {
    const bool no_start = status == Status::DNS || status == Status::DNF;
    switch (order) {
        case UnplacedOrder::equal:
            return 0;
        case UnplacedOrder::sanction_first:
            return no_start ? 1 : 0;
        case UnplacedOrder::no_start_first:
            return no_start ? 0 : 1;
    }
    return 0;
}

}  // namespace

void ClassifierInput::clear(int athletes) {
    first.resize(static_cast<std::size_t>(athletes));
    count.assign(static_cast<std::size_t>(athletes), 0);
    finals.clear();
    members.clear();
}

bool Classifier::has_card(const ClassifierInput& in, int a) {
    const RaceResult* rows = in.results.data() + in.first[a];
    const int n = in.count[a];
    for (int k = 0; k < n; ++k)
        if (is_unranked(rows[k].status)) return true;
    return false;
}

// Era A: removed by the officials from the race the skater went out in.
bool Classifier::disqualified(Status status) {
    return status == Status::PEN || status == Status::DQ;
}

// The ordering key of a skater by their last race, after what the caller put: smaller ranks
// higher.
void Classifier::elimination_key(const ClassifierInput& in, int a, const ClassificationRule& rule) {
    const RaceResult* rows = in.results.data() + in.first[a];
    const int n = in.count[a];
    const RaceResult& last = rows[n - 1];
    const double placed = last.place ? 0 : 1;
    const double place = last.place ? last.place : unplaced_rank(last.status, rule.unplaced_order);
    const double time = last.time != no_time ? static_cast<double>(last.time) : none;
    double* const key = this->key(a);
    int size = size_[a];
    key[size++] = placed;
    switch (rule.era) {
        case Era::A: {
            key[size++] = place;
            double points = 0;
            for (int k = 0; k < n; ++k)
                if (rows[k].place) points += era_a_points(rule, rows[k].place, rows[k].tied);
            key[size++] = -points;
            key[size++] = time;
            break;
        }
        case Era::B: {
            key[size++] = place;
            // Earlier places, most recent first, one per earlier stage on the longest path to
            // this one, a missing one counting as 0, so that every skater of a group has as many.
            const int wanted = size + in.depth[last.round];
            for (int k = n - 1; k-- > 0 && size < wanted;)
                key[size++] = rows[k].place ? rows[k].place : none;
            while (size < wanted)
                key[size++] = 0;
            double best = none;
            for (int k = 0; k < n; ++k)
                if (rows[k].time != no_time)
                    best = std::min(best, static_cast<double>(rows[k].time));
            key[size++] = best;
            break;
        }
        case Era::world_skate:
            key[size++] = time;  // time before place
            key[size++] = place;
            break;
    }
    size_[a] = size;
}

void Classifier::put(std::vector<int>& group, int a, int order, int race) {
    order_[a] = order;
    race_[a] = race;
    size_[a] = 0;
    group.push_back(a);
}

namespace {

// Sorts `group` by key, then tie order. `Criteria` > 0: the key's length, known when compiling,
// so that the comparisons unroll (the lengths a format gives are few and short); 0: `criteria`.
template <int Criteria>
void sort_by_key(std::vector<int>& group, const double* keys, std::size_t stride, int criteria,
                 const int* order) {
    const int n = Criteria > 0 ? Criteria : criteria;
    std::sort(group.begin(), group.end(), [&](int a, int b) {
        const double* x = keys + a * stride;
        const double* y = keys + b * stride;
        for (int i = 0; i < n; ++i)
            if (x[i] != y[i]) return x[i] < y[i];
        return order[a] < order[b];
    });
}

using SortByKey = void (*)(std::vector<int>&, const double*, std::size_t, int, const int*);

template <std::size_t... Length>
constexpr std::array<SortByKey, sizeof...(Length)> sorts_by_key(std::index_sequence<Length...>) {
    return {&sort_by_key<static_cast<int>(Length)>...};
}

// sort_by_length[k]: keys of k criteria (era B keys of stages up to six deep); [0]: any length.
constexpr auto sort_by_length = sorts_by_key(std::make_index_sequence<10>{});

}  // namespace

// Appends `group` to `out` in key order, then tie order, tied keys sharing a rank; empties it.
void Classifier::rank_group(std::vector<int>& group, std::vector<FlatStanding>& out) {
    if (group.empty()) return;
    const int criteria = size_[group[0]];  // the same for every skater of a group
    // Locals, so that the comparisons do not reload the members through the vectors' pointers.
    const double* keys = keys_.data();
    const std::size_t stride = stride_;
    const int* order = order_.data();
    const auto sort = criteria < static_cast<int>(sort_by_length.size()) ? sort_by_length[criteria]
                                                                         : sort_by_length[0];
    sort(group, keys, stride, criteria, order);
    const auto same = [&](int a, int b) {
        return std::equal(keys + a * stride, keys + a * stride + criteria, keys + b * stride);
    };
    for (std::size_t k = 0; k < group.size(); ++k) {
        const int a = group[k];
        const bool tied = k > 0 && same(a, group[k - 1]);
        out.push_back({tied ? out.back().rank : next_rank_, a, race_[a]});
        ++next_rank_;
    }
    group.clear();
}

// The races placing skaters at `level` (the finals at infinity), in their order: each race's
// placed skaters, then those left without a place in any of them (docs/rules.md §7: a Final A
// skater without a place after Final B), ordered among themselves by the era's keys.
void Classifier::rank_blocks(const ClassifierInput& in, const ClassificationRule& rule,
                             double level, std::vector<FlatStanding>& out) {
    std::size_t blocks = 0;
    const std::size_t n = in.finals.size();
    if (unplaced_.size() < n) unplaced_.resize(n);
    const bool reverse = std::any_of(in.finals.begin(), in.finals.end(), [&](const auto& f) {
        return f.level == level && f.last_race_first;
    });
    for (std::size_t k = 0; k < n; ++k) {
        const auto& final = in.finals[reverse ? n - 1 - k : k];
        if (final.level != level) continue;
        auto& unplaced = unplaced_[blocks++];
        unplaced.clear();
        for (int m = final.first; m < final.first + final.count; ++m) {
            const int a = in.members[m];
            if (!final.raced) {
                put(group_, a, m, final.race);
                add(a, final.order_known ? m - final.first : 0);
                continue;
            }
            if (carded_[a]) continue;
            const RaceResult& row = in.results[in.first[a] + in.count[a] - 1];
            if (row.place) {
                put(group_, a, m, final.race);
                add(a, row.place);
            } else {
                put(unplaced, a, m, final.race);
                elimination_key(in, a, rule);
            }
        }
        rank_group(group_, out);
    }
    for (std::size_t k = 0; k < blocks; ++k) {
        const std::size_t b =
            rule.unplaced_finalists == UnplacedFinalists::b_before_a ? blocks - 1 - k : k;
        rank_group(unplaced_[b], out);
    }
}

void Classifier::run(const ClassifierInput& in, const ClassificationRule& rule,
                     std::vector<FlatStanding>& out) {
    out.clear();
    out.reserve(in.first.size());
    next_rank_ = 1;
    const int athletes = static_cast<int>(in.first.size());
    const int deepest = in.depth.empty() ? 0 : *std::max_element(in.depth.begin(), in.depth.end());
    // The longest key: era B's placed, place, an earlier place per stage, best time; era A's
    // placed, place, points, time after the disqualified block's stage.
    stride_ = std::max<std::size_t>(static_cast<std::size_t>(deepest) + 3, 5);
    carded_.resize(static_cast<std::size_t>(athletes));
    placed_.assign(carded_.size(), 0);
    keys_.resize(carded_.size() * stride_);
    size_.resize(carded_.size());
    order_.resize(carded_.size());
    race_.resize(carded_.size());
    for (int a = 0; a < athletes; ++a)
        carded_[a] = in.cards && has_card(in, a);
    for (const auto& final : in.finals)
        for (int m = final.first; m < final.first + final.count; ++m)
            placed_[in.members[m]] = 1;
    rank_blocks(in, rule, std::numeric_limits<double>::infinity(), out);
    // Everyone else by where the stage they went out in ranks, highest first; at each level
    // the ranking races there come first. Era A: the disqualified at the very bottom.
    std::size_t levels = 0;
    slot_.resize(in.level.size());
    for (std::size_t r = 0; r < in.level.size(); ++r) {
        std::size_t l = 0;
        while (l < levels && out_in_[l].first != in.level[r])
            ++l;
        if (l == levels) {
            if (out_in_.size() <= levels) out_in_.emplace_back();
            out_in_[levels].first = in.level[r];
            out_in_[levels++].second.clear();
        }
        slot_[r] = static_cast<int>(l);
    }
    bottom_.clear();
    for (int a = 0; a < athletes; ++a) {
        if (in.count[a] == 0 || placed_[a] || carded_[a]) continue;
        const RaceResult& row = in.results[in.first[a] + in.count[a] - 1];
        const bool bottom = rule.era == Era::A && disqualified(row.status);
        auto& group = bottom ? bottom_ : out_in_[slot_[row.round]].second;
        put(group, a, row.order, row.race);
        if (bottom && rule.era_a_disqualified == EraADisqualified::by_stage)
            add(a, -in.level[row.round]);
        elimination_key(in, a, rule);
    }
    std::sort(out_in_.begin(), out_in_.begin() + static_cast<std::ptrdiff_t>(levels),
              [](const auto& x, const auto& y) { return x.first > y.first; });
    const bool ranking_races = std::any_of(in.finals.begin(), in.finals.end(),
                                           [](const auto& f) { return !std::isinf(f.level); });
    for (std::size_t l = 0; l < levels; ++l) {
        if (ranking_races) rank_blocks(in, rule, out_in_[l].first, out);
        rank_group(out_in_[l].second, out);
    }
    rank_group(bottom_, out);
    for (int a = 0; a < athletes; ++a)
        if (in.count[a] > 0 && carded_[a])
            out.push_back({0, a, in.results[in.first[a] + in.count[a] - 1].race});
}

}  // namespace heatgraph::detail
