#include "sources/isu_name.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <vector>

#include "sources/utf8.hpp"

namespace heatgraph::detail {

namespace {

// ---------------------------------------------------------------------------------------------
// Letters of the printed name

// A joiner is a hyphen or an apostrophe: it stays inside a family name ("ST-GELAIS",
// "O'REILLY") or a particle ("d'", "'t").
enum class Shape { upper, lower, joiner };

struct Letter {
    char32_t cp;
    std::size_t begin;  // byte offset in the printed text
    Shape shape;
};

// The ASCII one, the typographic one and the modifier letter ("OʼNEILL").
bool is_apostrophe(char32_t cp) {
    return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC';
}

std::optional<Shape> shape_of(char32_t cp) {
    if (cp == U'-' || is_apostrophe(cp)) return Shape::joiner;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT:
            return Shape::upper;
        case UTF8PROC_CATEGORY_LL:
            return Shape::lower;
        default:
            return std::nullopt;
    }
}

bool is_combining_mark(char32_t cp) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
}

// The letters and joiners of the printed text; nullopt on invalid UTF-8 or on anything else (a
// space, a digit, a dot), which no name in the ISU form holds. A combining accent is no letter
// of its own: its bytes go with the letter before it, whose shape it keeps.
std::optional<std::vector<Letter>> letters_of(std::string_view text) {
    std::vector<Letter> letters;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t begin = i;
        const auto cp = decode_utf8(text, i);
        if (!cp) return std::nullopt;
        if (is_combining_mark(*cp)) {
            if (letters.empty() || letters.back().shape == Shape::joiner) return std::nullopt;
            continue;
        }
        const auto shape = shape_of(*cp);
        if (!shape) return std::nullopt;
        letters.push_back({*cp, begin, *shape});
    }
    return letters;
}

char32_t to_upper(char32_t cp) {
    return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}
char32_t to_lower(char32_t cp) {
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

// Only called on text parse_isu_name accepted, so every sequence is valid.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
    for (std::size_t i = 0; i < text.size();)
        if (const auto cp = decode_utf8(text, i)) visit(*cp);
}

std::string lower_case(std::string_view text) {
    std::string lowered;
    for_each_code_point(text, [&](char32_t cp) { append_utf8(lowered, to_lower(cp)); });
    return lowered;
}

// "Yi" + "Cheng" -> "Yicheng": a later syllable of a pinyin given name.
std::string with_lower_initial(std::string_view word) {
    std::string lowered;
    for_each_code_point(
        word, [&](char32_t cp) { append_utf8(lowered, lowered.empty() ? to_lower(cp) : cp); });
    return lowered;
}

// "So-Youn" -> "So-youn": in Korean and Taiwanese given names a syllable after the hyphen
// begins in lower case.
std::string lower_after_hyphens(std::string_view name) {
    std::string lowered;
    bool after_hyphen = false;
    for_each_code_point(name, [&](char32_t cp) {
        append_utf8(lowered, after_hyphen ? to_lower(cp) : cp);
        after_hyphen = cp == U'-';
    });
    return lowered;
}

// ---------------------------------------------------------------------------------------------
// Particles

struct Particle {
    std::string_view word;
    // Also recognised at the end of a printed given name ("Sannevan" + "KERKHOF"). Endings that
    // many given names share stay out: "la" (Carla), "le" (Michelle), "da" (Linda), "di"
    // (Heidi), "des" (Mercedes), "du", "del", "te" (Charlotte). Before the capitals, where
    // nothing else can stand ("vanKERKHOFYara"), every particle is recognised.
    bool ends_given_name;
};

constexpr std::array particles{
    Particle{"'t", true},     Particle{"af", false},    Particle{"d'", true},
    Particle{"da", false},    Particle{"dal", false},   Particle{"dalla", false},
    Particle{"das", false},   Particle{"de", true},     Particle{"degli", false},
    Particle{"dei", false},   Particle{"del", false},   Particle{"dell'", true},
    Particle{"della", false}, Particle{"delle", false}, Particle{"dello", false},
    Particle{"den", true},    Particle{"der", true},    Particle{"des", false},
    Particle{"di", false},    Particle{"do", false},    Particle{"dos", false},
    Particle{"du", false},    Particle{"het", false},   Particle{"in", false},
    Particle{"l'", true},     Particle{"la", false},    Particle{"le", false},
    Particle{"lo", false},    Particle{"op", false},    Particle{"te", false},
    Particle{"ten", true},    Particle{"ter", true},    Particle{"van", true},
    Particle{"vom", true},    Particle{"von", true},    Particle{"zu", false},
    Particle{"zum", false},   Particle{"zur", false},
};

