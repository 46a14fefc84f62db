// Route 53 hosted zone (global price).

#include "kinds/common.hpp"
#include "kinds/dns_zone/pricing.hpp"

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
  ctx.add(line(r, dns.create_zone ? "dns" : model::k_existing, "Route 53 hosted zone " + dns.zone,
               whole(1), "zone-months"),
          ctx.rate(pricing::k_hosted_zone_key));
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Dns& dns = *s.dns;
  json v = base_view(r);
  v["zone"] = dns.zone;
  v["create_zone"] = dns.create_zone;
  v["existing_zone"] = !dns.create_zone;
  json records = json::array();
  for (const auto& rec : dns.records) {
    records.push_back({{"record_id", model::resource_name(rec)},
                       {"record_logical", logical_id(rec)},
                       {"fqdn", rec + "." + dns.zone}});
  }
  v["records"] = records;
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_dns_zone{
    "dns_zone",
    "dns",
    "aws_route53_zone.main | data.aws_route53_zone.main",
    "Route 53 hosted zone (queries are not priced)",
    {},
    expand,
    cost,
    model::Rendering{"dns_zone", "dns", {}, view},
};

}  // namespace stackplan::kinds
