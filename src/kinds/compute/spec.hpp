#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/facts.hpp"
#include "base/decimal.hpp"

// The `compute:` section of spec v1: Fargate or an EC2 Auto Scaling Group, and how capacity is
// bought.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

enum class Platform { ec2, fargate };
using aws::Architecture;
enum class PurchaseModel { on_demand, spot, savings_plan, reserved };
const char* to_string(PurchaseModel model);

struct SavingsPlan {
  std::string type = "compute";
  std::string term = "1y";
  std::string payment = "no-upfront";
  std::optional<Decimal> commitment_per_hour;
};

struct SpotOptions {
  std::vector<std::string> instance_types;
  int on_demand_base = 0;
  int on_demand_percentage = 0;
  std::string allocation = "price-capacity-optimized";
  std::map<std::string, Decimal> hourly_prices;
};

struct Reserved {
  std::string term = "1y";
  std::string payment = "no-upfront";
  std::string offering_class = "standard";
};

struct Purchase {
  PurchaseModel model = PurchaseModel::on_demand;
  SavingsPlan savings_plan;
  SpotOptions spot;
  Reserved reserved;
};

struct Volume {
  int size_gb = 30;
  std::string type = "gp3";
  std::optional<int> iops;
  std::optional<int> throughput_mbps;
};

struct Compute {
  Platform platform = Platform::fargate;
  std::string instance_type;
  Architecture architecture = Architecture::x86_64;
  int min = 1;
  int max = 1;
  int desired = 1;
  Volume root_volume;
  bool public_ip = false;
  Purchase purchase;
};

}  // namespace stackplan::spec
