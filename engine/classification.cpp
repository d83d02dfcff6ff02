#include "heatgraph/classification.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace heatgraph {

namespace {

constexpr double none = std::numeric_limits<double>::max();

// Where an athlete raced, in running order.
struct Career {
    AthleteId athlete = -1;
    std::vector<const Row*> rows;  // one per race raced
    std::vector<const Race*> races;
    const Race* unraced_final = nullptr;  // a Final B awarded without racing
    int unraced_position = 0;             // their order in that final's field
};

std::map<AthleteId, Career> careers_of(const Event& event) {
    std::map<AthleteId, Career> careers;
    for (const auto& round : event.rounds)
        for (const auto& race : round.races) {
            for (const auto& row : race.results) {
                auto& c = careers[row.athlete];
                c.athlete = row.athlete;
                c.rows.push_back(&row);
                c.races.push_back(&race);
            }
            if (!race.raced)
                for (std::size_t k = 0; k < race.field.size(); ++k) {
                    auto& c = careers[race.field[k]];
                    c.athlete = race.field[k];
                    c.unraced_final = &race;
                    c.unraced_position = static_cast<int>(k);
                }
        }
    return careers;
}

bool carded(const Career& c) {
    return std::any_of(c.rows.begin(), c.rows.end(),
                       [](const Row* r) { return is_unranked(r->status); });
}

double unplaced_rank(Status status, UnplacedOrder order) {
    const bool no_start = status == Status::DNS || status == Status::DNF;
    switch (order) {
        case UnplacedOrder::equal:
            return 0;
        case UnplacedOrder::sanction_first:
            return no_start ? 1 : 0;
        case UnplacedOrder::no_start_first:
            return no_start ? 0 : 1;
    }
    return 0;
}

double best_time(const Career& c) {
    double best = none;
    for (const Row* r : c.rows)
        if (r->time) best = std::min(best, static_cast<double>(*r->time));
    return best;
}

double points_of(const Race& race, const Row& row, const ClassificationRule& rule) {
    if (!row.place) return 0;
    const int tied =
        static_cast<int>(std::count_if(race.results.begin(), race.results.end(),
                                       [&](const Row& r) { return r.place == row.place; }));
    return era_a_points(rule, *row.place, tied);
}

// The ordering key of a skater eliminated in `last` (their last race): smaller ranks higher.
std::vector<double> elimination_key(const Career& c, const ClassificationRule& rule) {
    const Row& last = *c.rows.back();
    const double placed = last.place ? 0 : 1;
    const double place = last.place ? *last.place : unplaced_rank(last.status, rule.unplaced_order);
    const double time = last.time ? static_cast<double>(*last.time) : none;
    switch (rule.era) {
        case Era::A: {
            double points = 0;
            for (std::size_t k = 0; k < c.rows.size(); ++k)
                points += points_of(*c.races[k], *c.rows[k], rule);
            return {placed, place, -points, time};
        }
        case Era::B: {
            std::vector<double> key{placed, place};
            for (std::size_t k = c.rows.size() - 1; k-- > 0;)
                key.push_back(c.rows[k]->place ? *c.rows[k]->place : none);
            key.resize(2 + 8, 0);  // earlier rounds, most recent first, padded alike
            key.push_back(best_time(c));
            return key;
        }
        case Era::world_skate:
            return {placed, time, place};
    }
    return {};
}

// Appends `group` to `out` in key order, tied keys sharing a rank.
void rank_group(std::vector<std::pair<std::vector<double>, Standing>> group, Classification& out,
                int& next_rank) {
    std::stable_sort(group.begin(), group.end(),
                     [](auto& a, auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < group.size(); ++k) {
        const bool tied = k > 0 && group[k].first == group[k - 1].first;
        auto standing = group[k].second;
        standing.rank = tied ? out.back().rank : std::optional<int>(next_rank);
        out.push_back(standing);
        ++next_rank;
    }
}

}  // namespace

const Standing* find_standing(const Classification& classification, AthleteId athlete) {
    for (const auto& s : classification)
        if (s.athlete == athlete) return &s;
    return nullptr;
}

double era_a_points(const ClassificationRule& rule, int place, int tied) {
    double sum = 0;
    for (int p = place; p < place + tied; ++p)
        if (p >= 1 && p <= static_cast<int>(rule.points.size())) sum += rule.points[p - 1];
    return tied > 0 ? sum / tied : 0;
}

Classification classify(const Event& replayed, const ClassificationRule& rule) {
    const auto careers = careers_of(replayed);
    Classification out;
    int next_rank = 1;
    const Round* finals =
        !replayed.rounds.empty() && replayed.rounds.back().kind == RoundKind::finals
            ? &replayed.rounds.back()
            : nullptr;
    using Group = std::vector<std::pair<std::vector<double>, Standing>>;
    std::vector<Group> unplaced_finalists;
    if (finals) {
        for (const auto& race : finals->races) {
            Group placed, unplaced;
            if (!race.raced) {
                for (std::size_t k = 0; k < race.field.size(); ++k)
                    placed.push_back({{static_cast<double>(k)}, {{}, race.field[k], race.name}});
            }
            for (const auto& row : race.results) {
                if (carded(careers.at(row.athlete))) continue;
                Standing s{{}, row.athlete, race.name};
                if (row.place)
                    placed.push_back({{static_cast<double>(*row.place)}, s});
                else
                    unplaced.push_back({{unplaced_rank(row.status, rule.unplaced_order)}, s});
            }
            rank_group(std::move(placed), out, next_rank);
            unplaced_finalists.push_back(std::move(unplaced));
        }
        if (rule.unplaced_finalists == UnplacedFinalists::b_before_a)
            std::reverse(unplaced_finalists.begin(), unplaced_finalists.end());
        for (auto& group : unplaced_finalists)
            rank_group(std::move(group), out, next_rank);
    }
    // Everyone else by the round they went out in, latest round first.
    const int last_round = static_cast<int>(replayed.rounds.size()) - (finals ? 2 : 1);
    for (int r = last_round; r >= 0; --r) {
        Group group;
        for (const auto& race : replayed.rounds[r].races)
            for (const auto& row : race.results) {
                const auto& c = careers.at(row.athlete);
                if (c.rows.back() != &row || c.unraced_final || carded(c)) continue;
                group.push_back({elimination_key(c, rule), {{}, row.athlete, race.name}});
            }
        rank_group(std::move(group), out, next_rank);
    }
    for (const auto& [id, c] : careers)
        if (carded(c)) out.push_back({std::nullopt, id, c.races.back()->name});
    return out;
}

}  // namespace heatgraph
