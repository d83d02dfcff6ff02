#include "classifier.hpp"

#include <algorithm>

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

void ClassifierInput::clear(int athletes, int round_count, bool finals_round) {
    rounds = round_count;
    has_finals = finals_round;
    first.assign(static_cast<std::size_t>(athletes), 0);
    count.assign(static_cast<std::size_t>(athletes), 0);
    finals.clear();
    members.clear();
    unraced_final.assign(static_cast<std::size_t>(athletes), -1);
}

bool Classifier::has_card(const ClassifierInput& in, int a) {
    for (int k = in.first[a]; k < in.first[a] + in.count[a]; ++k)
        if (is_unranked(in.results[k].status)) return true;
    return false;
}

// The ordering key of a skater eliminated in their last race: smaller ranks higher.
void Classifier::elimination_key(const ClassifierInput& in, int a, const ClassificationRule& rule,
                                 Key& key) {
    const RaceResult* rows = in.results.data() + in.first[a];
    const int n = in.count[a];
    const RaceResult& last = rows[n - 1];
    const double placed = last.place ? 0 : 1;
    const double place = last.place ? last.place : unplaced_rank(last.status, rule.unplaced_order);
    const double time = last.time != no_time ? static_cast<double>(last.time) : none;
    key.add(placed);
    key.add(place);
    switch (rule.era) {
        case Era::A: {
            double points = 0;
            for (int k = 0; k < n; ++k)
                if (rows[k].place) points += era_a_points(rule, rows[k].place, rows[k].tied);
            key.add(-points);
            key.add(time);
            break;
        }
        case Era::B: {
            // Earlier places, most recent first: one per earlier round (at most 8), a missing
            // one counting as 0, so that every skater out in the same round has as many.
            const int wanted = 2 + std::min(last.round, 8);
            for (int k = n - 1; k-- > 0 && key.size < wanted;)
                key.add(rows[k].place ? rows[k].place : none);
            while (key.size < wanted)
                key.add(0);
            double best = none;
            for (int k = 0; k < n; ++k)
                if (rows[k].time != no_time)
                    best = std::min(best, static_cast<double>(rows[k].time));
            key.add(best);
            break;
        }
        case Era::world_skate:
            key.v[1] = time;  // time before place
            key.add(place);
            break;
    }
}

Classifier::Key& Classifier::put(std::vector<int>& group, int a, int order, int race) {
    order_[a] = order;
    race_[a] = race;
    group.push_back(a);
    key_[a].size = 0;
    return key_[a];
}

// Appends `group` to `out` in key order, then tie order, tied keys sharing a rank; empties it.
void Classifier::rank_group(std::vector<int>& group, std::vector<FlatStanding>& out) {
    if (group.empty()) return;
    const int criteria = key_[group[0]].size;  // the same for every skater of a group
    const auto same = [&](int a, int b) {
        return std::equal(key_[a].v.data(), key_[a].v.data() + criteria, key_[b].v.data());
    };
    std::sort(group.begin(), group.end(), [&](int a, int b) {
        for (int i = 0; i < criteria; ++i)
            if (key_[a].v[i] != key_[b].v[i]) return key_[a].v[i] < key_[b].v[i];
        return order_[a] < order_[b];
    });
    for (std::size_t k = 0; k < group.size(); ++k) {
        const int a = group[k];
        const bool tied = k > 0 && same(a, group[k - 1]);
        out.push_back({tied ? out.back().rank : next_rank_, a, race_[a]});
        ++next_rank_;
    }
    group.clear();
}

void Classifier::run(const ClassifierInput& in, const ClassificationRule& rule,
                     std::vector<FlatStanding>& out) {
    out.clear();
    out.reserve(in.first.size());
    next_rank_ = 1;
    const int athletes = static_cast<int>(in.first.size());
    carded_.resize(static_cast<std::size_t>(athletes));
    key_.resize(carded_.size());
    order_.resize(carded_.size());
    race_.resize(carded_.size());
    for (int a = 0; a < athletes; ++a)
        carded_[a] = has_card(in, a);
    if (unplaced_.size() < in.finals.size()) unplaced_.resize(in.finals.size());
    for (std::size_t f = 0; f < in.finals.size(); ++f) {
        const auto& final = in.finals[f];
        auto& unplaced = unplaced_[f];
        unplaced.clear();
        for (int m = final.first; m < final.first + final.count; ++m) {
            const int a = in.members[m];
            if (!final.raced) {
                put(group_, a, m, final.race).add(m - final.first);
                continue;
            }
            if (carded_[a]) continue;
            const RaceResult& row = in.results[in.first[a] + in.count[a] - 1];
            if (row.place)
                put(group_, a, m, final.race).add(row.place);
            else
                put(unplaced, a, m, final.race).add(unplaced_rank(row.status, rule.unplaced_order));
        }
        rank_group(group_, out);
    }
    const int finals = static_cast<int>(in.finals.size());
    for (int k = 0; k < finals; ++k) {
        const int f = rule.unplaced_finalists == UnplacedFinalists::b_before_a ? finals - 1 - k : k;
        rank_group(unplaced_[f], out);
    }
    // Everyone else by the round they went out in, latest round first.
    const int last = in.rounds - (in.has_finals ? 2 : 1);
    if (static_cast<int>(out_in_.size()) < last + 1)
        out_in_.resize(static_cast<std::size_t>(last + 1));
    for (int r = 0; r <= last; ++r)
        out_in_[r].clear();
    for (int a = 0; a < athletes; ++a) {
        if (in.count[a] == 0 || in.unraced_final[a] >= 0 || carded_[a]) continue;
        const RaceResult& row = in.results[in.first[a] + in.count[a] - 1];
        if (row.round <= last)
            elimination_key(in, a, rule, put(out_in_[row.round], a, row.order, row.race));
    }
    for (int r = last; r >= 0; --r)
        rank_group(out_in_[r], out);
    for (int a = 0; a < athletes; ++a)
        if (in.count[a] > 0 && carded_[a])
            out.push_back({0, a, in.results[in.first[a] + in.count[a] - 1].race});
}

}  // namespace heatgraph::detail
