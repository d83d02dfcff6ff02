#include "heatgraph/identity.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "sources/utf8.hpp"

namespace heatgraph {

namespace {

// ASCII folding of Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F), which covers the
// European names of the seeds ("Užák", "Krūzbergs", "Bērziņš", "Niewiński", "Nógrádi"). A
// table of 192 entries is smaller and more predictable than pulling in ICU for it.
constexpr std::array<std::string_view, 0x180 - 0xC0> latin_fold{
    // U+00C0
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "ss",
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "y",
    // U+0100
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "d",
    "d",
    "d",
    "d",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "g",
    "g",
    "g",
    "g",
    "g",
    "g",
    "g",
    "g",
    "h",
    "h",
    "h",
    "h",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "ij",
    "ij",
    "j",
    "j",
    "k",
    "k",
    "k",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    "o",
    "oe",
    "oe",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
    "s",
    "s",
    "s",
    "s",
    "s",
    "s",
    "s",
    "s",
    "t",
    "t",
    "t",
    "t",
    "t",
    "t",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "w",
    "w",
    "y",
    "y",
    "y",
    "z",
    "z",
    "z",
    "z",
    "z",
    "z",
    "s",
};

}  // namespace

std::string fold_name(std::string_view name) {
    std::string folded;
    folded.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        const char32_t cp = detail::decode_utf8(name, i).value_or(0xFFFD);
        if (cp < 0x80) {
            const auto c = static_cast<unsigned char>(cp);
            if (std::isalnum(c)) folded += static_cast<char>(std::tolower(c));
        } else if (cp >= 0xC0 && cp < 0x180) {
            folded += latin_fold[cp - 0xC0];
        }
    }
    return folded;
}

std::vector<std::string> folded_words(std::string_view name) {
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= name.size(); ++i)
        if (i == name.size() || name[i] == ' ' || name[i] == '-') {
            if (auto w = fold_name(name.substr(start, i - start)); !w.empty()) words.push_back(w);
            start = i + 1;
        }
    return words;
}

int edit_distance(std::string_view a, std::string_view b) {
    const auto n = a.size();
    const auto m = b.size();
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        previous[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

int typo_tolerance(std::string_view folded) {
    return folded.size() <= 8 ? 1 : 2;
}

std::optional<NameMatch> match_name(std::string_view name,
                                    const std::vector<std::string>& candidates) {
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i] == name) return NameMatch{static_cast<int>(i), MatchKind::exact};

    const auto key = fold_name(name);
    if (key.empty()) return std::nullopt;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (fold_name(candidates[i]) == key)
            return NameMatch{static_cast<int>(i), MatchKind::variant};

    int best = typo_tolerance(key) + 1;
    std::optional<NameMatch> found;
    bool ambiguous = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto other = fold_name(candidates[i]);
        // The length difference bounds the distance from below.
        const auto longer = std::max(other.size(), key.size());
        const auto shorter = std::min(other.size(), key.size());
        if (longer - shorter > static_cast<std::size_t>(best)) continue;
        const int d = edit_distance(key, other);
        if (d < best) {
            best = d;
            found = NameMatch{static_cast<int>(i), MatchKind::typo};
            ambiguous = false;
        } else if (d == best) {
            ambiguous = true;
        }
    }
    if (ambiguous) return std::nullopt;
    return found;
}

}  // namespace heatgraph
