// The advancement rule of one transition (docs/rules.md §2) on plain entrants.
#include "rules/advancement.hpp"

#include <doctest/doctest.h>

using namespace heatgraph;
using namespace heatgraph::detail;

namespace {

// Races of four: places 1..4 with the given times (ms); race numbers from 1.
std::vector<Entrant> races_of_four(const std::vector<std::vector<Millis>>& times) {
    std::vector<Entrant> entrants;
    for (std::size_t r = 0; r < times.size(); ++r)
        for (std::size_t p = 0; p < times[r].size(); ++p)
            entrants.push_back(
                {static_cast<int>(r + 1), static_cast<int>(p + 1), times[r][p], false});
    return entrants;
}

Transition isu(int capacity, RefereePolicy referee, TiePolicy ties = TiePolicy::all_advance) {
    Transition t;
    t.place_quota = 2;
    t.capacity = capacity;
    t.time_pool = TimePool::next_place;
    t.referee = referee;
    t.ties = ties;
    return t;
}

}  // namespace

TEST_CASE("place decides: the top k of each race qualify") {
    const auto entrants = races_of_four({{100, 101, 102, 103}, {200, 201, 202, 203}});
    CHECK(place_qualifiers(isu(4, RefereePolicy::on_top), entrants) ==
          std::vector<int>{0, 1, 4, 5});
}

TEST_CASE("the next-place pool holds the thirds, fastest first") {
    const auto entrants = races_of_four({{100, 101, 105, 106}, {200, 201, 102, 103}});
    const auto rule = isu(5, RefereePolicy::on_top);
    CHECK(time_pool(rule, entrants, place_qualifiers(rule, entrants)) == std::vector<int>{6, 2});
}

TEST_CASE("the all-others pool holds everyone not place-qualified") {
    auto rule = isu(5, RefereePolicy::on_top);
    rule.place_quota = 1;
    rule.time_pool = TimePool::all_others;
    const auto entrants = races_of_four({{100, 104, 105, 106}, {200, 101, 102, 103}});
    CHECK(time_pool(rule, entrants, place_qualifiers(rule, entrants)) ==
          std::vector<int>{5, 6, 7, 1, 2, 3});
}

TEST_CASE("a dead heat with the next place is in the next-place pool") {
    // 2006 heat 6: 3rd and 4th both in 1:27.994, both counted as thirds.
    const auto entrants = races_of_four({{100, 101, 107, 107}, {200, 201, 105, 210}});
    const auto rule = isu(6, RefereePolicy::on_top);
    CHECK(time_pool(rule, entrants, place_qualifiers(rule, entrants)) == std::vector<int>{6, 2, 3});
}

TEST_CASE("a referee advancement takes a time slot") {
    const auto take = isu(20, RefereePolicy::take_time_slots);
    CHECK(time_slots(take, 16, 2) == 2);  // 2026 heats: 16 Q, 2 ADV, 2 q
    CHECK(time_slots(take, 16, 3) == 1);  // 2022 heats: 16 Q, 3 ADV, 1 q
    CHECK(time_slots(take, 16, 5) == 0);  // never below zero: ADV is admitted past capacity
    CHECK(time_slots(isu(16, RefereePolicy::on_top), 14, 2) == 2);  // 2006: on top
}

TEST_CASE("ties at the last time slot follow the tie policy") {
    const std::vector<Entrant> entrants{
        {1, 3, 100, false}, {2, 3, 105, false}, {3, 3, 105, false}, {4, 3, 107, false}};
    const std::vector<int> pool{0, 1, 2, 3};
    const auto all =
        cut_by_time(isu(0, RefereePolicy::on_top, TiePolicy::all_advance), entrants, pool, 2);
    CHECK(all.sure == std::vector<int>{0, 1, 2});  // 2006: three time qualifiers for two slots
    const auto none =
        cut_by_time(isu(0, RefereePolicy::on_top, TiePolicy::none_advance), entrants, pool, 2);
    CHECK(none.sure == std::vector<int>{0});
    const auto lots =
        cut_by_time(isu(0, RefereePolicy::on_top, TiePolicy::lots), entrants, pool, 2);
    CHECK(lots.sure == std::vector<int>{0});
    CHECK(lots.tied == std::vector<int>{1, 2});
    CHECK(lots.from_tied == 1);
    const auto clear = cut_by_time(isu(0, RefereePolicy::on_top), entrants, pool, 3);
    CHECK(clear.sure == std::vector<int>{0, 1, 2});
}

TEST_CASE("only placed skaters who were not sanctioned can qualify") {
    Row row;
    row.place = 1;
    CHECK(can_qualify(row));
    row.status = Status::no_time;
    CHECK(can_qualify(row));
    row.status = Status::PEN;
    CHECK_FALSE(can_qualify(row));
    row.status = Status::finished;
    row.place.reset();
    CHECK_FALSE(can_qualify(row));
}
