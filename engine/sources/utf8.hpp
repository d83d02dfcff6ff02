// Private: UTF-8 decoding, and the readers' check that a file is text.
#pragma once

#include <utf8proc.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace heatgraph::detail {

// Decodes the sequence at text[i] and moves i past it; on a malformed sequence (a bad lead or
// continuation byte, an overlong form, a surrogate, beyond U+10FFFF) returns nullopt and moves
// i one byte on. utf8proc's validation: the library's one decoder.
inline std::optional<char32_t> decode_utf8(std::string_view text, std::size_t& i) {
    utf8proc_int32_t cp = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
                                         static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (length <= 0) {
        ++i;
        return std::nullopt;
    }
    i += static_cast<std::size_t>(length);
    return static_cast<char32_t>(cp);
}

// Appends the UTF-8 bytes of `cp` (a valid code point).
inline void append_utf8(std::string& text, char32_t cp) {
    std::array<utf8proc_uint8_t, 4> bytes{};
    const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes.data());
    text.append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(length));
}

// The offset of the first byte of `text` that is not valid UTF-8 (a malformed sequence), if any.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto at = i;
        if (!decode_utf8(text, i)) return at;
    }
    return std::nullopt;
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
