#include "heatgraph/race_time.hpp"

#include <doctest/doctest.h>

using namespace heatgraph;

TEST_CASE("race times are read as integer milliseconds") {
    CHECK(parse_race_time("1:23.042") == 83042);
    CHECK(parse_race_time("2:10.039") == 130039);
    CHECK(parse_race_time("59.123") == 59123);
    CHECK(parse_race_time("1:23.04") == 83040);  // fewer decimals are accepted
    CHECK(parse_race_time("1:23.4") == 83400);
}

TEST_CASE("malformed race times are rejected") {
    for (const char* bad : {"", "1:23", "1:7x.000", "1:60.000", "1:23.0421", "abc", "1:2.000",
                            "1::23.000", "-1:23.000", "1:23.", ".123"})
        CHECK_MESSAGE(!parse_race_time(bad), bad);
}

TEST_CASE("race times are printed as published") {
    CHECK(format_race_time(83042) == "1:23.042");
    CHECK(format_race_time(59123) == "59.123");
    CHECK(format_race_time(137608) == "2:17.608");
    CHECK(parse_race_time(format_race_time(86768)) == 86768);
}
