#include "app.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <limits>
#include <ostream>

#include "heatgraph/heatgraph.hpp"
#include "number_options.hpp"
#include "simulate_command.hpp"
#include "text_report.hpp"

namespace heatgraph::cli {

namespace {

struct Options {
    std::vector<std::string> event;  // files: an article, a JSON export, or tables
    std::string event_filter;        // --event: which event of the tables
    bool all = false;                // replay --all: every event of the tables
    std::string format;
    std::string athlete;
    bool json = false;
    bool dot = false;
    // whatif
    std::string scenario;
    std::vector<std::pair<RulingKind, std::vector<std::string>>> rulings;
    std::string card;
    WhatIfOptions whatif;
    // fit
    double prior = FitOptions{}.prior;
    bool whatif_samples_given = false;  // the command line overrides the scenario
    bool whatif_seed_given = false;
};

Event load_one_event(const Options& o) {
    auto event = load_event(o.event, o.event_filter);
    if (!event) throw InvalidInput{event.error()};
    return std::move(event).value();
}

Replay replay_under(const Event& event, const Options& o) {
    if (o.format.empty()) return replay(event);
    auto format = load_format(o.format);
    if (!format) throw InvalidInput{format.error()};
    return replay(event, *format);
}

Replay load_and_replay(const Options& o) {
    return replay_under(load_one_event(o), o);
}

// Every event of the files that --event names (all without it).
std::vector<Event> load_named_events(const Options& o) {
    auto events = load_events(o.event);
    if (!events) throw InvalidInput{events.error()};
    auto named = select_events(std::move(*events), o.event_filter);
    if (!named) throw InvalidInput{named.error()};
    return std::move(named).value();
}

// replay --all: every event of the files, one report (or one line of JSON) each.
std::string replay_all(const Options& o) {
    std::string out;
    for (const auto& event : load_named_events(o)) {
        const auto result = replay_under(event, o);
        out += o.json ? replay_to_json(result, -1) : replay_report(result) + "\n";
    }
    return out;
}

constexpr const char* event_filter_help =
    "which event of the tables: words of its title (\"Calgary 500m\")";

// EVENT (at least `least` words: explain's last is the athlete) and --event.
void add_event_files(CLI::App& command, Options& o, const std::string& help, int least = 1) {
    auto* files = command.add_option("EVENT", o.event, help)->required();
    if (least > 1) files->expected(least, std::numeric_limits<int>::max());
    command.add_option("--event", o.event_filter, event_filter_help);
}

constexpr const char* event_help =
    "results article, heatgraph JSON export, or result tables (CSV/TSV; several files are "
    "read as one table)";

void add_event_options(CLI::App& command, Options& o, bool with_json = true,
                       const std::string& help = event_help, int least = 1) {
    add_event_files(command, o, help, least);
    command.add_option("--format", o.format,
                       "format file (TOML); inferred from the event if omitted");
    if (with_json) command.add_flag("--json", o.json, "machine-readable output");
}

// Every ruling of the command line, in kind order, then in the order given.
std::vector<Ruling> command_line_rulings(const Options& o) {
    std::vector<Ruling> rulings;
    for (const auto& [kind, texts] : o.rulings)
        for (const auto& text : texts) {
            auto ruling = parse_ruling(kind, text, kind == RulingKind::penalize ? o.card : "");
            if (!ruling) throw InvalidInput{ruling.error()};
            rulings.push_back(std::move(ruling).value());
        }
    return rulings;
}

WhatIf run_whatif(Options o) {
    std::vector<Ruling> rulings;
    std::string format_path = o.format;
    if (!o.scenario.empty()) {
        auto scenario = load_scenario(o.scenario);
        if (!scenario) throw InvalidInput{scenario.error()};
        if (o.event.empty()) o.event = {scenario->event_path()};
        if (format_path.empty()) format_path = scenario->format_path();
        rulings = scenario->rulings;
        if (scenario->samples && !o.whatif_samples_given) o.whatif.samples = *scenario->samples;
        if (scenario->seed && !o.whatif_seed_given) o.whatif.seed = *scenario->seed;
        o.whatif.incidents = o.whatif.incidents || scenario->incidents;
    }
    if (o.event.empty())
        throw InvalidInput{{"", 0, "whatif needs an EVENT or a --scenario that names one"}};
    const auto more = command_line_rulings(o);
    rulings.insert(rulings.end(), more.begin(), more.end());
    if (rulings.empty() && format_path.empty())
        throw InvalidInput{{"", 0,
                            "whatif needs a ruling (--penalize, --rescind, --advance, "
                            "--revoke-advance, --dns, --time, --redraw), a --format or a "
                            "--scenario"}};
    const auto event = load_one_event(o);
    std::optional<Format> format;
    if (!format_path.empty()) {
        auto loaded = load_format(format_path);
        if (!loaded) throw InvalidInput{loaded.error()};
        format = std::move(loaded).value();
    }
    auto result = what_if(event, rulings, format, o.whatif);
    if (!result) throw InvalidInput{result.error()};
    return std::move(result).value();
}

RaceModel run_fit(const Options& o) {
    const auto events = load_named_events(o);
    auto model = fit_race_model(events, FitOptions{o.prior});
    if (!model) throw InvalidInput{model.error()};
    return std::move(model).value();
}

void add_whatif_options(CLI::App& command, Options& o) {
    command.add_option("EVENT", o.event,
                       "results article, JSON export or result tables (optional with a "
                       "--scenario naming one)");
    command.add_option("--event", o.event_filter, event_filter_help);
    command.add_option("--scenario", o.scenario, "scenario file (TOML) of scenarios/whatif/");
    command.add_option("--format", o.format, "replay the event under this format (TOML)");
    const std::pair<RulingKind, const char*> kinds[] = {
        {RulingKind::penalize, "ATHLETE@RACE: a penalty (PEN; see --card)"},
        {RulingKind::rescind, "ATHLETE@RACE=PLACE[,TIME]: a penalty removed, reinstated at PLACE"},
        {RulingKind::advance, "ATHLETE@RACE: a referee advancement to the next round"},
        {RulingKind::revoke_advance, "ATHLETE@RACE: a referee advancement taken back"},
        {RulingKind::dns, "ATHLETE@RACE: did not start"},
        {RulingKind::time, "ATHLETE@RACE=1:23.456: the time changed"},
        {RulingKind::redraw, "RACE: the race run again, drawn from the race model"}};
    o.rulings.reserve(std::size(kinds));
    for (const auto& [kind, help] : kinds) {
        auto& texts = o.rulings.emplace_back(kind, std::vector<std::string>{}).second;
        command.add_option(fmt::format("--{}", to_string(kind)), texts, help)
            ->allow_extra_args(false);
    }
    command.add_option("--card", o.card, "with --penalize: a yellow or red card")
        ->check(CLI::IsMember({"yellow", "red"}));
    command
        .add_option("--samples", o.whatif.samples, "Monte Carlo samples when a race is re-drawn")
        ->check(whole_from(1, max_samples))
        ->capture_default_str();
    command.add_option("--seed", o.whatif.seed, "random seed (same seed, same answer)")
        ->check(seed_number())
        ->capture_default_str();
    command
        .add_option("--threads", o.whatif.threads,
                    "threads (0: one per core, the most used); the answer does not depend on it")
        ->check(whole_from(0, max_threads_option))
        ->capture_default_str();
    command.add_flag(
        "--incidents", o.whatif.incidents,
        "newcomers to a race may be penalised or fail to finish, at the event's rates");
    command.add_option("--prior", o.whatif.prior, "race model prior (see `fit`)")
        ->check(number_from(0, max_prior_option))
        ->capture_default_str();
    command.add_flag("--fixed-strengths", o.whatif.fixed_strengths,
                     "draw every sample with the fitted strengths as if known (by default each "
                     "sample draws them from the fit's posterior, so the answer carries the "
                     "model's uncertainty)");
    command.add_flag("--json", o.json, "machine-readable output");
}

// The metrics of `simulate` and `compare`, defined.
std::string metrics_help() {
    std::string out = "Metrics:\n";
    for (const auto& m : simulation_metrics())
        out += fmt::format("  {:<32}{}\n", m.label, m.meaning);
    return out;
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"heatgraph: replay, explain and what-if heat-based elimination events"};
    app.require_subcommand(1);
    Options o;

