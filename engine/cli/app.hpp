// The command-line front end: owns the parsing of arguments, every print and the exit code.
// Exit codes: 0 success, 1 usage error, 2 invalid input (file:line: message), 3 internal error.
#pragma once

#include <iosfwd>

#include "heatgraph/error.hpp"

namespace heatgraph::cli {

enum ExitCode { ok = 0, usage = 1, invalid_input = 2, internal = 3 };

// Input the user can fix: reported as file:line: message, exit code 2.
struct InvalidInput {
    Error error;
};

int run(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace heatgraph::cli
