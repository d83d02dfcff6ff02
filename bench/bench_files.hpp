// Shared by the benchmarks: the project's files, read whole.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace heatgraph::bench {

// A file of the source tree (`relative` to it), read whole.
inline std::string source_file(const std::string& relative) {
    std::ifstream in(std::string(HEATGRAPH_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace heatgraph::bench
