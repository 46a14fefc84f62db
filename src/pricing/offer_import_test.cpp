#include "pricing/offer_import.hpp"

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/test_catalog.hpp"

#include "golden.hpp"

using namespace stackplan;
using namespace stackplan::pricing;

namespace {

std::string fixture(const std::string& name) {
  return std::string(STACKPLAN_SOURCE_DIR) + "/tests/fixtures/pricing/" + name;
}

std::string read(const std::string& path) {
  return stackplan::testing::read_file(path);
}

using stackplan::testing::import_text;

std::string price(const Catalog& c, const char* region, const char* key,
                  const char* term = "on-demand") {
  auto found = c.find(region, key, term);
  return found.size() == 1 ? found[0]->usd.to_string() : "missing";
}

}  // namespace

TEST_CASE("a bulk offer file imports on-demand and reserved terms", "[import]") {
  Catalog c;
  ImportStats stats;
  ImportError error;
  REQUIRE(import_price_file(fixture("offer-ec2-m5large.json"), c, stats, error));
  CHECK(stats.layout == "offer");
  CHECK(stats.source_id == "offer:AmazonEC2:20210205204500");
  CHECK(stats.products == 1);
  CHECK(stats.prices == 3);
  CHECK(price(c, "us-east-1", "ec2/instance/m5.large") == "0.096");
  CHECK(price(c, "us-east-1", "ec2/instance/m5.large", "reserved/1y/standard/no-upfront") ==
        "0.06");
  const Source* source = c.source(stats.source_id);
  REQUIRE(source != nullptr);
  CHECK(source->date == "2021-02-05");
}

TEST_CASE("GetProducts output with items as JSON strings imports the same prices", "[import]") {
  Catalog bulk;
  Catalog api;
  ImportStats s1;
  ImportStats s2;
  ImportError e;
  REQUIRE(import_price_file(fixture("offer-ec2-m5large.json"), bulk, s1, e));
  REQUIRE(import_price_file(fixture("getproducts-ec2-m5large.json"), api, s2, e));
  CHECK(s2.layout == "get-products");
  CHECK(s2.source_id == "api:AmazonEC2:20210205204500");
  REQUIRE(api.prices().size() == bulk.prices().size());
  for (std::size_t i = 0; i < api.prices().size(); ++i) {
    CHECK(api.prices()[i].usd == bulk.prices()[i].usd);
    CHECK(api.prices()[i].term == bulk.prices()[i].term);
  }
}

TEST_CASE("RDS and Aurora instances from a regional offer file", "[import]") {
  Catalog c;
  ImportStats stats;
  ImportError error;
  REQUIRE(import_price_file(fixture("offer-rds-us-east-1.json"), c, stats, error));
  CHECK(price(c, "us-east-1", "rds/instance/postgres/db.t3.micro/single-az") == "0.018");
  CHECK(price(c, "us-east-1", "aurora/instance/postgres/db.r6g.large/standard") == "0.26");
}

TEST_CASE("Savings Plans files keep Linux EC2 and Fargate rates of real regions", "[import]") {
  Catalog real;
  ImportStats stats;
  ImportError error;
  REQUIRE(import_price_file(fixture("savings-plan-compute.json"), real, stats, error));
  CHECK(stats.layout == "savings-plan");
  CHECK(stats.prices == 0);  // the real excerpt's rate is a Local Zone, non-Linux usage

  // Synthetic values, only to exercise the mapping.
  auto o = import_text(R"({"version": "1", "publicationDate": "2026-06-23T00:00:00Z",
    "products": [{"sku": "PLAN", "productFamily": "ComputeSavingsPlans",
                  "attributes": {"purchaseTerm": "3yr", "purchaseOption": "Partial Upfront"}}],
    "terms": {"savingsPlan": [{"sku": "PLAN", "rates": [
      {"rateCode": "PLAN.A", "discountedUsageType": "USE2-BoxUsage:t4g.small",
       "discountedOperation": "RunInstances", "unit": "Hrs",
       "discountedRate": {"price": "0.0123", "currency": "USD"},
       "discountedRegionCode": "us-east-2"},
      {"rateCode": "PLAN.B", "discountedUsageType": "USE2-BoxUsage:t4g.small",
       "discountedOperation": "RunInstances:0002", "unit": "Hrs",
       "discountedRate": {"price": "0.05", "currency": "USD"},
       "discountedRegionCode": "us-east-2"},
      {"rateCode": "PLAN.C", "discountedUsageType": "USE2-Fargate-GB-Hours",
       "discountedOperation": "FargateTask", "unit": "Hrs",
       "discountedRate": {"price": "0.003", "currency": "USD"},
       "discountedRegionCode": "us-east-2"}]}]}})");
  REQUIRE(o.ok);
  CHECK(o.stats.prices == 2);
  CHECK(price(o.catalog, "us-east-2", "ec2/instance/t4g.small",
              "savings-plan/compute/3y/partial-upfront") == "0.0123");
  CHECK(price(o.catalog, "us-east-2", "fargate/memory/x86_64",
              "savings-plan/compute/3y/partial-upfront") == "0.003");
}

