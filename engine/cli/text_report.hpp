// Human-readable output of the CLI: aligned plain-text tables. UTF-8 names are aligned by the
// number of characters, not bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heatgraph/race_model.hpp"
#include "heatgraph/replay.hpp"
#include "heatgraph/whatif.hpp"

namespace heatgraph::cli {

class TextTable {
  public:
    explicit TextTable(std::vector<std::string> headers, std::string indent = "  ");
    void add(std::vector<std::string> cells);
    [[nodiscard]] std::string render() const;

  private:
    std::vector<std::vector<std::string>> rows_;
    std::string indent_;
};

// A token of the JSON contract as a reader of the text says it: "no_time" -> "no time". The
// JSON keeps its tokens (event_json.cpp reads them back); only the text renders the words.
[[nodiscard]] std::string words(std::string_view token);

// A classification rank, "–" when unranked.
[[nodiscard]] std::string rank_text(const std::optional<int>& rank);

[[nodiscard]] std::string replay_report(const Replay& replay);
[[nodiscard]] std::string path_report(const Replay& replay, const std::vector<PathStep>& path);
[[nodiscard]] std::string channels_report(const Replay& replay);
[[nodiscard]] std::string diagnostics_report(const Diagnostics& diagnostics);
// whatif_report.cpp
[[nodiscard]] std::string whatif_report(const WhatIf& whatif);
[[nodiscard]] std::string race_model_report(const RaceModel& model);

}  // namespace heatgraph::cli