    auto* replay_cmd =
        app.add_subcommand("replay", "classification and every advancement explained");
    add_event_options(*replay_cmd, o);
    replay_cmd->footer(
        "Example:\n  heatgraph replay scenarios/events/olympics-2022-men-1000m.txt\n"
        "  heatgraph replay results.csv --event \"Calgary 500m\" --json");
    replay_cmd->add_flag("--all", o.all,
                         "every event of the tables (with --json: one object per line)");
    auto* explain_cmd =
        app.add_subcommand("explain", "one athlete's path, race by race, with reasons");
    // EVENT... ATHLETE: the files, then the name (split after parsing: CLI11 gives a list of
    // positionals before a single one all the words).
    add_event_options(*explain_cmd, o, true,
                      fmt::format("EVENT... ATHLETE: {}; then the athlete's name (case, "
                                  "diacritics and small typos tolerated)",
                                  event_help),
                      2);
    explain_cmd->footer(
        "Example:\n  heatgraph explain scenarios/events/olympics-2022-men-1000m.txt Daeheon Hwang");
    auto* graph_cmd =
        app.add_subcommand("graph", "the progression graph: races and the channels taken");
    add_event_options(*graph_cmd, o, false);
    graph_cmd->add_flag("--dot", o.dot, "Graphviz output");
    graph_cmd->footer(
        "Example:\n  heatgraph graph scenarios/events/olympics-2022-men-1000m.txt --dot | dot "
        "-Tsvg > 2022.svg");
    auto* format_cmd =
        app.add_subcommand("format", "the format (TOML) a replay uses for the event");
    add_event_options(*format_cmd, o, false);
    format_cmd->footer(
        "Example:\n  heatgraph format scenarios/events/olympics-2006-men-1000m.txt > 2006.toml");
    auto* whatif_cmd = app.add_subcommand(
        "whatif", "the event under alternative rulings: exact, or place probabilities");
    add_whatif_options(*whatif_cmd, o);
    whatif_cmd->footer(
        "Examples:\n"
        "  heatgraph whatif scenarios/events/olympics-2022-men-1000m.txt --rescind \"Daeheon "
        "Hwang@SF1=1\"\n"
        "  heatgraph whatif --scenario "
        "scenarios/whatif/2022-hwang-semifinal-penalty-rescinded.toml --json\n"
        "RACE as the event names it or as people write it (Semifinal 1, SF1, semi 1, QF4, FA);\n"
        "ATHLETE in either word order, small typos tolerated.");
    auto* fit_cmd =
        app.add_subcommand("fit", "Plackett–Luce strengths of the skaters of one or more events");
    add_event_files(*fit_cmd, o, "results articles, JSON exports or result tables, pooled");
    fit_cmd
        ->add_option("--prior", o.prior,
                     "Gamma(1 + prior, prior) prior on each worth; 0: maximum likelihood")
        ->check(number_from(0, max_prior_option))
        ->capture_default_str();
    fit_cmd->add_flag("--json", o.json, "machine-readable output");
    fit_cmd->footer("Example:\n  heatgraph fit scenarios/events/olympics-20*.txt");
    SimulateCommand simulation;
    auto* simulate_cmd = app.add_subcommand(
        "simulate", "many whole events of one field under a format: metrics and per skater");
    simulation.add_options(*simulate_cmd, false);
    simulate_cmd->footer(
        "Example:\n  heatgraph simulate --format scenarios/formats/isu-2022-2026.toml --skaters "
        "32 --runs 100000\n" +
        metrics_help());
    auto* compare_cmd =
        app.add_subcommand("compare", "formats on the same simulated events, differences paired");
    simulation.add_options(*compare_cmd, true);
    compare_cmd->footer(
        "Example:\n  heatgraph compare --formats "
        "scenarios/formats/isu-2002.toml,scenarios/formats/isu-2022-2026.toml --skaters 32\n" +
        metrics_help() +
        "Each metric's difference to the first format has the standard error of the paired\n"
        "difference: every format runs the same events (common random numbers).");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e, out, err);
        return code == 0 ? ok : usage;
    }

    try {
        if (*whatif_cmd) {
            o.whatif_samples_given = whatif_cmd->count("--samples") > 0;
            o.whatif_seed_given = whatif_cmd->count("--seed") > 0;
            note_thread_cap(o.whatif.threads, err);
            const auto result = run_whatif(o);
            out << (o.json ? whatif_to_json(result) : whatif_report(result));
            return ok;
        }
        if (*simulate_cmd || *compare_cmd) {
            out << simulation.run(err);
            return ok;
        }
        if (*fit_cmd) {
            const auto model = run_fit(o);
            out << (o.json ? race_model_to_json(model) : race_model_report(model));
            return ok;
        }
        if (*replay_cmd && o.all) {
            out << replay_all(o);
            return ok;
        }
        if (*explain_cmd) {
            o.athlete = o.event.back();
            o.event.pop_back();
        }
        const auto result = load_and_replay(o);
        if (*replay_cmd) {
            out << (o.json ? replay_to_json(result) : replay_report(result));
        } else if (*explain_cmd) {
            const auto path = athlete_path(result, o.athlete);
            if (!path) throw InvalidInput{path.error()};
            const auto& found = result.event.name_of(path->front().row.athlete);
            if (found != o.athlete)
                err << fmt::format("heatgraph: '{}' taken as '{}'\n", o.athlete, found);
            out << (o.json ? path_to_json(result, *path) : path_report(result, *path));
        } else if (*graph_cmd) {
            out << (o.dot ? ProgressionGraph::of(result.event).to_dot() : channels_report(result));
        } else if (*format_cmd) {
            out << format_to_toml(result.format);
        }
        return ok;
    } catch (const InvalidInput& e) {
        err << "heatgraph: " << e.error.describe() << "\n";
        return invalid_input;
    } catch (const std::exception& e) {
        err << "heatgraph: internal error: " << e.what() << "\n";
        return internal;
    }
}

}  // namespace heatgraph::cli
