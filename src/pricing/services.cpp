#include "pricing/services.hpp"

#include <algorithm>
#include <utility>

namespace stackplan::pricing {

// Each defined in src/kinds/<folder>/pricing.cpp. The database's gaps come first: they name
// Database Savings Plans terms of any key, which compute's gap of every other Savings Plan
// term would otherwise explain.
extern const ServicePricing k_database_pricing;
extern const ServicePricing k_efs_pricing;
extern const ServicePricing k_compute_pricing;
extern const ServicePricing k_fargate_pricing;
extern const ServicePricing k_log_group_pricing;
extern const ServicePricing k_nat_pricing;
extern const ServicePricing k_vpc_pricing;
extern const ServicePricing k_data_transfer_pricing;
extern const ServicePricing k_dns_zone_pricing;
extern const ServicePricing k_elasticache_pricing;
extern const ServicePricing k_secret_pricing;
extern const ServicePricing k_load_balancer_pricing;
extern const ServicePricing k_s3_bucket_pricing;
extern const ServicePricing k_kms_key_pricing;

const std::vector<const ServicePricing*>& kind_services() {
  static const std::vector<const ServicePricing*> all = {
      &k_database_pricing,  &k_efs_pricing,         &k_compute_pricing, &k_fargate_pricing,
      &k_log_group_pricing, &k_nat_pricing,         &k_vpc_pricing,     &k_data_transfer_pricing,
      &k_dns_zone_pricing,  &k_elasticache_pricing, &k_secret_pricing,  &k_load_balancer_pricing,
      &k_s3_bucket_pricing, &k_kms_key_pricing,
  };
  return all;
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string service_of(std::string_view key) {
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
