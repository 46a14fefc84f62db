// pricing update against a real HTTP server on 127.0.0.1 serving AWS's layout and formats,
// with the faults the network produces.

#include "pricing/update.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include "golden.hpp"

#include "support/http_server.hpp"

using namespace stackplan;
using namespace stackplan::pricing;
using stackplan::testing::HttpServer;
using stackplan::testing::Request;
using stackplan::testing::Response;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  return stackplan::testing::read_file(path.string());
}

std::string fixture(const std::string& name) {
  return read(fs::path(STACKPLAN_SOURCE_DIR) / "tests/fixtures/pricing" / name);
}

const char* k_rds_file = "/offers/v1.0/aws/AmazonRDS/20260318225923/us-east-1/index.json";

/// The Bulk API layout for AmazonRDS and AmazonEC2 (with its Savings Plans index) in us-east-1.
struct FakeBulkApi {
  std::function<Response(const Request&)> rds_file = [](const Request& r) {
    Response ok{200, {{"ETag", "\"rds-v1\""}}, fixture("offer-rds-us-east-1.json")};
    if (r.headers.count("if-none-match") != 0 && r.headers.at("if-none-match") == "\"rds-v1\"") {
      return Response{304, {{"ETag", "\"rds-v1\""}}, ""};
    }
    return ok;
  };

  Response operator()(const Request& r) const {
    using nlohmann::json;
    if (r.path == "/offers/v1.0/aws/index.json") {
      json index = {
          {"formatVersion", "v1.0"},
          {"offers",
           {{"AmazonRDS",
             {{"offerCode", "AmazonRDS"},
              {"currentRegionIndexUrl", "/offers/v1.0/aws/AmazonRDS/current/region_index.json"}}},
            {"AmazonEC2",
             {{"offerCode", "AmazonEC2"},
              {"currentRegionIndexUrl", "/offers/v1.0/aws/AmazonEC2/current/region_index.json"},
              {"currentSavingsPlanIndexUrl",
               "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/"
               "region_index.json"}}}}}};
      return {200, {}, index.dump()};
    }
    if (r.path == "/offers/v1.0/aws/AmazonRDS/current/region_index.json") {
      json index = {
          {"regions",
           {{"us-east-1", {{"regionCode", "us-east-1"}, {"currentVersionUrl", k_rds_file}}},
            {"eu-west-1",
             {{"regionCode", "eu-west-1"},
              {"currentVersionUrl", "/offers/v1.0/aws/AmazonRDS/x/eu-west-1/index.json"}}}}}};
      return {200, {}, index.dump()};
    }
    if (r.path == "/offers/v1.0/aws/AmazonEC2/current/region_index.json") {
      json index = {
          {"regions",
           {{"us-east-1",
             {{"regionCode", "us-east-1"},
              {"currentVersionUrl", "/offers/v1.0/aws/AmazonEC2/1/us-east-1/index.json"}}}}}};
      return {200, {}, index.dump()};
    }
    if (r.path == "/offers/v1.0/aws/AmazonEC2/1/us-east-1/index.json") {
      return {200, {}, fixture("offer-ec2-m5large.json")};
    }
    if (r.path == "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json") {
      json index = {{"regions", json::array({{{"regionCode", "us-east-1"},
                                              {"versionUrl", "/savingsPlan/1/us-east-1.json"}}})}};
      return {200, {}, index.dump()};
    }
    if (r.path == "/savingsPlan/1/us-east-1.json") {
      return {200, {}, fixture("savings-plan-compute.json")};
    }
    if (r.path == k_rds_file) {
      return rds_file(r);
    }
    return {404, {}, "not found"};
  }
};

struct Dir {
  fs::path path;
  explicit Dir(const std::string& name) : path(stackplan::testing::temp_path(name)) {
    fs::remove_all(path);
  }
  ~Dir() { fs::remove_all(path); }
};

UpdateReport run(const std::string& endpoint, const fs::path& dir,
                 std::vector<std::string> services = {"AmazonRDS", "AmazonEC2"},
                 HttpPolicy policy = {}) {
  policy.first_backoff = std::chrono::milliseconds(1);
  HttpClient client(policy);
  client.set_sleep([](std::chrono::milliseconds) {});
  UpdateOptions options;
  options.regions = {"us-east-1"};
  options.services = std::move(services);
  options.endpoint = endpoint;
  options.catalog_dir = dir.string();
  return update_catalog(options, client);
}

