#include "simulate_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <ostream>

#include "app.hpp"
#include "heatgraph/heatgraph.hpp"
#include "number_options.hpp"
#include "text_report.hpp"

namespace heatgraph::cli {

namespace {

// Every event of the files (a table may hold several), pooled.
std::vector<Event> events_of(const std::vector<std::string>& paths) {
    auto events = load_events(paths);
    if (!events) throw InvalidInput{events.error()};
    return std::move(events).value();
}

std::string estimate_text(const Estimate& e, int decimals) {
    return fmt::format("{:.{}f} ± {:.{}f}", e.value, decimals, e.standard_error, decimals);
}

// The column of each format: its name, or its file's when two formats share a name.
std::vector<std::string> format_labels(const std::vector<Simulation>& sims,
                                       const std::vector<std::string>& files) {
    std::vector<std::string> labels;
    for (std::size_t f = 0; f < sims.size(); ++f) {
        const auto shared = std::count_if(sims.begin(), sims.end(), [&](const Simulation& s) {
            return s.format == sims[f].format;
        });
        labels.push_back(shared > 1 ? std::filesystem::path(files[f]).filename().string()
                                    : sims[f].format);
    }
    return labels;
}

// Each metric's difference to the first format, "within noise" when under two standard errors
// of the paired difference.
std::string differences_report(const Comparison& c, const std::vector<std::string>& labels) {
    std::vector<std::string> header{"Difference to " + labels[0]};
    header.insert(header.end(), labels.begin() + 1, labels.end());
    TextTable table(header);
    const auto& metrics = simulation_metrics();
    const std::size_t formats = c.formats.size();
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        std::vector<std::string> cells{std::string(metrics[m].label)};
        for (std::size_t f = 1; f < formats; ++f) {
            const auto& d = c.differences[(f - 1) * metrics.size() + m].difference;
            const bool noise = d.value == 0 || std::abs(d.value) < 2 * d.standard_error;
            cells.push_back(fmt::format("{:+.{}f} ± {:.{}f}{}", d.value, metrics[m].decimals,
                                        d.standard_error, metrics[m].decimals,
                                        noise ? " (within noise)" : ""));
        }
        table.add(cells);
    }
    return "\n" + table.render() +
           "  ± is the standard error of the paired difference: every format ran the same "
           "events\n  (the same fields, and each skater the same luck in their k-th race); within "
           "noise: under two "
           "of them.\n";
}

std::string report(const Comparison& comparison, const Field& field, bool fresh,
                   const std::vector<std::string>& files, const std::string& incidents_from,
                   bool timing) {
    const auto& sims = comparison.formats;
    const auto& first = sims.front();
    std::string out =
        fmt::format("{} skaters ({}{}, noise {}), {} runs, seed {}\n", field.skaters.size(),
                    field.model == NoiseModel::thurstone ? "Thurstone" : "Plackett–Luce",
                    fresh ? ", strengths N(0, 1) drawn afresh for each event" : "", field.noise,
                    first.runs, first.seed);
    const auto labels = format_labels(sims, files);
    std::vector<std::string> header{"Metric"};
    header.insert(header.end(), labels.begin(), labels.end());
    TextTable metrics(header);
    for (const auto& m : simulation_metrics()) {
        std::vector<std::string> cells{std::string(m.label)};
        for (const auto& s : sims)
            cells.push_back(estimate_text(s.*m.member, m.decimals));
        metrics.add(cells);
    }
    std::vector<std::string> checksums{"Checksum"};
    for (const auto& s : sims)
        checksums.push_back(fmt::format("{:016x}", s.checksum));
    metrics.add(checksums);
    if (timing) {
        std::vector<std::string> speed{"Events per second"};
        for (const auto& s : sims)
            speed.push_back(fmt::format("{:.0f} ({} thread{})", s.events_per_second, s.threads,
                                        s.threads == 1 ? "" : "s"));
        metrics.add(speed);
    }
    out += metrics.render();
    if (const auto& r = first.incidents; r.penalty > 0)
        out += fmt::format(
            "  Incidents: penalty {:.4f} per skater and race; a penalty brings another skater down "
            "{:.4f} of the time, who is advanced by the Referee {:.4f} of the time{}\n",
            r.penalty, r.fall, r.referee_advance,
            incidents_from.empty() ? "" : "\n  (estimated from " + incidents_from + ")");
    if (sims.size() > 1) out += differences_report(comparison, labels);
    if (sims.size() == 1) {
        out += "\n";
        TextTable skaters({"Skater", "Strength", "P(win)", "P(podium)", "Mean rank"});
        for (const auto& k : first.skaters)
            skaters.add({k.name, fmt::format("{:+.3f}", k.strength), estimate_text(k.p_win, 4),
                         estimate_text(k.p_podium, 4), estimate_text(k.mean_rank, 2)});
        out += skaters.render();
    }
    return out;
}

// Warns on `err` when the run will take more than an hour, as timed on one event: a large field
// times many runs (docs/limits.md).
void warn_if_long(const Format& format, const Field& field, const SimulationOptions& options,
                  std::ostream& err) {
    constexpr double heavy = 1e9;  // skaters x runs below which no run takes an hour
    if (static_cast<double>(field.skaters.size()) * static_cast<double>(options.runs) < heavy)
        return;
    auto probe = options;
    probe.runs = 1;
    probe.threads = 1;
    probe.progress = nullptr;
    const auto start = std::chrono::steady_clock::now();
    if (!simulate(format, field, probe)) return;  // the real run reports the error
    const double per_event =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double hours =
        per_event * static_cast<double>(options.runs) / usable_threads(options.threads) / 3600;
    if (hours >= 1)
        err << fmt::format(
            "heatgraph: warning: {} runs of {} skaters take about {:.0f} hours "
            "here (one event took {:.2f} s); fewer --runs, or a smaller field\n",
            options.runs, field.skaters.size(), hours, per_event);
}

}  // namespace

