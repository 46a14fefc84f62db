#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/facts.hpp"
#include "base/decimal.hpp"
#include "base/source.hpp"
#include "kinds/database/spec.hpp"
#include "kinds/dns_zone/spec.hpp"
#include "kinds/elasticache/spec.hpp"
#include "kinds/external_cost/spec.hpp"
#include "kinds/load_balancer/spec.hpp"
#include "kinds/network/spec.hpp"
#include "kinds/s3_bucket/spec.hpp"
#include "kinds/secret/spec.hpp"
#include "spec/engines.hpp"

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

struct HealthCheck {
  std::string command;
  int interval = 30;
  int timeout = 5;
  int retries = 3;
  int start_period = 0;
};

struct LoadBalanced {
  std::string path = "/*";
  std::string health_check_path = "/";
  std::optional<int> priority;
};

struct Autoscaling {
  int min = 1;
  int max = 1;
  std::optional<int> cpu_target;
  std::optional<int> memory_target;
};

struct Service {
  std::string name;
  std::string image;
  int cpu = 256;
  int memory = 512;
  int count = 1;
  std::optional<int> port;
  std::vector<std::string> command;
  std::optional<HealthCheck> health_check;
  std::map<std::string, std::string> environment;
  std::map<std::string, std::string> secrets;
  std::optional<LoadBalanced> load_balanced;
  std::optional<Autoscaling> autoscaling;
  int log_retention_days = 30;
  std::optional<double> log_ingested_gb;
  SourceLoc loc;
};

/// One fully resolved, validated variant of a stack: the base spec with one scenario applied.
struct Spec {
  int version = 1;
  std::string name;
  std::string region;
  std::string environment = "prod";
  std::map<std::string, std::string> tags;
  Network network;
  Compute compute;
  std::vector<Service> services;
  Database database;
  std::vector<Bucket> buckets;
  std::optional<LoadBalancer> load_balancer;
  std::vector<Secret> secrets;
  std::optional<Dns> dns;
  std::optional<Cache> cache;
  std::vector<ExternalCost> external_costs;
  bool free_tier = false;
};

}  // namespace stackplan::spec