// Given names that end like a particle, so that "WalterSMITH" is not "Wal ter Smith". Those
// shorter than three letters before the particle ("Peter", "Ivan", "Jade") are never cut.
constexpr std::array given_names_ending_like_a_particle = std::to_array<std::string_view>({
    "adelaide", "adélaïde",  "aleksander", "alexander", "alden",   "baxter",  "braden",
    "brenden",  "brunhilde", "camden",     "carsten",   "carter",  "chester", "claude",
    "clotilde", "dexter",    "dieter",     "donovan",   "evander", "foster",  "frode",
    "gerlinde", "gertrude",  "guenter",    "gunter",    "günter",  "hayden",  "hester",
    "hilde",    "holden",    "hunter",     "iskander",  "jayden",  "jorden",  "karsten",
    "kersten",  "kirsten",   "kristen",    "leander",   "lester",  "linde",   "linden",
    "lysander", "maarten",   "marten",     "mathilde",  "matilde", "maude",   "merten",
    "milovan",  "morten",    "pieter",     "porter",    "reinder", "sander",  "silvester",
    "stevan",   "sylvester", "thorsten",   "torsten",   "trevon",  "walden",  "walter",
    "webster",  "winter",    "xander",     "zander",
});

// `text` as particle words, fewest words first ("vander" -> "van der", "della" -> "della");
// nullopt when it is not made of particles. Bottom-up over the suffixes, so any input is linear.
std::optional<std::vector<std::string_view>> particle_words(std::string_view text,
                                                            bool after_given_name) {
    if (text.empty()) return std::nullopt;
    constexpr int none = -1;
    std::vector<int> words_from(text.size() + 1, none);  // fewest words covering text[i..]
    std::vector<std::size_t> first_word(text.size() + 1, 0);
    words_from[text.size()] = 0;
    for (std::size_t i = text.size(); i-- > 0;)
        for (const auto& particle : particles) {
            if (after_given_name && !particle.ends_given_name) continue;
            if (!text.substr(i).starts_with(particle.word)) continue;
            const int rest = words_from[i + particle.word.size()];
            if (rest == none || (words_from[i] != none && rest + 1 >= words_from[i])) continue;
            words_from[i] = rest + 1;
            first_word[i] = particle.word.size();
        }
    if (words_from[0] == none) return std::nullopt;
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < text.size(); i += first_word[i])
        words.push_back(text.substr(i, first_word[i]));
    return words;
}

// ---------------------------------------------------------------------------------------------
// The split

struct Span {
    std::size_t first, last;  // letters [first, last)
};

std::size_t capitals_in(const std::vector<Letter>& letters, Span span) {
    return static_cast<std::size_t>(
        std::count_if(letters.begin() + static_cast<std::ptrdiff_t>(span.first),
                      letters.begin() + static_cast<std::ptrdiff_t>(span.last),
                      [](const Letter& l) { return l.shape == Shape::upper; }));
}

// The runs of two or more capitals, joined by hyphens and apostrophes ("ST-GELAIS",
// "O'REILLY"). A capital followed by lower case begins a word, so it leaves the run: in
// "KERKHOFYara" the run is "KERKHOF", and "D'Arcy" or the "So" of "SoYoun" make none.
std::vector<Span> capital_runs(const std::vector<Letter>& letters) {
    const auto shape = [&](std::size_t k) {
        return k < letters.size() ? std::optional(letters[k].shape) : std::nullopt;
    };
    std::vector<Span> runs;
    for (std::size_t i = 0; i < letters.size();) {
        if (shape(i) != Shape::upper) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (shape(end) == Shape::upper ||
               (shape(end) == Shape::joiner && shape(end + 1) == Shape::upper))
            ++end;
        Span run{i, end};
        if (shape(end) == Shape::lower) --run.last;
        while (run.last > run.first && shape(run.last - 1) == Shape::joiner)
            --run.last;
        if (capitals_in(letters, run) >= 2) runs.push_back(run);
        i = end;
    }
    return runs;
}

