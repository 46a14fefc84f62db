#pragma once

// The catalog key of an ElastiCache node, named once for the kind and the import rule.

#include <string>
#include <string_view>

#include "pricing/rules.hpp"

namespace stackplan::pricing {

/// Node-hours of a node-based cluster: "elasticache/node/valkey/cache.t4g.micro".
inline std::string elasticache_node_key(std::string_view engine, std::string_view node_type) {
  return price_key({"elasticache/node", engine, node_type});
}

}  // namespace stackplan::pricing
