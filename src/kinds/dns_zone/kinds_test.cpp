// The hosted zone's line: a zone the stack creates is its own cost, an existing one is listed
// apart (paid today, not in the total). Test prices, not AWS's.

#include <catch2/catch.hpp>

#include "cost/plan.hpp"
#include "spec/load.hpp"
#include "support/test_catalog.hpp"

namespace {

const char* k_prices =
    R"(global	route53/zone	on-demand	0	25	HostedZone	0.5		t
global	route53/zone	on-demand	25	Inf	HostedZone	0.1		t
)";

stackplan::cost::ScenarioPlan plan(const std::string& dns) {
  static const auto prices = stackplan::testing::test_catalog(k_prices);
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text(
      "t.yaml", "version: 1\nname: t\nregion: eu-west-1\nnetwork: {vpc: existing}\n" + dns, diags);
  REQUIRE(loaded);
  std::vector<stackplan::model::Warning> warnings;
  return stackplan::cost::plan_scenario("base", loaded->variants.front().spec, prices, {},
                                        warnings);
}

}  // namespace

TEST_CASE("Route 53: a created zone is priced, an existing one is listed apart", "[cost][dns]") {
  const auto half = *stackplan::Decimal::parse("0.5");
  auto created = plan("dns: {zone: example.com, create_zone: true}\n");
  REQUIRE(created.items.size() == 1);
  CHECK(created.items[0].component == "dns");
  CHECK(created.items[0].monthly == half);  // the first 25 zones' price, the same everywhere
  CHECK(created.monthly == half);
  CHECK(created.existing.is_zero());

  auto existing = plan("dns: {zone: example.com}\n");
  REQUIRE(existing.items.size() == 1);
  CHECK(existing.items[0].component == "existing");
  CHECK(existing.monthly.is_zero());
  CHECK(existing.existing == half);
}
