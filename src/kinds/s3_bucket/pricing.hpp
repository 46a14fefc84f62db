#pragma once

// The catalog keys of S3, named once for the kinds (buckets, and the SQLite replicas kept in a
// bucket) and the import rules. `storage_class` is the spec's: "standard", "standard-ia", ...

#include <string>
#include <string_view>

#include "pricing/rules.hpp"

namespace stackplan::pricing {

/// GB-months stored, tiered for Standard and Intelligent-Tiering.
inline std::string s3_storage_key(std::string_view storage_class) {
  return price_key({"s3/storage", storage_class});
}
/// Requests of a tier ("tier1": PUT, COPY, POST, LIST; "tier2": GET and the rest), by the
/// storage class they touch: "s3/requests/tier1" for Standard, "s3/requests/standard-ia/tier1".
inline std::string s3_requests_key(std::string_view storage_class, std::string_view tier) {
  return storage_class == "standard" ? price_key({"s3/requests", tier})
                                     : price_key({"s3/requests", storage_class, tier});
}
/// GB retrieved from an infrequent-access class.
inline std::string s3_retrieval_key(std::string_view storage_class) {
  return price_key({"s3/retrieval", storage_class});
}
/// Objects monitored by Intelligent-Tiering.
inline constexpr std::string_view k_s3_monitoring_key = "s3/monitoring/intelligent-tiering";

}  // namespace stackplan::pricing
