#include "app.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "heatgraph/heatgraph.hpp"
#include "text_report.hpp"

namespace heatgraph::cli {

namespace {

struct Options {
    std::string event;
    std::string format;
    std::string athlete;
    bool json = false;
    bool dot = false;
};

// Input the user can fix: reported as file:line: message, exit code 2.
struct InvalidInput {
    Error error;
};

Replay load_and_replay(const Options& o) {
    auto event = load_event(o.event);
    if (!event) throw InvalidInput{event.error()};
    if (o.format.empty()) return replay(*event);
    auto format = load_format(o.format);
    if (!format) throw InvalidInput{format.error()};
    return replay(*event, *format);
}

void add_event_options(CLI::App& command, Options& o, bool with_json = true) {
    command.add_option("EVENT", o.event, "results article (text) or heatgraph JSON export")
        ->required();
    command.add_option("--format", o.format,
                       "format file (TOML); inferred from the event if omitted");
    if (with_json) command.add_flag("--json", o.json, "machine-readable output");
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"heatgraph: replay, explain and what-if heat-based elimination events"};
    app.require_subcommand(1);
    Options o;

    auto* replay_cmd =
        app.add_subcommand("replay", "classification and every advancement explained");
    add_event_options(*replay_cmd, o);
    auto* explain_cmd =
        app.add_subcommand("explain", "one athlete's path, race by race, with reasons");
    add_event_options(*explain_cmd, o);
    explain_cmd
        ->add_option("ATHLETE", o.athlete,
                     "athlete name (case, diacritics and small typos tolerated)")
        ->required();
    auto* graph_cmd =
        app.add_subcommand("graph", "the progression graph: races and the channels taken");
    add_event_options(*graph_cmd, o, false);
    graph_cmd->add_flag("--dot", o.dot, "Graphviz output");
    auto* format_cmd =
        app.add_subcommand("format", "the format (TOML) a replay uses for the event");
    add_event_options(*format_cmd, o, false);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e, out, err);
        return code == 0 ? ok : usage;
    }

    try {
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
