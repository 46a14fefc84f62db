#include "spec/reader.hpp"

#include <catch2/catch.hpp>

#include "spec/load.hpp"
#include "spec/schema.hpp"

using namespace stackplan;
using namespace stackplan::spec;

namespace {

std::vector<std::string> messages(const std::string& text) {
  Diagnostics diags;
  load_spec_text("t.yaml", text, diags);
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::error) {
      out.push_back(d.message);
    }
  }
  return out;
}

const std::string k_head = "version: 1\nname: shop\nregion: us-east-2\n";

}  // namespace

TEST_CASE("a field given where its selector rules it out is an error naming both",
          "[spec][applies]") {
  // A flag as the selector; absent, its default (https: true) decides.
  const std::string arn = "certificate_arn: 'arn:aws:acm:us-east-2:1:certificate/a'";
  const std::string web = "services: [{name: web, image: 'nginx:1', port: 80}]\n";
  CHECK(messages(k_head + "load_balancer: {" + arn + "}\n" + web).empty());
  CHECK(messages(k_head + "load_balancer: {https: false, " + arn + "}\n" + web) ==
        std::vector<std::string>{"load_balancer.certificate_arn applies only when "
                                 "load_balancer.https is true (it is false)"});
  // An absent engine is its default, none.
  CHECK(messages(k_head + "database: {litestream: {retention: 1h}}\n") ==
        std::vector<std::string>{"database.litestream applies only when database.engine is "
                                 "sqlite-litestream (it is none)"});
  // A selector two objects up ("../../platform").
  CHECK(messages(k_head + "compute: {platform: fargate, purchase: {model: spot, spot: "
                          "{allocation: lowest-price}}}\n") ==
        std::vector<std::string>{"compute.purchase.spot.allocation applies only when "
                                 "compute.platform is ec2 (it is fargate)"});
  // A selector in each element of a list.
  CHECK(messages(k_head + "buckets: [{name: a-bucket-1, storage_class: standard, usage: "
                          "{retrieved_gb: 1}}]\n") ==
        std::vector<std::string>{"buckets[0].usage.retrieved_gb applies only when "
                                 "buckets[0].storage_class is standard-ia, one-zone-ia or "
                                 "glacier-ir (it is standard)"});
}

TEST_CASE("what a rejected field holds, and an invalid selector, add no error", "[spec][applies]") {
  // root_volume is rejected on fargate; its iops (gp2 here) is not looked at.
  CHECK(messages(k_head + "compute: {platform: fargate, root_volume: {type: gp2, iops: 3000}}\n") ==
        std::vector<std::string>{"compute.root_volume applies only when compute.platform is ec2 "
                                 "(it is fargate)"});
  // An unknown engine has its own error; its keys are not also in conflict.
  auto errors = messages(k_head + "database: {engine: oracle, litestream: {retention: 1h}}\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("oracle") != std::string::npos);
}

TEST_CASE("a scenario that changes the selector ignores what the base gives for the old value",
          "[spec][applies]") {
  const std::string base = k_head +
                           "compute: {platform: ec2, instance_type: t4g.small}\n"
                           "services: [{name: web, image: 'nginx:1', port: 80}]\n";
  CHECK(messages(base + "scenarios:\n  fargate:\n    compute: {platform: fargate}\n").empty());
  // The scenario's own ec2 key under fargate is still an error.
  CHECK(messages(base + "scenarios:\n  fargate:\n    compute: {platform: fargate, desired: 3}\n") ==
        std::vector<std::string>{
            "compute.desired applies only when compute.platform is ec2 (it is fargate)"});
}

TEST_CASE("the docs say when a field applies from the same record", "[spec][applies]") {
  CHECK(Applies{"../engine", {"rds-*", "aurora-*"}}.text() ==
        "only when engine is rds-* or aurora-*");
  CHECK(Applies{"type", {"gp3", "io1", "io2"}}.values_text() == "gp3, io1 or io2");
}
