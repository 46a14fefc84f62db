#include "spec/spec.hpp"

#include <catch2/catch.hpp>

using namespace stackplan::spec;

TEST_CASE("durations", "[rules]") {
  CHECK(parse_duration("1s")->millis == 1000);
  CHECK(parse_duration("5m")->millis == 300000);
  CHECK(parse_duration("1h30m")->millis == 5400000);
  CHECK(parse_duration("168h")->millis == 604800000);
  CHECK(parse_duration("250ms")->millis == 250);
  CHECK(parse_duration("1.5h")->millis == 5400000);
  CHECK_FALSE(parse_duration("1d"));
  CHECK_FALSE(parse_duration("5"));
  CHECK_FALSE(parse_duration("m5"));
  CHECK_FALSE(parse_duration("1 s"));
  CHECK_FALSE(parse_duration(""));
}
