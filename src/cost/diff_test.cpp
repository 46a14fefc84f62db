#include "cost/diff.hpp"

#include <catch2/catch.hpp>

using namespace stackplan;
using stackplan::cost::diff_scenarios;
using stackplan::cost::ScenarioPlan;

namespace {

model::LineItem item(std::string component, std::string resource, std::string description,
                     std::string unit, const char* monthly, bool missing = false) {
  model::LineItem i;
  i.component = std::move(component);
  i.resource = std::move(resource);
  i.description = std::move(description);
  i.unit = std::move(unit);
  i.monthly = *Decimal::parse(monthly);
  i.missing = missing;
  return i;
}

ScenarioPlan plan(std::vector<model::LineItem> items) {
  ScenarioPlan p;
  p.name = "base";
  for (const auto& i : items) {
    p.monthly += cost::line_cents(i);
    p.missing += i.missing ? 1 : 0;
  }
  p.items = std::move(items);
  return p;
}

}  // namespace

TEST_CASE("lines match by component, resource and unit, in order", "[diff]") {
  const ScenarioPlan before = plan({
      item("database", "aws_db_instance.main", "RDS db.t4g.micro", "hours", "12.41"),
      item("storage", "aws_s3_bucket.a", "S3 storage", "GB-months", "1.00"),
      item("storage", "aws_s3_bucket.a", "S3 requests", "1k requests", "0.50"),
      item("network", "aws_nat_gateway.main", "NAT gateway", "hours", "32.85"),
  });
  const ScenarioPlan after = plan({
      item("database", "aws_db_instance.main", "RDS db.t4g.small", "hours", "24.82"),
      item("storage", "aws_s3_bucket.a", "S3 storage", "GB-months", "1.00"),
      item("storage", "aws_s3_bucket.a", "S3 requests", "1k requests", "0.50"),
      item("compute", "aws_ecs_service.web", "Fargate vCPU", "vCPU-hours", "9.00"),
  });
  const auto d = diff_scenarios("base", &before, &after);
  REQUIRE(d.lines.size() == 5);
  // Resized: one line, with what it was.
  CHECK(d.lines[0].description == "RDS db.t4g.small");
  CHECK(d.lines[0].before_description == "RDS db.t4g.micro");
  CHECK(d.lines[0].delta() == *Decimal::parse("12.41"));
  CHECK(d.lines[0].changed());
  CHECK_FALSE(d.lines[1].changed());
  CHECK(d.lines[1].before_description.empty());
  CHECK_FALSE(d.lines[2].changed());
  // New, then gone (after the after side's lines).
  CHECK_FALSE(d.lines[3].before);
  CHECK(d.lines[3].delta() == *Decimal::parse("9"));
  CHECK(d.lines[4].description == "NAT gateway");
  CHECK_FALSE(d.lines[4].after);
  CHECK(d.lines[4].delta() == *Decimal::parse("-32.85"));
  CHECK(d.delta.monthly == *Decimal::parse("-11.44"));
  CHECK(d.delta.bound == cost::Bound::exact);
  Decimal sum;
  for (const auto& l : d.lines) {
    sum += l.delta();
  }
  CHECK(sum == d.delta.monthly);
}

TEST_CASE("the second line of a kind matches the second", "[diff]") {
  const ScenarioPlan before = plan({
      item("network", "aws_lb.main", "ALB hours", "hours", "16.43"),
      item("network", "aws_lb.main", "Public IPv4", "hours", "7.30"),
  });
  const ScenarioPlan after = plan({
      item("network", "aws_lb.main", "ALB hours", "hours", "16.43"),
      item("network", "aws_lb.main", "Public IPv4 x 3", "hours", "10.95"),
  });
  const auto d = diff_scenarios("base", &before, &after);
  REQUIRE(d.lines.size() == 2);
  CHECK_FALSE(d.lines[0].changed());
  CHECK(d.lines[1].before_description == "Public IPv4");
  CHECK(d.lines[1].delta() == *Decimal::parse("3.65"));
}

TEST_CASE("a scenario only one side has is all added, and a missing price bounds the delta",
          "[diff]") {
  const ScenarioPlan after = plan({
      item("compute", "aws_autoscaling_group.main", "EC2 spot", "hours", "0", true),
      item("compute", "aws_ebs_volume.root", "EBS", "GB-months", "2.40"),
  });
  const auto d = diff_scenarios("spot", nullptr, &after);
  CHECK_FALSE(d.in_before);
  CHECK(d.in_after);
  REQUIRE(d.lines.size() == 2);
  CHECK_FALSE(d.lines[0].before);
  CHECK(d.lines[0].after_missing);
  CHECK(d.delta.bound == cost::Bound::at_least);
  CHECK(d.after_missing == 1);
}