void SimulateCommand::add_options(CLI::App& command, bool compare) {
    compare_ = compare;
    if (compare)
        command.add_option("--formats", formats_, "format files (TOML), comma-separated")
            ->required()
            ->delimiter(',');
    else
        command.add_option("--format", formats_, "format file (TOML)")->required()->expected(1);
    auto* source = command.add_option_group("field", "the skaters (one of)");
    source->add_option("--field", field_file_, "field file (JSON)");
    auto* skaters =
        source
            ->add_option("--skaters", skaters_,
                         "N skaters, strengths N(0, 1) drawn afresh for each event (so that no one "
                         "field decides the answer)")
            ->check(whole_from(2, max_field));
    source->add_option("--fit", fit_, "the fitted strengths of these events' skaters");
    source->require_option(1);
    command
        .add_flag("--fixed-field", fixed_field_,
                  "with --skaters: one field, drawn from the seed, for every event")
        ->needs(skaters);
    command.add_option("--model", model_, "plackett-luce or thurstone (default: the field's)")
        ->check(CLI::IsMember({"plackett-luce", "thurstone"}));
    command.add_option("--noise", noise_, "noise scale (default: the field's, else 1)")
        ->check(number_from(0, max_noise));
    command.add_option("--seeding", seeding_, "first-round seeds: strength, random or listed")
        ->check(CLI::IsMember({"strength", "random", "listed"}))
        ->capture_default_str();
    command.add_option("--penalty-rate", penalty_, "penalties per skater and race")
        ->check(number_from(0, 1));
    command.add_option("--fall-rate", fall_, "falls (advanced by the Referee) per penalty")
        ->check(number_from(0, 1));
    command.add_option("--incidents-from", incidents_from_,
                       "estimate both rates from these events");
    command.add_option("--runs", options_.runs, "events simulated")
        ->check(whole_from(1, max_runs))
        ->capture_default_str();
    command
        .add_option("--threads", options_.threads,
                    "threads (0: one per core); the answer does "
                    "not depend on it")
        ->check(whole_from(0, max_threads_option))
        ->capture_default_str();
    command.add_option("--seed", options_.seed, "random seed")
        ->check(seed_number())
        ->capture_default_str();
    command.add_flag("--json", json_, "machine-readable output");
    command.add_flag("--no-timing", no_timing_,
                     "leave out seconds and events per second (reproducible output)");
}

Field SimulateCommand::field(std::ostream& err) const {
    Field field;
    if (!field_file_.empty()) {
        auto loaded = load_field(field_file_);
        if (!loaded) throw InvalidInput{loaded.error()};
        field = std::move(loaded).value();
    } else if (skaters_ > 0) {
        field = normal_field(skaters_, options_.seed);
    } else {
        auto model = fit_race_model(events_of(fit_));
        if (!model) throw InvalidInput{model.error()};
        Diagnostics notes;
        field = fitted_field(*model, &notes);
        for (const auto& note : notes)
            err << "heatgraph: note: " << note.message << "\n";
    }
    if (model_ == "thurstone") field.model = NoiseModel::thurstone;
    if (model_ == "plackett-luce") field.model = NoiseModel::plackett_luce;
    if (!std::isnan(noise_)) field.noise = noise_;
    return field;
}

IncidentRates SimulateCommand::incidents() const {
    IncidentRates rates;
    if (!incidents_from_.empty()) rates = estimate_incident_rates(events_of(incidents_from_));
    if (!std::isnan(penalty_)) rates.penalty = penalty_;
    if (!std::isnan(fall_)) rates.fall = fall_;
    return rates;
}

std::string SimulateCommand::run(std::ostream& err) const {
    note_thread_cap(options_.threads, err);
    const auto skaters = field(err);
    auto options = options_;
    options.seeding = seeding_ == "random"   ? Seeding::random
                      : seeding_ == "listed" ? Seeding::listed
                                             : Seeding::by_strength;
    options.incidents = incidents();
    const bool show_progress = options.runs >= 1'000'000 && isatty(STDERR_FILENO);
    options.fresh_field = skaters_ > 0 && !fixed_field_;
    std::vector<Format> formats;
    for (const auto& path : formats_) {
        auto format = load_format(path);
        if (!format) throw InvalidInput{format.error()};
        warn_if_long(*format, skaters, options, err);
        formats.push_back(std::move(format).value());
    }
    if (show_progress)
        options.progress = [&err](std::int64_t done, std::int64_t total) {
            err << fmt::format("\r{} / {} events", done, total) << std::flush;
        };
    auto comparison = compare(formats, skaters, options);
    if (show_progress) err << "\n";
    if (!comparison) throw InvalidInput{comparison.error()};
    if (json_)
        return formats.size() == 1 && !compare_
                   ? simulation_to_json(comparison->formats.front(), !no_timing_)
                   : comparison_to_json(*comparison, !no_timing_);
    return report(*comparison, skaters, options.fresh_field, formats_,
                  fmt::format("{}", fmt::join(incidents_from_, ", ")), !no_timing_);
}

}  // namespace heatgraph::cli
