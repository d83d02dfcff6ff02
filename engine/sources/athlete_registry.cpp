#include "sources/athlete_registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "heatgraph/identity.hpp"
#include "sources/name_index.hpp"

namespace heatgraph::detail {

namespace {

class Registry {
  public:
    explicit Registry(Event& event) : event_(event) {}

    // Stage by stage in running order: a name is matched against every skater of the earlier
    // stages (a repechage skater rejoins the quarterfinals two stages after the heats).
    RegistryStats assign() {
        std::unordered_set<AthleteId> seen;  // every skater of the earlier stages, in earlier_
        for (auto& round : event_.rounds) {
            std::unordered_set<AthleteId> in_round;
            for (auto& race : round.races) {
                race.field.clear();
                for (auto& row : race.results) {
                    row.athlete = resolve(row, race, in_round);
                    in_round.insert(row.athlete);
                    race.field.push_back(row.athlete);
                }
            }
            for (auto& race : round.races)
                for (const auto id : race.field)
                    if (seen.insert(id).second) earlier_.add(id, fold_name(event_.name_of(id)));
            previous_ = std::move(in_round);
        }
        return stats_;
    }

  private:
    AthleteId resolve(const Row& row, const Race& race,
                      const std::unordered_set<AthleteId>& taken) {
        if (!row.athlete_id.empty()) return resolve_by_id(row, race, taken);
        if (const auto it = by_spelling_.find(row.printed_name); it != by_spelling_.end()) {
            if (taken.count(it->second))
                warn(row, fmt::format("'{}' appears twice in one round ({})", row.printed_name,
                                      race.name));
            return it->second;
        }
        const auto key = fold_name(row.printed_name);
        if (const auto it = by_key_.find(key); it != by_key_.end() && !taken.count(it->second)) {
            warn(row, fmt::format("'{}' ({}) taken as '{}': the same name but for case, "
                                  "diacritics or punctuation",
                                  row.printed_name, race.name, event_.name_of(it->second)));
            return add_spelling(it->second, row.printed_name);
        }
        if (const auto typo = typo_of(key, taken)) {
            warn(row, fmt::format("'{}' ({}) taken as '{}' of {}: {} letter(s) differ",
                                  row.printed_name, race.name, event_.name_of(*typo),
                                  previous_.count(*typo) ? "the round before" : "an earlier stage",
                                  edit_distance(key, fold_name(event_.name_of(*typo)))));
            return add_spelling(*typo, row.printed_name);
        }
        const auto id = static_cast<AthleteId>(event_.athletes.size());
        event_.athletes.push_back(Athlete{row.printed_name, {}});
        id_of_.emplace_back();
        by_spelling_.emplace(row.printed_name, id);
        by_key_.emplace(key, id);
        return id;
    }

    // A source that identifies its athletes: one id, one skater. A spelling the id had not had
    // is an alias; a name already taken by another id is a namesake, told apart by the id.
    AthleteId resolve_by_id(const Row& row, const Race& race,
                            const std::unordered_set<AthleteId>& taken) {
        if (const auto it = by_id_.find(row.athlete_id); it != by_id_.end()) {
            const AthleteId id = it->second;
            if (taken.count(id))
                warn(row, fmt::format("'{}' (id {}) appears twice in one round ({})",
                                      row.printed_name, row.athlete_id, race.name));
            const auto& athlete = event_.athletes[id];
            if (row.printed_name != athlete.name &&
                std::find(athlete.aliases.begin(), athlete.aliases.end(), row.printed_name) ==
                    athlete.aliases.end()) {
                warn(row, fmt::format("'{}' ({}) is '{}': the same id {}", row.printed_name,
                                      race.name, athlete.name, row.athlete_id));
                add_spelling(id, row.printed_name);
            }
            return id;
        }
        if (const auto it = by_spelling_.find(row.printed_name); it != by_spelling_.end())
            warn(row,
                 fmt::format("'{}' ({}) has id {}, another skater of that name {}; told "
                             "apart by the id",
                             row.printed_name, race.name, row.athlete_id,
                             id_of_[it->second].empty() ? "has none" : "id " + id_of_[it->second]));
        const auto id = static_cast<AthleteId>(event_.athletes.size());
        event_.athletes.push_back(Athlete{row.printed_name, {}});
        id_of_.push_back(row.athlete_id);
        by_id_.emplace(row.athlete_id, id);
        by_spelling_.emplace(row.printed_name, id);
        by_key_.emplace(fold_name(row.printed_name), id);  // for a later row without an id
        return id;
    }

    // The unique skater of the earlier stages, not yet seen in this stage, whose folded name is
    // within typo tolerance of `key`. match_name decides, as it would over all those skaters:
    // the index leaves out only names beyond the tolerance, which match_name passes over (not
    // exact, not a variant, not a typo), so the answer is the same.
    std::optional<AthleteId> typo_of(const std::string& key,
                                     const std::unordered_set<AthleteId>& taken) {
        const auto folded = fold_name(key);  // match_name folds the name it is given
        if (folded.empty()) return std::nullopt;
        ++stats_.typo_searches;
        std::vector<std::string> names;
        std::vector<AthleteId> ids;
        for (const auto id : earlier_.candidates(folded, typo_tolerance(folded))) {
            if (taken.count(id)) continue;
            names.push_back(event_.name_of(id));
            ids.push_back(id);
        }
        stats_.names_compared += names.size();
        const auto match = match_name(key, names);
        if (!match || match->kind != MatchKind::typo) return std::nullopt;
        return ids[match->candidate];
    }

    AthleteId add_spelling(AthleteId id, const std::string& spelling) {
        event_.athletes[id].aliases.push_back(spelling);
        by_spelling_.emplace(spelling, id);
        return id;
    }

    void warn(const Row& row, std::string message) {
        event_.diagnostics.push_back({Severity::warning, row.line, std::move(message)});
    }

    Event& event_;
    std::unordered_map<std::string, AthleteId> by_spelling_;
    std::unordered_map<std::string, AthleteId> by_key_;
    std::unordered_map<std::string, AthleteId> by_id_;  // Row::athlete_id
    std::vector<std::string> id_of_;                    // per athlete: their id, or empty
    std::unordered_set<AthleteId> previous_;            // the skaters of the stage before
    NameIndex earlier_;                                 // the skaters of the earlier stages
    RegistryStats stats_;
};

}  // namespace

RegistryStats assign_athletes(Event& event) {
    return Registry(event).assign();
}

}  // namespace heatgraph::detail