TEST_CASE("a truncated offer file fails at the byte where it ends", "[import][faults]") {
  std::string text = read(fixture("offer-rds-us-east-1.json"));
  for (std::size_t cut : {std::size_t{1}, text.size() / 3, text.size() / 2, text.size() - 2}) {
    INFO(cut);
    auto o = import_text(text.substr(0, cut));
    CHECK_FALSE(o.ok);
    CHECK(o.error.file == "input.json");
    CHECK(o.error.message.rfind("malformed JSON: ", 0) == 0);
    CHECK(o.error.byte == cut);
    CHECK(o.catalog.prices().empty());
  }
}

TEST_CASE("input that is not a price file is refused with its offset", "[import][faults]") {
  auto garbage = import_text("{\"products\": {\"A\": {\"sku\": \"A\"}}, \"terms\": [1, }");
  CHECK_FALSE(garbage.ok);
  CHECK(garbage.error.byte == 47);  // the stray }
  auto other = import_text("{\"hello\": \"world\"}");
  CHECK_FALSE(other.ok);
  CHECK(other.error.message.rfind("not an AWS offer file", 0) == 0);
  auto order = import_text(R"({"version": "1", "terms": {"OnDemand": {"A": {"A.B": {}}}},
                                "products": {}})");
  CHECK_FALSE(order.ok);
  CHECK(order.error.message ==
        "terms come before products; an AWS offer file lists products first");
  auto no_price = import_text(R"({"version": "1", "offerCode": "AmazonECS", "products": {"A": {
      "sku": "A", "productFamily": "Compute", "attributes": {"servicecode": "AmazonECS",
      "regionCode": "us-east-1", "usagetype": "USE1-Fargate-GB-Hours"}}},
    "terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {"A.T.R": {"unit": "hours",
      "pricePerUnit": {"EUR": "1"}}}}}}}})");
  CHECK_FALSE(no_price.ok);
  CHECK(no_price.error.message == "price dimension A.T.R has no USD price");
}

TEST_CASE("a missing file is reported", "[import][faults]") {
  Catalog c;
  ImportStats stats;
  ImportError error;
  CHECK_FALSE(import_price_file("/nonexistent/offer.json", c, stats, error));
  CHECK(error.message == "cannot open: No such file or directory");
}

TEST_CASE("pricing-page files: labels map to keys, with SKU, tiers, units and reservations",
          "[import][pages]") {
  auto o = import_text(read(fixture("page-rds-storage.json")));
  INFO(o.error.message);
  REQUIRE(o.ok);
  CHECK(o.stats.layout == "pages");
  CHECK(o.stats.products == 4);
  CHECK(o.stats.products_used == 3);
  CHECK(o.stats.unmapped.at("Database Storage Multi AZ SQL Server Mirror General Purpose") == 1);
  CHECK(price(o.catalog, "us-east-2", "rds/storage/gp2/multi-az") == "0.23");
  CHECK(price(o.catalog, "ap-northeast-1", "rds/storage/gp2/multi-az") == "0.276");
  // One engine-neutral label feeds both Aurora engines.
  CHECK(price(o.catalog, "us-east-2", "aurora/storage/postgres/standard") == "0.1");
  CHECK(price(o.catalog, "us-east-2", "aurora/storage/mysql/standard") == "0.1");
  auto gp2 = o.catalog.find("us-east-2", "rds/storage/gp2/multi-az");
  CHECK(gp2[0]->sku == "MJWWWDHFW7W5NJBS");
  CHECK(gp2[0]->unit == "GB-Mo");
  const Source* source = o.catalog.source(gp2[0]->source);
  REQUIRE(source != nullptr);
  CHECK(source->id == "page:rds-storage:20251205171609:input");
  CHECK(source->date == "2025-12-05");
  CHECK(source->reference ==
        "AWS pricing page data rds/rds-storage, published 2025-12-05T17:16:09Z (imported from "
        "input.json)");

  auto ebs = import_text(read(fixture("page-ebs.json")));
  REQUIRE(ebs.ok);
  // Listed per GiBps-month, priced per MiBps-month: 40.96 / 1024.
  CHECK(price(ebs.catalog, "us-east-2", "ec2/ebs/gp3/throughput") == "0.04");
  // Two labels with one price are one price.
  CHECK(price(ebs.catalog, "us-east-2", "ec2/ebs/gp2") == "0.1");

  auto ri = import_text(read(fixture("page-rds-reserved.json")));
  REQUIRE(ri.ok);
  auto reserved = ri.catalog.find("us-east-2", "rds/instance/postgres/db.t4g.micro/multi-az",
                                  "reserved/1y/standard/partial-upfront");
  REQUIRE(reserved.size() == 1);
  CHECK(reserved[0]->usd.to_string() == "0.01");
  CHECK(reserved[0]->upfront->to_string() == "88");
}

