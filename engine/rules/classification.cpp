#include "heatgraph/classification.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "rules/classifier.hpp"
#include "rules/stage_graph.hpp"

namespace heatgraph {

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

Classification classify(const Event& replayed, const Format& format) {
    const detail::StageGraph graph(format);
    // The athletes' names are not needed: a sampled counterfactual event carries only rows.
    int athletes = static_cast<int>(replayed.athletes.size());
    for (const auto& round : replayed.rounds)
        for (const auto& race : round.races) {
            for (const auto& row : race.results)
                athletes = std::max(athletes, row.athlete + 1);
            for (auto a : race.field)
                athletes = std::max(athletes, a + 1);
        }
    std::vector<const Race*> races;
    std::vector<std::vector<detail::RaceResult>> careers(static_cast<std::size_t>(athletes));
    detail::ClassifierInput in;
    in.clear(athletes);
    in.results.clear();
    // Flatten: every race gets an id (its index in running order), every row a result; each
    // stage the level of the format's stage of that name (a stage the format lacks: by its
    // place in running order).
    int order = 0;
    for (int r = 0; r < static_cast<int>(replayed.rounds.size()); ++r) {
        const auto& round = replayed.rounds[r];
        const int s = format.stage_index(round.name);
        in.level.push_back(s >= 0 ? graph.level[s] : r);
        in.depth.push_back(s >= 0 ? graph.depth[s] : r);
        for (const auto& race : round.races) {
            const int id = static_cast<int>(races.size());
            races.push_back(&race);
            for (const auto& row : race.results) {
                const int tied = static_cast<int>(
                    std::count_if(race.results.begin(), race.results.end(),
                                  [&](const Row& x) { return row.place && x.place == row.place; }));
                careers.at(row.athlete)
                    .push_back({r, id, row.place.value_or(0), std::max(tied, 1), row.status,
                                row.time.value_or(detail::no_time), order++});
            }
            if (round.kind != StageKind::final && round.kind != StageKind::ranking) continue;
            detail::ClassifierInput::Final block{id, race.raced,
                                                 static_cast<int>(in.members.size()), 0};
            // A final not raced for want of skaters places them in the order they came; one
            // with a full field was raced, and the record lost it: they share its places.
            const auto* stage_rule = s >= 0 ? &format.stages[s] : nullptr;
            block.order_known = race.raced || static_cast<int>(race.field.size()) <
                                                  (stage_rule ? stage_rule->min_field : 2);
            if (race.raced)
                for (const auto& row : race.results)
                    in.members.push_back(row.athlete);
            else
                in.members.insert(in.members.end(), race.field.begin(), race.field.end());
            block.count = static_cast<int>(in.members.size()) - block.first;
            if (round.kind == StageKind::ranking) {
                block.level = in.level.back();
                block.last_race_first =
                    !stage_rule || stage_rule->ranking_order == RankingOrder::last_race_first;
            }
            in.finals.push_back(block);
        }
    }
    for (int a = 0; a < athletes; ++a) {
        in.first[a] = static_cast<int>(in.results.size());
        in.count[a] = static_cast<int>(careers[a].size());
        in.results.insert(in.results.end(), careers[a].begin(), careers[a].end());
    }
    std::vector<detail::FlatStanding> flat;
    detail::Classifier().run(in, format.classification, flat);
    Classification out;
    for (const auto& s : flat)
        out.push_back(
            {s.rank ? std::optional<int>(s.rank) : std::nullopt, s.athlete, races[s.race]->name});
    return out;
}

}  // namespace heatgraph
