// What-if scenario files: parse_scenario, what a scenario tells the CLI (its paths, its rulings
// described), and its rulings checked against a real event (check_rulings, no what-if run).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace heatgraph;
    const auto scenario = parse_scenario(fuzz::text_of(data, size), "scenarios/whatif/fuzz.toml");
    if (!scenario) return 0;
    static_cast<void>(scenario->event_path());
    static_cast<void>(scenario->format_path());
    for (const auto& ruling : scenario->rulings)
        static_cast<void>(ruling.describe());
    const auto targets = check_rulings(fuzz::ruled_replay().event, scenario->rulings);
    if (targets && targets->size() != scenario->rulings.size())
        fuzz::fail("check_rulings resolves every ruling",
                   std::to_string(targets->size()) + " targets for " +
                       std::to_string(scenario->rulings.size()) + " rulings");
    return 0;
}
