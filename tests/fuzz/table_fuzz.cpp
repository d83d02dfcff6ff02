// Result tables: parse_tables, then every event through the same chain as an article. A form
// feed splits the input into several files read as one table (an event split by round).
#include <vector>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    std::vector<TableText> tables;
    std::string_view rest = fuzz::text_of(data, size);
    for (;;) {
        const auto cut = rest.find('\f');
        tables.push_back({"fuzz" + std::to_string(tables.size() + 1) + ".csv",
                          std::string(rest.substr(0, cut))});
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 1);
    }
    const auto events = parse_tables(tables);
    if (!events) return 0;
    for (const auto& event : *events)
        fuzz::check_event(event);
    return 0;
}
