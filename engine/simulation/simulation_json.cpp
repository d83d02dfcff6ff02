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
    json metrics = json::object();
    for (const auto& m : simulation_metrics())
        metrics[std::string(m.key)] = estimate_json(s.*m.member);
    return {{"format", s.format},
            {"runs", s.runs},
            {"seed", s.seed},
            {"threads", s.threads},
            {"seconds", timing ? json(s.seconds) : json(nullptr)},
            {"events_per_second", timing ? json(s.events_per_second) : json(nullptr)},
            {"checksum", fmt::format("{:016x}", s.checksum)},
            {"incidents",
             {{"penalty", s.incidents.penalty},
              {"fall", s.incidents.fall},
              {"referee_advance", s.incidents.referee_advance}}},
            {"metrics", metrics},
            {"skaters", skaters}};
}

}  // namespace

std::string simulation_to_json(const Simulation& simulation, bool timing, int indent) {
    return simulation_json(simulation, timing).dump(indent) + "\n";
}

std::string comparison_to_json(const Comparison& comparison, bool timing, int indent) {
    json formats = json::array();
    for (const auto& s : comparison.formats)
        formats.push_back(simulation_json(s, timing));
    json differences = json::array();
    for (const auto& d : comparison.differences)
        differences.push_back({{"format", d.format},
                               {"metric", d.metric},
                               {"value", d.difference.value},
                               {"standard_error", d.difference.standard_error},
                               {"unpaired_standard_error", d.unpaired_standard_error}});
    return json{{"formats", formats}, {"differences", differences}}.dump(indent) + "\n";
}

}  // namespace heatgraph
