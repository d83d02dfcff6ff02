#include "heatgraph/event.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "heatgraph/identity.hpp"
#include "sources/stage_names.hpp"
#include "sources/text.hpp"

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

// The words of a name as written, split at spaces only: "Hwang Dae-heon" -> Hwang, Dae-heon.
std::vector<std::string_view> spaced_words(std::string_view name) {
    std::vector<std::string_view> words;
    for (const auto word : detail::split(name, ' '))
        if (!word.empty()) words.push_back(word);
    return words;
}

// The name with its words in every turn: "Dae-heon Hwang" for "Hwang Dae-heon", "van 't Wout
// Jens" for "Jens van 't Wout"; the name as written first, each order once.
std::vector<std::string> word_orders(std::string_view name) {
    const auto words = spaced_words(name);
    std::vector<std::string> orders;
    for (std::size_t first = 0; first < words.size(); ++first) {
        std::string order;
        for (std::size_t k = 0; k < words.size(); ++k)
            order += fmt::format("{}{}", k ? " " : "", words[(first + k) % words.size()]);
        if (std::find(orders.begin(), orders.end(), order) == orders.end())
            orders.push_back(std::move(order));
    }
    return orders;
}

// Every word of `part` is a word of `name`, or a part of a hyphenated one: "Bradbury" is part
// of "Steven Bradbury", "Daeheon" and "Dae-heon" of "Hwang Dae-heon".
bool names_part_of(std::string_view part, std::string_view name) {
    auto words = folded_words(name);
    for (const auto word : spaced_words(name))
        words.push_back(fold_name(word));
    const auto wanted = folded_words(part);
    return !wanted.empty() && std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
        return std::find(words.begin(), words.end(), w) != words.end();
    });
}

// How far the folded `key` is from `name`: the edit distance to the whole name (in any turn of
// its words when `any_order`) or to any one of its words (a surname alone).
int distance_to(const std::string& key, std::string_view name, bool any_order) {
    int d = edit_distance(key, fold_name(name));
    if (any_order)
        for (const auto& order : word_orders(name))
            d = std::min(d, edit_distance(key, fold_name(order)));
    for (const auto& word : folded_words(name))
        d = std::min(d, edit_distance(key, word));
    return d;
}

// The `count` names of `names` nearest to `wanted`.
std::vector<std::string> nearest(std::string_view wanted, const std::vector<std::string>& names,
                                 std::size_t count, bool any_order) {
    std::vector<std::pair<int, std::string>> near;
    const auto key = fold_name(wanted);
    for (const auto& name : names)
        near.emplace_back(distance_to(key, name, any_order), name);
    std::sort(near.begin(), near.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < near.size() && i < count; ++i)
        out.push_back(near[i].second);
    return out;
}

std::vector<std::string> names_of(const std::vector<Athlete>& athletes) {
    std::vector<std::string> names;
    names.reserve(athletes.size());
    for (const auto& athlete : athletes)
        names.push_back(athlete.name);
    return names;
}

// The athlete `name` names in any turn of its words, by match_name over every turn of every
// name: exact, variant or a unique typo.
std::optional<AthleteId> match_any_order(std::string_view name,
                                         const std::vector<std::string>& names) {
    std::vector<std::string> orders;
    std::vector<AthleteId> owner;
    for (std::size_t i = 0; i < names.size(); ++i)
        for (auto& order : word_orders(names[i])) {
            orders.push_back(std::move(order));
            owner.push_back(static_cast<AthleteId>(i));
        }
    const auto match = match_name(name, orders);
    if (!match) return std::nullopt;
    return owner[match->candidate];
}

// The races of the event's stage `stage`, in running order.
std::vector<const Race*> races_of(const Event& event, const detail::StageName& stage) {
    std::vector<const Race*> races;
    for (const auto& round : event.rounds) {
        const auto named = detail::stage_of_heading(round.name);
        if (!named || named->name != stage.name) continue;
        for (const auto& race : round.races)
            races.push_back(&race);
    }
    return races;
}

// The number of a race of `stage`: Final B is 2, the only "Final" 1.
int number_of(const Race& race, const detail::StageName& stage) {
    return detail::race_number(race.name, stage.lettered).value_or(0);
}

// The `count` races of one stage whose numbers are nearest to `wanted`, in running order.
std::vector<std::string> nearest_by_number(const std::vector<const Race*>& races,
                                           const detail::StageName& stage, int wanted,
                                           std::size_t count) {
    std::vector<std::pair<int, std::size_t>> near;  // distance, running order
    for (std::size_t i = 0; i < races.size(); ++i)
        near.emplace_back(std::abs(number_of(*races[i], stage) - wanted), i);
    std::sort(near.begin(), near.end());
    near.resize(std::min(count, near.size()));
    std::sort(near.begin(), near.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<std::string> out;
    for (const auto& [distance, i] : near)
        out.push_back(races[i]->name);
    return out;
}

}  // namespace

std::vector<AthleteId> Event::athletes_named(std::string_view name) const {
    const auto names = names_of(athletes);
    if (const auto match = match_name(name, names); match && match->kind != MatchKind::typo)
        return {match->candidate};
    if (const auto id = match_any_order(name, names)) return {*id};
    std::vector<AthleteId> found;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names_part_of(name, names[i])) found.push_back(static_cast<AthleteId>(i));
    return found;
}

std::optional<AthleteId> Event::find_athlete(std::string_view name) const {
    const auto found = athletes_named(name);
    if (found.size() != 1) return std::nullopt;
    return found.front();
}

std::vector<const Race*> Event::races_named(std::string_view race_name) const {
    for (const auto& round : rounds)
        for (const auto& race : round.races)
            if (race.name == race_name) return {&race};
    const auto wanted = detail::race_of_name(race_name);
    if (!wanted) return {};
    auto found = races_of(*this, wanted->stage);
    if (wanted->number)
        std::erase_if(found, [&](const Race* race) {
            return number_of(*race, wanted->stage) != *wanted->number;
        });
    return found;
}

const Race* Event::find_race(std::string_view race_name) const {
    const auto found = races_named(race_name);
    return found.size() == 1 ? found.front() : nullptr;
}

std::vector<std::string> Event::nearest_athletes(std::string_view name, std::size_t count) const {
    return nearest(name, names_of(athletes), count, true);
}

std::vector<std::string> Event::nearest_races(std::string_view name, std::size_t count) const {
    const auto wanted = detail::race_of_name(name);
    if (wanted) {
        const auto same = races_of(*this, wanted->stage);
        if (!same.empty())
            return nearest_by_number(same, wanted->stage, wanted->number.value_or(1), count);
    }
    std::vector<std::string> names;
    for (const auto& round : rounds)
        for (const auto& race : round.races)
            names.push_back(race.name);
    const auto label =
        wanted ? detail::race_label(wanted->stage, wanted->number.value_or(1)) : std::string(name);
    return nearest(label, names, count, false);
}

}  // namespace heatgraph
