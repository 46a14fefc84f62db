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
#include "kinds/compute/spec.hpp"
#include "kinds/database/spec.hpp"
#include "kinds/dns_zone/spec.hpp"
#include "kinds/ecs_service/spec.hpp"
#include "kinds/elasticache/spec.hpp"
#include "kinds/external_cost/spec.hpp"
#include "kinds/load_balancer/spec.hpp"
#include "kinds/network/spec.hpp"
#include "kinds/s3_bucket/spec.hpp"
#include "kinds/secret/spec.hpp"
#include "spec/engines.hpp"
#include "spec/security.hpp"

namespace stackplan::spec {

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
  Security security;
  bool free_tier = false;
};

}  // namespace stackplan::spec
