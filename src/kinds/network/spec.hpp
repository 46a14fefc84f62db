#pragma once

#include <optional>
#include <string>

// The `network:` section of spec v1: the VPC, its subnets and NAT gateways, and the traffic
// the network carries.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

struct Network {
  bool create_vpc = false;
  std::optional<std::string> vpc_id;
  std::string cidr = "10.0.0.0/16";
  int public_subnets = 2;
  int private_subnets = 2;
  int nat_gateways = 0;
  std::optional<double> data_transfer_out_gb;
  std::optional<double> nat_processed_gb;
};

}  // namespace stackplan::spec
