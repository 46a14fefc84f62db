// Route 53 hosted zone (global price).

#include "kinds/common.hpp"
#include "kinds/kinds.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (!s.dns) {
    return {};
  }
  return {Resource{nullptr,
                   s.dns->create_zone ? "aws_route53_zone.main" : "data.aws_route53_zone.main",
                   s.dns->zone, -1}};
}

void cost(const Resource& r, Context& ctx) {
  const spec::Dns& dns = *ctx.spec().dns;
  ctx.add(
      line(r, "dns", "Route 53 hosted zone " + dns.zone + (dns.create_zone ? "" : " (existing)"),
           whole(1), "zone-months"),
      ctx.rate("route53/zone"));
}

}  // namespace

const model::Kind k_dns_zone{
    "dns_zone",
    "dns",
    "aws_route53_zone.main | data.aws_route53_zone.main",
    "Route 53 hosted zone (queries are not priced)",
    {},
    expand,
    cost,
};

}  // namespace stackplan::kinds
