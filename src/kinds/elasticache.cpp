// ElastiCache for Valkey or Redis OSS: a replication group of one primary and its replicas,
// in the database subnets, reachable from the services' security groups only.

#include "aws/facts.hpp"
#include "kinds/common.hpp"
#include "kinds/kinds.hpp"

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
  const aws::CacheEngine* engine = aws::cache_engine(c.engine);
  const std::string label = engine != nullptr ? engine->label : c.engine;
  const std::string what = "ElastiCache " + label + " " + c.node_type + " x " +
                           std::to_string(c.nodes) + (c.multi_az ? ", Multi-AZ" : "") +
                           ", on-demand";
  ctx.add(line(r, "cache", what, whole(c.nodes) * hours_per_month(), "node-hours"),
          ctx.rate("elasticache/node/" + c.engine + "/" + c.node_type));
  if (c.snapshot_retention_days > 0) {
    ctx.note(
        "ElastiCache snapshots: storage for one snapshot per node is free; more is billed "
        "per GB-month and not in this plan");
  }
  if (c.nodes > 1) {
    ctx.note(
        "ElastiCache replication between Availability Zones carries no data transfer "
        "charge; traffic from services in another zone is billed as regional transfer");
  }
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
  return v;
}

}  // namespace

const model::Kind k_elasticache{
    "elasticache",
    "cache",
    "aws_elasticache_replication_group.main",
    "ElastiCache for Valkey or Redis OSS: node-hours of the primary and its replicas",
    {},
    expand,
    cost,
    model::Rendering{"elasticache", "cache", {}, view},
};

}  // namespace stackplan::kinds
