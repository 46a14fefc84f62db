// The pricing commands end to end, in-process.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "support/http_server.hpp"

namespace fs = std::filesystem;
using stackplan::testing::check_golden;
using stackplan::testing::enter_source_dir;
using stackplan::testing::run_cli;

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
