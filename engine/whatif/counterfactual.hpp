// Private to the what-if: the counterfactual replay (minimal change, docs/concepts.md §9).
//
// The rulings are applied to the recorded rows once (ruled_event.hpp). Each run then walks the
// rounds: the format's advancement rule (advancement.hpp, the replay's own) decides who goes
// through; a new qualifier takes the race slot of the skater it displaced (one from the same
// race first); a race whose field is unchanged keeps its recorded result, one that only lost
// skaters keeps the others' recorded order, and one that gained skaters is re-drawn from the
// race model conditioned on the recorded order of those who raced it (plackett_luce.hpp).
// Recorded incidents (penalties, referee advancements) of skaters who stay are kept.
#pragma once

#include <string>
#include <vector>

#include "heatgraph/format.hpp"
#include "rules/ruled_event.hpp"
#include "rules/stage_graph.hpp"
#include "simulation/random_stream.hpp"

namespace heatgraph::detail {

// What a drawn race needs besides the recorded results and the skaters' worths.
struct DrawModel {
    bool incidents = false;   // newcomers may be penalised or fail to finish
    double penalty_rate = 0;  // per skater and race, estimated from the event
    double dnf_rate = 0;
    Millis mean_gap = 300;  // between consecutive placed times, estimated from the event
};

[[nodiscard]] DrawModel estimate_draw_model(const Event& recorded, bool incidents);

class Counterfactual {
  public:
    struct Run {
        bool random = false;                     // some race was drawn, or lots at a time cut
        std::vector<std::pair<int, int>> drawn;  // (round, race) of every race drawn
        std::vector<AthleteId> placed_by_model;  // skaters the model placed (not kept in order)
        std::vector<std::string> chain;          // with `explain`: the consequences, in order
    };

    Counterfactual(const RuledEvent& ruled, const Format& format, const DrawModel& model);

    // One counterfactual event into `out` (rounds and results; with `explain` also the names,
    // the marks of the reasons decided and the chain of consequences); races are drawn with
    // the Plackett–Luce `worth` of each athlete.
    void run(RandomStream& random, const std::vector<double>& worth, Event& out, Run& run,
             bool explain) const;

  private:
    struct Walk;

    const RuledEvent& ruled_;
    const Format& format_;
    const DrawModel& model_;
    StageGraph graph_;
    EventStages stages_;
};

}  // namespace heatgraph::detail
