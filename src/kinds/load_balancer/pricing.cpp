// Which of AWS's Elastic Load Balancing products stackplan prices: Application Load Balancer
// hours and LCU-hours.

#include "kinds/load_balancer/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product& p, std::string_view usage) {
  if (p.family != "Load Balancer-Application") {
    return std::nullopt;
  }
  if (usage == "LoadBalancerUsage") {
    return std::string(k_alb_hours_key);
  }
  if (usage == "LCUUsage") {
    return std::string(k_alb_lcu_key);
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_load_balancer_pricing{
    "AWSELB",
    {"elb/"},
    key_of,
    {},
    {"elb/USD/current/elb.json"},
    {
        {"elb", "Application Load Balancer Hours", {std::string(k_alb_hours_key)}, "Hrs"},
        {"elb", "Application Load Balancer LCU Hours", {std::string(k_alb_lcu_key)}, "LCU-Hrs"},
    },
};

}  // namespace stackplan::pricing
