// Athlete identity across rounds. Articles spell one skater several ways ("Ahn Hyun-Soo" /
// "Ahn Hyun-soo", "Li Juajun" / "Li Jiajun", "Matus Uzak" / "Matúš Užák"). A name is matched
// exactly, then by its folded key (case and diacritics removed, punctuation ignored), then by a
// small edit distance on that key against the skaters of the previous round; every match that
// is not exact is reported, so no identity is merged silently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heatgraph {

// The matching key of a name, in UTF-8: its letters and digits in any script, compatibility-
// decomposed (NFKD: "ＡＢＣ" -> "abc"), stripped of combining marks ("Užák" -> "uzak") and case
// folded ("ß" -> "ss", "ВИКТОР" = "виктор"). Latin letters Unicode does not decompose fold to
// their base letters ("ø" -> "o", "ł" -> "l", "æ" -> "ae"). Punctuation, spaces, symbols and
// malformed UTF-8 bytes are dropped. A Latin name gives plain ASCII.
[[nodiscard]] std::string fold_name(std::string_view name);

// The folded words of a name, split at spaces and hyphens: "Ahn Hyun-soo" -> ahn, hyun, soo.
[[nodiscard]] std::vector<std::string> folded_words(std::string_view name);

// Damerau-Levenshtein (optimal string alignment) distance.
[[nodiscard]] int edit_distance(std::string_view a, std::string_view b);

// The most a folded key may differ and still be taken as a typo of another: 1 edit up to
// 8 letters, 2 beyond.
[[nodiscard]] int typo_tolerance(std::string_view folded);

enum class MatchKind { exact, variant, typo };

struct NameMatch {
    int candidate = -1;  // index into the candidate list
    MatchKind kind = MatchKind::exact;
};

// The candidate `name` refers to: exact spelling first, then the same folded key, then the
// unique closest key within typo_tolerance. nullopt when none (or when two are equally close).
[[nodiscard]] std::optional<NameMatch> match_name(std::string_view name,
                                                  const std::vector<std::string>& candidates);

}  // namespace heatgraph
