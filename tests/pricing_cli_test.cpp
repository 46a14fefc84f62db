// The pricing commands end to end, in-process.

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "cost/coverage.hpp"
#include "golden.hpp"
#include "pricing/catalog.hpp"
#include "support/http_server.hpp"

namespace fs = std::filesystem;
using stackplan::testing::check_golden;
using stackplan::testing::enter_source_dir;
using stackplan::testing::run_cli;
using stackplan::testing::run_cli_parts;
namespace cost = stackplan::cost;
namespace pricing = stackplan::pricing;

namespace {
std::string read(const fs::path& path) {
  return stackplan::testing::read_file(path.string());
}
}  // namespace

TEST_CASE("pricing show lists cited prices", "[pricing-cli][golden]") {
  enter_source_dir();
  CHECK(check_golden("tests/golden/pricing-show-rds-us-east-1.txt",
                     run_cli({"pricing", "show", "--region", "us-east-1", "--service", "AmazonRDS",
                              "--filter", "key=rds/instance/postgres/db.t4g.*"}))
            .empty());
  CHECK(check_golden("tests/golden/pricing-show-rds-us-east-2.txt",
                     run_cli({"pricing", "show", "--region", "us-east-2", "--service", "AmazonRDS",
                              "--filter", "key=rds/storage/*"}))
            .empty());
  CHECK(check_golden("tests/golden/pricing-show-missing.txt",
                     run_cli({"pricing", "show", "--region", "eu-south-1", "--service", "AWSELB"}))
            .empty());
  std::string bad = run_cli({"pricing", "show", "--service", "AmazonRSD"});
  CHECK(bad.find("did you mean 'AmazonRDS'?") != std::string::npos);
  CHECK(bad.find("--- exit 2") != std::string::npos);
}

TEST_CASE("import then show uses exactly the imported prices", "[pricing-cli]") {
  enter_source_dir();
  fs::path dir = stackplan::testing::temp_path("stackplan-cli-import");
  fs::remove_all(dir);
  std::string out = run_cli({"pricing", "import", "tests/fixtures/pricing/offer-rds-us-east-1.json",
                             "--catalog", dir.string()});
  CHECK(out.find("--- exit 0") != std::string::npos);
  std::string shown = run_cli({"pricing", "show", "--catalog", dir.string(), "--format", "json",
                               "--filter", "key=rds/instance/postgres/db.t3.micro/*"});
  CHECK(shown.find("\"usd\": \"0.018\"") != std::string::npos);
  CHECK(shown.find("\"id\": \"offer:AmazonRDS:20260318225923\"") != std::string::npos);

  // A broken file changes nothing, byte for byte.
  std::string before = read(dir / "catalog.tsv");
  fs::path broken = dir / "broken.json";
  std::string text = read("tests/fixtures/pricing/offer-ec2-m5large.json");
  std::ofstream(broken, std::ios::binary) << text.substr(0, text.size() / 2);
  std::string failed =
      run_cli({"pricing", "import", "tests/fixtures/pricing/offer-ec2-m5large.json",
               broken.string(), "--catalog", dir.string()});
  CHECK(failed.find("--- exit 2") != std::string::npos);
  CHECK(failed.find("error: malformed JSON: the file ends early") != std::string::npos);
  CHECK(read(dir / "catalog.tsv") == before);
  fs::remove_all(dir);
}

TEST_CASE("import and update refuse to write the built-in snapshot", "[pricing-cli]") {
  ::unsetenv("STACKPLAN_CATALOG");
  std::string out = run_cli({"pricing", "import", "x.json"});
  CHECK(out.find("say which catalog to write") != std::string::npos);
  CHECK(out.find("--- exit 2") != std::string::npos);
}

TEST_CASE("update reports an unreachable endpoint as an environment failure", "[pricing-cli]") {
  fs::path dir = stackplan::testing::temp_path("stackplan-cli-update");
  fs::remove_all(dir);
  // Port 9 on loopback: nothing listens, the connection is refused at once.
  std::string out =
      run_cli({"pricing", "update", "--service", "AmazonRDS", "--region", "us-east-1", "--endpoint",
               "http://127.0.0.1:9", "--catalog", dir.string(), "--retries", "0"});
  CHECK(out.find("Couldn't connect to server (after 1 attempt)") != std::string::npos);
  CHECK(out.find("--- exit 3") != std::string::npos);
  CHECK(out.find("is unchanged") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "catalog.tsv"));
  fs::remove_all(dir);
}

