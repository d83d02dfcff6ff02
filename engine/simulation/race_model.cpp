#include "heatgraph/race_model.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <Eigen/Dense>
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "heatgraph/identity.hpp"
#include "rules/advancement.hpp"

namespace heatgraph {

namespace {

// One choice of the Plackett–Luce decomposition of a finishing order: `winner` finished ahead
// of everyone in `members` (the winner included) who was still racing for that place.
struct Stage {
    int winner = 0;
    int begin = 0, end = 0;  // the members' range in Stages::members
};

struct Stages {
    std::vector<int> members;
    std::vector<Stage> stages;
    int orders = 0;
};

// Each athlete's id in the source (a table's ISU ID), empty when none.
std::vector<std::string> athlete_ids(const Event& event) {
    std::vector<std::string> ids(event.athletes.size());
    for (const auto& round : event.rounds)
        for (const auto& race : round.races)
            for (const auto& row : race.results)
                if (row.athlete >= 0 && ids[row.athlete].empty()) ids[row.athlete] = row.athlete_id;
    return ids;
}

// Every athlete of every event as a pooled skater, matched across events by their id where
// the sources give one, else by name. An athlete with an id is matched by name only against
// skaters without one (a namesake with another id is another skater), so that pooling a
// season of tables does not compare every name with every other.
std::vector<std::string> pool_athletes(const std::vector<Event>& events, RaceModel& model) {
    std::vector<std::string> names, ids;  // per pooled skater
    std::unordered_map<std::string, int> by_id;
    std::vector<std::string> unidentified;  // names of the pooled skaters without an id
    std::vector<int> unidentified_index;
    for (std::size_t e = 0; e < events.size(); ++e) {
        const auto& event = events[e];
        model.events.push_back(event.source);
        auto& of = model.skater_of.emplace_back(event.athletes.size(), -1);
        const auto id_of = athlete_ids(event);
        // Only skaters of earlier events are candidates, each for one athlete of this event:
        // the event's own reader already told its athletes apart. Its new skaters join the
        // pool after it (`fresh`), so the candidates are the pool as it stands.
        std::vector<std::pair<std::string, std::string>> fresh;  // name, id
        std::vector<char> taken(names.size(), 0);
        for (std::size_t a = 0; a < event.athletes.size(); ++a) {
            const auto& name = event.athletes[a].name;
            const auto& id = id_of[a];
            if (const auto it = by_id.find(id); !id.empty() && it != by_id.end()) {
                of[a] = it->second;
                if (it->second < static_cast<int>(taken.size())) taken[it->second] = 1;
                continue;
            }
            std::optional<int> match;
            std::optional<NameMatch> how;
            if (id.empty()) {
                how = match_name(name, names);
                if (how) match = how->candidate;
            } else if (!unidentified.empty()) {
                how = match_name(name, unidentified);
                if (how) match = unidentified_index[how->candidate];
            }
            // Taken by another athlete of this event, or since given another id.
            if (match && (taken[*match] || (!id.empty() && !ids[*match].empty()))) match.reset();
            if (!match) {
                of[a] = static_cast<int>(names.size() + fresh.size());
                if (!id.empty()) by_id.emplace(id, of[a]);
                fresh.emplace_back(name, id);
                continue;
            }
            taken[*match] = 1;
            of[a] = *match;
            if (!id.empty() && ids[*match].empty()) {
                ids[*match] = id;
                by_id.emplace(id, *match);
            }
            if (how->kind != MatchKind::exact)
                model.notes.push_back({Severity::warning, 0,
                                       fmt::format("'{}' of {} taken as '{}' of an earlier event",
                                                   name, event.source, names[*match])});
        }
        for (auto& [name, id] : fresh) {
            if (id.empty()) {
                unidentified.push_back(name);
                unidentified_index.push_back(static_cast<int>(names.size()));
            }
            names.push_back(std::move(name));
            ids.push_back(std::move(id));
        }
    }
    return names;
}

// The placed skaters of a race in finishing order (a dead heat in row order).
std::vector<const Row*> finishing_order(const Race& race) {
    std::vector<const Row*> placed;
    for (const auto& row : race.results)
        if (detail::can_qualify(row)) placed.push_back(&row);
    std::stable_sort(placed.begin(), placed.end(),
                     [](const Row* a, const Row* b) { return *a->place < *b->place; });
    return placed;
}

// The stages of every finishing order, and how many orders each skater is placed in.
Stages stages_of(const std::vector<Event>& events, const RaceModel& model,
                 std::vector<int>& races) {
    Stages out;
    for (std::size_t e = 0; e < events.size(); ++e)
        for (const auto& round : events[e].rounds)
            for (const auto& race : round.races) {
                const auto order = finishing_order(race);
                if (order.size() < 2) continue;
                ++out.orders;
                for (const Row* row : order)
                    ++races[model.skater_of[e][row->athlete]];
                for (std::size_t k = 0; k + 1 < order.size(); ++k) {
                    Stage stage{model.skater_of[e][order[k]->athlete],
                                static_cast<int>(out.members.size()), 0};
                    for (std::size_t m = k; m < order.size(); ++m)
                        out.members.push_back(model.skater_of[e][order[m]->athlete]);
                    stage.end = static_cast<int>(out.members.size());
                    out.stages.push_back(stage);
                }
            }
    return out;
}

// Maximum likelihood exists iff the "finished ahead of" graph is strongly connected
// (Hunter 2004, assumption 1). Error naming the skaters of a group that never lost to (or
// never beat) anyone outside it.
std::optional<std::string> ml_fit_missing(const Stages& s, const std::vector<int>& fitted,
                                          const std::vector<std::string>& names) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph beat(names.size());
    for (const auto& stage : s.stages)
        for (int k = stage.begin; k < stage.end; ++k)
            if (s.members[k] != stage.winner) boost::add_edge(stage.winner, s.members[k], beat);
    std::vector<int> component(names.size());
    const int count = boost::strong_components(beat, component.data());
    std::vector<int> used;
    for (int i : fitted)
        used.push_back(component[i]);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    if (used.size() <= 1 || count <= 1) return std::nullopt;
    // Report the group that leads the order: strong components come out in reverse
    // topological order, so the highest number beat the others and never lost to them.
    std::vector<std::string> top;
    for (int i : fitted)
        if (component[i] == used.back()) top.push_back(names[i]);
    const auto more = top.size() > 3 ? fmt::format(" and {} more", top.size() - 3) : "";
    top.resize(std::min<std::size_t>(top.size(), 3));
    return fmt::format(
        "the maximum-likelihood fit does not exist: the skaters fall into {} groups "
        "that are not all beaten by one another (e.g. {}{} never finished behind a "
        "skater outside their group); use a prior above 0",
        used.size(), fmt::join(top, ", "), more);
}

// The connected groups of the fitted skaters (indices into `names`, each group in the order of
// `order`, the largest group first, ties by their first skater in `order`): two skaters placed
// in one finishing order are connected.
std::vector<std::vector<int>> connected_groups(const Stages& s, const std::vector<int>& order,
                                               std::size_t skaters) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph raced(skaters);
    for (const auto& stage : s.stages)
        for (int k = stage.begin; k < stage.end; ++k)
            if (s.members[k] != stage.winner) boost::add_edge(stage.winner, s.members[k], raced);
    std::vector<int> component(skaters);
    boost::connected_components(raced, component.data());
    std::vector<std::vector<int>> groups;
    std::vector<int> group_of(skaters, -1);  // per component
    for (int i : order) {
        auto& g = group_of[component[i]];
        if (g < 0) {
            g = static_cast<int>(groups.size());
            groups.emplace_back();
        }
        groups[g].push_back(i);
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return groups;
}

// "a, b and c".
std::string listed(const std::vector<std::string>& items) {
    if (items.size() < 2) return fmt::format("{}", fmt::join(items, ""));
    const std::vector<std::string> head(items.begin(), items.end() - 1);
    return fmt::format("{} and {}", fmt::join(head, ", "), items.back());
}

// The warning that the skaters fall into separate groups: how many, their sizes and the
// strongest of each.
Diagnostic groups_warning(const std::vector<std::vector<std::string>>& groups) {
    std::vector<std::string> sizes, strongest;
    for (const auto& g : groups) {
        sizes.push_back(std::to_string(g.size()));
        strongest.push_back(g.front());
    }
    return {Severity::warning, 0,
            fmt::format("the skaters fall into {} groups that no shared race connects, of {} "
                        "skaters (the strongest of each: {}): a strength compares with another "
                        "group's only through the prior, not through racing",
                        groups.size(), listed(sizes), listed(strongest))};
}

// MM iterations (Hunter 2004; with the Gamma prior, Caron & Doucet 2012) on log-worths.
int fit_worths(const Stages& s, const std::vector<int>& fitted, double prior,
               const FitOptions& options, std::vector<double>& worth) {
    const std::size_t n = worth.size();
    std::vector<double> wins(n, 0), exposure(n);
    for (const auto& stage : s.stages)
        wins[stage.winner] += 1;
    int iteration = 0;
    for (; iteration < options.max_iterations; ++iteration) {
        std::fill(exposure.begin(), exposure.end(), 0.0);
        for (const auto& stage : s.stages) {
            double total = 0;
            for (int k = stage.begin; k < stage.end; ++k)
                total += worth[s.members[k]];
            for (int k = stage.begin; k < stage.end; ++k)
                exposure[s.members[k]] += 1 / total;
        }
        double change = 0;
        for (int i : fitted) {
            const double updated = (prior + wins[i]) / (prior + exposure[i]);
            change = std::max(change, std::abs(std::log(updated / worth[i])));
            worth[i] = updated;
        }
        if (prior == 0) {  // only ratios are identified: keep the geometric mean at 1
            double mean_log = 0;
            for (int i : fitted)
                mean_log += std::log(worth[i]);
            mean_log /= static_cast<double>(fitted.size());
            for (int i : fitted)
                worth[i] /= std::exp(mean_log);
        }
        if (change < options.tolerance) return iteration + 1;
    }
    return iteration;
}

double log_likelihood(const Stages& s, const std::vector<double>& worth) {
    double ll = 0;
    for (const auto& stage : s.stages) {
        double total = 0;
        for (int k = stage.begin; k < stage.end; ++k)
            total += worth[s.members[k]];
        ll += std::log(worth[stage.winner] / total);
    }
    return ll;
}

// The covariance of the centred log-worths, in the order of `fitted`: the observed information
// of the log posterior in log-worth, inverted (pseudo-inverted: with prior 0 it is singular
// along "all equal"), then projected onto the centred strengths.
Eigen::MatrixXd centred_covariance(const Stages& s, const std::vector<int>& fitted, double prior,
                                   const std::vector<double>& worth) {
    const auto n = static_cast<Eigen::Index>(fitted.size());
    std::vector<int> column(worth.size(), -1);
    for (Eigen::Index k = 0; k < n; ++k)
        column[fitted[k]] = static_cast<int>(k);
    Eigen::MatrixXd information = Eigen::MatrixXd::Zero(n, n);
    for (const auto& stage : s.stages) {
        double total = 0;
        for (int k = stage.begin; k < stage.end; ++k)
            total += worth[s.members[k]];
        for (int a = stage.begin; a < stage.end; ++a) {
            const double pa = worth[s.members[a]] / total;
            const int i = column[s.members[a]];
            information(i, i) += pa;
            for (int b = stage.begin; b < stage.end; ++b)
                information(i, column[s.members[b]]) -= pa * worth[s.members[b]] / total;
        }
    }
    for (Eigen::Index k = 0; k < n; ++k)
        information(k, k) += prior * worth[fitted[k]];
    const Eigen::MatrixXd covariance =
        information.completeOrthogonalDecomposition().pseudoInverse();
    const Eigen::MatrixXd centre =
        Eigen::MatrixXd::Identity(n, n) - Eigen::MatrixXd::Constant(n, n, 1.0 / double(n));
    return centre * covariance * centre;
}

// A square root F of the covariance (F Fᵀ = covariance), rows and columns in the order
// `order` gives (indices into the covariance), row-major: the posterior draw of the strengths
// is strength + F z for z standard normal. From the eigen-decomposition, as the covariance is
// only semi-definite (centred).
std::vector<double> square_root(const Eigen::MatrixXd& covariance, const std::vector<int>& order) {
    const auto n = static_cast<Eigen::Index>(order.size());
    Eigen::MatrixXd permuted(n, n);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
            permuted(i, j) = covariance(order[i], order[j]);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(permuted);
    const Eigen::MatrixXd root =
        eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
    std::vector<double> out(static_cast<std::size_t>(n * n));
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
            out[static_cast<std::size_t>(i * n + j)] = root(i, j);
    return out;
}

}  // namespace

