// The ElastiCache price rule on an offer file in AWS's layout.

#include <algorithm>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/test_catalog.hpp"

#include "pricing/offer_import.hpp"
#include "pricing/services.hpp"

using namespace stackplan::pricing;

namespace {

using stackplan::testing::import_text;

std::string price(const Catalog& c, const char* region, const char* key) {
  auto found = c.find(region, key, "on-demand");
  return found.size() == 1 ? found[0]->usd.to_string() : "missing";
}

}  // namespace

TEST_CASE("ElastiCache node rates import per engine; the reservation-applied $0 rate does not",
          "[import][elasticache]") {
  // AWS's layout: the on-demand term lists the rate a reservation covers at $0 beside the
  // hourly rate. The figures are test values, not AWS's.
  const std::string offer = R"j({
  "formatVersion": "v1.0", "offerCode": "AmazonElastiCache", "version": "20251101000000",
  "publicationDate": "2025-11-01T00:00:00Z",
  "products": {
    "VALKEYSKU": {"sku": "VALKEYSKU", "productFamily": "Cache Instance",
      "attributes": {"servicecode": "AmazonElastiCache", "location": "US East (Ohio)",
        "locationType": "AWS Region", "instanceType": "cache.t4g.micro", "cacheEngine": "Valkey",
        "usagetype": "USE2-NodeUsage:cache.t4g.micro", "regionCode": "us-east-2"}},
    "MEMCSKU": {"sku": "MEMCSKU", "productFamily": "Cache Instance",
      "attributes": {"servicecode": "AmazonElastiCache", "location": "US East (Ohio)",
        "locationType": "AWS Region", "instanceType": "cache.t4g.micro",
        "cacheEngine": "Memcached", "usagetype": "USE2-NodeUsage:cache.t4g.micro"}}
  },
  "terms": {"OnDemand": {
    "VALKEYSKU": {"VALKEYSKU.TERM": {"offerTermCode": "TERM", "sku": "VALKEYSKU",
      "priceDimensions": {
        "VALKEYSKU.TERM.A": {"rateCode": "VALKEYSKU.TERM.A", "unit": "Hrs",
          "description": "Valkey, cache.t4g.micro reserved instance applied",
          "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "0.0000000000"}},
        "VALKEYSKU.TERM.B": {"rateCode": "VALKEYSKU.TERM.B", "unit": "Hrs",
          "description": "$0.0123 per Valkey, cache.t4g.micro node-hour",
          "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "0.0123000000"}}},
      "termAttributes": {}}},
    "MEMCSKU": {"MEMCSKU.TERM": {"offerTermCode": "TERM", "sku": "MEMCSKU",
      "priceDimensions": {"MEMCSKU.TERM.A": {"rateCode": "MEMCSKU.TERM.A", "unit": "Hrs",
        "description": "Memcached node-hour", "beginRange": "0", "endRange": "Inf",
        "pricePerUnit": {"USD": "0.0170000000"}}},
      "termAttributes": {}}}
  }}
})j";
  auto o = import_text(offer);
  REQUIRE(o.ok);
  CHECK(o.stats.prices == 1);
  CHECK(price(o.catalog, "us-east-2", "elasticache/node/valkey/cache.t4g.micro") == "0.0123");
  CHECK(o.catalog.find("us-east-2", "elasticache/node/memcached/cache.t4g.micro", "on-demand")
            .empty());
}

TEST_CASE("ElastiCache keys belong to AmazonElastiCache, which pricing update fetches",
          "[import][elasticache]") {
  CHECK(service_of("elasticache/node/valkey/cache.t4g.micro") == "AmazonElastiCache");
  const auto& services = known_services();
  CHECK(std::find(services.begin(), services.end(), "AmazonElastiCache") != services.end());
  const KnownGap* gap =
      known_gap("us-east-1", "elasticache/node/redis/cache.m7g.large", "on-demand");
  REQUIRE(gap != nullptr);
  CHECK(std::string(gap->reason).find("AmazonElastiCache offer file") != std::string::npos);
}
