// The Route 53 price rules: offer-file products and pricing-page labels, mapped to the one
// global key.

#include <catch2/catch.hpp>

#include "pricing/rules.hpp"
#include "pricing/services.hpp"

using namespace stackplan::pricing;

TEST_CASE("Route 53 zones map to one global price from offer files and pricing pages",
          "[rules][dns]") {
  Product zone{"SKU", "AmazonRoute53", "DNS Zone", {{"usagetype", "HostedZone"}}};
  auto mapped = map_product(zone);
  REQUIRE(mapped);
  CHECK(mapped->region == "global");
  CHECK(mapped->key == "route53/zone");
  Product queries{"SKU2", "AmazonRoute53", "DNS Query", {{"usagetype", "DNS-Queries"}}};
  CHECK_FALSE(map_product(queries));

  auto first = map_page_entry(PageEntry{"route53", "DNS Zone first 25", {}});
  REQUIRE(first);
  REQUIRE(first->keys.size() == 1);
  CHECK(first->keys[0] == "route53/zone");
  CHECK(first->end == *stackplan::Decimal::parse("25"));
  auto rest = map_page_entry(PageEntry{"route53", "DNS Zone", {}});
  REQUIRE(rest);
  CHECK(rest->begin == *stackplan::Decimal::parse("25"));
  CHECK_FALSE(rest->end);

  CHECK(service_of("route53/zone") == "AmazonRoute53");
}
