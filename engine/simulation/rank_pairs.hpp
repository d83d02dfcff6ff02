// Private: the pairs Kendall's tau counts, over ranks listed strongest skater first. A pair
// i < j is concordant when r[j] > r[i] (the stronger skater ranks better) and tied when the
// ranks are equal. Two ways to count the same pairs: one by one (vectorised, the fastest for the
// fields of real events) and by a Fenwick tree in n log n (a field of 100,000).
#pragma once

#include <cstdint>
#include <vector>

namespace heatgraph::detail {

struct RankPairs {
    std::int64_t concordant = 0;
    std::int64_t tied = 0;
};

inline RankPairs rank_pairs_one_by_one(const int* r, int n) {
    RankPairs pairs;
    for (int i = 0; i < n; ++i) {
        int c = 0, t = 0;  // 32-bit, branch-free: the compiler vectorises the inner loop
        for (int j = i + 1; j < n; ++j) {
            c += r[j] > r[i];
            t += r[j] == r[i];
        }
        pairs.concordant += c, pairs.tied += t;
    }
    return pairs;
}

// Ranks from 1 to `highest`; `tree` is scratch. Taking i from the end, the tree counts the later
// ranks below and at r[i].
inline RankPairs rank_pairs_by_tree(const int* r, int n, int highest, std::vector<int>& tree) {
    tree.assign(static_cast<std::size_t>(highest) + 1, 0);
    const auto at_most = [&](int rank) {
        int count = 0;
        for (; rank > 0; rank -= rank & -rank)
            count += tree[rank];
        return count;
    };
    RankPairs pairs;
    for (int i = n - 1; i >= 0; --i) {
        const int later = n - 1 - i, below = at_most(r[i] - 1), equal = at_most(r[i]) - below;
        pairs.concordant += later - below - equal;
        pairs.tied += equal;
        for (int rank = r[i]; rank <= highest; rank += rank & -rank)
            ++tree[rank];
    }
    return pairs;
}

// Up to this many ranked skaters the pairs are counted one by one.
inline constexpr int rank_pairs_small = 128;

inline RankPairs rank_pairs(const int* r, int n, int highest, std::vector<int>& tree) {
    return n <= rank_pairs_small ? rank_pairs_one_by_one(r, n)
                                 : rank_pairs_by_tree(r, n, highest, tree);
}

}  // namespace heatgraph::detail
