#include "pricing/price_book.hpp"

#include <catch2/catch.hpp>

#include "golden.hpp"

using namespace stackplan;
using namespace stackplan::pricing;

namespace {
std::string fixture(const std::string& name) {
  return std::string(STACKPLAN_SOURCE_DIR) + "/tests/fixtures/prices/" + name;
}
}  // namespace

TEST_CASE("a price book replaces prices and discounts a service, citing itself", "[prices]") {
  Diagnostics diags;
  auto book = read_price_book(fixture("book.yaml"), Catalog::snapshot(), diags);
  INFO(diags.all().size());
  REQUIRE(book);
  REQUIRE(book->prices.size() == 2);
  CHECK(book->prices[0].usd.to_string() == "0.0118");
  CHECK(book->prices[0].note == "AWS console quote 2026-11-30");
  CHECK(book->prices[1].term == "on-demand");  // the default term
  REQUIRE(book->discounts.size() == 1);
  CHECK(book->discounts[0].second.to_string() == "8");

  Catalog catalog = Catalog::snapshot(Catalog::Regions{"us-east-2"});
  const std::string gp3 = catalog.find("us-east-2", "ec2/ebs/gp3")[0]->usd.to_string();
  CHECK(gp3 == "0.08");
  apply_price_book(*book, catalog);
  // The discount: every AmazonEC2 price of the catalog, 8% off, citing the original source.
  const Price* volume = catalog.find("us-east-2", "ec2/ebs/gp3")[0];
  CHECK(volume->usd.to_string() == "0.0736");
  const Source* cited = catalog.source(volume->source);
  REQUIRE(cited != nullptr);
  CHECK(cited->date == "2024-07-18");
  CHECK(cited->reference.find("less the 8% AmazonEC2 discount of price book: ") !=
        std::string::npos);
  // Other services keep their prices.
  CHECK(catalog.find("us-east-2", "elb/alb/hours")[0]->usd.to_string() == "0.0225");
  // The quote: not discounted (a quote is what you pay), cited with its note.
  auto rate =
      catalog.find("us-east-2", "ec2/instance/t4g.small", "savings-plan/compute/1y/no-upfront");
  REQUIRE(rate.size() == 1);
  CHECK(rate[0]->usd.to_string() == "0.0118");
  CHECK(rate[0]->source ==
        "price book: " + fixture("book.yaml") + " (AWS console quote 2026-11-30)");
  CHECK(rate[0]->unit == "Hrs");
  // A class of a family the snapshot prices is a known key.
  CHECK(catalog.find("us-east-2", "rds/instance/postgres/db.m7g.48xlarge/single-az")[0]->usd ==
        *Decimal::parse("0.008"));
}

TEST_CASE("a price book's mistakes are located errors, all at once", "[prices][golden]") {
  testing::enter_source_dir();
  CHECK(testing::check_golden("tests/golden/prices-bad.txt",
                              testing::run_cli({"plan", "examples/operationcode/stack.yaml",
                                                "--prices", "tests/fixtures/prices/bad.yaml"}))
            .empty());
}

TEST_CASE("plan and lint --spec read a price book from --prices or STACKPLAN_PRICES", "[prices]") {
  testing::enter_source_dir();
  auto plain = testing::run_cli_parts(
      {"plan", "examples/operationcode/stack.yaml", "--scenario", "target", "--format", "json"});
  REQUIRE(plain.code == 0);
  CHECK(plain.out.find("\"price_missing\": true") != std::string::npos);
  ::setenv("STACKPLAN_PRICES", "tests/fixtures/prices/book.yaml", 1);
  auto booked = testing::run_cli_parts(
      {"plan", "examples/operationcode/stack.yaml", "--scenario", "target", "--format", "json"});
  ::unsetenv("STACKPLAN_PRICES");
  REQUIRE(booked.code == 0);
  // The quoted Savings Plan rate fills the only missing price of the target.
  CHECK(booked.out.find("\"price_missing\": true") == std::string::npos);
  CHECK(booked.out.find("with price book tests/fixtures/prices/book.yaml (2 prices, 1 discount)") !=
        std::string::npos);
  CHECK(booked.out.find("(price book: tests/fixtures/prices/book.yaml (AWS console quote "
                        "2026-11-30))") != std::string::npos);
  auto text = testing::run_cli_parts({"plan", "examples/operationcode/stack.yaml", "--prices",
                                      "tests/fixtures/prices/bad.yaml", "--format", "json"});
  CHECK(text.code == 2);
  CHECK(text.out.empty());
  // lint's cost guardrails read the same book.
  auto lint = testing::run_cli_parts({"lint", "tests/fixtures/prices", "--spec",
                                      "examples/operationcode/stack.yaml", "--budget", "1",
                                      "--prices", "tests/fixtures/prices/bad.yaml"});
  CHECK(lint.code == 2);
  CHECK(lint.err.find("bad.yaml:4:45: error: unknown region 'us-east2' [prices.unknown-region]") !=
        std::string::npos);
}
