// Private to the replay: explains the transitions out of one stage of a recorded event. Who
// went on is known (the stage they raced next); why is read from the marks and checked against
// the format's transitions, in their order, or inferred where the marks are missing or lost: as
// many advancements as possible are explained by place and time, and the rest are referee
// decisions (docs/rules.md §12).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "heatgraph/diagnostic.hpp"
#include "heatgraph/event.hpp"
#include "heatgraph/format.hpp"
#include "rules/advancement.hpp"
#include "rules/stage_graph.hpp"

namespace heatgraph::detail {

class StageReplay {
  public:
    // `stage` of `event`, whose stages `stages` places in `format` (its graph `graph`).
    StageReplay(Event& event, int stage, const Format& format, const StageGraph& graph,
                const EventStages& stages, Diagnostics& out);

    void run();

  private:
    struct Slot {
        Row* row;
        const Race* race;
    };

    void explain_transition(int k, int t);
    // Explains the advancement into `target` of those in `advanced` by a `places` transition.
    void explain_places(const Transition& rule, bool first, const std::string& target,
                        const std::unordered_set<AthleteId>& advanced);
    void explain_others(const Transition& rule, bool first, Race* target_race,
                        const std::string& target, const std::unordered_set<AthleteId>& advanced,
                        Way way);
    std::vector<int> time_qualifiers(const Transition& rule, const std::vector<Entrant>& entrants,
                                     const std::vector<int>& by_place,
                                     const std::vector<int>& extra);
    std::vector<Entrant> entrants_for(const Transition& rule, bool first,
                                      const std::unordered_set<AthleteId>& advanced) const;
    Race& unraced_final(Round& stage, char final, const std::string& name);
    void assign(int i, const std::string& target, Way way, char final);
    void report_marks_without_advance();
    void warn(int line, std::string message);

    Event& event_;
    Round& round_;
    const Format& format_;
    const StageGraph& graph_;
    int format_stage_;
    const EventStages& stages_;
    const std::vector<int>& next_stage_;  // per athlete: the event stage raced next
    Diagnostics& out_;
    std::vector<Slot> rows_;
    std::vector<int> taken_by_;                   // per row: the transition that took it, or -1
    std::vector<std::string> marked_q_for_time_;  // the record marks every qualifier "Q"
};

}  // namespace heatgraph::detail
