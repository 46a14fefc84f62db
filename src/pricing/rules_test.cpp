#include "pricing/rules.hpp"

#include <catch2/catch.hpp>

using namespace stackplan::pricing;

namespace {
Product product(std::string service, std::string family,
                std::vector<std::pair<std::string, std::string>> attributes) {
  return Product{"SKU", std::move(service), std::move(family), std::move(attributes)};
}
std::string key_of(const Product& p) {
  auto m = map_product(p);
  return m ? m->region + " " + m->key : "-";
}
}  // namespace

TEST_CASE("region prefixes are stripped from usage types", "[rules]") {
  CHECK(strip_region_prefix("USE2-InstanceUsage:db.t4g.micro") == "InstanceUsage:db.t4g.micro");
  CHECK(strip_region_prefix("EU-BoxUsage:t4g.small") == "BoxUsage:t4g.small");
  CHECK(strip_region_prefix("USE1-Fargate-vCPU-Hours:perCPU") == "Fargate-vCPU-Hours:perCPU");
  CHECK(strip_region_prefix("Multi-AZUsage:db.t4g.small") == "Multi-AZUsage:db.t4g.small");
  CHECK(strip_region_prefix("RDS:GP3-Storage") == "RDS:GP3-Storage");
  CHECK(strip_region_prefix("NatGateway-Hours") == "NatGateway-Hours");
}

TEST_CASE("EC2 instances: Linux, shared tenancy, no pre-installed software only", "[rules]") {
  std::vector<std::pair<std::string, std::string>> linux = {
      {"instanceType", "t4g.small"},
      {"regionCode", "us-east-2"},
      {"operatingSystem", "Linux"},
      {"tenancy", "Shared"},
      {"preInstalledSw", "NA"},
      {"capacitystatus", "Used"},
      {"licenseModel", "No License required"},
      {"usagetype", "USE2-BoxUsage:t4g.small"}};
  CHECK(key_of(product("AmazonEC2", "Compute Instance", linux)) ==
        "us-east-2 ec2/instance/t4g.small");
  auto windows = linux;
  windows[2].second = "Windows";
  CHECK(key_of(product("AmazonEC2", "Compute Instance", windows)) == "-");
  auto dedicated = linux;
  dedicated[3].second = "Dedicated";
  CHECK(key_of(product("AmazonEC2", "Compute Instance", dedicated)) == "-");
}

TEST_CASE("RDS and Aurora products", "[rules]") {
  CHECK(key_of(product("AmazonRDS", "Database Instance",
                       {{"instanceType", "db.t4g.micro"},
                        {"location", "US East (Ohio)"},
                        {"databaseEngine", "PostgreSQL"},
                        {"deploymentOption", "Multi-AZ"},
                        {"usagetype", "USE2-Multi-AZUsage:db.t4g.micro"}})) ==
        "us-east-2 rds/instance/postgres/db.t4g.micro/multi-az");
  CHECK(key_of(product("AmazonRDS", "Database Instance",
                       {{"instanceType", "db.t3.medium"},
                        {"regionCode", "us-west-2"},
                        {"databaseEngine", "Aurora PostgreSQL"},
                        {"usagetype", "USW2-InstanceUsageIOOptimized:db.t3.medium"}})) ==
        "us-west-2 aurora/instance/postgres/db.t3.medium/io-optimized");
  CHECK(key_of(product("AmazonRDS", "Database Storage",
                       {{"regionCode", "us-east-1"},
                        {"volumeType", "General Purpose-GP3"},
                        {"databaseEngine", "PostgreSQL"},
                        {"deploymentOption", "Single-AZ"},
                        {"usagetype", "RDS:GP3-Storage"}})) ==
        "us-east-1 rds/storage/gp3/single-az");
  CHECK(key_of(product("AmazonRDS", "Database Storage",
                       {{"regionCode", "us-east-1"},
                        {"volumeType", "General Purpose-GP3"},
                        {"databaseEngine", "Oracle"},
                        {"deploymentOption", "Single-AZ"}})) == "-");
  CHECK(key_of(product("AmazonRDS", "ServerlessV2",
                       {{"regionCode", "us-east-1"},
                        {"databaseEngine", "Aurora PostgreSQL"},
                        {"usagetype", "Aurora:ServerlessV2Usage"}})) ==
        "us-east-1 aurora/serverless-v2/postgres/standard");
}

TEST_CASE("other services the cost model uses", "[rules]") {
  CHECK(key_of(product(
            "AmazonECS", "Compute",
            {{"regionCode", "us-east-1"}, {"usagetype", "USE1-Fargate-ARM-vCPU-Hours:perCPU"}})) ==
        "us-east-1 fargate/vcpu/arm64");
  CHECK(key_of(product("AmazonECS", "Compute",
                       {{"regionCode", "us-east-1"},
                        {"usagetype", "USE1-Fargate-Windows-vCPU-Hours:perCPU"}})) == "-");
  CHECK(key_of(product("AWSELB", "Load Balancer-Application",
                       {{"regionCode", "eu-west-1"}, {"usagetype", "EU-LCUUsage"}})) ==
        "eu-west-1 elb/alb/lcu");
  CHECK(key_of(product("AWSELB", "Load Balancer-Application",
                       {{"regionCode", "eu-west-1"}, {"usagetype", "EU-Outposts-LCUUsage"}})) ==
        "-");
  CHECK(key_of(product("AmazonRoute53", "DNS Zone", {{"usagetype", "HostedZone"}})) ==
        "global route53/zone");
  CHECK(key_of(product("AmazonS3", "Storage",
                       {{"regionCode", "me-central-1"},
                        {"volumeType", "Standard"},
                        {"usagetype", "MEC1-TimedStorage-ByteHrs"}})) ==
        "me-central-1 s3/storage/standard");
  CHECK(key_of(product("AmazonEC2", "Compute Instance",
                       {{"instanceType", "t4g.small"},
                        {"location", "Somewhere (Unknown)"},
                        {"operatingSystem", "Linux"}})) == "-");
}

TEST_CASE("term names", "[rules]") {
  CHECK(reserved_term("1yr", "standard", "Partial Upfront") ==
        "reserved/1y/standard/partial-upfront");
  CHECK(reserved_term("3yr", "", "All Upfront") == "reserved/3y/standard/all-upfront");
  CHECK_FALSE(reserved_term("5yr", "standard", "No Upfront"));
  CHECK(savings_plan_term("ComputeSavingsPlans", "1yr", "No Upfront") ==
        "savings-plan/compute/1y/no-upfront");
  CHECK(savings_plan_term("EC2InstanceSavingsPlans", "3yr", "All Upfront") ==
        "savings-plan/ec2-instance/3y/all-upfront");
  CHECK(savings_plan_rate_key("USE2-BoxUsage:t4g.small", "RunInstances") ==
        "ec2/instance/t4g.small");
  CHECK_FALSE(savings_plan_rate_key("DEN1-BoxUsage:c5d.2xlarge", "RunInstances:0004"));
}
