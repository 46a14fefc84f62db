// The `cache:` section of spec v1: its schema, its reading and the rules across its fields.

#include "kinds/elasticache/spec.hpp"

#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

/// The shape of an ElastiCache node type ("cache.t4g.micro").
const char* const k_node_type_pattern =
    "^cache\\.[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.(micro|small|medium|large|[0-9]*xlarge)$";

Type type() {
  static const Cache k_cache;
  std::vector<std::string> engines;
  std::string versions;
  for (const auto& e : cache_engines()) {
    engines.emplace_back(e.name);
    versions += (versions.empty() ? "" : ", ") + std::string(e.name) + " " + e.default_version;
  }
  return object(
      "cache",
      {
          Field{"engine", one_of(engines), "Cache engine, Redis OSS-compatible"}.def_value(
              k_cache.engine),
          Field{"version", text("^[0-9]+(\\.[0-9]+)?$", "is a version such as 8.0", 16),
                "Engine version (default: the newest the engine offers, " + versions + ")"}
              .ex("\"8.0\""),
          Field{"node_type",
                text(k_node_type_pattern, "is a cache node type such as cache.t4g.micro", 64),
                "ElastiCache node type"}
              .require()
              .ex("cache.t4g.micro"),
          Field{"nodes", whole(1, 6), "Nodes: a primary and its read replicas"}.def_value(
              k_cache.nodes),
          Field{"multi_az", flag(),
                "Replicas in other Availability Zones with automatic failover (needs 2 nodes or "
                "more)"}
              .def_value(k_cache.multi_az),
          Field{"snapshot_retention_days", whole(0, 35),
                "Days of daily snapshots kept (0 disables them)"}
              .def_value(k_cache.snapshot_retention_days),
      });
}

void read(const Reader& r, Spec& s) {
  if (!r.has("/cache")) {
    return;
  }
  Cache c;
  assign(c.engine, r.str("/cache/engine"));
  assign(c.version, r.str("/cache/version"));
  assign(c.node_type, r.str("/cache/node_type"));
  c.nodes = as_int(r.integer("/cache/nodes"), c.nodes);
  assign(c.multi_az, r.boolean("/cache/multi_az"));
  c.snapshot_retention_days =
      as_int(r.integer("/cache/snapshot_retention_days"), c.snapshot_retention_days);
  if (c.version.empty()) {
    if (const CacheEngine* e = cache_engine(c.engine)) {
      c.version = e->default_version;
    }
  }
  if (c.multi_az && c.nodes < 2) {
    r.error(r.at("/cache/multi_az"), "spec.conflict",
            "cache.multi_az needs a replica to fail over to, but cache.nodes is " +
                std::to_string(c.nodes),
            "set cache.nodes: 2 or more, or multi_az: false");
  }
  s.cache = c;
}

}  // namespace

const std::vector<CacheEngine>& cache_engines() {
  // Versions: the newest major versions ElastiCache offers for new clusters.
  static const std::vector<CacheEngine> engines = {
      {"valkey", "Valkey", "8.0"},
      {"redis", "Redis OSS", "7.1"},
  };
  return engines;
}

const CacheEngine* cache_engine(std::string_view name) {
  for (const auto& e : cache_engines()) {
    if (name == e.name) {
      return &e;
    }
  }
  return nullptr;
}

// Listed in spec/sections.cpp.
extern const Section k_cache_section{
    "cache", "ElastiCache for Valkey or Redis OSS, reachable from the services", type, read};

}  // namespace stackplan::spec
