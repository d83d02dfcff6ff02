#include "sources/stage_names.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <utility>

#include "heatgraph/identity.hpp"
#include "sources/text.hpp"

namespace heatgraph::detail {

namespace {

bool has(std::string_view folded, std::string_view word) {
    return folded.find(word) != std::string_view::npos;
}

// In running order (StageName::running): the repechage ladder runs before the main round it
// feeds, ranking races before the finals.
constexpr StageName pre_preliminaries{StageKind::preliminary, "Pre-preliminaries",
                                      "Pre-preliminary", false, 0};
constexpr StageName preliminaries{StageKind::preliminary, "Preliminaries", "Preliminary", false, 1};
constexpr StageName heats{StageKind::heat, "Heats", "Heat", false, 2};
constexpr StageName repechage_heats{StageKind::repechage, "Repechage heats", "Repechage heat",
                                    false, 3};
constexpr StageName repechage_quarterfinals{StageKind::repechage, "Repechage quarterfinals",
                                            "Repechage quarterfinal", false, 4};
constexpr StageName repechage_semifinals{StageKind::repechage, "Repechage semifinals",
                                         "Repechage semifinal", false, 5};
constexpr StageName repechage_finals{StageKind::repechage, "Repechage finals", "Repechage final",
                                     true, 6};
constexpr StageName eighth_finals{StageKind::eighth_final, "Eighth-finals", "Eighth-final", false,
                                  7};
constexpr StageName quarterfinals{StageKind::quarterfinal, "Quarterfinals", "Quarterfinal", false,
                                  8};
constexpr StageName semifinals{StageKind::semifinal, "Semifinals", "Semifinal", false, 9};
constexpr StageName ranking_finals{StageKind::ranking, "Ranking finals", "Ranking final", false,
                                   10};
constexpr StageName finals{StageKind::final, "Finals", "Final", true, 11};

// The rounds of a repechage ladder, by the main round each mirrors.
std::optional<StageName> repechage_stage(std::string_view folded) {
    if (has(folded, "quart") || has(folded, "quat")) return repechage_quarterfinals;
    if (has(folded, "semi")) return repechage_semifinals;
    if (has(folded, "final")) return repechage_finals;
    if (has(folded, "heat") || folded == "repechage" || folded == "repechages" || folded == "rep")
        return repechage_heats;
    return std::nullopt;
}

// The short names of stages people write, and the words they stand for. "Rep" or "Repechage"
// may go before any: "RepSF" is a repechage semifinal.
struct ShortName {
    std::string_view short_name;
    std::string_view words;
};
constexpr std::array<ShortName, 6> short_names{{{"h", "heat"},
                                                {"qf", "quarterfinal"},
                                                {"quarter", "quarterfinal"},
                                                {"sf", "semifinal"},
                                                {"semi", "semifinal"},
                                                {"f", "final"}}};

}  // namespace

std::optional<StageName> stage_of_heading(std::string_view text) {
    const auto folded = fold_name(text);
    const bool repechage = folded.starts_with("rep");
    // "1/8 Final", "1/4 Finals", "Rep. 1/2 Final": the fraction names the stage.
    const auto has_fraction = [&](std::string_view f) {
        return text.find(f) != std::string_view::npos;
    };
    if (has_fraction("1/4")) return repechage ? repechage_quarterfinals : quarterfinals;
    if (has_fraction("1/2")) return repechage ? repechage_semifinals : semifinals;
    if (has_fraction("1/8") && !repechage) return eighth_finals;
    // Longer words first: "quarterfinal" and "semifinal" contain "final", "repechage heats"
    // contains "heat", "pre-preliminaries" contains "prelim" ("Prelims" too).
    if (repechage) return repechage_stage(folded);
    if (has(folded, "ranking") || has(folded, "classification")) return ranking_finals;
    if (has(folded, "preprelim")) return pre_preliminaries;
    if (has(folded, "preliminaryround") || has(folded, "firstround")) return heats;
    if (has(folded, "prelim")) return preliminaries;
    if (has(folded, "eight")) return eighth_finals;
    if (has(folded, "quarter") || has(folded, "quater")) return quarterfinals;
    if (has(folded, "semi")) return semifinals;
    if (has(folded, "final")) return finals;
    if (has(folded, "heat")) return heats;
    return std::nullopt;
}

namespace {

// The folded words of a stage with a short name spelled out ("sf" -> "semifinal", "repqf" ->
// "repquarterfinal"); `folded` as it is when it is no short name.
std::string spelled_out(std::string_view folded) {
    for (const std::string_view rep : {"repechage", "rep", ""}) {
        if (!folded.starts_with(rep)) continue;
        for (const auto& s : short_names)
            if (folded.substr(rep.size()) == s.short_name) return fmt::format("{}{}", rep, s.words);
    }
    return std::string(folded);
}

// The stage `words` name, as a heading or by a short name. The heading as written, not folded,
// when it is no short name: its fraction ("1/4 final") names the stage.
std::optional<StageName> stage_of_words(std::string_view words) {
    const auto folded = fold_name(words);
    const auto spelled = spelled_out(folded);
    return stage_of_heading(spelled == folded ? words : std::string_view(spelled));
}

// `name` split before its trailing digits: "Heat 12" -> "Heat ", "12".
std::pair<std::string_view, std::string_view> split_number(std::string_view name) {
    std::size_t digits = name.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1])))
        --digits;
    return {name.substr(0, digits), name.substr(digits)};
}