// "McDONALD", "MacDONALD": the prefix is printed in title case before the capitals.
Span with_mc_prefix(const std::vector<Letter>& letters, Span family) {
    const auto spells = [&](std::size_t from, std::u32string_view word) {
        if (from + word.size() != family.first) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (letters[from + k].cp != word[k]) return false;
        return true;
    };
    if (family.first >= 3 && spells(family.first - 3, U"Mac")) family.first -= 3;
    if (family.first >= 2 && spells(family.first - 2, U"Mc")) family.first -= 2;
    return family;
}

// The letters of a printed name and the byte offsets of their split.
struct Printed {
    std::string_view text;
    std::vector<Letter> letters;

    std::size_t offset(std::size_t letter) const {
        return letter < letters.size() ? letters[letter].begin : text.size();
    }
    std::string_view slice(std::size_t first, std::size_t last) const {
        return text.substr(offset(first), offset(last) - offset(first));
    }
};

// Whether keeping only `kept` of the given name's last word `word` would cut a given name that
// ends like a particle: "Walter" is no "Wal" + "ter", "Alexandervan" no "Alexan" + "der van".
bool cuts_a_given_name(std::string_view word, std::string_view kept) {
    const auto lower_word = lower_case(word);
    const auto kept_size = lower_case(kept).size();
    return std::ranges::any_of(given_names_ending_like_a_particle, [&](std::string_view name) {
        return name.size() > kept_size && lower_word.starts_with(name);
    });
}

// Where the given name printed in letters [0, end) ends, before the particles of the family name
// the ISU printed against it ("Sannevan" -> "Sanne"). The longest group of particles wins that
// leaves at least three letters of the given name's last word and cuts no given name.
std::size_t given_name_end(const Printed& name, std::size_t end) {
    std::size_t word = end;  // the last word begins at the last capital
    while (word > 0 && name.letters[word - 1].shape != Shape::upper)
        --word;
    if (word == 0) return end;
    --word;
    constexpr std::size_t shortest_given_name = 3;
    for (std::size_t split = word + shortest_given_name; split < end; ++split)
        if (particle_words(name.slice(split, end), /*after_given_name=*/true) &&
            !cuts_a_given_name(name.slice(word, end), name.slice(word, split)))
            return split;
    return end;
}

bool is_given_name(const Printed& name, std::size_t first, std::size_t last) {
    return first < last && name.letters[first].shape == Shape::upper &&
           name.letters[last - 1].shape != Shape::joiner;
}

// "vanKERKHOFYara", "FANKexin": particles, if any, then the family name, then the given name.
std::optional<IsuName> family_first_name(const Printed& name, Span family) {
    if (family.first > 0 && !particle_words(name.slice(0, family.first), false))
        return std::nullopt;
    if (!is_given_name(name, family.last, name.letters.size())) return std::nullopt;
    return IsuName{std::string(name.slice(family.last, name.letters.size())),
                   std::string(name.slice(0, family.last)), true};
}

// "MarianneST-GELAIS", "SannevanKERKHOF", or a family name alone ("vanKERKHOF", "JAN").
std::optional<IsuName> given_first_name(const Printed& name, Span family) {
    const auto whole = name.letters.size();
    if (family.first == 0 || particle_words(name.slice(0, family.first), false))
        return IsuName{"", std::string(name.slice(0, whole)), false};
    const auto given_end = given_name_end(name, family.first);
    if (!is_given_name(name, 0, given_end)) return std::nullopt;
    return IsuName{std::string(name.slice(0, given_end)), std::string(name.slice(given_end, whole)),
                   false};
}

// ---------------------------------------------------------------------------------------------
// Readable names

enum class Order { given_first, family_first, as_printed };

// How the syllables of a given name the ISU printed without spaces are joined: "So Youn" would
// be no Korean name, "So-youn" is; pinyin writes one word, "Kexin".
enum class Syllables { words, hyphenated, one_word };

struct Custom {
    Order order = Order::as_printed;
    Syllables syllables = Syllables::words;
    bool dutch_ij = false;  // "IJSSEL" -> "IJssel", the Dutch digraph
};

