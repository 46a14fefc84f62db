// Application Load Balancer: hours, LCU-hours, and the public IPv4 address of each of its
// Availability Zone nodes.

#include <algorithm>

#include "kinds/common.hpp"
#include "kinds/load_balancer/pricing.hpp"
#include "kinds/network/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (!s.load_balancer) {
    return {};
  }
  return {Resource{nullptr, "aws_lb.main", s.name, -1}};
}

int zones_of(const spec::Spec& s) {
  return s.network.create_vpc ? std::max(2, s.network.public_subnets) : 2;
}

void cost(const Resource& r, Context& ctx) {
  const spec::LoadBalancer& lb = *ctx.spec().load_balancer;
  ctx.add(line(r, "network", "Application Load Balancer", hours_per_month(), "hours"),
          ctx.rate(pricing::k_alb_hours_key));
  model::Usage lcu = ctx.usage(r, "lcu", lb.lcu, "load_balancer.usage.lcu");
  ctx.add(usage_line(r, "network", "Load balancer capacity units", lcu.value * hours_per_month(),
                     "LCU-hours", lcu.assumption),
          ctx.rate(pricing::k_alb_lcu_key));
  int zones = zones_of(ctx.spec());
  ctx.add(line(r, "network",
               "Public IPv4 addresses of the load balancer (one per Availability Zone) x " +
                   std::to_string(zones),
               whole(zones) * hours_per_month(), "hours"),
          ctx.rate(pricing::k_public_ipv4_key));
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::LoadBalancer& lb = *s.load_balancer;
  json v = base_view(r);
  v["lb_name"] = aws_name(s.name, 32);
  v["security_group_name"] = aws_name(s.name + "-alb", 255);
  v["https"] = lb.https;
  v["http_only"] = !lb.https;
  v["certificate_default"] = lb.certificate_arn ? json(*lb.certificate_arn) : json(nullptr);
  v["idle_timeout"] = lb.idle_timeout;
  v["deletion_protection"] = bool_text(s.environment == "prod");
  v["subnets"] = subnets_view(s);
  v["exceptions"] = exceptions_view(
      {{"CT.ELASTICLOADBALANCING.PR.5",
        "deletion protection is on for environment prod only (in CloudFormation, the "
        "Environment parameter decides), so that other stacks can be removed"},
       {"CT.ELASTICLOADBALANCING.PR.6",
        "access logs are written to an S3 bucket and billed as its storage and requests; the "
        "services log each request themselves"}});
  v["http_exceptions"] = exceptions_view(
      lb.https ? std::vector<ControlException>{}
               : std::vector<ControlException>{
                     {"CT.ELASTICLOADBALANCING.PR.1",
                      "load_balancer.https is false: the stack serves plain HTTP"}});
  v["https_exceptions"] = exceptions_view(
      {{"CT.ELASTICLOADBALANCING.PR.2",
        "the certificate is the CertificateArn parameter, whose AllowedPattern admits ACM "
        "certificate ARNs only"}});
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_load_balancer{
    "load_balancer",
    "network",
    "aws_lb.main",
    "Application Load Balancer: hours, LCU-hours, public IPv4 per Availability Zone",
    {{"lcu", "LCU", 1, "Average load balancer capacity units"}},
    expand,
    cost,
    model::Rendering{"load_balancer", "load_balancer", {}, view},
};

}  // namespace stackplan::kinds
