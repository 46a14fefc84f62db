// Which of AWS's ElastiCache products stackplan prices, and what the snapshot lacks.

#include "kinds/elasticache/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

/// Node-based clusters: one hourly rate per engine and node type
/// ("elasticache/node/valkey/cache.t4g.micro"). Serverless caches and Memcached are not used.
std::optional<std::string> key_of(const Product& p, std::string_view usage) {
  std::string_view engine = p.attribute("cacheEngine");
  std::string_view node = p.attribute("instanceType");
  if (p.family != "Cache Instance" || usage.substr(0, 10) != "NodeUsage:" || node.empty()) {
    return std::nullopt;
  }
  if (engine == "Valkey") {
    return elasticache_node_key("valkey", node);
  }
  if (engine == "Redis") {
    return elasticache_node_key("redis", node);
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_elasticache_pricing{
    "AmazonElastiCache",
    {"elasticache/"},
    key_of,
    {
        {"elasticache/*", "*", "*",
         "no public source in the snapshot gives ElastiCache node rates; 'stackplan pricing "
         "update' fetches them from AWS's AmazonElastiCache offer file"},
    },
};

}  // namespace stackplan::pricing
