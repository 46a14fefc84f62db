#include "base/decimal.hpp"

#include <stdexcept>

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
  CHECK_FALSE(Decimal::parse("0.00000000001"));  // eleven fractional digits
  CHECK_FALSE(Decimal::parse("100000000000000000000000000.0000000001"));  // beyond 10^26
  CHECK_FALSE(Decimal::parse("-1e27"));
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
  CHECK(Decimal::from_units(-Decimal::k_max_units).to_fixed(2) ==
        "-100000000000000000000000000.00");
}

TEST_CASE("Decimal compares by value", "[decimal]") {
  CHECK(*Decimal::parse("0.10") == *Decimal::parse("0.1"));
  CHECK(*Decimal::parse("0.024") < *Decimal::parse("0.025"));
}

namespace {
stackplan::Decimal dec(const char* text) {
  return *stackplan::Decimal::parse(text);
}
}  // namespace

TEST_CASE("Decimal arithmetic is exact where it can be and rounds half away otherwise",
          "[decimal]") {
  using stackplan::Decimal;
  CHECK((dec("0.1") + dec("0.2")) == dec("0.3"));
  CHECK((dec("17.52") - dec("24.528")) == dec("-7.008"));
  CHECK((dec("730") * dec("0.0168")) == dec("12.264"));
  CHECK((dec("1460") * dec("0.0168")).to_string() == "24.528");
  // 1/3 to ten digits, and the rounding direction on both signs.
  CHECK((dec("1") / dec("3")).to_string() == "0.3333333333");
  CHECK((dec("2") / dec("3")).to_string() == "0.6666666667");
  CHECK((dec("-2") / dec("3")).to_string() == "-0.6666666667");
  CHECK((dec("0.0000000001") * dec("0.5")).to_string() == "0.0000000001");
  CHECK((dec("-0.0000000001") * dec("0.5")).to_string() == "-0.0000000001");
  CHECK(dec("52.405").rounded(2) == dec("52.41"));
  CHECK(dec("-52.405").rounded(2) == dec("-52.41"));
  CHECK(dec("52.404").rounded(2) == dec("52.4"));
  CHECK(-dec("3.5") == dec("-3.5"));
}

TEST_CASE("Decimal holds a quadrillion requests and exabytes exactly", "[decimal]") {
  // 10^15 requests a month at S3's $0.005 per 1,000; beyond 64 bits of units since 10^9.
  CHECK((dec("1000000000000000") / dec("1000") * dec("0.005")).to_string() == "5000000000");
  CHECK((dec("900000000") * dec("900000000")).to_string() == "810000000000000000");
  CHECK((dec("900000000") + dec("900000000")).to_string() == "1800000000");
  // Every digit of a product of two long figures, and its rounding on both signs.
  CHECK((dec("123456789012.3456789012") * dec("9876.5432109876")).to_string() ==
        "1219326311370211.2459530797");
  CHECK((dec("-123456789012.3456789012") * dec("9876.5432109876")).to_string() ==
        "-1219326311370211.2459530797");
  CHECK((dec("0.0000000003") * dec("0.5")).to_string() == "0.0000000002");
  CHECK((dec("99999999999999999999999999") * dec("0.5")).to_string() ==
        "49999999999999999999999999.5");
  // Division keeps ten digits of a quotient of large figures, rounded half away from zero.
  CHECK((dec("10000000000000000000000000") / dec("3")).to_string() ==
        "3333333333333333333333333.3333333333");
  CHECK((dec("2") / dec("30000000000000000000000000")).to_string() == "0");
  CHECK((dec("2") / dec("-3")).to_string() == "-0.6666666667");
}

TEST_CASE("Decimal arithmetic refuses results it cannot hold", "[decimal]") {
  using stackplan::Decimal;
  CHECK_THROWS_AS(dec("1e14") * dec("1e13"), std::overflow_error);
  CHECK_THROWS_AS(dec("1e20") * dec("1e20"), std::overflow_error);
  CHECK_THROWS_AS(dec("1e26") + dec("1"), std::overflow_error);
  CHECK_THROWS_AS(dec("-1e26") - dec("1"), std::overflow_error);
  CHECK_THROWS_AS(dec("1e25") / dec("0.0000000001"), std::overflow_error);
  CHECK(Decimal::from_int(INT64_MAX).to_string() == "9223372036854775807");
  CHECK_THROWS_AS(dec("1") / Decimal(), std::overflow_error);
  CHECK_THROWS_AS(Decimal::from_double(1e300), std::overflow_error);
}

TEST_CASE("Decimal from a double keeps the written digits", "[decimal]") {
  using stackplan::Decimal;
  CHECK(Decimal::from_double(0.1) == dec("0.1"));
  CHECK(Decimal::from_double(0.01) == dec("0.01"));
  CHECK(Decimal::from_double(1e-12).is_zero());
  CHECK(Decimal::from_double(2.0 / 3.0).to_string() == "0.6666666667");
}
