#include "pricing/services.hpp"

#include <algorithm>
#include <utility>

namespace stackplan::pricing {

// Each defined in src/kinds/<kind>/pricing.cpp.
extern const ServicePricing k_dns_zone_pricing;
extern const ServicePricing k_elasticache_pricing;
extern const ServicePricing k_secret_pricing;
extern const ServicePricing k_load_balancer_pricing;
extern const ServicePricing k_s3_bucket_pricing;

const std::vector<const ServicePricing*>& kind_services() {
  static const std::vector<const ServicePricing*> all = {
      &k_dns_zone_pricing,      &k_elasticache_pricing, &k_secret_pricing,
      &k_load_balancer_pricing, &k_s3_bucket_pricing,
  };
  return all;
}

namespace {

// Key prefix -> service code of the services priced here rather than in a kind's folder.
// Longer prefixes first where they overlap.
const std::pair<std::string_view, std::string_view> k_prefixes[] = {
    {"ec2/", "AmazonEC2"},     {"vpc/", "AmazonVPC"},          {"transfer/", "AWSDataTransfer"},
    {"fargate/", "AmazonECS"}, {"fargate-spot/", "AmazonECS"}, {"rds/", "AmazonRDS"},
    {"aurora/", "AmazonRDS"},  {"efs/", "AmazonEFS"},          {"logs/", "AmazonCloudWatch"},
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string service_of(std::string_view key) {
  for (const auto& [prefix, service] : k_prefixes) {
    if (starts_with(key, prefix)) {
      return std::string(service);
    }
  }
  for (const ServicePricing* s : kind_services()) {
    for (std::string_view prefix : s->prefixes) {
      if (starts_with(key, prefix)) {
        return std::string(s->service);
      }
    }
  }
  return "Unknown";
}

const std::vector<std::string>& known_services() {
  static const std::vector<std::string> services = [] {
    std::vector<std::string> out;
    for (const auto& [prefix, service] : k_prefixes) {
      out.emplace_back(service);
    }
    for (const ServicePricing* s : kind_services()) {
      out.emplace_back(s->service);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return services;
}

}  // namespace stackplan::pricing
