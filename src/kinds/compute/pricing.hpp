#pragma once

// The catalog keys of EC2 instances and EBS volumes, named once for the kinds that look them up
// and the rules that import them (pricing.cpp).

#include <string>
#include <string_view>

#include "pricing/rules.hpp"

namespace stackplan::pricing {

/// Linux, shared tenancy: "ec2/instance/t4g.small".
inline std::string ec2_instance_key(std::string_view type) {
  return price_key({"ec2/instance", type});
}
/// GB-months of a volume type: "ec2/ebs/gp3".
inline std::string ebs_key(std::string_view volume) {
  return price_key({"ec2/ebs", volume});
}
/// Provisioned IOPS-months: "ec2/ebs/gp3/iops", "ec2/ebs/io1/iops".
inline std::string ebs_iops_key(std::string_view volume) {
  return price_key({"ec2/ebs", volume, "iops"});
}
/// Provisioned MiBps-months of gp3 throughput.
inline constexpr std::string_view k_ebs_gp3_throughput_key = "ec2/ebs/gp3/throughput";

}  // namespace stackplan::pricing
