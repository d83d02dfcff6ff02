// The result-table reader: the three real ISU tables against what their data shows (the
// .truth.json files of tests/data/isu), and every column, code and bad input on small tables.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "sources/stage_names.hpp"
#include "test_support.hpp"

using namespace heatgraph;

namespace {

const char* const isu_tables[] = {"europeans-2006-poland-women-1000m",
                                  "world-cup-2012-calgary-women-500m",
                                  "world-juniors-2020-bormio-women-1500m"};

nlohmann::json truth_of(const std::string& name) {
    std::ifstream in(test::source_path("tests/data/isu/" + name + ".truth.json"));
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

// The canonical name of race `number` of a round as the ISU names it ("FinalB", "RepHeats").
std::string race_name(const std::string& round, int number) {
    const auto stage = detail::stage_of_heading(round);
    REQUIRE(stage);
    if (stage->lettered && round.size() >= 2 && round.back() >= 'A' && round.back() <= 'D')
        return detail::race_label(*stage, round.back() - 'A' + 1);
    if (stage->lettered) return std::string(stage->race_prefix);
    return detail::race_label(*stage, number);
}

struct Found {
    const Row* row = nullptr;
    const Row* before = nullptr;  // the skater's row in the stage before, if any
    std::string stage;
};

// The skater of `id` in the race named `race`, and their row before it.
Found find(const Event& event, const std::string& id, const std::string& race) {
    Found found;
    const Row* last = nullptr;
    for (const auto& round : event.rounds)
        for (const auto& r : round.races)
            for (const auto& row : r.results) {
                if (row.athlete_id != id) continue;
                if (r.name == race) {
                    found = {&row, last, round.name};
                    return found;
                }
                last = &row;
            }
    return found;
}


}  // namespace

TEST_CASE("the three ISU tables: every skater of every later round comes from the race the "
          "data shows, for the reason recorded, or entered directly") {
    for (const char* name : isu_tables) {
        CAPTURE(std::string(name));
        const auto r = replay(test::event_file("scenarios/events/" + std::string(name) + ".csv"));
        for (const auto& d : r.diagnostics)
            CHECK_MESSAGE(d.severity != Severity::error, d.message);
        const auto truth = truth_of(name);
        int checked = 0;
        for (const auto& round : truth["advancement"]) {
            const std::string round_name = round["round"];
            for (const auto& skater : round["skaters"]) {
                CAPTURE(skater.dump());
                const auto here = find(r.event, skater["isu_id"], race_name(round_name, skater["race"]));
                REQUIRE(here.row);
                ++checked;
                if (!skater["from"].is_object()) {
                    CHECK(skater["from"] == "direct");
                    CHECK(here.row->entry == Entry::direct);
                    continue;
                }
                const auto& from = skater["from"];
                REQUIRE(here.before);
                const auto before = find(r.event, skater["isu_id"],
                                         race_name(from["round"], from["race"]));
                CHECK(before.row == here.before);
                REQUIRE(here.before->advance);
                CHECK((here.before->advance->to == here.stage ||
                       here.before->advance->to == race_name(round_name, skater["race"])));
                // A recorded mark is the reason.
                const std::string qual = from["qual"];
                if (!qual.empty()) {
                    CHECK(here.before->advance->source == ReasonSource::recorded);
                    CHECK(to_string(here.before->advance->reason) == qual);
                }
            }
        }
        CHECK(checked > 0);
    }
}
