// The cache's cost line against hand-computed values, on a catalog written here (test
// figures, not AWS's prices), and the spec section's defaults.

#include <catch2/catch.hpp>

#include "cost/plan.hpp"
#include "spec/load.hpp"
#include "support/test_catalog.hpp"

using stackplan::Decimal;

namespace {

const char* k_prices =
    R"(us-east-1	elasticache/node/valkey/cache.t4g.micro	on-demand	0	Inf	Hrs	0.0128		t
)";

struct Planned {
  stackplan::spec::Spec spec;
  stackplan::cost::ScenarioPlan plan;
  std::vector<stackplan::model::Warning> warnings;

  const stackplan::model::LineItem* item(const std::string& fragment) const {
    for (const auto& i : plan.items) {
      if (i.description.find(fragment) != std::string::npos) {
        return &i;
      }
    }
    return nullptr;
  }
};

Planned plan(const std::string& cache) {
  static const auto prices = stackplan::testing::test_catalog(k_prices);
  std::string text = "version: 1\nname: t\nregion: us-east-1\nnetwork: {vpc: existing}\n" + cache;
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text("t.yaml", text, diags);
  REQUIRE(loaded);
  Planned p;
  p.spec = loaded->variants.front().spec;
  p.plan = stackplan::cost::plan_scenario("base", p.spec, prices, {}, p.warnings);
  return p;
}

}  // namespace

TEST_CASE("ElastiCache: node-hours of every node; a rate the catalog lacks is missing",
          "[cost][elasticache]") {
  auto p = plan("cache: {node_type: cache.t4g.micro, nodes: 3, multi_az: true}\n");
  const auto* nodes = p.item("ElastiCache Valkey cache.t4g.micro x 3, Multi-AZ, on-demand");
  REQUIRE(nodes != nullptr);
  CHECK(nodes->quantity == *Decimal::parse("2190"));  // 3 nodes x 730 h
  CHECK(nodes->unit == "node-hours");
  CHECK(nodes->monthly == *Decimal::parse("28.032"));  // 2190 * 0.0128
  CHECK(nodes->component == "cache");
  CHECK_FALSE(nodes->missing);

  auto redis = plan("cache: {engine: redis, node_type: cache.t4g.micro}\n");
  const auto* missing = redis.item("ElastiCache Redis OSS cache.t4g.micro x 1, on-demand");
  REQUIRE(missing != nullptr);
  CHECK(missing->missing);
  CHECK(redis.plan.missing == 1);
}

TEST_CASE("ElastiCache: the engine's default version, one node, one day of snapshots",
          "[spec][elasticache]") {
  auto valkey = plan("cache: {node_type: cache.t4g.micro}\n");
  REQUIRE(valkey.spec.cache);
  CHECK(valkey.spec.cache->engine == "valkey");
  CHECK(valkey.spec.cache->version == "8.0");
  CHECK(valkey.spec.cache->nodes == 1);
  CHECK_FALSE(valkey.spec.cache->multi_az);
  CHECK(valkey.spec.cache->snapshot_retention_days == 1);
  CHECK(plan("cache: {engine: redis, node_type: cache.t4g.micro}\n").spec.cache->version == "7.1");
  CHECK(plan("cache: {engine: redis, version: \"6.2\", node_type: cache.t4g.micro}\n")
            .spec.cache->version == "6.2");
  CHECK_FALSE(plan("").spec.cache);
}