// The ISU members (NOC codes, with the former ones of the scrape's years and the neutral
// teams), so that an unknown code keeps the printed order rather than a guess.
constexpr auto known_members = std::to_array<std::string_view>({
    "AFG", "AIN", "ALB", "ALG", "AND", "ANG", "ANT", "ARG", "ARM", "ARU", "ASA", "AUS", "AUT",
    "AZE", "BAH", "BAN", "BAR", "BDI", "BEL", "BEN", "BER", "BHU", "BIH", "BIZ", "BLR", "BOL",
    "BOT", "BRA", "BRN", "BRU", "BUL", "BUR", "CAF", "CAM", "CAN", "CAY", "CGO", "CHA", "CHI",
    "CHN", "CIV", "CMR", "COD", "COK", "COL", "COM", "CPV", "CRC", "CRO", "CUB", "CYP", "CZE",
    "DEN", "DJI", "DMA", "DOM", "ECU", "EGY", "ERI", "ESA", "ESP", "EST", "ETH", "EUN", "FIJ",
    "FIN", "FRA", "FRG", "FSM", "GAB", "GAM", "GBR", "GBS", "GDR", "GEO", "GEQ", "GER", "GHA",
    "GRE", "GRN", "GUA", "GUI", "GUM", "GUY", "HAI", "HKG", "HON", "HUN", "INA", "IND", "IRI",
    "IRL", "IRQ", "ISL", "ISR", "ISV", "ITA", "IVB", "JAM", "JOR", "JPN", "KAZ", "KEN", "KGZ",
    "KIR", "KOR", "KOS", "KSA", "KUW", "LAO", "LAT", "LBA", "LBN", "LBR", "LCA", "LES", "LIE",
    "LTU", "LUX", "MAC", "MAD", "MAR", "MAS", "MAW", "MDA", "MDV", "MEX", "MGL", "MHL", "MKD",
    "MLI", "MLT", "MNE", "MON", "MOZ", "MRI", "MTN", "MYA", "NAM", "NCA", "NED", "NEP", "NGR",
    "NIG", "NOR", "NRU", "NZL", "OAR", "OMA", "PAK", "PAN", "PAR", "PER", "PHI", "PLE", "PLW",
    "PNG", "POL", "POR", "PRK", "PUR", "QAT", "ROC", "ROU", "RSA", "RUS", "RWA", "SAM", "SCG",
    "SEN", "SEY", "SGP", "SKN", "SLE", "SLO", "SMR", "SOL", "SOM", "SRB", "SRI", "SSD", "STP",
    "SUD", "SUI", "SUR", "SVK", "SWE", "SWZ", "SYR", "TAN", "TCH", "TGA", "THA", "TJK", "TKM",
    "TLS", "TOG", "TPE", "TTO", "TUN", "TUR", "TUV", "UAE", "UGA", "UKR", "URS", "URU", "USA",
    "UZB", "VAN", "VEN", "VIE", "VIN", "YEM", "YUG", "ZAM", "ZIM",
});
static_assert(std::ranges::is_sorted(known_members));

bool is_one_of(std::string_view code, std::initializer_list<std::string_view> codes) {
    return std::ranges::find(codes, code) != codes.end();
}

// Chinese, Korean and Vietnamese names put the family name first, in English too: "Wang Meng",
// "Choi Ji-hyun". Japanese names do in Japanese, but the ISU prints them given name first and so
// do encyclopedias in English: "Ayuko Ito". Singapore, Malaysia, Hong Kong, Macao and Mongolia
// have skaters of both orders ("Pok Jing Ying Alyssa" is printed so), so the printed one stays.
Custom custom_of(std::string_view member) {
    std::string code(member);
    for (auto& c : code)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!std::ranges::binary_search(known_members, std::string_view(code))) return {};
    if (is_one_of(code, {"KOR", "PRK", "TPE"}))
        return {Order::family_first, Syllables::hyphenated, false};
    if (code == "CHN") return {Order::family_first, Syllables::one_word, false};
    if (code == "VIE") return {Order::family_first, Syllables::words, false};
    if (is_one_of(code, {"HKG", "MAC", "MAS", "MGL", "SGP"})) return {};
    return {Order::given_first, Syllables::words, is_one_of(code, {"NED", "BEL"})};
}

