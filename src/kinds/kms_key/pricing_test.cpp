// The AWS KMS price rule on an offer file in AWS's layout.

#include <catch2/catch.hpp>

#include "support/test_catalog.hpp"

#include "pricing/offer_import.hpp"
#include "pricing/services.hpp"

using namespace stackplan::pricing;

TEST_CASE("KMS key-months and symmetric requests import; other request kinds do not",
          "[import][kms]") {
  // AWS's layout, with test figures rather than AWS's prices.
  const std::string offer = R"j({
  "formatVersion": "v1.0", "offerCode": "awskms", "version": "20251101000000",
  "publicationDate": "2025-11-01T00:00:00Z",
  "products": {
    "KEYSKU": {"sku": "KEYSKU", "productFamily": "Encryption Key",
      "attributes": {"servicecode": "awskms", "location": "EU (Ireland)",
        "locationType": "AWS Region", "usagetype": "EU-KMS-Keys", "regionCode": "eu-west-1"}},
    "REQSKU": {"sku": "REQSKU", "productFamily": "API Request",
      "attributes": {"servicecode": "awskms", "location": "EU (Ireland)",
        "locationType": "AWS Region", "usagetype": "EU-KMS-Requests", "regionCode": "eu-west-1"}},
    "ASYMSKU": {"sku": "ASYMSKU", "productFamily": "API Request",
      "attributes": {"servicecode": "awskms", "location": "EU (Ireland)",
        "locationType": "AWS Region", "usagetype": "EU-KMS-Requests-Asymmetric",
        "regionCode": "eu-west-1"}}
  },
  "terms": {"OnDemand": {
    "KEYSKU": {"KEYSKU.T": {"offerTermCode": "T", "sku": "KEYSKU", "priceDimensions": {
      "KEYSKU.T.A": {"rateCode": "KEYSKU.T.A", "unit": "Keys", "description": "key-month",
        "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "1.1000000000"}}},
      "termAttributes": {}}},
    "REQSKU": {"REQSKU.T": {"offerTermCode": "T", "sku": "REQSKU", "priceDimensions": {
      "REQSKU.T.A": {"rateCode": "REQSKU.T.A", "unit": "Requests", "description": "free",
        "beginRange": "0", "endRange": "20000", "pricePerUnit": {"USD": "0.0000000000"}},
      "REQSKU.T.B": {"rateCode": "REQSKU.T.B", "unit": "Requests", "description": "requests",
        "beginRange": "20000", "endRange": "Inf", "pricePerUnit": {"USD": "0.0000040000"}}},
      "termAttributes": {}}},
    "ASYMSKU": {"ASYMSKU.T": {"offerTermCode": "T", "sku": "ASYMSKU", "priceDimensions": {
      "ASYMSKU.T.A": {"rateCode": "ASYMSKU.T.A", "unit": "Requests", "description": "asym",
        "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "0.0000200000"}}},
      "termAttributes": {}}}
  }}
})j";
  auto o = stackplan::testing::import_text(offer);
  REQUIRE(o.ok);
  CHECK(o.stats.prices == 3);
  auto key = o.catalog.find("eu-west-1", "kms/key", "on-demand");
  REQUIRE(key.size() == 1);
  CHECK(key[0]->usd.to_string() == "1.1");
  auto requests = o.catalog.find("eu-west-1", "kms/requests", "on-demand");
  REQUIRE(requests.size() == 2);  // the free tier and the billed one
  CHECK(service_of("kms/key") == "awskms");
}
