// Private to the replay: explains one round transition of a recorded event. Who advanced is
// known (they race the next round); why is read from the marks and checked against the rule,
// or inferred where the marks are missing or lost: as many advancements as possible are
// explained by place and time, and the rest are referee decisions (RULES.md §5).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "advancement.hpp"
#include "heatgraph/diagnostic.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"

namespace heatgraph::detail {

class TransitionReplay {
  public:
    TransitionReplay(Event& event, int round, const Transition& rule, const FinalsRule& finals,
                     Diagnostics& out);

    void run();

  private:
    struct Labels {
        Reason place, time, referee;
    };
    struct Slot {
        Row* row;
        const Race* race;
    };

    // Explains the advancement into `target` (a round, or Final A) of those in `advanced`.
    void explain(const std::string& target, const std::unordered_set<AthleteId>& advanced,
                 Labels labels);
    std::vector<int> time_qualifiers(const std::vector<Entrant>& entrants,
                                     const std::vector<int>& by_place,
                                     const std::vector<int>& extra);
    void route_final_b(Race* final_b);
    void assign(int i, const std::string& target, Reason reason, Labels labels);
    void report_marks_without_advance();
    void report_unmarked_time_qualifiers();
    void warn(int line, std::string message);

    Event& event_;
    Round& round_;
    const Transition& rule_;
    const FinalsRule& finals_;
    Diagnostics& out_;
    std::vector<Slot> rows_;
    std::vector<std::string> marked_q_for_time_;  // the article marks every qualifier "Q"
};

}  // namespace heatgraph::detail
