// Private: the classification rule (RULES.md §3) on flat arrays, shared by `classify` (which
// flattens a replayed event) and the simulator (which fills the arrays directly). A Classifier
// keeps its buffers, so classifying event after event allocates nothing once they have grown.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph::detail {

constexpr Millis no_time = std::numeric_limits<Millis>::max();

// One skater's result in one race.
struct RaceResult {
    int round = 0;  // index of the round
    int race = 0;   // the race's id (the caller's numbering, reported back)
    int place = 0;  // 0: no place
    int tied = 1;   // skaters of the race sharing this place (era A points)
    Status status = Status::finished;
    Millis time = no_time;
    int order = 0;  // the row's position in the event, in running order: breaks no tie in the
                    // classification but orders tied skaters as the record lists them
};

struct ClassifierInput {
    int rounds = 0;
    bool has_finals = false;  // the last round is the finals
    // Per skater, their results in running order: results[first[a] .. first[a] + count[a]).
    std::vector<int> first, count;
    std::vector<RaceResult> results;
    // The finals, in the order they rank: each lists its skaters, a raced final in row order, an
    // unraced one in field order (they take its places in that order).
    struct Final {
        int race = 0;  // id
        bool raced = true;
        int first = 0, count = 0;  // into members
    };
    std::vector<Final> finals;
    std::vector<int> members;
    std::vector<int> unraced_final;  // per skater: the id of the final awarded unraced, or -1

    // Empty for `athletes` skaters; `results` keeps its size (a caller that fills fixed slots
    // does not pay for constructing them again).
    void clear(int athletes, int round_count, bool finals_round);
};

struct FlatStanding {
    int rank = 0;  // 0: unranked (a card)
    int athlete = -1;
    int race = -1;  // id of the last race skated (or the final awarded)
};

class Classifier {
  public:
    // The classification in rank order into `out`.
    void run(const ClassifierInput& in, const ClassificationRule& rule,
             std::vector<FlatStanding>& out);

  private:
    // An ordering key: smaller ranks higher, compared over its first `size` criteria (the same
    // number for every skater of a group).
    struct Key {
        std::array<double, 11> v;
        int size = 0;
        void add(double x) { v[size++] = x; }
    };
    // Groups hold skaters; their key, tie order and last race are kept per skater (a skater is in
    // one group), so that sorting moves integers, not keys.
    // Puts the skater in `group`; returns their key, empty, for the caller to fill.
    Key& put(std::vector<int>& group, int athlete, int order, int race);
    void rank_group(std::vector<int>& group, std::vector<FlatStanding>& out);
    static void elimination_key(const ClassifierInput& in, int athlete,
                                const ClassificationRule& rule, Key& key);
    static bool has_card(const ClassifierInput& in, int athlete);

    int next_rank_ = 1;
    std::vector<char> carded_;  // per skater
    std::vector<Key> key_;      // per skater
    std::vector<int> order_, race_;
    std::vector<std::vector<int>> out_in_;  // per round: the skaters eliminated in it
    std::vector<int> group_;
    std::vector<std::vector<int>> unplaced_;
};

}  // namespace heatgraph::detail
