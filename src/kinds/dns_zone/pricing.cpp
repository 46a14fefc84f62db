// Which of AWS's Route 53 products stackplan prices: the hosted zone, one price everywhere.

#include "kinds/dns_zone/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product& p, std::string_view usage) {
  if (p.family == "DNS Zone" && usage == "HostedZone") {
    return std::string(k_hosted_zone_key);
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_dns_zone_pricing{
    "AmazonRoute53",
    {"route53/"},
    key_of,
    {},
    {"route53/USD/current/route53.json"},
    {
        // The first 25 zones of an account, then the rest.
        {"route53", "DNS Zone first 25", {std::string(k_hosted_zone_key)}, "HostedZone", "0", "25"},
        {"route53", "DNS Zone", {std::string(k_hosted_zone_key)}, "HostedZone", "25"},
    },
    true,
};

}  // namespace stackplan::pricing
