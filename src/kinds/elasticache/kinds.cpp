// ElastiCache for Valkey or Redis OSS: a replication group of one primary and its replicas,
// in the database subnets, reachable from the services' security groups only.

#include "kinds/common.hpp"
#include "kinds/elasticache/pricing.hpp"

namespace stackplan::kinds {
namespace {

constexpr int k_port = 6379;

std::vector<Resource> expand(const spec::Spec& s) {
  if (!s.cache) {
    return {};
  }
  return {Resource{nullptr, "aws_elasticache_replication_group.main", s.name, -1}};
}

void cost(const Resource& r, Context& ctx) {
  const spec::Cache& c = *ctx.spec().cache;
  const spec::CacheEngine* engine = spec::cache_engine(c.engine);
  const std::string label = engine != nullptr ? engine->label : c.engine;
  const std::string what = "ElastiCache " + label + " " + c.node_type + " x " +
                           std::to_string(c.nodes) + (c.multi_az ? ", Multi-AZ" : "") +
                           ", on-demand";
  ctx.add(line(r, "cache", what, whole(c.nodes) * hours_per_month(), "node-hours"),
          ctx.rate(pricing::elasticache_node_key(c.engine, c.node_type)));
  if (c.snapshot_retention_days > 1) {
    ctx.note("ElastiCache keeps " + std::to_string(c.snapshot_retention_days) +
             " daily snapshots; storage for one is free, the rest is billed per GB-month and "
             "is not in this plan");
  }
  ctx.note(
      "traffic between the services and cache nodes in other Availability Zones is billed "
      "as regional data transfer and is not in this plan");
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Cache& c = *s.cache;
  json v = base_view(r);
  v["identifier"] = aws_name(s.name + "-cache", 40);
  v["engine"] = c.engine;
  v["version"] = c.version;
  v["node_type"] = c.node_type;
  v["nodes"] = c.nodes;
  v["multi_az"] = bool_text(c.multi_az);
  v["snapshot_retention_days"] = c.snapshot_retention_days;
  v["port"] = k_port;
  v["clients"] = client_groups(s);
  v["subnets"] = subnets_view(s);
  v["exceptions"] = exceptions_view(
      {{"CT.ELASTICACHE.PR.8",
        "clients reach the cache through its security group and TLS; RBAC users would need "
        "credentials the application is not given"}});
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_elasticache{
    "elasticache",
    "cache",
    "aws_elasticache_replication_group.main",
    "ElastiCache for Valkey or Redis OSS: node-hours of the primary and its replicas",
    {},
    expand,
    cost,
    model::Rendering{"elasticache", "cache", {}, view},
    "cache-valkey: {cache: {node_type: cache.t4g.micro}}\n"
    "cache-redis-multi-az: {cache: {engine: redis, node_type: cache.m7g.large, nodes: 2, "
    "multi_az: true}}\n",
};

}  // namespace stackplan::kinds
