// Private: UTF-8 decoding, and the readers' check that a file is text.
#pragma once

#include <optional>
#include <string_view>

namespace heatgraph::detail {

// Decodes the sequence at text[i] and moves i past it; on a malformed sequence (a bad lead or
// continuation byte, an overlong form, a surrogate, beyond U+10FFFF) returns nullopt and moves
// i one byte on.
inline std::optional<char32_t> decode_utf8(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const int extra = lead < 0x80           ? 0
                      : (lead >> 5) == 0x6  ? 1
                      : (lead >> 4) == 0xE  ? 2
                      : (lead >> 3) == 0x1E ? 3
                                            : -1;
    if (extra < 0 || i + extra >= text.size()) {
        ++i;
        return std::nullopt;
    }
    char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return std::nullopt;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and code points beyond U+10FFFF are not UTF-8.
    constexpr char32_t least[] = {0, 0x80, 0x800, 0x10000};
    if (cp < least[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++i;
        return std::nullopt;
    }
    i += extra + 1;
    return cp;
}

// The first line that is not valid UTF-8 text (a NUL byte or a malformed sequence), if any:
// what a reader of text files says of a binary one.
inline std::optional<int> first_binary_line(std::string_view text) {
    int line = 1;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\n') ++line;
        if (text[i] == '\0' || !decode_utf8(text, i)) return line;
    }
    return std::nullopt;
}

}  // namespace heatgraph::detail
