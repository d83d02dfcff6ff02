// `heatgraph simulate` and `heatgraph compare`: their options, the field and incidents they
// build, and their reports.
#pragma once

#include <cmath>
#include <iosfwd>
#include <string>
#include <vector>

#include "heatgraph/simulate.hpp"

namespace CLI {
class App;
}

namespace heatgraph::cli {

class SimulateCommand {
  public:
    void add_options(CLI::App& command, bool compare);
    // The report (text or JSON); progress of long runs on `err`. Throws InvalidInput.
    std::string run(std::ostream& err) const;

  private:
    // The skaters; a note on `err` for each one `--fit` adds as an average skater.
    Field field(std::ostream& err) const;
    IncidentRates incidents() const;

    std::vector<std::string> formats_;
    std::string field_file_;
    int skaters_ = 0;
    bool fixed_field_ = false;
    bool compare_ = false;  // `compare`: its JSON holds the differences, even of one format
    std::vector<std::string> fit_;
    std::string model_;
    double noise_ = NAN;  // NaN: not given (the options refuse a NaN)
    std::string seeding_ = "strength";
    double penalty_ = NAN, fall_ = NAN;
    std::vector<std::string> incidents_from_;
    SimulationOptions options_;
    bool json_ = false;
    bool no_timing_ = false;
};

}  // namespace heatgraph::cli
