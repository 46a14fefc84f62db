#pragma once

#include <string>
#include <string_view>
#include <vector>

// The `cache:` section of spec v1: an ElastiCache replication group. This file belongs to the
// spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

/// An ElastiCache replication group (Valkey or Redis OSS): a primary and its replicas.
struct Cache {
  std::string engine = "valkey";
  std::string version;  ///< the engine's default version when the spec names none
  std::string node_type;
  int nodes = 1;
  bool multi_az = false;
  int snapshot_retention_days = 1;
};

/// The ElastiCache engines stackplan renders (Redis OSS-compatible), each with the version a
/// new cluster gets when the spec names none.
struct CacheEngine {
  const char* name;             ///< the spec's and the APIs' name: "valkey", "redis"
  const char* label;            ///< "Valkey", "Redis OSS"
  const char* default_version;  ///< "8.0"
};
const std::vector<CacheEngine>& cache_engines();
const CacheEngine* cache_engine(std::string_view name);

}  // namespace stackplan::spec
