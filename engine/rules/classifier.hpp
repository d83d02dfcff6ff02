// Private: the classification rule (docs/rules.md §7 to §10) on flat arrays, shared by
// `classify` (which flattens a replayed event) and the simulator (which fills the arrays
// directly). A Classifier keeps its buffers, so classifying event after event allocates nothing
// once they have grown.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph::detail {

constexpr Millis no_time = std::numeric_limits<Millis>::max();

// One skater's result in one race.
struct RaceResult {
    int round = 0;  // index of the stage, in running order
    int race = 0;   // the race's id (the caller's numbering, reported back)
    int place = 0;  // 0: no place
    int tied = 1;   // skaters of the race sharing this place (era A points)
    Status status = Status::finished;
    Millis time = no_time;
    int order = 0;  // the row's position in the event, in running order: breaks no tie in the
                    // classification but orders tied skaters as the record lists them
};

struct ClassifierInput {
    // Per stage: where the skaters eliminated in it rank, higher first (StageGraph::level), and
    // how many earlier races a skater out in it can have (StageGraph::depth): era B compares as
    // many earlier places for every skater of a group.
    std::vector<double> level;
    std::vector<int> depth;
    // Per skater, their results in running order: results[first[a] .. first[a] + count[a]).
    std::vector<int> first, count;
    std::vector<RaceResult> results;
    // The races that place skaters, in running order: the finals (Final A, B, ...) and the
    // ranking races. Each lists its skaters, a raced one in row order, an unraced one in
    // field order (they take its places in that order). A ranking race places its skaters at
    // its level among the eliminated; a final above everyone else.
    struct Final {
        int race = 0;  // id
        bool raced = true;
        int first = 0, count = 0;  // into members
        double level = std::numeric_limits<double>::infinity();
        bool order_known = true;       // unraced: false when the final was raced but is not in the
                                       // record (its skaters share its places)
        bool last_race_first = false;  // the races of its level place in reverse race order
                                       // (RankingOrder::last_race_first)
    };
    std::vector<Final> finals;
    std::vector<int> members;
    bool cards = true;  // false: no result is a card (YC, RC), and nobody is looked for one

    // No results and no finals for `athletes` skaters. `first` and `results` keep what they
    // held (a caller that fills fixed slots pays for laying them out once), `level` and `depth`
    // the stages'.
    void clear(int athletes);
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
    // Ordering keys, one row of `stride_` criteria per skater: smaller ranks higher, compared
    // over the group's first `size` criteria (the same number for every skater of a group).
    double* key(int athlete) { return keys_.data() + static_cast<std::size_t>(athlete) * stride_; }
    // Puts the skater in `group`; their key starts empty, for the caller to fill with `add`.
    void put(std::vector<int>& group, int athlete, int order, int race);
    void add(int athlete, double value) { key(athlete)[size_[athlete]++] = value; }
    void rank_group(std::vector<int>& group, std::vector<FlatStanding>& out);
    void rank_blocks(const ClassifierInput& in, const ClassificationRule& rule, double level,
                     std::vector<FlatStanding>& out);
    void elimination_key(const ClassifierInput& in, int athlete, const ClassificationRule& rule);
    static bool has_card(const ClassifierInput& in, int athlete);
    static bool disqualified(Status status);

    int next_rank_ = 1;
    std::size_t stride_ = 0;
    std::vector<char> carded_, placed_;  // per skater; placed_: in a final or a ranking race
    std::vector<double> keys_;
    std::vector<int> size_, order_, race_;
    std::vector<std::pair<double, std::vector<int>>> out_in_;  // per level: the eliminated
    std::vector<int> slot_;                                    // per stage: its level's slot
    std::vector<int> group_, bottom_;
    std::vector<std::vector<int>> unplaced_;
};

}  // namespace heatgraph::detail
