// security.profile strict: the resources it adds, the controls it stops excepting, and the cost
// lines of each, on a catalog written here (test figures, not AWS's prices).

#include <catch2/catch.hpp>

#include "cost/plan.hpp"
#include "kinds/kinds.hpp"
#include "spec/load.hpp"
#include "support/test_catalog.hpp"

using stackplan::Decimal;

namespace {

const char* k_prices =
    R"(us-east-1	logs/ingest	on-demand	0	Inf	GB	0.5		t
us-east-1	logs/storage	on-demand	0	Inf	GB-Mo	0.03		t
us-east-1	cloudwatch/metric	on-demand	0	10000	Metrics	0.3		t
us-east-1	cloudwatch/metric	on-demand	10000	Inf	Metrics	0.1		t
us-east-1	kms/key	on-demand	0	Inf	Keys	1		t
us-east-1	kms/requests	on-demand	0	Inf	Requests	0.000003		t
)";

const char* k_stack = R"(version: 1
name: t
region: us-east-1
network: {vpc: existing}
compute: {platform: fargate}
services:
  - {name: api, image: nginx, count: 2}
  - {name: worker, image: nginx}
database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro, multi_az: true}}
)";

stackplan::spec::Spec load(const std::string& extra) {
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text("t.yaml", k_stack + extra, diags);
  REQUIRE(loaded);
  return loaded->variants.front().spec;
}

std::vector<std::string> addresses(const stackplan::spec::Spec& s) {
  std::vector<std::string> out;
  for (const auto& r : stackplan::kinds::resources_of(s)) {
    out.push_back(r.address);
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const stackplan::model::LineItem* item(const stackplan::cost::ScenarioPlan& plan,
                                       const std::string& fragment) {
  for (const auto& i : plan.items) {
    if (i.description.find(fragment) != std::string::npos) {
      return &i;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("security: baseline is the default and adds nothing; strict adds the key and logs",
          "[kinds][security]") {
  auto baseline = load("");
  CHECK_FALSE(baseline.security.strict());
  auto plain = addresses(baseline);
  CHECK_FALSE(has(plain, "aws_kms_key.main"));
  CHECK_FALSE(has(plain, "aws_cloudwatch_log_group.database_postgresql"));

  auto strict = addresses(load("security: {profile: strict}\n"));
  CHECK(has(strict, "aws_kms_key.main"));
  CHECK(has(strict, "aws_cloudwatch_log_group.database_postgresql"));
  CHECK(has(strict, "aws_cloudwatch_log_group.database_upgrade"));
  CHECK(strict.size() == plain.size() + 3);
}

TEST_CASE("security: an unknown profile is an error that names the choices", "[kinds][security]") {
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec_text(
      "t.yaml", std::string(k_stack) + "security: {profile: strickt}\n", diags);
  CHECK_FALSE(loaded);
  REQUIRE(diags.all().size() == 1);
  const stackplan::Diagnostic& d = diags.all().front();
  CHECK(d.message.find("'strickt' is not a valid value for security.profile") != std::string::npos);
  CHECK(d.hint == "did you mean 'strict'?");
}

TEST_CASE("security: strict's cost lines, and what plan says strict adds to a baseline",
          "[cost][security]") {
  static const auto prices = stackplan::testing::test_catalog(k_prices);
  std::vector<stackplan::model::Warning> warnings;
  auto strict = stackplan::cost::plan_scenario("s", load("security: {profile: strict}\n"), prices,
                                               {}, warnings);
  const auto* key = item(strict, "KMS customer managed key");
  REQUIRE(key != nullptr);
  CHECK(key->monthly == Decimal::from_int(1));
  const auto* requests = item(strict, "KMS requests");
  REQUIRE(requests != nullptr);
  CHECK(requests->quantity == Decimal::from_int(1));  // 10,000 requests by default
  CHECK(requests->monthly == *Decimal::parse("0.03"));
  // 8 metrics for the cluster and for each of the two services.
  const auto* metrics = item(strict, "Container Insights metrics");
  REQUIRE(metrics != nullptr);
  CHECK(metrics->quantity == Decimal::from_int(24));
  CHECK(metrics->monthly == *Decimal::parse("7.2"));
  // 0.1 GB of performance events for each of the three tasks.
  const auto* events = item(strict, "Container Insights performance log events");
  REQUIRE(events != nullptr);
  CHECK(events->quantity == *Decimal::parse("0.3"));
  // Multi-AZ: the standby is monitored too, 0.5 GB each.
  const auto* monitoring = item(strict, "RDS Enhanced Monitoring, OS metrics");
  REQUIRE(monitoring != nullptr);
  CHECK(monitoring->quantity == Decimal::from_int(1));
  CHECK(monitoring->monthly == *Decimal::parse("0.5"));
  const auto* exported = item(strict, "CloudWatch Logs ingestion, database postgresql log");
  REQUIRE(exported != nullptr);
  CHECK(exported->resource == "aws_cloudwatch_log_group.database_postgresql");
  CHECK(exported->quantity == *Decimal::parse("0.1"));

  auto baseline_spec = load("");
  auto baseline = stackplan::cost::plan_scenario("b", baseline_spec, prices, {}, warnings);
  CHECK(item(baseline, "KMS") == nullptr);
  CHECK(item(baseline, "Container Insights") == nullptr);
  auto up = stackplan::cost::strict_upgrade(baseline, baseline_spec, prices, {});
  REQUIRE(up);
  CHECK(up->monthly == strict.monthly - baseline.monthly);
  CHECK(up->monthly > Decimal::from_int(8));
  CHECK(up->missing == 0);  // every price strict needs is in this catalog
  CHECK_FALSE(
      stackplan::cost::strict_upgrade(strict, load("security: {profile: strict}\n"), prices, {}));
}
