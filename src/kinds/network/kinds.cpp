// The network of a stack, three kinds: the VPC (created or existing; not billed itself), its NAT
// gateways, and data transfer out to the internet.

#include "kinds/common.hpp"
#include "kinds/network/pricing.hpp"

namespace stackplan::kinds {
namespace {

// The VPC: created (subnets across Availability Zones, internet gateway, route tables) or an
// existing one given by variables. Either way it defines the subnet lists every other template
// places resources in. Not billed itself; NAT gateways and public IPv4 are priced by their kinds.
namespace vpc {

std::vector<Resource> expand(const spec::Spec& s) {
  return {
      Resource{nullptr, s.network.create_vpc ? "aws_vpc.main" : "data.aws_vpc.main", s.name, -1}};
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Network& n = s.network;
  const bool relational = spec::is_rds(s.database.engine) || spec::is_aurora(s.database.engine);
  const auto [service_public, database_public] = placement(s);
  json v = base_view(r);
  v["create"] = n.create_vpc;
  v["existing"] = !n.create_vpc;
  v["cidr"] = n.cidr;
  v["public_count"] = n.public_subnets;
  v["private_count"] = n.private_subnets;
  v["has_private"] = n.create_vpc && n.private_subnets > 0;
  v["newbits"] = subnet_newbits(n.cidr);
  v["private_offset"] = private_subnet_offset(n.cidr);
  v["public_subnets"] = n.create_vpc ? created_subnets(s, true) : json::array();
  v["private_subnets"] = n.create_vpc ? created_subnets(s, false) : json::array();
  v["vpc_id_default"] = n.vpc_id ? json(*n.vpc_id) : json(nullptr);
  v["service_public"] = service_public;
  v["database_public"] = database_public;
  v["needs_public"] = s.load_balancer.has_value() || service_public || database_public;
  v["needs_private"] =
      (!s.services.empty() && !service_public) || (relational && !database_public) ||
      (!n.create_vpc && s.database.engine == spec::Engine::sqlite_efs && !service_public);
  return v;
}

}  // namespace vpc

// NAT gateways of a VPC stackplan creates: hours, GB processed, and their public IPv4.
namespace nat {

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
          ctx.rate(pricing::k_nat_hours_key));
  model::Usage gb =
      ctx.usage(r, "processed_gb", n.nat_processed_gb, "network.usage.nat_processed_gb");
  ctx.add(usage_line(r, "network", "NAT gateway data processed", gb.value, "GB", gb.assumption),
          ctx.rate(pricing::k_nat_processed_key));
  ctx.add(line(r, "network", "Public IPv4 address per NAT gateway" + times,
               count * hours_per_month(), "hours"),
          ctx.rate(pricing::k_public_ipv4_key));
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

}  // namespace nat

// Data transfer out to the internet (usage-based).
namespace transfer {

std::vector<Resource> expand(const spec::Spec& s) {
  if (s.services.empty() && !s.load_balancer) {
    return {};
  }
  return {Resource{nullptr, "data_transfer.internet", s.name, -1}};
}

void cost(const Resource& r, Context& ctx) {
  model::Usage gb = ctx.usage(r, "out_gb", ctx.spec().network.data_transfer_out_gb,
                              "network.usage.data_transfer_out_gb");
  ctx.add_tiered(
      usage_line(r, "network", "Data transfer out to the internet", gb.value, "GB",
                 gb.assumption + "; the account-wide 100 GB a month free allowance is not "
                                 "subtracted"),
      pricing::k_transfer_out_key);
}

}  // namespace transfer

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_network{
    "network",
    "network",
    "aws_vpc.main | data.aws_vpc.main",
    "The VPC, created or existing, and the subnets the stack uses (not billed itself)",
    {},
    vpc::expand,
    nullptr,
    model::Rendering{"network", "network", {}, vpc::view},
};

// Listed in kinds/registry.cpp.
extern const model::Kind k_nat_gateway{
    "nat_gateway",
    "network",
    "aws_nat_gateway.main",
    "NAT gateways: hours, GB processed, public IPv4",
    {{"processed_gb", "GB a month", 10, "Traffic through the NAT gateways"}},
    nat::expand,
    nat::cost,
    model::Rendering{"nat_gateway", "network", {}, nat::view},
};

// Listed in kinds/registry.cpp.
extern const model::Kind k_data_transfer{
    "data_transfer",
    "network",
    "data_transfer.internet",
    "Data transfer out to the internet",
    {{"out_gb", "GB a month", 10, "Traffic from the stack to the internet"}},
    transfer::expand,
    transfer::cost,
};

}  // namespace stackplan::kinds