TEST_CASE("pricing-page files: bad prices and disagreeing labels are located errors",
          "[import][pages]") {
  auto alb = [](const char* entry) {
    std::string text =
        R"j({"manifest":{"serviceId":"elb","hawkFilePublicationDate":"2025-11-03T16:22:14Z",)j"
        R"j("source":"elb"},"regions":{"US East (Ohio)":{"Application Load Balancer Hours":)j";
    text += entry;
    text += "}}}";
    return text;
  };
  auto negative = import_text(alb(R"j({"price":"-1"})j"));
  CHECK_FALSE(negative.ok);
  CHECK(negative.error.message ==
        "entry 'Application Load Balancer Hours' of US East (Ohio): price -1 is negative");
  // The offset of the entry's value.
  CHECK(negative.error.byte == alb(R"j({"price":"-1"})j").rfind('{'));
  auto text = import_text(alb(R"j({"price":"cheap"})j"));
  CHECK(text.error.message ==
        "entry 'Application Load Balancer Hours' of US East (Ohio): price "
        "'cheap' is not a decimal number");
  auto none = import_text(alb(R"j({"rateCode":"X"})j"));
  CHECK(none.error.message ==
        "entry 'Application Load Balancer Hours' of US East (Ohio): no price");

  const std::string ec2 =
      R"j({"manifest":{"hawkFilePublicationDate":"2025-11-20T00:00:00Z","source":"ec2"},)j"
      R"j("regions":{"US East (Ohio)":{"OnDemand Linux-instancetype-t3.micro":{"price":"0.0104"},)j"
      R"j("t3 micro Linux":{"price":"0.0110","Instance Type":"t3.micro",)j"
      R"j("Operating System":"Linux"}}}})j";
  auto clash = import_text(ec2);
  CHECK_FALSE(clash.ok);
  CHECK(clash.error.message ==
        "entry 't3 micro Linux' of US East (Ohio): it prices ec2/instance/t3.micro in us-east-2 "
        "at 0.011, but entry 'OnDemand Linux-instancetype-t3.micro' prices it at 0.0104");

  auto undated = import_text(R"j({"manifest":{"source":"elb"},"regions":{}})j");
  CHECK(undated.error.message ==
        "a pricing-page file needs its publication date (manifest.hawkFilePublicationDate, e.g. "
        "\"2025-12-05T17:16:09Z\")");
  auto unnamed = import_text(R"j({"manifest":{},"regions":{}})j");
  CHECK(unnamed.error.message ==
        "a pricing-page file names its page in manifest.source (e.g. \"rds-storage\")");
  auto shapeless = import_text(R"j({"regions":[]})j");
  CHECK(shapeless.error.message ==
        "not an AWS offer file, Savings Plans file, GetProducts output or pricing-page file (no "
        "'products', 'PriceList' or 'manifest' with 'regions')");
}

TEST_CASE("offer files with a negative price are refused", "[import]") {
  std::string text = read(fixture("offer-rds-us-east-1.json"));
  const std::string usd = "\"USD\": \"";
  auto at = text.find(usd);
  REQUIRE(at != std::string::npos);
  text.replace(at, usd.size(), "\"USD\": \"-");
  auto o = import_text(text);
  CHECK_FALSE(o.ok);
  CHECK(o.error.message.find("has a negative USD price (-") != std::string::npos);
}
