// The VPC: created (subnets across Availability Zones, internet gateway, route tables) or an
// existing one given by variables. Either way it defines the subnet lists every other template
// places resources in. Not billed itself; NAT gateways and public IPv4 are priced by their kinds.

#include "kinds/common.hpp"
#include "kinds/kinds.hpp"

namespace stackplan::kinds {
namespace {

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

}  // namespace

const model::Kind k_network{
    "network",
    "network",
    "aws_vpc.main | data.aws_vpc.main",
    "The VPC, created or existing, and the subnets the stack uses (not billed itself)",
    {},
    expand,
    nullptr,
    model::Rendering{"network", "network", {}, view},
};

}  // namespace stackplan::kinds
