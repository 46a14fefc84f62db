#include "util/decimal.hpp"

#include <catch2/catch.hpp>

using stackplan::Decimal;

TEST_CASE("Decimal parses exactly what is written", "[decimal]") {
  CHECK(Decimal::parse("0.024")->units() == 240'000'000);
  CHECK(Decimal::parse("13.20")->to_string() == "13.2");
  CHECK(Decimal::parse("-3.5")->units() == -35'000'000'000);
  CHECK(Decimal::parse("+10")->to_string() == "10");
  CHECK(Decimal::parse("1.5e-3")->to_string() == "0.0015");
  CHECK(Decimal::parse("2E2")->to_string() == "200");
  CHECK(Decimal::parse("0.0000000001")->units() == 1);
  CHECK(Decimal::parse("0.00000000010")->units() == 1);  // trailing zero below the scale
}

TEST_CASE("Decimal rejects what it cannot hold exactly", "[decimal]") {
  CHECK_FALSE(Decimal::parse(""));
  CHECK_FALSE(Decimal::parse("."));
  CHECK_FALSE(Decimal::parse("abc"));
  CHECK_FALSE(Decimal::parse("1.2.3"));
  CHECK_FALSE(Decimal::parse("1e"));
  CHECK_FALSE(Decimal::parse("0.00000000001"));            // eleven fractional digits
  CHECK_FALSE(Decimal::parse("99999999999999999999999"));  // out of range
  CHECK_FALSE(Decimal::parse("1e9999"));
}

TEST_CASE("Decimal rounds only when printing, half away from zero", "[decimal]") {
  CHECK(Decimal::parse("0.005")->to_fixed(2) == "0.01");
  CHECK(Decimal::parse("0.0049999")->to_fixed(2) == "0.00");
  CHECK(Decimal::parse("-0.005")->to_fixed(2) == "-0.01");
  CHECK(Decimal::parse("-0.004")->to_fixed(2) == "0.00");
  CHECK(Decimal::parse("17.52")->to_fixed(0) == "18");
  CHECK(Decimal::parse("1")->to_fixed(3) == "1.000");
  CHECK(Decimal::from_units(INT64_MIN).to_fixed(2) == "-922337203.69");
}

TEST_CASE("Decimal compares by value", "[decimal]") {
  CHECK(*Decimal::parse("0.10") == *Decimal::parse("0.1"));
  CHECK(*Decimal::parse("0.024") < *Decimal::parse("0.025"));
}
