#pragma once

// The catalog keys of an Application Load Balancer, named once for the kind and the import
// rules.

#include <string_view>

namespace stackplan::pricing {

inline constexpr std::string_view k_alb_hours_key = "elb/alb/hours";
/// Load Balancer Capacity Unit hours.
inline constexpr std::string_view k_alb_lcu_key = "elb/alb/lcu";

}  // namespace stackplan::pricing
