// Which of AWS's products stackplan prices for the network: NAT gateway hours and data
// processed (sold under AmazonEC2), public IPv4 addresses (AmazonVPC) and data transfer out
// (AWSDataTransfer, and the AmazonEC2 offer file's "Data Transfer" products).

#include "kinds/network/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> transfer_key(std::string_view usage) {
  if (usage == "DataTransfer-Out-Bytes") {
    return std::string(k_transfer_out_key);
  }
  if (usage == "DataTransfer-Regional-Bytes") {
    return std::string(k_transfer_cross_az_key);
  }
  return std::nullopt;
}

std::optional<std::string> ec2_key(const Product& p, std::string_view usage) {
  if (p.family == "NAT Gateway" && usage == "NatGateway-Hours") {
    return std::string(k_nat_hours_key);
  }
  if (p.family == "NAT Gateway" && usage == "NatGateway-Bytes") {
    return std::string(k_nat_processed_key);
  }
  if (p.family == "Data Transfer") {
    return transfer_key(usage);
  }
  return std::nullopt;
}

std::optional<std::string> vpc_key(const Product&, std::string_view usage) {
  if (usage == "PublicIPv4:InUseAddress") {
    return std::string(k_public_ipv4_key);
  }
  return std::nullopt;
}

std::optional<std::string> data_transfer_key(const Product&, std::string_view usage) {
  return transfer_key(usage);
}

/// Data transfer out to the internet by tier: "DataTransfer External Outbound Next 10 TB" with
/// StartingRange/EndingRange in GB. The "New" and "No Wavelength" copies repeat the same tiers.
std::optional<PageMapping> transfer_entry(const PageEntry& e) {
  std::string_view label = e.label;
  constexpr std::string_view prefix = "DataTransfer External Outbound ";
  if (e.page != "datatransfer" || label.substr(0, prefix.size()) != prefix ||
      label.ends_with(" New") || label.ends_with(" No Wavelength")) {
    return std::nullopt;
  }
  auto begin = Decimal::parse(e.attribute("StartingRange"));
  std::string_view end_text = e.attribute("EndingRange");
  if (!begin || end_text.empty()) {
    return std::nullopt;
  }
  PageMapping m = page_mapping(std::string(k_transfer_out_key), "GB");
  m.begin = *begin;
  if (end_text != "Inf") {
    m.end = Decimal::parse(end_text);
    if (!m.end) {
      return std::nullopt;
    }
  }
  return m;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_nat_pricing{
    "AmazonEC2",
    {"ec2/nat/"},
    ec2_key,
    {},
    {"ec2/USD/current/natgateway.json"},
    {
        {"natgateway", "Hourly charge for NAT Gateways", {std::string(k_nat_hours_key)}, "Hrs"},
        {"natgateway",
         "Charge for per GB data processed by NatGateways",
         {std::string(k_nat_processed_key)},
         "GB"},
    },
};

extern const ServicePricing k_vpc_pricing{
    "AmazonVPC",
    {"vpc/"},
    vpc_key,
    {},
    {"vpc/USD/current/vpc.json"},
    {
        {"vpc",
         "Hourly charge for In use Public IPv4 Addresses per Hrs",
         {std::string(k_public_ipv4_key)},
         "Hrs"},
    },
};

extern const ServicePricing k_data_transfer_pricing{
    "AWSDataTransfer",
    {"transfer/"},
    data_transfer_key,
    {},
    {"datatransfer/USD/current/datatransfer.json"},
    {},
    false,
    transfer_entry,
};

}  // namespace stackplan::pricing