std::size_t count(const std::vector<Request>& requests, const std::string& path) {
  std::size_t n = 0;
  for (const auto& r : requests) {
    n += r.path == path ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("bulk update: index, region index, offer and Savings Plans files", "[update]") {
  Dir dir("stackplan-update-happy");
  HttpServer server(FakeBulkApi{});
  UpdateReport report = run(server.url(), dir.path);
  INFO(report.error);
  REQUIRE(report.error.empty());
  auto catalog = Catalog::load(dir.path.string());
  REQUIRE(catalog);
  auto rds = catalog->find("us-east-1", "rds/instance/postgres/db.t3.micro/single-az");
  REQUIRE(rds.size() == 1);
  CHECK(rds[0]->usd.to_string() == "0.018");
  CHECK(rds[0]->source == "offer:AmazonRDS:20260318225923");
  CHECK(catalog->find("us-east-1", "ec2/instance/m5.large", "reserved/3y/standard/no-upfront")
            .size() == 1);
  // Only the asked region's file is fetched.
  CHECK(count(server.requests(), "/offers/v1.0/aws/AmazonRDS/x/eu-west-1/index.json") == 0);
  CHECK(read(dir.path / "etags.tsv").find("\"rds-v1\"") != std::string::npos);
}

TEST_CASE("an unchanged file is not downloaded again (ETag, 304)", "[update]") {
  Dir dir("stackplan-update-etag");
  HttpServer server(FakeBulkApi{});
  REQUIRE(run(server.url(), dir.path, {"AmazonRDS"}).error.empty());
  std::string before = read(dir.path / "catalog.tsv");
  const auto catalog_time = fs::last_write_time(dir.path / "catalog.tsv");
  const auto etags_time = fs::last_write_time(dir.path / "etags.tsv");
  UpdateReport second = run(server.url(), dir.path, {"AmazonRDS"});
  REQUIRE(second.error.empty());
  CHECK(std::find(second.lines.begin(), second.lines.end(), "AmazonRDS us-east-1: unchanged") !=
        second.lines.end());
  auto requests = server.requests();
  REQUIRE(requests.back().path == k_rds_file);
  CHECK(requests.back().headers.at("if-none-match") == "\"rds-v1\"");
  CHECK(read(dir.path / "catalog.tsv") == before);
  // Nothing changed: nothing is rewritten, and the report says so.
  CHECK_FALSE(second.changed);
  CHECK(fs::last_write_time(dir.path / "catalog.tsv") == catalog_time);
  CHECK(fs::last_write_time(dir.path / "etags.tsv") == etags_time);
}

TEST_CASE("ETags belong to the catalog they produced", "[update]") {
  Dir dir("stackplan-update-etag-tie");
  HttpServer server(FakeBulkApi{});
  REQUIRE(run(server.url(), dir.path, {"AmazonRDS"}).error.empty());
  const std::string first = read(dir.path / "catalog.tsv");
  CHECK(read(dir.path / "etags.tsv").rfind("# etags of catalog.tsv fnv1a64:", 0) == 0);

  // catalog.tsv deleted: the next update fetches every file again instead of calling them
  // unchanged and writing the bare snapshot.
  fs::remove(dir.path / "catalog.tsv");
  UpdateReport again = run(server.url(), dir.path, {"AmazonRDS"});
  REQUIRE(again.error.empty());
  CHECK(again.changed);
  CHECK(std::find(again.lines.begin(), again.lines.end(), "AmazonRDS us-east-1: unchanged") ==
        again.lines.end());
  CHECK(read(dir.path / "catalog.tsv") == first);

  // catalog.tsv replaced by another one: the same.
  REQUIRE(Catalog::snapshot().write(dir.path.string()).empty());
  UpdateReport third = run(server.url(), dir.path, {"AmazonRDS"});
  REQUIRE(third.error.empty());
  CHECK(third.lines.front() ==
        "etags.tsv was made for another catalog.tsv than this one: every file is fetched");
  CHECK(read(dir.path / "catalog.tsv") == first);
}

TEST_CASE("5xx and 429 responses are retried until the file arrives", "[update][faults]") {
  Dir dir("stackplan-update-retry");
  FakeBulkApi api;
  int calls = 0;
  api.rds_file = [&calls](const Request&) {
    ++calls;
    if (calls == 1) {
      return Response{503, {}, "slow down"};
    }
    if (calls == 2) {
      return Response{500, {}, "oops"};
    }
    if (calls == 3) {
      return Response{429, {}, "too many"};
    }
    return Response{200, {}, fixture("offer-rds-us-east-1.json")};
  };
  HttpServer server(api);
  UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"});
  INFO(report.error);
  CHECK(report.error.empty());
  CHECK(calls == 4);
}

namespace {
/// Runs an update whose RDS file always fails in the given way, over a catalog built by a good
/// update first, and checks the catalog is byte-for-byte the same afterwards.
std::string failing_update(const std::string& name, Response bad, HttpPolicy policy = {}) {
  Dir dir(name);
  {
    HttpServer good(FakeBulkApi{});
    REQUIRE(run(good.url(), dir.path, {"AmazonRDS"}).error.empty());
  }
  std::string catalog_before = read(dir.path / "catalog.tsv");
  std::string etags_before = read(dir.path / "etags.tsv");
  FakeBulkApi api;
  api.rds_file = [bad](const Request&) { return bad; };
  HttpServer server(api);
  policy.attempts = 2;
  UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"}, policy);
  CHECK_FALSE(report.error.empty());
  CHECK(read(dir.path / "catalog.tsv") == catalog_before);
  CHECK(read(dir.path / "etags.tsv") == etags_before);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) {
    ++files;
  }
  CHECK(files == 2);  // no temporary or partial file left behind
  return report.error;
}
}  // namespace

TEST_CASE("a connection cut mid-body fails and leaves the catalog intact", "[update][faults]") {
  Response cut{200, {}, fixture("offer-rds-us-east-1.json")};
  cut.fault = Response::Fault::cut_mid_body;
  std::string error = failing_update("stackplan-update-cut", cut);
  CHECK(error.find("after 2 attempts") != std::string::npos);
}

TEST_CASE("a wrong Content-Length fails and leaves the catalog intact", "[update][faults]") {
  Response wrong{200, {}, fixture("offer-rds-us-east-1.json")};
  wrong.fault = Response::Fault::short_length;
  failing_update("stackplan-update-length", wrong);
}

TEST_CASE("a truncated JSON body fails with its offset", "[update][faults]") {
  std::string text = fixture("offer-rds-us-east-1.json");
  std::string error =
      failing_update("stackplan-update-truncated", Response{200, {}, text.substr(0, 1000)});
  CHECK(error.find(": byte 1000: malformed JSON") != std::string::npos);
}

TEST_CASE("a server that keeps failing is given up on", "[update][faults]") {
  std::string error = failing_update("stackplan-update-500", Response{500, {}, "down"});
  CHECK(error.find("HTTP 500 (after 2 attempts)") != std::string::npos);
}

TEST_CASE("a server slower than the low-speed limit times out", "[update][faults]") {
  Response slow{200, {}, fixture("offer-rds-us-east-1.json")};
  slow.fault = Response::Fault::slow;
  slow.pause = std::chrono::milliseconds(250);  // 64 bytes a second
  HttpPolicy policy;
  policy.low_speed_bytes_per_second = 1000;
  policy.low_speed_seconds = 1;
  std::string error = failing_update("stackplan-update-slow", slow, policy);
  CHECK(error.find("Timeout") != std::string::npos);
}

TEST_CASE("Query API: signed GetProducts, pagination, throttling, expired tokens",
          "[update][api]") {
  using nlohmann::json;
  Dir dir("stackplan-update-api");
  std::string m5 = json::parse(fixture("getproducts-ec2-m5large.json"))["PriceList"][0];
  json rds_item = json::parse(fixture("offer-rds-us-east-1.json"));
  int calls = 0;
  HttpServer server([&](const Request& r) {
    ++calls;
    json body = json::parse(r.body);
    if (calls == 1) {
      return Response{
          400, {}, R"({"__type":"com.amazonaws#ThrottlingException","message":"Rate exceeded"})"};
    }
    if (calls == 3) {
      return Response{400, {}, R"({"__type":"ExpiredNextTokenException","message":"expired"})"};
    }
    if (!body.contains("NextToken")) {
      return Response{
          200,
          {},
          json{{"FormatVersion", "aws_v1"}, {"PriceList", {m5}}, {"NextToken", "page-2"}}.dump()};
    }
    json item = {{"product", rds_item["products"]["TGN7QDJF2AGFU9XA"]},
                 {"serviceCode", "AmazonRDS"},
                 {"terms", {{"OnDemand", rds_item["terms"]["OnDemand"]["TGN7QDJF2AGFU9XA"]}}},
                 {"version", "20260318225923"},
                 {"publicationDate", "2026-03-18T22:59:23Z"}};
    return Response{
        200, {}, json{{"FormatVersion", "aws_v1"}, {"PriceList", {item.dump()}}}.dump()};
  });
  ::setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", 1);
  HttpClient client([] {
    HttpPolicy p;
    p.first_backoff = std::chrono::milliseconds(1);
    return p;
  }());
  client.set_sleep([](std::chrono::milliseconds) {});
  UpdateOptions options;
  options.source = "api";
  options.regions = {"us-east-1"};
  options.services = {"AmazonEC2"};
  options.endpoint = server.url();
  options.catalog_dir = dir.path.string();
  UpdateReport report = update_catalog(options, client);
  ::unsetenv("AWS_ACCESS_KEY_ID");
  ::unsetenv("AWS_SECRET_ACCESS_KEY");
  INFO(report.error);
  REQUIRE(report.error.empty());
  // throttled, page 1, expired token on page 2, page 1 again, page 2
  CHECK(calls == 5);
  auto requests = server.requests();
  for (const auto& r : requests) {
    CHECK(r.method == "POST");
    CHECK(r.path == "/");
    CHECK(r.headers.at("x-amz-target") == "AWSPriceListService.GetProducts");
    CHECK(r.headers.at("content-type") == "application/x-amz-json-1.1");
    const std::string& auth = r.headers.at("authorization");
    CHECK(auth.rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", 0) == 0);
    CHECK(auth.find("/us-east-1/pricing/aws4_request") != std::string::npos);
    CHECK(auth.find("content-type") != std::string::npos);
    CHECK(auth.find("EXAMPLEKEY") == std::string::npos);
    json body = json::parse(r.body);
    CHECK(body["ServiceCode"] == "AmazonEC2");
    CHECK(body["Filters"][0] ==
          json{{"Type", "TERM_MATCH"}, {"Field", "regionCode"}, {"Value", "us-east-1"}});
  }
  CHECK(json::parse(requests[4].body)["NextToken"] == "page-2");
  auto catalog = Catalog::load(dir.path.string());
  REQUIRE(catalog);
  CHECK(catalog->find("us-east-1", "ec2/instance/m5.large")[0]->usd.to_string() == "0.096");
  CHECK(catalog->find("us-east-1", "rds/instance/postgres/db.t3.micro/single-az")[0]
            ->usd.to_string() == "0.018");
  for (const auto& line : report.lines) {
    CHECK(line.find("EXAMPLEKEY") == std::string::npos);
  }
}

TEST_CASE("credentials come from the environment or the shared file", "[update][api]") {
  Dir dir("stackplan-credentials");
  fs::create_directories(dir.path);
  std::ofstream(dir.path / "credentials")
      << "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n"
         "[ci]\naws_access_key_id=AKIDCI\naws_secret_access_key=s2\naws_session_token=tok\n";
  ::unsetenv("AWS_ACCESS_KEY_ID");
  ::unsetenv("AWS_SECRET_ACCESS_KEY");
  ::setenv("AWS_SHARED_CREDENTIALS_FILE", (dir.path / "credentials").c_str(), 1);
  ::setenv("AWS_PROFILE", "ci", 1);
  AwsCredentials c = find_credentials();
  CHECK(c.access_key_id == "AKIDCI");
  CHECK(c.session_token == "tok");
  ::unsetenv("AWS_PROFILE");
  CHECK(find_credentials().access_key_id == "AKIDDEFAULT");
  ::setenv("AWS_ACCESS_KEY_ID", "AKIDENV", 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", "s3", 1);
  CHECK(find_credentials().access_key_id == "AKIDENV");
  ::unsetenv("AWS_ACCESS_KEY_ID");
  ::unsetenv("AWS_SECRET_ACCESS_KEY");
  ::unsetenv("AWS_SHARED_CREDENTIALS_FILE");
}

namespace {
/// AWS's pricing-page layout for ECS (one file for every region) and EC2 (a file per region
/// for instances and reservations, and EBS and NAT gateway files for every region).
struct FakePages {
  std::function<Response(const Request&)> ecs = [](const Request& r) {
    if (r.headers.count("if-none-match") != 0 && r.headers.at("if-none-match") == "\"ecs-1\"") {
      return Response{304, {{"ETag", "\"ecs-1\""}}, ""};
    }
    return Response{200, {{"ETag", "\"ecs-1\""}}, fixture("page-ecs.json")};
  };
  Response operator()(const Request& r) const {
    const std::string ohio = "US%20East%20%28Ohio%29";
    if (r.path == "/ecs/USD/current/ecs.json") {
      return ecs(r);
    }
    if (r.path == "/ec2/USD/current/ec2-ondemand-without-sec-sel/" + ohio + "/Linux/index.json") {
      return {200, {}, fixture("page-ec2-ohio.json")};
    }
    if (r.path.find("/ec2/USD/current/ec2-reservedinstance") == 0 &&
        r.path.find("/" + ohio + "/Linux/Shared/index.json") != std::string::npos) {
      return {200,
              {},
              R"({"manifest":{"source":"ec2-reservedinstance",)"
              R"("hawkFilePublicationDate":"2025-04-04T00:00:00Z"},"regions":{}})"};
    }
    if (r.path == "/ec2/USD/current/ebs.json") {
      return {200, {}, fixture("page-ebs.json")};
    }
    if (r.path == "/ec2/USD/current/natgateway.json") {
      return {200,
              {},
              R"({"manifest":{"source":"natgateway",)"
              R"("hawkFilePublicationDate":"2025-10-28T17:54:55Z"},"regions":{}})"};
    }
    return {404, {}, "not found"};
  }
};

UpdateReport run_pages(const std::string& endpoint, const fs::path& dir,
                       std::vector<std::string> services) {
  HttpPolicy policy;
  policy.first_backoff = std::chrono::milliseconds(1);
  policy.attempts = 2;
  HttpClient client(policy);
  client.set_sleep([](std::chrono::milliseconds) {});
  UpdateOptions options;
  options.regions = {"us-east-2"};
  options.services = std::move(services);
  options.source = "pages";
  options.endpoint = endpoint;
  options.catalog_dir = dir.string();
  return update_catalog(options, client);
}
}  // namespace

TEST_CASE("pages update: every page of the asked services, the asked regions' prices",
          "[update][pages]") {
  Dir dir("stackplan-update-pages");
  HttpServer server(FakePages{});
  UpdateReport report = run_pages(server.url(), dir.path, {"AmazonECS", "AmazonEC2"});
  INFO(report.error);
  REQUIRE(report.error.empty());
  auto catalog = Catalog::load(dir.path.string());
  REQUIRE(catalog);
  auto vcpu = catalog->find("us-east-2", "fargate/vcpu/x86_64");
  REQUIRE(vcpu.size() == 1);
  CHECK(vcpu[0]->usd.to_string() == "0.04048");
  const Source* source = catalog->source(vcpu[0]->source);
  REQUIRE(source != nullptr);
  // The page is cited by its URL, not by the temporary file it was downloaded to.
  CHECK(source->reference ==
        "AWS pricing page data ecs/ecs, published 2026-11-30T10:00:00Z "
        "(imported from " +
            server.url() + "/ecs/USD/current/ecs.json)");
  CHECK(source->id == "page:ecs:20261130100000:ecs");
  // The region file, addressed by its location name, percent-encoded.
  CHECK(catalog->find("us-east-2", "ec2/instance/t4g.small")[0]->source ==
        "page:ec2-ondemand-without-sec-sel:20261130100000:ec2-ondemand-without-sec-sel/"
        "US%20East%20%28Ohio%29/Linux");
  CHECK(catalog->find("us-east-2", "ec2/ebs/gp3/throughput")[0]->usd.to_string() == "0.04");
  // eu-west-1 was not asked for: the page's Ireland price is left out, the snapshot's kept.
  auto ireland = catalog->find("eu-west-1", "fargate/vcpu/x86_64");
  REQUIRE(ireland.size() == 1);
  CHECK(ireland[0]->source != "page:ecs:20261130100000:ecs");
  CHECK(count(server.requests(),
              "/ec2/USD/current/ec2-reservedinstance-convertible/3%20year/"
              "No%20Upfront/US%20East%20%28Ohio%29/Linux/Shared/index.json") == 1);

  // Again: the page is unchanged (ETag), and the catalog stays as it was.
  std::string before = read(dir.path / "catalog.tsv");
  UpdateReport again = run_pages(server.url(), dir.path, {"AmazonECS"});
  REQUIRE(again.error.empty());
  CHECK(again.lines.at(0).find(": unchanged") != std::string::npos);
  CHECK(read(dir.path / "catalog.tsv") == before);
}

TEST_CASE("pages update: a broken or missing page fails and leaves the catalog intact",
          "[update][pages][faults]") {
  Dir dir("stackplan-update-pages-faults");
  {
    HttpServer good(FakePages{});
    REQUIRE(run_pages(good.url(), dir.path, {"AmazonECS"}).error.empty());
  }
  std::string before = read(dir.path / "catalog.tsv");
  FakePages truncated;
  truncated.ecs = [](const Request&) {
    return Response{200, {}, fixture("page-ecs.json").substr(0, 200)};
  };
  HttpServer server(truncated);
  UpdateReport report = run_pages(server.url(), dir.path, {"AmazonECS"});
  CHECK(report.error.find("/ecs/USD/current/ecs.json: byte 200: malformed JSON") !=
        std::string::npos);
  CHECK(read(dir.path / "catalog.tsv") == before);

  FakePages down;
  down.ecs = [](const Request&) { return Response{503, {}, "slow down"}; };
  HttpServer failing(down);
  UpdateReport gone = run_pages(failing.url(), dir.path, {"AmazonECS"});
  CHECK(gone.error.find("HTTP 503 (after 2 attempts)") != std::string::npos);
  CHECK(read(dir.path / "catalog.tsv") == before);
}

TEST_CASE("a price index field of the wrong type is a format error naming it", "[update][faults]") {
  Dir dir("stackplan-update-index-type");
  HttpServer server([](const Request& r) -> Response {
    if (r.path == "/offers/v1.0/aws/index.json") {
      return {200, {}, R"({"offers": {"AmazonRDS": {"currentRegionIndexUrl": 7}}})"};
    }
    return {404, {}, "not found"};
  });
  UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"});
  CHECK(report.error.find("/offers/v1.0/aws/index.json: \"currentRegionIndexUrl\" is number, "
                          "not a string") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "catalog.tsv"));
}

TEST_CASE("a region absent from the index, or not AWS's, is an error naming it", "[update]") {
  UpdateOptions typo;
  typo.regions = {"eu-west1"};
  CHECK(options_problem(typo) ==
        "--region eu-west1 is not an AWS region code; did you mean 'eu-west-1'?");
  UpdateOptions service;
  service.services = {"AmazonRDs"};
  CHECK(options_problem(service) ==
        "--service AmazonRDs is not a service stackplan prices; did you mean 'AmazonRDS'?");
  UpdateOptions fine;
  fine.regions = {"eu-west-1"};
  fine.services = {"AmazonElastiCache"};
  CHECK(options_problem(fine).empty());

  Dir dir("stackplan-update-absent-region");
  HttpServer server(FakeBulkApi{});
  HttpClient client(HttpPolicy{});
  UpdateOptions options;
  options.regions = {"ap-south-1"};
  options.services = {"AmazonRDS"};
  options.endpoint = server.url();
  options.catalog_dir = dir.path.string();
  UpdateReport report = update_catalog(options, client);
  CHECK(report.error.find("AmazonRDS's region index has no region ap-south-1") == 0);
  CHECK_FALSE(fs::exists(dir.path / "catalog.tsv"));
}

TEST_CASE("downloads left by interrupted runs are removed at the next start", "[update]") {
  Dir dir("stackplan-update-stale");
  fs::create_directories(dir.path);
  std::ofstream(dir.path / ".download.999999990") << "half an offer file";  // no such process
  std::ofstream(dir.path / ".download.notes") << "not a download of ours";
  HttpServer server(FakeBulkApi{});
  REQUIRE(run(server.url(), dir.path, {"AmazonRDS"}).error.empty());
  CHECK_FALSE(fs::exists(dir.path / ".download.999999990"));
  CHECK(fs::exists(dir.path / ".download.notes"));
}

TEST_CASE("a file that is not what was asked for is refused", "[update][faults]") {
  SECTION("an EC2 offer served at the RDS URL") {
    Dir dir("stackplan-update-wrong-offer");
    FakeBulkApi api;
    api.rds_file = [](const Request&) {
      return Response{200, {}, fixture("offer-ec2-m5large.json")};
    };
    HttpServer server(api);
    UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"});
    CHECK(report.error == server.url() + k_rds_file +
                              ": the offer file of AmazonEC2, not of AmazonRDS that was asked for");
    CHECK_FALSE(fs::exists(dir.path / "catalog.tsv"));
  }
  SECTION("another region's offer") {
    Dir dir("stackplan-update-wrong-region");
    FakeBulkApi api;
    api.rds_file = [](const Request&) {
      std::string text = fixture("offer-rds-us-east-1.json");
      for (auto at = text.find("us-east-1"); at != std::string::npos; at = text.find("us-east-1")) {
        text.replace(at, 9, "eu-west-1");
      }
      return Response{200, {}, text};
    };
    HttpServer server(api);
    UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"});
    CHECK(report.error.find(": has prices of eu-west-1, not only of us-east-1") !=
          std::string::npos);
  }
  SECTION("a 304 answer to a request without an ETag") {
    Dir dir("stackplan-update-304");
    FakeBulkApi api;
    api.rds_file = [](const Request&) { return Response{304, {}, ""}; };
    HttpServer server(api);
    UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"});
    CHECK(report.error.find("HTTP 304 Not Modified answered a request that sent no ETag") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "catalog.tsv"));
  }
}

TEST_CASE("an index cannot send the update to another host", "[update][faults]") {
  for (const std::string entry : {"@evil.example/x.json", "//evil.example/x.json",
                                  "http://evil.example/x.json", "relative/x.json"}) {
    INFO(entry);
    Dir dir("stackplan-update-host");
    HttpServer server([&](const Request& r) -> Response {
      if (r.path == "/offers/v1.0/aws/index.json") {
        nlohmann::json index = {
            {"offers", {{"AmazonRDS", {{"currentRegionIndexUrl", "/rds/region_index.json"}}}}}};
        return {200, {}, index.dump()};
      }
      if (r.path == "/rds/region_index.json") {
        nlohmann::json index = {{"regions", {{"us-east-1", {{"currentVersionUrl", entry}}}}}};
        return {200, {}, index.dump()};
      }
      return {404, {}, "not found"};
    });
    UpdateReport report = run(server.url(), dir.path, {"AmazonRDS"});
    CHECK(report.error.find("the index points to '" + entry + "', which is not a path on " +
                            server.url()) != std::string::npos);
    CHECK(server.requests().size() == 2);
  }
}

TEST_CASE("a Savings Plans index without the asked region is an error naming it", "[update]") {
  for (const std::string body : {R"({"regions": []})", R"({"disclaimer": "x"})"}) {
    INFO(body);
    Dir dir("stackplan-update-sp-index");
    HttpServer server([&](const Request& r) -> Response {
      if (r.path == "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json") {
        return {200, {}, body};
      }
      return FakeBulkApi{}(r);
    });
    UpdateReport report = run(server.url(), dir.path, {"AmazonEC2"});
    CHECK((report.error.find("the Savings Plans index has no region us-east-1") == 0 ||
           report.error.find("a Savings Plans index without a \"regions\" list") !=
               std::string::npos));
    CHECK_FALSE(fs::exists(dir.path / "catalog.tsv"));
  }
}
