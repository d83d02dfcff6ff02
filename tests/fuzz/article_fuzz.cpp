// Results articles: parse_article, then the replay, its JSON export read back, and the inferred
// format written and read back (fuzz_support.hpp).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    const auto event = parse_article(fuzz::text_of(data, size), "fuzz.txt");
    if (event) fuzz::check_event(*event);
    return 0;
}
