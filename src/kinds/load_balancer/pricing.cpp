// Which of AWS's Elastic Load Balancing products stackplan prices: Application Load Balancer
// hours and LCU-hours.

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product& p, std::string_view usage) {
  if (p.family != "Load Balancer-Application") {
    return std::nullopt;
  }
  if (usage == "LoadBalancerUsage") {
    return std::string("elb/alb/hours");
  }
  if (usage == "LCUUsage") {
    return std::string("elb/alb/lcu");
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
        {"elb", "Application Load Balancer Hours", {"elb/alb/hours"}, "Hrs"},
        {"elb", "Application Load Balancer LCU Hours", {"elb/alb/lcu"}, "LCU-Hrs"},
    },
};

}  // namespace stackplan::pricing