TEST_CASE("update --retries sets how often a failing request is tried", "[pricing-cli]") {
  fs::path dir = stackplan::testing::temp_path("stackplan-cli-retries");
  fs::remove_all(dir);
  stackplan::testing::HttpServer server([](const stackplan::testing::Request&) {
    return stackplan::testing::Response{503, {}, "unavailable"};
  });
  std::string out =
      run_cli({"pricing", "update", "--service", "AmazonRDS", "--region", "us-east-1", "--endpoint",
               server.url(), "--catalog", dir.string(), "--retries", "1"});
  CHECK(out.find("HTTP 503 (after 2 attempts)") != std::string::npos);
  CHECK(out.find("--- exit 3") != std::string::npos);
  CHECK(server.requests().size() == 2);
  CHECK_FALSE(fs::exists(dir / "catalog.tsv"));

  out = run_cli({"pricing", "update", "--catalog", dir.string(), "--retries", "21"});
  CHECK(out.find("--retries: needs a whole number from 0 to 20; got '21'") != std::string::npos);
  CHECK(out.find("--- exit 2") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("every price the cost model asks for, in every snapshot region, is priced or a known gap",
          "[pricing-cli][coverage]") {
  const pricing::Catalog& snapshot = pricing::Catalog::snapshot();
  std::vector<std::string> regions = snapshot.regions();
  CHECK(regions == std::vector<std::string>{"ap-northeast-1", "ap-south-1", "ap-southeast-1",
                                            "ap-southeast-2", "ca-central-1", "eu-central-1",
                                            "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3",
                                            "me-central-1", "sa-east-1", "us-east-1", "us-east-2",
                                            "us-west-1", "us-west-2"});
  cost::Coverage cov = cost::coverage(snapshot, regions);
  std::set<std::string> keys;
  for (const auto& row : cov.rows) {
    keys.insert(row.key + " " + row.term);
    for (const auto& region : regions) {
      INFO(row.key << " " << row.term << " " << region);
      auto cell = row.cells.find(region);
      REQUIRE(cell != row.cells.end());
      CHECK((cell->second.price != nullptr || cell->second.gap != nullptr));
    }
  }
  CHECK(cov.unexplained() == 0);
  // The probe reaches every engine, configuration, platform and purchase model.
  for (const char* want :
       {"rds/instance/postgres/db.t4g.micro/single-az on-demand",
        "rds/instance/postgres/db.t4g.micro/multi-az on-demand",
        "rds/instance/mysql/db.t4g.small/multi-az on-demand", "rds/iops/io1/multi-az on-demand",
        "aurora/instance/postgres/db.r6g.large/standard on-demand",
        "aurora/instance/postgres/db.r6g.large/io-optimized on-demand",
        "aurora/serverless-v2/postgres/standard on-demand",
        "aurora/serverless-v2/mysql/io-optimized on-demand", "efs/storage/standard on-demand",
        "s3/storage/standard-ia on-demand", "fargate/vcpu/arm64 on-demand",
        "fargate-spot/vcpu/x86_64 on-demand", "ec2/instance/t4g.small spot",
        "ec2/instance/t4g.small reserved/1y/standard/no-upfront",
        "ec2/instance/t4g.small savings-plan/compute/1y/no-upfront", "ec2/nat/hours on-demand",
        "aurora/instance/postgres/db.r7g.large/standard savings-plan/database/1y/no-upfront",
        "rds/instance/mysql/db.m7g.large/single-az savings-plan/database/1y/no-upfront",
        "route53/zone on-demand"}) {
    CHECK(keys.count(want) == 1);
  }
}

TEST_CASE("a price neither in the catalog nor a known gap is reported missing",
          "[pricing-cli][coverage]") {
  pricing::Catalog without;
  for (const auto& [id, source] : pricing::Catalog::snapshot().sources()) {
    without.add_source(source);
  }
  for (const auto& p : pricing::Catalog::snapshot().prices()) {
    if (!(p.region == "eu-west-3" && p.key == "elb/alb/lcu")) {
      without.add_price(p);
    }
  }
  REQUIRE(without.merge(pricing::Catalog()).empty());  // sorts
  cost::Coverage cov = cost::coverage(without, {"eu-west-3", "eu-west-2"});
  CHECK(cov.unexplained() == 1);
  for (const auto& row : cov.rows) {
    if (row.key == "elb/alb/lcu") {
      CHECK(row.cells.at("eu-west-3").price == nullptr);
      CHECK(row.cells.at("eu-west-3").gap == nullptr);
      CHECK(row.cells.at("eu-west-2").price != nullptr);
    }
  }
}

TEST_CASE("docs/pricing.md carries the coverage of the snapshot", "[pricing-cli][golden]") {
  enter_source_dir();
  std::string doc = stackplan::testing::read_file("docs/pricing.md");
  const std::string begin =
      "<!-- coverage: generated by stackplan pricing show --coverage "
      "--format markdown; UPDATE_GOLDEN=1 refreshes it -->\n";
  const std::string end = "<!-- coverage end -->\n";
  auto from = doc.find(begin);
  auto to = doc.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  auto r = run_cli_parts({"pricing", "show", "--coverage", "--format", "markdown"});
  REQUIRE(r.code == 0);
  std::string expected = doc.substr(0, from + begin.size()) + r.out + doc.substr(to);
  CHECK(check_golden("docs/pricing.md", expected).empty());
}
