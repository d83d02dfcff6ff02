// Rulings as written on the command line, against a real event (the 2022 Olympic men's 1000 m).
// The first byte chooses the ruling's kind (its value mod 7, in RulingKind order: penalize,
// rescind, advance, revoke-advance, dns, time, redraw) and the card (value / 7 mod 3: none,
// yellow, red); the rest is the ruling's text. A ruling that reads is run through a small
// what-if (few samples, one thread) and its JSON export.
#include <array>
#include <optional>
#include <vector>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    if (size == 0) return 0;
    const auto kind = static_cast<RulingKind>(data[0] % 7);
    constexpr std::array<std::string_view, 3> cards{"", "yellow", "red"};
    const auto card = cards[(data[0] / 7) % 3];
    const auto ruling = parse_ruling(kind, fuzz::text_of(data + 1, size - 1), card);
    if (!ruling) return 0;
    static_cast<void>(ruling->describe());
    WhatIfOptions options;
    options.samples = 20;
    options.threads = 1;
    options.seed = 7;
    const auto whatif = what_if(fuzz::ruled_event(), {*ruling}, std::nullopt, options);
    if (whatif) static_cast<void>(whatif_to_json(*whatif));
    return 0;
}
