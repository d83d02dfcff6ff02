#include "heatgraph/identity.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <span>

#include "sources/utf8.hpp"

namespace heatgraph {

namespace {

// One code point at a time through utf8proc, so that the key is built in a single string
// instead of the buffer utf8proc_map allocates on every name comparison. Compatibility
// decomposition (NFKD) makes fullwidth "ＡＢＣ" plain "abc"; the marks it splits off ("Užák",
// a Greek tonos) are stripped; case folding covers every script, and "ß" becomes "ss".
constexpr auto folding = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                                        UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);

// Room for any one code point's folding: the longest (U+FDFA, an Arabic ligature of a whole
// phrase) is 18 code points.
constexpr std::size_t longest_folding = 32;

// Letters that Unicode gives no decomposition, so NFKD leaves them whole, although articles
// spell the same skater with and without them ("Łukasz" / "Lukasz", "Sjøberg" / "Sjoberg").
// They fold to the base letters the former hand-written Latin table gave them. They arrive case
// folded: "Ø" is "ø" here.
struct BaseLetters {
    char32_t letter;
    std::string_view ascii;
};
constexpr std::array<BaseLetters, 12> without_decomposition{{
    {U'æ', "ae"},
    {U'ð', "d"},
    {U'ø', "o"},
    {U'þ', "th"},
    {U'đ', "d"},
    {U'ħ', "h"},
    {U'ı', "i"},
    {U'ĸ', "k"},
    {U'ł', "l"},
    {U'ŋ', "n"},
    {U'œ', "oe"},
    {U'ŧ', "t"},
}};

std::string_view base_letters(utf8proc_int32_t cp) {
    const auto* found =
        std::ranges::find(without_decomposition, static_cast<char32_t>(cp), &BaseLetters::letter);
    return found == without_decomposition.end() ? std::string_view{} : found->ascii;
}

// Letters and digits of every script make the name; punctuation, spaces and symbols (a sponsor's
// ®, the apostrophe of "van 't Wout") do not. The modifier letters of U+02B0..U+02FF are
// apostrophes and tone marks in names (the Ukrainian "ʼ", the Hawaiian "ʻ"), so they go with
// the ASCII apostrophe.
bool is_name_character(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
            return true;
        case UTF8PROC_CATEGORY_LM:
            return cp < 0x2B0 || cp >= 0x300;
        default:
            return false;
    }
}

void append_ascii(std::string& folded, char c) {
    if (c >= 'A' && c <= 'Z')
        folded += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        folded += c;
}

// A symbol is dropped whole, before its decomposition could turn it into letters ("™" is "TM").
void append_folded(std::string& folded, utf8proc_int32_t cp) {
    if (!is_name_character(cp)) return;
    std::array<utf8proc_int32_t, longest_folding> parts;
    const auto count = utf8proc_decompose_char(cp, parts.data(), parts.size(), folding, nullptr);
    if (count < 0 || static_cast<std::size_t>(count) > parts.size()) return;  // no such letter
    for (const auto part : std::span(parts.data(), static_cast<std::size_t>(count))) {
        if (part < 0x80)
            append_ascii(folded, static_cast<char>(part));
        else if (const auto base = base_letters(part); !base.empty())
            folded += base;
        else if (is_name_character(part))
            detail::append_utf8(folded, static_cast<char32_t>(part));
    }
}

}  // namespace

std::string fold_name(std::string_view name) {
    std::string folded;
    folded.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        if (static_cast<unsigned char>(name[i]) < 0x80) {  // most names are ASCII: no utf8proc
            append_ascii(folded, name[i++]);
            continue;
        }
        // A malformed byte is no part of a name.
        if (const auto cp = detail::decode_utf8(name, i))
            append_folded(folded, static_cast<utf8proc_int32_t>(*cp));
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
