// The JSON exports of `whatif --json` and `fit --json` (declared in event_json.hpp).
#include <fmt/format.h>

#include "event/json_export.hpp"
#include "heatgraph/event_json.hpp"

namespace heatgraph {

namespace {

using detail::json;

json ruling_json(const Ruling& r) {
    json j{{"ruling", to_string(r.kind)}};
    if (!r.athlete.empty()) j["athlete"] = r.athlete;
    j["race"] = r.race;
    if (r.kind == RulingKind::penalize) j["sanction"] = to_string(r.sanction);
    if (r.place) j["place"] = *r.place;
    if (r.time) j["time"] = format_race_time(*r.time);
    return j;
}

json probabilities_json(const Event& event, const PlaceProbabilities& p) {
    json p_rank = json::object();
    for (std::size_t k = 0; k < p.p_place.size(); ++k)
        if (p.p_place[k] > 0) p_rank[std::to_string(k + 1)] = p.p_place[k];
    return {{"athlete", event.name_of(p.athlete)},
            {"p_rank", p_rank},
            {"p_unranked", p.p_unranked},
            {"p_medal", p.p_medal},
            {"expected_rank", p.p_unranked < 1 ? json(p.expected_rank) : json(nullptr)},
            {"expected_rank_se", p.expected_rank_se},
            {"recorded_rank", detail::optional_json(p.recorded_rank)},
            {"p_recorded_rank", p.p_recorded_rank}};
}

}  // namespace

std::string whatif_to_json(const WhatIf& w, int indent) {
    const Event& event = w.baseline.event;
    json rulings = json::array();
    for (const auto& r : w.rulings)
        rulings.push_back(ruling_json(r));
    json resampled = json::array();
    for (const auto& r : w.resampled_races)
        resampled.push_back({{"race", r.race}, {"share", r.share}});
    json probabilities = json::array();
    for (const auto& p : w.probabilities)
        probabilities.push_back(probabilities_json(event, p));
    json out{{"event", event.info.title},
             {"exact", w.exact},
             {"samples", w.samples},
             {"seed", w.seed},
             {"strengths", w.exact       ? "none"
                           : w.posterior ? "posterior"
                                         : "fixed"},
             {"rulings", rulings},
             {"format", w.format.name},
             {"consequences", w.consequences},
             {"resampled_races", resampled}};
    if (w.outcome)
        out["classification"] = detail::classification_json(event, w.outcome->classification);
    out["probabilities"] = probabilities;
    out["notes"] = detail::diagnostics_json(w.notes);
    return out.dump(indent) + "\n";
}

std::string race_model_to_json(const RaceModel& model, int indent) {
    json skaters = json::array();
    for (const auto& s : model.skaters)
        skaters.push_back({{"name", s.name},
                           {"strength", s.strength},
                           {"standard_error", s.standard_error},
                           {"races", s.races}});
    // Athletes with no placed race: average skaters, as simulate --fit takes them.
    for (const auto& name : model.unplaced)
        skaters.push_back(
            {{"name", name}, {"strength", 0.0}, {"standard_error", nullptr}, {"races", 0}});
    // A field file as it is (parse_field): the model and noise the strengths are fitted under.
    json out{{"model", "plackett-luce"},
             {"noise", 1.0},
             {"events", model.events},
             {"prior", model.prior},
             {"iterations", model.iterations},
             {"orders", model.orders},
             {"log_likelihood", model.log_likelihood},
             {"skaters", skaters}};
    if (model.groups.size() > 1) out["groups"] = model.groups;
    out["notes"] = detail::diagnostics_json(model.notes);
    return out.dump(indent) + "\n";
}

}  // namespace heatgraph
