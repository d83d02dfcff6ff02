// The human output of `whatif` and `fit`.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "text_report.hpp"

namespace heatgraph::cli {

namespace {

// "0.412 ± 0.005"; "0" and "1" when every sample agrees, "<0.001" and ">0.999" when nearly.
std::string probability_text(double p, int samples) {
    if (p == 0 || p == 1) return fmt::format("{:.0f}", p);
    if (p < 0.0005) return "<0.001";
    if (p > 0.9995) return ">0.999";
    return fmt::format("{:.3f} ± {:.3f}", p, std::sqrt(p * (1 - p) / samples));
}

std::string header(const WhatIf& w) {
    std::vector<std::string> rulings;
    for (const auto& r : w.rulings)
        rulings.push_back(r.describe());
    if (w.format.name != w.baseline.format.name)
        rulings.push_back(fmt::format("format {}", w.format.name));
    std::string out =
        fmt::format("{}\nWhat if: {}\n", w.baseline.event.info.title, fmt::join(rulings, "; "));
    out += "\nConsequences\n";
    for (const auto& step : w.consequences)
        out += fmt::format("  → {}\n", step);
    return out;
}

std::string exact_report(const WhatIf& w) {
    const auto& e = w.baseline.event;
    std::string out = "\nExact: no race had to be re-drawn\n";
    TextTable table({"Rank", "Athlete", "Out in", "Recorded"});
    for (const auto& s : w.outcome->classification) {
        const Standing* was = find_standing(w.baseline.classification, s.athlete);
        const auto recorded = was ? rank_text(was->rank) : "";
        table.add({rank_text(s.rank), e.name_of(s.athlete), s.eliminated_in,
                   was && was->rank == s.rank ? "" : recorded});
    }
    return out + table.render();
}

std::string sampled_report(const WhatIf& w) {
    const auto& e = w.baseline.event;
    std::vector<std::string> drawn;
    for (const auto& r : w.resampled_races)
        drawn.push_back(r.share == 1 ? r.race : fmt::format("{} ({:.1f}%)", r.race, 100 * r.share));
    std::string out = fmt::format(
        "\nMonte Carlo: {} samples, seed {}; re-drawn: {}\n"
        "Strengths fitted to the record as ruled; {}\n",
        w.samples, w.seed, fmt::join(drawn, ", "),
        w.posterior ? "each sample draws them from the fit's uncertainty\n"
                      "(--fixed-strengths: as if known). ± is the Monte Carlo error."
                    : "every sample takes them as known (--fixed-strengths),\n"
                      "leaving out their uncertainty. ± is the Monte Carlo error.");
    TextTable table(
        {"Athlete", "Recorded", "Expected rank", "P(1st)", "P(2nd)", "P(3rd)", "P(medal)"});
    int settled = 0;
    for (const auto& p : w.probabilities) {
        if (p.p_recorded_rank == 1 && p.p_medal == 0) {
            ++settled;
            continue;
        }
        if (p.p_unranked == 1) {
            table.add(
                {e.name_of(p.athlete), rank_text(p.recorded_rank), "unranked", "", "", "", ""});
            continue;
        }
        const auto place = [&](std::size_t k) {
            return k < p.p_place.size() ? probability_text(p.p_place[k], w.samples) : "";
        };
        table.add({e.name_of(p.athlete), rank_text(p.recorded_rank),
                   fmt::format("{:.3f} ± {:.3f}", p.expected_rank, p.expected_rank_se), place(0),
                   place(1), place(2), probability_text(p.p_medal, w.samples)});
    }
    out += table.render();
    if (settled > 0)
        out +=
            fmt::format("  ({} other skaters keep their recorded rank in every sample)\n", settled);
    return out;
}

}  // namespace

std::string whatif_report(const WhatIf& w) {
    return header(w) + (w.exact ? exact_report(w) : sampled_report(w)) +
           diagnostics_report(w.notes);
}

std::string race_model_report(const RaceModel& model) {
    std::vector<std::string> files;  // a table of several events is one file
    for (const auto& source : model.events)
        if (std::find(files.begin(), files.end(), source) == files.end()) files.push_back(source);
    const auto events = model.events.size() > files.size()
                            ? fmt::format(" ({} events)", model.events.size())
                            : std::string();
    std::string out = fmt::format(
        "Plackett–Luce strengths (log-worth, mean 0) from {} finishing orders of {}{}\n"
        "Prior {} ({}); {} MM iterations; log-likelihood {:.3f}\n",
        model.orders, fmt::join(files, ", "), events, model.prior,
        model.prior == 0 ? "maximum likelihood" : "Gamma(1 + prior, prior) on each worth",
        model.iterations, model.log_likelihood);
    TextTable table({"Athlete", "Strength", "Std. error", "Races"});
    for (const auto& s : model.skaters)
        table.add({s.name, fmt::format("{:+.3f}", s.strength),
                   fmt::format("{:.3f}", s.standard_error), std::to_string(s.races)});
    return out + table.render() + diagnostics_report(model.notes);
}

}  // namespace heatgraph::cli