double RaceModel::worth(int event, AthleteId athlete) const {
    const int i = skater_of.at(event).at(athlete);
    return i < 0 ? 1.0 : std::exp(skaters[i].strength);
}

Result<RaceModel> fit_race_model(const std::vector<Event>& events, const FitOptions& options) {
    const std::string source = events.empty() ? std::string() : events.front().source;
    if (!(options.prior >= 0) || !std::isfinite(options.prior))
        return Error{source, 0, fmt::format("the prior must be 0 or more, not {}", options.prior)};
    RaceModel model;
    model.prior = options.prior;
    const auto names = pool_athletes(events, model);
    std::vector<int> races(names.size(), 0);
    const auto stages = stages_of(events, model, races);
    model.orders = stages.orders;

    std::vector<int> fitted;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (races[i] > 0) fitted.push_back(static_cast<int>(i));
    if (fitted.empty()) return Error{source, 0, "no race has two placed skaters: nothing to fit"};
    if (options.prior == 0)
        if (auto missing = ml_fit_missing(stages, fitted, names)) return Error{source, 0, *missing};

    std::vector<double> worth(names.size(), 1.0);
    model.iterations = fit_worths(stages, fitted, options.prior, options, worth);
    model.log_likelihood = log_likelihood(stages, worth);
    const auto covariance = centred_covariance(stages, fitted, options.prior, worth);

    double mean_log = 0;
    for (int i : fitted)
        mean_log += std::log(worth[i]);
    mean_log /= static_cast<double>(fitted.size());
    std::vector<int> order = fitted;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return worth[a] > worth[b]; });
    std::vector<int> index_of(names.size(), -1), column(names.size(), -1), columns;
    for (std::size_t k = 0; k < fitted.size(); ++k)
        column[fitted[k]] = static_cast<int>(k);
    for (int i : order) {
        index_of[i] = static_cast<int>(model.skaters.size());
        const double variance = std::max(0.0, covariance(column[i], column[i]));
        model.skaters.push_back(
            {names[i], std::log(worth[i]) - mean_log, std::sqrt(variance), races[i]});
        columns.push_back(column[i]);
    }
    model.posterior_root = square_root(covariance, columns);
    for (auto& of : model.skater_of)
        for (auto& i : of)
            i = index_of[i];
    if (const auto groups = connected_groups(stages, order, names.size()); groups.size() > 1) {
        for (const auto& group : groups) {
            auto& named = model.groups.emplace_back();
            for (int i : group)
                named.push_back(names[i]);
        }
        model.notes.push_back(groups_warning(model.groups));
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (races[i] == 0) {
            model.unplaced.push_back(names[i]);
            model.notes.push_back({Severity::warning, 0,
                                   fmt::format("{} has no finishing order with another placed "
                                               "skater: not fitted (an average skater when drawn)",
                                               names[i])});
        }
    return model;
}

double plackett_luce_probability(const std::vector<double>& worths, const std::vector<int>& top) {
    double remaining = std::accumulate(worths.begin(), worths.end(), 0.0);
    double p = 1;
    for (int i : top) {
        p *= worths.at(i) / remaining;
        remaining -= worths[i];
    }
    return p;
}

}  // namespace heatgraph