// "ST-GELAIS" -> "St-Gelais", "O'REILLY" -> "O'Reilly": a capital begins the name and every
// part after a hyphen or an apostrophe.
std::string title_case(std::string_view capitals, bool dutch_ij) {
    std::string titled;
    bool word_start = true;
    bool i_began_word = false;
    for_each_code_point(capitals, [&](char32_t cp) {
        const bool ij = dutch_ij && i_began_word && cp == U'J';
        append_utf8(titled, word_start || ij ? to_upper(cp) : to_lower(cp));
        i_began_word = word_start && cp == U'I';
        word_start = shape_of(cp) == Shape::joiner;
    });
    return titled;
}

// "vanKERKHOF" -> "van Kerkhof", "van'tWOUT" -> "van 't Wout", "d'ANGELO" -> "d'Angelo",
// "McDONALD" -> "McDonald".
std::string readable_family(std::string_view family, const Custom& custom) {
    std::size_t capitals = 0;
    for (std::size_t i = 0; i < family.size();) {
        const std::size_t begin = i;
        const auto cp = decode_utf8(family, i);
        if (cp && shape_of(*cp) == Shape::upper) {
            capitals = begin;
            break;
        }
    }
    const auto particles_printed = family.substr(0, capitals);
    std::string readable;
    if (const auto words = particle_words(particles_printed, false))
        for (const auto word : *words) {
            readable += word;
            if (word.back() != '\'') readable += ' ';  // "d'Angelo", but "van 't Wout"
        }
    else if (!particles_printed.empty())
        readable = std::string(particles_printed) + ' ';
    auto core = family.substr(capitals);
    for (const std::string_view prefix : {"Mac", "Mc"})
        if (core.starts_with(prefix) && core.size() > prefix.size() && core[prefix.size()] >= 'A' &&
            core[prefix.size()] <= 'Z') {
            readable += prefix;
            core.remove_prefix(prefix.size());
            break;
        }
    return readable + title_case(core, custom.dutch_ij);
}

// "SoYoun" -> {"So", "Youn"}, "AnneFloor" -> {"Anne", "Floor"}: the ISU removed a space where
// lower case meets a capital. A word that begins "Mc" or "Mac" is one word ("McKenna").
std::vector<std::string_view> given_words(std::string_view given) {
    std::vector<std::string_view> words;
    std::size_t word = 0;
    bool after_lower = false;
    for (std::size_t i = 0; i < given.size();) {
        const std::size_t begin = i;
        const auto cp = decode_utf8(given, i);
        if (!cp || is_combining_mark(*cp)) continue;  // an accent keeps the letter's case
        const auto shape = shape_of(*cp);
        if (shape == Shape::upper && after_lower) {
            const auto so_far = given.substr(word, begin - word);
            if (so_far != "Mc" && so_far != "Mac") {
                words.push_back(so_far);
                word = begin;
            }
        }
        after_lower = shape == Shape::lower;
    }
    words.push_back(given.substr(word));
    return words;
}

std::string readable_given(std::string_view given, Syllables syllables) {
    const auto words = given_words(given);
    std::string readable(words.front());
    for (const auto word : std::span(words).subspan(1))
        switch (syllables) {
            case Syllables::words:
                readable += ' ';
                readable += word;
                break;
            case Syllables::hyphenated:
                readable += '-';
                readable += word;
                break;
            case Syllables::one_word:
                readable += with_lower_initial(word);
                break;
        }
    return syllables == Syllables::hyphenated ? lower_after_hyphens(readable) : readable;
}

}  // namespace

std::optional<IsuName> parse_isu_name(std::string_view printed) {
    auto letters = letters_of(printed);
    if (!letters) return std::nullopt;
    const auto runs = capital_runs(*letters);
    if (runs.size() != 1) return std::nullopt;
    const Printed name{printed, std::move(*letters)};
    const auto family = with_mc_prefix(name.letters, runs.front());
    if (family.last < name.letters.size()) return family_first_name(name, family);
    return given_first_name(name, family);
}

std::string readable_isu_name(std::string_view printed, std::string_view member) {
    const auto name = parse_isu_name(printed);
    if (!name) return std::string(printed);
    const auto custom = custom_of(member);
    const auto family = readable_family(name->family, custom);
    if (name->given.empty()) return family;
    const auto given = readable_given(name->given, custom.syllables);
    const bool family_first = custom.order == Order::family_first ||
                              (custom.order == Order::as_printed && name->family_first);
    return family_first ? family + ' ' + given : given + ' ' + family;
}

}  // namespace heatgraph::detail
