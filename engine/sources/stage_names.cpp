#include "sources/stage_names.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

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
    // contains "heat", "pre-preliminaries" contains "preliminar".
    if (repechage) return repechage_stage(folded);
    if (has(folded, "ranking") || has(folded, "classification")) return ranking_finals;
    if (has(folded, "prepreliminar")) return pre_preliminaries;
    if (has(folded, "preliminaryround") || has(folded, "firstround")) return heats;
    if (has(folded, "preliminar")) return preliminaries;
    if (has(folded, "eight")) return eighth_finals;
    if (has(folded, "quarter") || has(folded, "quater")) return quarterfinals;
    if (has(folded, "semi")) return semifinals;
    if (has(folded, "final")) return finals;
    if (has(folded, "heat")) return heats;
    return std::nullopt;
}

std::string race_label(const StageName& stage, int number) {
    if (stage.lettered && number >= 1 && number <= max_final)
        return fmt::format("{} {}", stage.race_prefix, char('A' + number - 1));
    return fmt::format("{} {}", stage.race_prefix, number);
}

std::optional<int> race_number(std::string_view name, bool lettered) {
    name = trim(name);
    std::size_t digits = name.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1])))
        --digits;
    if (digits < name.size()) {
        const auto n = parse_int(name.substr(digits));
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
    if (letter < 'A' || letter >= 'A' + max_final) return std::nullopt;
    if (before != ' ' && before != 'l' && before != 'L' && before != '-') return std::nullopt;
    return letter - 'A' + 1;
}

}  // namespace heatgraph::detail
