#include "model/context.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

using namespace stackplan;

TEST_CASE("a usage figure's default comes from its kind's declaration", "[cost][usage]") {
  const model::Kind kind{"test_kind",
                         "compute",
                         "aws_test.main",
                         "a kind for this test",
                         {{"requests", "requests", 2500, "Requests a month"},
                          {"capacity", "units", 0, "Capacity", "the spec's minimum"}},
                         nullptr,
                         nullptr};
  const model::Resource r{&kind, "aws_test.main", "main", -1};
  pricing::Catalog catalog;
  spec::Spec spec;
  model::UsageOverrides overrides;
  model::Context ctx(catalog, spec, overrides);

  model::Usage declared = ctx.usage(r, "requests", std::nullopt, "");
  CHECK(declared.value == Decimal::from_int(2500));
  CHECK(declared.assumption == "requests = 2,500 (default)");
  CHECK(ctx.usage(r, "requests", 7, "x.requests").assumption == "requests = 7 (spec: x.requests)");
  CHECK(ctx.usage_or(r, "capacity", std::nullopt, "", 3).value == Decimal::from_int(3));

  overrides["aws_test.main"]["requests"] = 10;
  CHECK(ctx.usage(r, "requests", 7, "x.requests").assumption == "requests = 10 (usage file)");

  // A figure the kind does not declare, or declares with a default in words, is a bug.
  CHECK_THROWS_AS(ctx.usage(r, "undeclared", std::nullopt, ""), std::logic_error);
  CHECK_THROWS_AS(ctx.usage(r, "capacity", std::nullopt, ""), std::logic_error);
}
