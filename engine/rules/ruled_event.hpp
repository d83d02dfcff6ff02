// Private to the what-if: the record a counterfactual starts from, the rulings applied to its
// rows. A penalty or a DNS takes the skater's place away and moves those behind up a place; a
// reinstatement moves those from its place down back one. Referee advancements are kept as an
// "ADV" mark, the only advancement mark left: the counterfactual decides the others afresh.
#pragma once

#include <string>
#include <vector>

#include "heatgraph/format.hpp"
#include "heatgraph/replay.hpp"
#include "heatgraph/rulings.hpp"

namespace heatgraph::detail {

// The record the counterfactual starts from.
struct RuledEvent {
    Event event;  // the replayed event, rulings applied; a row's marks keep "ADV" for a referee
                  // advancement and lose the other advancement marks (the walk decides them);
                  // a Final B race exists (unraced, empty) whenever the format routes one
    std::vector<std::vector<char>> redraw;  // [round][race]: set aside and drawn afresh
    std::vector<std::string> chain;         // what the rulings changed, in words
};

[[nodiscard]] RuledEvent rule_event(const Replay& baseline, const Format& format,
                                    const std::vector<Ruling>& rulings,
                                    const std::vector<RulingTarget>& targets);

}  // namespace heatgraph::detail
