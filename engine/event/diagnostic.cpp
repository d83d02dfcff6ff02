#include "heatgraph/diagnostic.hpp"

#include "heatgraph/error.hpp"

namespace heatgraph {

std::string Error::describe() const {
    if (file.empty()) return message;
    if (line == 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
}

std::string_view to_string(Severity severity) {
    return severity == Severity::warning ? "warning" : "error";
}

}  // namespace heatgraph
