// The JSON export of `simulate --json` and `compare --json` (declared in event_json.hpp).
#include <fmt/format.h>

#include "event/json_export.hpp"
#include "heatgraph/event_json.hpp"

namespace heatgraph {

namespace {

using detail::json;

json estimate_json(const Estimate& e) {
    return {{"value", e.value}, {"standard_error", e.standard_error}};
}

json simulation_json(const Simulation& s, bool timing) {
    json skaters = json::array();
    for (const auto& k : s.skaters)
        skaters.push_back({{"name", k.name},
                           {"strength", k.strength},
                           {"p_win", k.p_win.value},
                           {"p_win_se", k.p_win.standard_error},
                           {"p_podium", k.p_podium.value},
                           {"p_podium_se", k.p_podium.standard_error},
                           {"mean_rank", k.mean_rank.value},
                           {"mean_rank_se", k.mean_rank.standard_error}});
    const json metrics{
        {"p_strongest_wins", estimate_json(s.p_strongest_wins)},
        {"p_podium_strongest", estimate_json(s.p_podium_strongest)},
        {"champion_true_rank", estimate_json(s.champion_true_rank)},
        {"kendall_tau", estimate_json(s.kendall_tau)},
        {"races_per_skater", estimate_json(s.races_per_skater)},
        {"finals_changed_by_incidents", estimate_json(s.finals_changed_by_incidents)}};
    return {{"format", s.format},
            {"runs", s.runs},
            {"seed", s.seed},
            {"threads", s.threads},
            {"seconds", timing ? json(s.seconds) : json(nullptr)},
            {"events_per_second", timing ? json(s.events_per_second) : json(nullptr)},
            {"checksum", fmt::format("{:016x}", s.checksum)},
            {"metrics", metrics},
            {"skaters", skaters}};
}

}  // namespace

std::string simulation_to_json(const std::vector<Simulation>& simulations, bool timing,
                               int indent) {
    if (simulations.size() == 1) return simulation_json(simulations[0], timing).dump(indent) + "\n";
    json out = json::array();
    for (const auto& s : simulations)
        out.push_back(simulation_json(s, timing));
    return out.dump(indent) + "\n";
}

}  // namespace heatgraph
