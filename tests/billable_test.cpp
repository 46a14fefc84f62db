// Every resource a render creates that AWS bills has a line in the plan of the same spec and
// scenario: a rendered resource is either priced by its own address, billed on the line of the
// resource named in the table below, or free.

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "golden.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace stackplan;

namespace {

/// Resource types AWS does not bill by themselves, with why. The one table of them.
const std::map<std::string, std::string> k_free = {
    {"aws_vpc", "VPCs are free"},
    {"aws_subnet", "subnets are free"},
    {"aws_route_table", "route tables are free"},
    {"aws_route", "routes are free"},
    {"aws_route_table_association", "route table associations are free"},
    {"aws_internet_gateway", "internet gateways are free; data out is the transfer line"},
    {"aws_security_group", "security groups are free"},
    {"aws_vpc_security_group_ingress_rule", "security group rules are free"},
    {"aws_vpc_security_group_egress_rule", "security group rules are free"},
    {"aws_iam_role", "IAM is free"},
    {"aws_iam_role_policy", "IAM is free"},
    {"aws_iam_role_policy_attachment", "IAM is free"},
    {"aws_iam_instance_profile", "IAM is free"},
    {"aws_kms_alias", "aliases are free; the key is billed"},
    {"aws_ecs_cluster", "clusters are free; tasks and instances are billed"},
    {"aws_ecs_cluster_capacity_providers", "capacity providers are free"},
    {"aws_ecs_capacity_provider", "capacity providers are free"},
    {"aws_ecs_task_definition", "task definitions are free; running tasks are billed"},
    {"aws_appautoscaling_target", "Application Auto Scaling is free"},
    {"aws_appautoscaling_policy", "Application Auto Scaling is free"},
    {"aws_lb_listener", "listeners are part of the load balancer's LCU-hours"},
    {"aws_lb_listener_rule", "rules are part of the load balancer's LCU-hours"},
    {"aws_lb_target_group", "target groups are free"},
    {"aws_launch_template", "launch templates are free; instances and volumes are billed"},
    {"aws_db_subnet_group", "subnet groups are free"},
    {"aws_elasticache_subnet_group", "subnet groups are free"},
    {"aws_efs_mount_target", "mount targets are free"},
    {"aws_efs_access_point", "access points are free"},
    {"aws_route53_record", "alias records to AWS resources answer queries for free"},
    {"aws_s3_bucket_server_side_encryption_configuration", "a setting of the bucket"},
    {"aws_s3_bucket_public_access_block", "a setting of the bucket"},
    {"aws_s3_bucket_policy", "a setting of the bucket"},
    {"aws_s3_bucket_ownership_controls", "a setting of the bucket"},
    {"aws_s3_bucket_lifecycle_configuration", "a setting of the bucket"},
    {"aws_s3_bucket_versioning", "a setting of the bucket (noncurrent versions count as stored)"},
};

/// Resource types billed on the line of another: type -> the type whose line carries it.
const std::map<std::string, std::string> k_billed_with = {
    {"aws_eip", "aws_nat_gateway"},                   // the NAT gateway's public IPv4 address
    {"aws_rds_cluster_instance", "aws_rds_cluster"},  // instance hours or ACU-hours
};

/// The spec of a golden render folder: an example, or a render fixture.
std::string spec_of(const std::string& name) {
  std::string example = "examples/" + name + "/stack.yaml";
  return fs::exists(example) ? example : "tests/fixtures/render/" + name + ".yaml";
}

}  // namespace

TEST_CASE("every billable resource a render creates has a line in the plan", "[golden][billing]") {
  testing::enter_source_dir();
  const std::regex resource(R"re(^resource "([a-z0-9_]+)" "([a-z0-9_]+)")re");
  int checked = 0;
  for (const auto& stack : fs::directory_iterator("tests/golden/render")) {
    const std::string spec = spec_of(stack.path().filename().string());
    auto planned = testing::run_cli_parts({"plan", spec, "--format", "json"});
    REQUIRE(planned.code == 0);
    const json plan = json::parse(planned.out);
    for (const auto& scenario : fs::directory_iterator(stack.path())) {
      const std::string name = scenario.path().filename().string();
      std::set<std::string> addresses;
      std::set<std::string> types;
      for (const auto& s : plan["stacks"][0]["scenarios"]) {
        if (s["name"] == name) {
          for (const auto& item : s["items"]) {
            const std::string address = item["resource"];
            addresses.insert(address);
            types.insert(address.substr(0, address.find('.')));
          }
        }
      }
      INFO(spec << " scenario " << name);
      REQUIRE_FALSE(addresses.empty());
      for (const auto& file : fs::directory_iterator(scenario.path() / "terraform")) {
        std::istringstream in(testing::read_file(file.path().string()));
        for (std::string line; std::getline(in, line);) {
          std::smatch m;
          if (!std::regex_search(line, m, resource)) {
            continue;
          }
          const std::string type = m[1];
          const std::string address = type + "." + std::string(m[2]);
          INFO(file.path().filename().string() << ": " << address);
          ++checked;
          if (k_free.count(type) != 0) {
            continue;
          }
          if (auto with = k_billed_with.find(type); with != k_billed_with.end()) {
            CHECK(types.count(with->second) == 1);
            continue;
          }
          // On EC2 a service's tasks run on the group's instances, which carry its cost.
          if (type == "aws_ecs_service" && types.count("aws_autoscaling_group") == 1) {
            continue;
          }
          CHECK(addresses.count(address) == 1);
        }
      }
    }
  }
  CHECK(checked > 400);
}
