#include "heatgraph/event.hpp"

#include <algorithm>
#include <array>

#include "heatgraph/identity.hpp"

namespace heatgraph {

namespace {

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view text) {
    const auto it = std::find(names.begin(), names.end(), text);
    if (it == names.end()) return std::nullopt;
    return static_cast<Enum>(it - names.begin());
}

constexpr std::array<std::string_view, 9> status_names{
    "finished", "no_time", "PEN", "DQ", "YC", "RC", "DNS", "DNF", "unplaced"};
constexpr std::array<std::string_view, 17> reason_names{
    "Q",  "q",  "ADV", "QA",   "QB",   "qA",   "ADVA",      "QC",     "QD",
    "qB", "qC", "qD",  "ADVB", "ADVC", "ADVD", "repechage", "ranking"};
constexpr std::array<std::string_view, 9> stage_kind_names{
    "preliminary", "heat",  "repechage", "eighth-final", "quarterfinal",
    "semifinal",   "final", "ranking",   "other"};

}  // namespace

std::string_view to_string(Status status) {
    return status_names.at(static_cast<int>(status));
}
std::optional<Status> status_from_string(std::string_view text) {
    return lookup<Status>(status_names, text);
}

std::string_view to_string(Reason reason) {
    return reason_names.at(static_cast<int>(reason));
}
std::string_view to_string(ReasonSource source) {
    return source == ReasonSource::recorded ? "recorded" : "inferred";
}
std::optional<Reason> reason_from_string(std::string_view text) {
    if (text == "ADA") return Reason::ADVA;
    if (text == "ADB") return Reason::ADVB;
    return lookup<Reason>(reason_names, text);
}

Way way_of(Reason reason) {
    if (reason == Reason::repechage) return Way::repechage;
    if (reason == Reason::ranking) return Way::ranking;
    const auto name = to_string(reason);
    if (name.starts_with("ADV")) return Way::referee;
    return name.front() == 'q' ? Way::time : Way::place;
}

namespace {
std::string_view way_prefix(Way way) {
    return way == Way::place ? "Q" : way == Way::time ? "q" : "ADV";
}
}  // namespace

char final_of(Reason reason) {
    const auto way = way_of(reason);
    if (way == Way::repechage || way == Way::ranking) return 0;
    const auto name = to_string(reason);
    return name.size() > way_prefix(way).size() ? name.back() : 0;
}

Reason reason_of(Way way, char final) {
    if (way == Way::repechage) return Reason::repechage;
    if (way == Way::ranking) return Reason::ranking;
    std::string name(way_prefix(way));
    if (final >= 'A' && final <= 'D') name += final;
    return *lookup<Reason>(reason_names, name);  // every way has all four letters
}

std::string_view to_string(Entry entry) {
    return entry == Entry::direct ? "direct" : "unknown";
}

std::string_view to_string(StageKind kind) {
    return stage_kind_names.at(static_cast<int>(kind));
}
std::optional<StageKind> stage_kind_from_string(std::string_view text) {
    return lookup<StageKind>(stage_kind_names, text);
}

bool Row::has_mark(std::string_view mark) const {
    return std::find(marks.begin(), marks.end(), mark) != marks.end();
}

bool Row::advanced_by_referee() const {
    return advance && way_of(advance->reason) == Way::referee;
}

std::optional<std::string> EventInfo::field(std::string_view key) const {
    for (const auto& [k, v] : infobox)
        if (k == key) return v;
    return std::nullopt;
}

namespace {

// Every word of `part` is a word of `name`: "Bradbury" is part of "Steven Bradbury".
bool names_part_of(std::string_view part, std::string_view name) {
    const auto words = folded_words(name);
    const auto wanted = folded_words(part);
    return !wanted.empty() && std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
        return std::find(words.begin(), words.end(), w) != words.end();
    });
}

// The `count` names of `names` nearest to `wanted`, by folded edit distance to the whole name
// or to any one of its words (a surname alone).
std::vector<std::string> nearest(std::string_view wanted, const std::vector<std::string>& names,
                                 std::size_t count) {
    std::vector<std::pair<int, std::string>> near;
    const auto key = fold_name(wanted);
    for (const auto& name : names) {
        int d = edit_distance(key, fold_name(name));
        for (const auto& word : folded_words(name))
            d = std::min(d, edit_distance(key, word));
        near.emplace_back(d, name);
    }
    std::sort(near.begin(), near.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < near.size() && i < count; ++i)
        out.push_back(near[i].second);
    return out;
}

}  // namespace

std::optional<AthleteId> Event::find_athlete(std::string_view name) const {
    std::vector<std::string> names;
    names.reserve(athletes.size());
    for (const auto& athlete : athletes)
        names.push_back(athlete.name);
    if (const auto match = match_name(name, names)) return match->candidate;
    std::optional<AthleteId> found;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!names_part_of(name, names[i])) continue;
        if (found) return std::nullopt;  // ambiguous: "Li" names several skaters
        found = static_cast<AthleteId>(i);
    }
    return found;
}

const Race* Event::find_race(std::string_view race_name) const {
    for (const auto& round : rounds)
        for (const auto& race : round.races)
            if (race.name == race_name) return &race;
    return nullptr;
}

std::vector<std::string> Event::nearest_athletes(std::string_view name, std::size_t count) const {
    std::vector<std::string> names;
    for (const auto& athlete : athletes)
        names.push_back(athlete.name);
    return nearest(name, names, count);
}

std::vector<std::string> Event::nearest_races(std::string_view name, std::size_t count) const {
    std::vector<std::string> names;
    for (const auto& round : rounds)
        for (const auto& race : round.races)
            names.push_back(race.name);
    return nearest(name, names, count);
}

}  // namespace heatgraph
