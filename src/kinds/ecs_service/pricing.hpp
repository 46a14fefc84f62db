#pragma once

// The catalog keys of Fargate tasks and their CloudWatch log groups, named once for the kinds
// and the import rules.

#include <string>
#include <string_view>

#include "pricing/rules.hpp"

namespace stackplan::pricing {

/// vCPU-hours of a task: "fargate/vcpu/arm64", "fargate-spot/vcpu/x86_64".
inline std::string fargate_vcpu_key(bool spot, std::string_view arch) {
  return price_key({spot ? "fargate-spot/vcpu" : "fargate/vcpu", arch});
}
/// GB-hours of a task's memory: "fargate/memory/arm64", "fargate-spot/memory/x86_64".
inline std::string fargate_memory_key(bool spot, std::string_view arch) {
  return price_key({spot ? "fargate-spot/memory" : "fargate/memory", arch});
}
/// GB of log data ingested.
inline constexpr std::string_view k_logs_ingest_key = "logs/ingest";
/// GB-months of log data stored.
inline constexpr std::string_view k_logs_storage_key = "logs/storage";
/// Months of one custom metric (Container Insights publishes its metrics as custom metrics),
/// tiered by the account's metric count.
inline constexpr std::string_view k_metric_key = "cloudwatch/metric";

}  // namespace stackplan::pricing
