// The `network:` section of spec v1: a VPC to create or an existing one, its subnets and NAT
// gateways.

#include "spec/spec.hpp"
#include "kinds/network/spec.hpp"

#include "base/pattern.hpp"
#include "spec/reader.hpp"
#include "spec/section.hpp"

namespace stackplan::spec {

using nlohmann::json;

namespace {

Type network_type() {
  static const Network k_network;
  return object(
      "network",
      {
          Field{"vpc", one_of({"existing", "create"}),
                "Use an existing VPC or create one with public and private subnets"}
              .def_value(std::string(k_network.create_vpc ? "create" : "existing")),
          Field{"vpc_id", text("^vpc-[0-9a-z]+$", "is a VPC id such as vpc-0abc1234", 21),
                "Id of the existing VPC; when absent it becomes a Terraform variable"}
              .only("vpc", {"existing"}, "remove vpc_id, or set network.vpc: existing")
              .ex("vpc-0abc1234"),
          Field{"cidr",
                text("^([0-9]{1,3}\\.){3}[0-9]{1,3}/(1[6-9]|2[0-4])$",
                     "is an IPv4 CIDR block from /16 to /24", 18),
                "Address range of the new VPC"}
              .only("vpc", {"create"}, "remove it, or set network.vpc: create")
              .def_value(k_network.cidr),
          Field{"public_subnets", whole(1, 6), "Public subnets, one per Availability Zone"}
              .only("vpc", {"create"}, "remove it, or set network.vpc: create")
              .def_value(k_network.public_subnets),
          Field{"private_subnets", whole(0, 6), "Private subnets, one per Availability Zone"}
              .only("vpc", {"create"}, "remove it, or set network.vpc: create")
              .def_value(k_network.private_subnets),
          Field{"nat_gateways", whole(0, 6),
                "NAT gateways for outbound traffic from private subnets"}
              .only("vpc", {"create"}, "remove it, or set network.vpc: create")
              .def_value(k_network.nat_gateways),
          Field{"usage",
                object("network usage",
                       {
                           Field{"data_transfer_out_gb", number(0, 1e9),
                                 "GB a month sent from AWS to the internet"},
                           Field{"nat_processed_gb", number(0, 1e9),
                                 "GB a month processed by the NAT gateways"},
                       }),
                "Usage assumptions for data transfer"},
      });
}

/// Reads the section into the typed spec; the rules across its fields report through `r`.
struct NetworkReader {
  const Reader& r;
  Spec& s;

  void network() {
    Network& n = s.network;
    if (auto vpc = r.str("/network/vpc")) {
      n.create_vpc = *vpc == "create";
    }
    n.vpc_id = r.str("/network/vpc_id");
    static const Pattern exact_vpc("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$");
    if (n.vpc_id && !exact_vpc.search(*n.vpc_id)) {
      r.warning(r.at("/network/vpc_id"), "spec.placeholder",
                "'" + *n.vpc_id + "' is not a complete VPC id (vpc- and 8 or 17 hex digits)",
                "Terraform and CloudFormation will reject it; give the real VPC id");
    }
    assign(n.cidr, r.str("/network/cidr"));
    n.public_subnets = as_int(r.integer("/network/public_subnets"), n.public_subnets);
    n.private_subnets = as_int(r.integer("/network/private_subnets"), n.private_subnets);
    n.nat_gateways = as_int(r.integer("/network/nat_gateways"), n.nat_gateways);
    n.data_transfer_out_gb = r.num("/network/usage/data_transfer_out_gb");
    n.nat_processed_gb = r.num("/network/usage/nat_processed_gb");
    if (n.create_vpc) {
      if (n.nat_gateways > n.public_subnets) {
        r.error(r.at("/network/nat_gateways"), "spec.range",
                "network.nat_gateways is " + std::to_string(n.nat_gateways) +
                    " but there are only " + std::to_string(n.public_subnets) + " public subnets",
                "a NAT gateway lives in a public subnet; use at most one per public subnet");
      }
      if (n.private_subnets == 0 && n.nat_gateways > 0) {
        r.warning(r.at("/network/nat_gateways"), "spec.unused",
                  "NAT gateways are billed but there are no private subnets to use them",
                  "remove nat_gateways or add private_subnets");
      }
    }
  }
};

Type type() {
  return network_type();
}

void read(const Reader& r, Spec& s) {
  NetworkReader{r, s}.network();
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_network_section{"network", "VPC to run in", type, read};

}  // namespace stackplan::spec
