#include "aws/controls.hpp"

#include <utility>

namespace stackplan::aws {

std::string_view checkov_check(std::string_view control) {
  // Only pairs whose checks test the same setting on the resource types stackplan renders.
  static constexpr std::pair<std::string_view, std::string_view> k_pairs[] = {
      {"CT.CLOUDWATCH.PR.2", "CKV_AWS_338"},            // log group retention of a year
      {"CT.CLOUDWATCH.PR.3", "CKV_AWS_158"},            // log group encrypted with a KMS key
      {"CT.ECS.PR.2", "CKV_AWS_65"},                    // Container Insights
      {"CT.ECS.PR.6", "CKV_AWS_336"},                   // read-only root file system
      {"CT.ELASTICLOADBALANCING.PR.1", "CKV_AWS_2"},    // listener uses HTTPS
      {"CT.ELASTICLOADBALANCING.PR.5", "CKV_AWS_150"},  // deletion protection
      {"CT.ELASTICLOADBALANCING.PR.6", "CKV_AWS_91"},   // access logs
      {"CT.RDS.PR.1", "CKV_AWS_157"},                   // Multi-AZ
      {"CT.RDS.PR.2", "CKV_AWS_118"},                   // Enhanced Monitoring
      {"CT.RDS.PR.13", "CKV_AWS_293"},                  // deletion protection of an instance
      {"CT.RDS.PR.14", "CKV_AWS_129"},                  // instance log exports
      {"CT.RDS.PR.25", "CKV_AWS_324"},                  // cluster log exports
      {"CT.S3.PR.2", "CKV_AWS_18"},                     // server access logging
      {"CT.S3.PR.4", "CKV2_AWS_62"},                    // event notifications
      {"CT.S3.PR.10", "CKV_AWS_145"},                   // encrypted with KMS
      {"CT.S3.PR.11", "CKV_AWS_21"},                    // versioning
  };
  for (const auto& [ct, check] : k_pairs) {
    if (ct == control) {
      return check;
    }
  }
  return {};
}

}  // namespace stackplan::aws
