// heatgraph's own JSON exports read as events: parse_event_json, then the replay and the same
// round trips as an article.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    const auto event = parse_event_json(fuzz::text_of(data, size), "fuzz.json");
    if (event) fuzz::check_event(*event);
    return 0;
}
