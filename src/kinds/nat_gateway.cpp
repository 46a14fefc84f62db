// NAT gateways of a VPC stackplan creates: hours, GB processed, and their public IPv4.

#include "kinds/common.hpp"
#include "kinds/kinds.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (!s.network.create_vpc || s.network.nat_gateways == 0) {
    return {};
  }
  return {Resource{nullptr, "aws_nat_gateway.main", s.name, -1}};
}

void cost(const Resource& r, Context& ctx) {
  const spec::Network& n = ctx.spec().network;
  const Decimal count = whole(n.nat_gateways);
  const std::string times = " x " + std::to_string(n.nat_gateways);
  ctx.add(line(r, "network", "NAT gateway" + times, count * hours_per_month(), "hours"),
          ctx.rate("ec2/nat/hours"));
  model::Usage gb =
      ctx.usage(r, "processed_gb", n.nat_processed_gb, "network.usage.nat_processed_gb");
  ctx.add(usage_line(r, "network", "NAT gateway data processed", gb.value, "GB", gb.assumption),
          ctx.rate("ec2/nat/processed"));
  ctx.add(line(r, "network", "Public IPv4 address per NAT gateway" + times,
               count * hours_per_month(), "hours"),
          ctx.rate("vpc/public-ipv4"));
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  v["nat_count"] = s.network.nat_gateways;
  v["private_count"] = s.network.private_subnets;
  json gateways = json::array();
  const json public_subnets = created_subnets(s, true);
  for (int i = 0; i < s.network.nat_gateways; ++i) {
    const json& subnet = public_subnets[static_cast<std::size_t>(i) % public_subnets.size()];
    gateways.push_back({{"n", i + 1},
                        {"logical", "NatGateway" + std::to_string(i + 1)},
                        {"eip_logical", "NatAddress" + std::to_string(i + 1)},
                        {"subnet_logical", subnet["logical"]}});
  }
  v["gateways"] = gateways;
  v["private_subnets"] = created_subnets(s, false);
  return v;
}

}  // namespace

const model::Kind k_nat_gateway{
    "nat_gateway",
    "network",
    "aws_nat_gateway.main",
    "NAT gateways: hours, GB processed, public IPv4",
    {{"processed_gb", "GB a month", 10, "Traffic through the NAT gateways"}},
    expand,
    cost,
    model::Rendering{"nat_gateway", "network", {}, view},
};

}  // namespace stackplan::kinds