// A final's letter, A to H in either case, as its number: 'b' -> 2.
std::optional<int> letter_number(char letter) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
    if (lower < 'a' || lower >= 'a' + max_final) return std::nullopt;
    return lower - 'a' + 1;
}

// "Heat 3", "SF1", "semi 2", "1/4 final 3": a stage's words, then the race's number. A number
// past any race's is kept as one that names none.
std::optional<RaceName> numbered_race(std::string_view text) {
    const auto [words, digits] = split_number(text);
    if (digits.empty()) return std::nullopt;
    const auto stage = stage_of_words(words);
    if (!stage) return std::nullopt;
    return RaceName{*stage, parse_int(digits).value_or(max_races)};
}

// A final and its letter: "Final B", "FB", "RepFinalA" when `short_name` ("F" for "Final"),
// "B final" when not.
std::optional<RaceName> lettered_final(std::string_view words, char letter, bool short_name) {
    const auto number = letter_number(letter);
    const auto folded = fold_name(words);
    const auto spelled = short_name ? spelled_out(folded) : folded;
    if (!number || !(spelled.ends_with("final") || spelled.ends_with("finals")))
        return std::nullopt;
    const auto stage = stage_of_heading(spelled);
    if (!stage || !stage->lettered) return std::nullopt;
    return RaceName{*stage, number};
}

// "Finals", "Final", "Semifinal", "SF": a stage and nothing more, so any race of it.
std::optional<RaceName> stage_only(std::string_view text) {
    const auto spelled = spelled_out(fold_name(text));
    const auto stage = stage_of_words(text);
    if (!stage || (spelled != fold_name(stage->name) && spelled != fold_name(stage->race_prefix)))
        return std::nullopt;
    return RaceName{*stage, std::nullopt};
}

}  // namespace

std::optional<RaceName> race_of_name(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (auto race = numbered_race(text)) return race;
    if (auto race = lettered_final(text.substr(0, text.size() - 1), text.back(), true)) return race;
    if (auto race = lettered_final(text.substr(1), text.front(), false)) return race;
    return stage_only(text);
}

std::string race_label(const StageName& stage, int number) {
    if (stage.lettered && number >= 1 && number <= max_final)
        return fmt::format("{} {}", stage.race_prefix, char('A' + number - 1));
    return fmt::format("{} {}", stage.race_prefix, number);
}

std::optional<int> race_number(std::string_view name, bool lettered) {
    const auto digits = split_number(trim(name)).second;
    if (!digits.empty()) {
        const auto n = parse_int(digits);
        if (!n || *n < 1) return std::nullopt;
        return n;
    }
    if (!lettered) return std::nullopt;
    return final_letter(name).value_or(1);  // "Final": the only final
}

std::optional<int> final_letter(std::string_view name) {
    name = trim(name);
    if (name.size() < 2) return std::nullopt;
    const char letter = name.back();
    const char before = name[name.size() - 2];
    if (!std::isupper(static_cast<unsigned char>(letter))) return std::nullopt;
    if (before != ' ' && before != 'l' && before != 'L' && before != '-') return std::nullopt;
    return letter_number(letter);
}

}  // namespace heatgraph::detail
