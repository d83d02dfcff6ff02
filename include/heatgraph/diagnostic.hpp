// A diagnostic is something the engine noticed and did not silently resolve: a fuzzy name
// match, a lost note, a recorded mark the rules disagree with. It never stops the work; it is
// reported alongside the result with the source line it concerns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace heatgraph {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::warning;
    int line = 0;  // source line in the event file; 0 when it concerns no single line
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] std::string_view to_string(Severity severity);

}  // namespace heatgraph
