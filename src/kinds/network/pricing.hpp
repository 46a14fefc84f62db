#pragma once

// The catalog keys of the network: NAT gateways, public IPv4 addresses (which every kind with a
// public address pays) and data transfer, named once for the kinds and the import rules.

#include <string_view>

namespace stackplan::pricing {

inline constexpr std::string_view k_nat_hours_key = "ec2/nat/hours";
inline constexpr std::string_view k_nat_processed_key = "ec2/nat/processed";
/// Hours of one in-use public IPv4 address.
inline constexpr std::string_view k_public_ipv4_key = "vpc/public-ipv4";
/// GB out to the internet, tiered.
inline constexpr std::string_view k_transfer_out_key = "transfer/out";
/// GB between Availability Zones of a region.
inline constexpr std::string_view k_transfer_cross_az_key = "transfer/cross-az";

}  // namespace stackplan::pricing
