#include "pricing/catalog.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "golden.hpp"

using namespace stackplan;
using namespace stackplan::pricing;

namespace {
const char* k_small =
    "# stackplan price catalog v1\n"
    "[sources]\n"
    "a\toffer\t2026-10-06\tAmazonRDS offer file\n"
    "[prices]\n"
    "us-east-1\ts3/storage/standard\ton-demand\t51200\t512000\tGB-Mo\t0.022\t\ta\n"
    "us-east-1\ts3/storage/standard\ton-demand\t0\t51200\tGB-Mo\t0.023\t\ta\n"
    "us-east-1\tec2/instance/m5.large\treserved/1y/standard/partial-upfront\t0\tInf\tHrs\t0.029\t"
    "252\ta\n";
}  // namespace

TEST_CASE("catalog text parses, sorts tiers and round-trips", "[catalog]") {
  std::string error;
  auto c = Catalog::parse(k_small, "t.tsv", error);
  REQUIRE(c);
  auto tiers = c->find("us-east-1", "s3/storage/standard");
  REQUIRE(tiers.size() == 2);
  CHECK(tiers[0]->usd.to_string() == "0.023");
  CHECK(tiers[0]->end->to_string() == "51200");
  CHECK(tiers[1]->begin.to_string() == "51200");
  auto ri = c->find("us-east-1", "ec2/instance/m5.large", "reserved/1y/standard/partial-upfront");
  REQUIRE(ri.size() == 1);
  CHECK(ri[0]->upfront->to_string() == "252");
  CHECK(c->find("us-east-2", "s3/storage/standard").empty());
  auto again = Catalog::parse(c->to_tsv(), "again.tsv", error);
  REQUIRE(again);
  CHECK(again->to_tsv() == c->to_tsv());
}

TEST_CASE("catalog errors name the line", "[catalog]") {
  std::string error;
  CHECK_FALSE(Catalog::parse("hello\n", "x.tsv", error));
  CHECK(error.rfind("x.tsv:1: not a stackplan price catalog", 0) == 0);
  CHECK_FALSE(
      Catalog::parse("# stackplan price catalog v1\n[prices]\n"
                     "us-east-1\tk\ton-demand\t0\tInf\tHrs\t0.1\t\tnope\n",
                     "x.tsv", error));
  CHECK(error == "x.tsv:3: price cites source 'nope', which [sources] does not list");
  CHECK_FALSE(
      Catalog::parse("# stackplan price catalog v1\n[sources]\na\toffer\td\tr\n[prices]\n"
                     "us-east-1\tk\ton-demand\t0\tInf\tHrs\tabc\t\ta\n",
                     "x.tsv", error));
  CHECK(error == "x.tsv:5: tier start and price must be decimal numbers");
}

TEST_CASE("merging replaces equal prices and drops unused sources", "[catalog]") {
  std::string error;
  auto base = Catalog::parse(k_small, "t.tsv", error);
  REQUIRE(base);
  Catalog update;
  update.add_source({"b", "offer", "2026-11-01", "newer offer"});
  update.add_price({"us-east-1", "s3/storage/standard", "on-demand", Decimal(),
                    Decimal::parse("51200"), "GB-Mo", *Decimal::parse("0.021"), std::nullopt, "b"});
  update.add_price({"us-east-1", "ec2/instance/m5.large", "reserved/1y/standard/partial-upfront",
                    Decimal(), std::nullopt, "Hrs", *Decimal::parse("0.03"), Decimal::from_int(250),
                    "b"});
  base->merge(update);
  CHECK(base->find("us-east-1", "s3/storage/standard")[0]->usd.to_string() == "0.021");
  CHECK(base->find("us-east-1", "s3/storage/standard")[1]->source == "a");
  CHECK(base->sources().size() == 2);
}

TEST_CASE("the snapshot is complete, cited and canonical", "[catalog]") {
  const Catalog& s = Catalog::snapshot();
  CHECK(s.prices().size() > 200);
  for (const auto& p : s.prices()) {
    INFO(p.region << " " << p.key << " " << p.term);
    const Source* source = s.source(p.source);
    REQUIRE(source != nullptr);
    CHECK_FALSE(source->reference.empty());
    CHECK(source->date.size() >= 7);
    CHECK(p.usd >= Decimal());
  }
  for (const char* region : {"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "me-central-1"}) {
    INFO(region);
    CHECK(s.find(region, "ec2/instance/t4g.small").size() == 1);
  }
  CHECK(s.find("us-east-1", "rds/instance/postgres/db.t4g.micro/single-az")[0]->usd.to_string() ==
        "0.016");
  // The file in the source tree is exactly what the code writes, so diffs stay meaningful.
  std::ifstream in(std::string(STACKPLAN_SOURCE_DIR) + "/pricing/catalog.tsv", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  CHECK(text.str() == s.to_tsv());
}

TEST_CASE("writing a catalog is atomic and leaves no temporary files", "[catalog]") {
  namespace fs = std::filesystem;
  fs::path dir = stackplan::testing::temp_path("stackplan-catalog-write-test");
  fs::remove_all(dir);
  std::string error;
  auto c = Catalog::parse(k_small, "t.tsv", error);
  REQUIRE(c);
  CHECK(c->write(dir.string()).empty());
  auto back = Catalog::load(dir.string(), error);
  REQUIRE(back);
  CHECK(back->to_tsv() == c->to_tsv());
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
    ++files;
  }
  CHECK(files == 1);
  fs::remove_all(dir);
}
