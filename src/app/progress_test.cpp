#include "app/progress.hpp"

#include <filesystem>
#include <sstream>

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "support/http_server.hpp"

using namespace stackplan;
using stackplan::app::UpdateProgress;
using stackplan::pricing::TransferProgress;
using stackplan::testing::HttpServer;
using stackplan::testing::Request;
using stackplan::testing::Response;

namespace {

TransferProgress at(long long received, long long total, double seconds, double idle) {
  TransferProgress p;
  p.url = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json";
  p.received = received;
  p.total = total;
  p.seconds = seconds;
  p.idle_seconds = idle;
  return p;
}

}  // namespace

TEST_CASE("byte counts and hosts as the progress line shows them", "[progress]") {
  CHECK(app::byte_text(0) == "0 B");
  CHECK(app::byte_text(999) == "999 B");
  CHECK(app::byte_text(1000) == "1.0 kB");
  CHECK(app::byte_text(12'345'678) == "12.3 MB");
  CHECK(app::byte_text(2'500'000'000) == "2.5 GB");
  CHECK(app::host_of("https://pricing.us-east-1.amazonaws.com/offers/x") ==
        "pricing.us-east-1.amazonaws.com");
  CHECK(app::host_of("http://127.0.0.1:8080") == "127.0.0.1:8080");
}

TEST_CASE("off a terminal: a line per file, one line per stall of 10 s", "[progress]") {
  std::ostringstream out, err;
  {
    UpdateProgress progress(app::Io{out, err}, false);
    CHECK(UpdateProgress::k_stall_seconds == 10);
    progress.fetch("AmazonRDS us-east-1");
    progress.transfer(at(1'000'000, 80'000'000, 2, 0));
    progress.transfer(at(1'000'000, 80'000'000, 11.9, 9.9));
    CHECK(err.str().empty());
    progress.transfer(at(1'000'000, 80'000'000, 12, 10));
    progress.transfer(at(1'000'000, 80'000'000, 13, 11));  // the same stall: said once
    CHECK(err.str() ==
          "stackplan: AmazonRDS us-east-1: no data for 10 s; waiting for the rest of the body "
          "from pricing.us-east-1.amazonaws.com (1.0 MB so far)\n");
    progress.transfer(at(2'000'000, 80'000'000, 14, 0));
    progress.transfer(at(2'000'000, 80'000'000, 25, 11));  // a second stall
    progress.line("AmazonRDS us-east-1: 3,095 prices (offer file)");
  }
  CHECK(err.str().find("no data for 11 s") != std::string::npos);
  CHECK(out.str() == "AmazonRDS us-east-1: 3,095 prices (offer file)\n");
}

TEST_CASE("nothing received yet: the stall says the server has not answered", "[progress]") {
  std::ostringstream out, err;
  UpdateProgress progress(app::Io{out, err}, false);
  progress.fetch("the offer index");
  progress.transfer(at(0, -1, 10, 10));
  CHECK(err.str() ==
        "stackplan: the offer index: no data for 10 s; waiting for "
        "pricing.us-east-1.amazonaws.com to answer (0 B so far)\n");
}

TEST_CASE("on a terminal: one status line, redrawn, cleared for the report's lines", "[progress]") {
  std::ostringstream out, err;
  {
    UpdateProgress progress(app::Io{out, err, false, false, 0, 60}, true);
    progress.fetch("AmazonEC2 us-east-1");
    progress.transfer(at(24'000'000, 96'000'000, 2, 0));
    CHECK(err.str() == "\r\033[KAmazonEC2 us-east-1: 24.0 MB of 96.0 MB, 12.0 MB/s");
    err.str("");
    progress.transfer(at(24'000'000, 96'000'000, 14, 12));
    // Cut to the terminal's width (60 columns, less one).
    CHECK(err.str() == "\r\033[KAmazonEC2 us-east-1: 24.0 MB of 96.0 MB, 1.7 MB/s; no data ");
    CHECK(err.str().size() == 4 + 59);  // "\r\033[K" and 59 columns
    err.str("");
    progress.line("AmazonEC2 us-east-1: 100 prices");
    CHECK(err.str() == "\r\033[K");
    CHECK(out.str() == "AmazonEC2 us-east-1: 100 prices\n");
  }
}

TEST_CASE("a real transfer that stalls is reported while it waits, then completes",
          "[progress][update]") {
  const std::string body(200'000, 'x');
  HttpServer server([&](const Request&) {
    Response r{200, {}, body};
    r.fault = Response::Fault::stall;
    r.pause = std::chrono::milliseconds(1600);
    return r;
  });
  std::ostringstream out, err;
  UpdateProgress progress(app::Io{out, err}, false, 1.0);
  std::vector<TransferProgress> seen;
  pricing::HttpPolicy policy;
  policy.on_progress = [&](const TransferProgress& p) {
    seen.push_back(p);
    progress.transfer(p);
  };
  pricing::HttpClient client(policy);
  const auto path = stackplan::testing::temp_path("stackplan-progress-stall");
  progress.fetch("AmazonRDS us-east-1");
  const auto result = client.download(server.url() + "/offer.json", path.string(), "");
  std::filesystem::remove(path);
  REQUIRE(result.error.empty());
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back().done);
  CHECK(seen.back().received == static_cast<long long>(body.size()));
  CHECK(seen.back().total == static_cast<long long>(body.size()));
  INFO(err.str());
  CHECK(err.str().rfind("stackplan: AmazonRDS us-east-1: no data for 1 s; waiting for the rest "
                        "of the body from " +
                            server.url().substr(7) + " (100.0 kB so far)\n",
                        0) == 0);
}
