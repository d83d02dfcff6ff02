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

constexpr StageName pre_preliminaries{StageKind::preliminary, "Pre-preliminaries",
                                      "Pre-preliminary"};
constexpr StageName preliminaries{StageKind::preliminary, "Preliminaries", "Preliminary"};
constexpr StageName heats{StageKind::heat, "Heats", "Heat"};
constexpr StageName repechage_heats{StageKind::repechage, "Repechage heats", "Repechage heat"};
constexpr StageName repechage_quarterfinals{StageKind::repechage, "Repechage quarterfinals",
                                            "Repechage quarterfinal"};
constexpr StageName repechage_semifinals{StageKind::repechage, "Repechage semifinals",
                                         "Repechage semifinal"};
constexpr StageName repechage_finals{StageKind::repechage, "Repechage finals", "Repechage final",
                                     true};
constexpr StageName eighth_finals{StageKind::eighth_final, "Eighth-finals", "Eighth-final"};
constexpr StageName quarterfinals{StageKind::quarterfinal, "Quarterfinals", "Quarterfinal"};
constexpr StageName semifinals{StageKind::semifinal, "Semifinals", "Semifinal"};
constexpr StageName ranking_finals{StageKind::ranking, "Ranking finals", "Ranking final"};
constexpr StageName finals{StageKind::final, "Finals", "Final", true};

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
    // "1/8 Final", "1/4 Finals", "1/2 Final": the fraction names the stage.
    if (text.find("1/8") != std::string_view::npos) return eighth_finals;
    if (text.find("1/4") != std::string_view::npos) return quarterfinals;
    if (text.find("1/2") != std::string_view::npos) return semifinals;
    const auto folded = fold_name(text);
    // Longer words first: "quarterfinal" and "semifinal" contain "final", "repechage heats"
    // contains "heat", "pre-preliminaries" contains "preliminar".
    if (folded.starts_with("rep")) return repechage_stage(folded);
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
    if (stage.lettered && number >= 1 && number <= 26)
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
    const char last = name.empty() ? ' ' : name.back();
    if (name.size() >= 2 && name[name.size() - 2] == ' ' && last >= 'A' && last <= 'H')
        return last - 'A' + 1;
    return 1;  // "Final": the only final
}

}  // namespace heatgraph::detail
