#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pricing/gaps.hpp"
#include "pricing/rules.hpp"

namespace stackplan::pricing {

/// What stackplan prices of one AWS service, defined in the folder of the kind that uses it
/// (src/kinds/<kind>/pricing.cpp): the catalog key prefixes it owns, how its offer-file
/// products map to catalog keys, and the prices the snapshot lacks on purpose.
struct ServicePricing {
  std::string_view service;                ///< the service code: "AmazonElastiCache"
  std::vector<std::string_view> prefixes;  ///< catalog key prefixes: "elasticache/"
  /// The catalog key of a product of the service (`usage` is its usage type without the
  /// region prefix), or nullopt when the cost model does not use it.
  std::optional<std::string> (*key_of)(const Product& product, std::string_view usage);
  std::vector<KnownGap> gaps;
  /// AWS's pricing-page files of the service (`pricing update --source pages`), relative to
  /// the pages endpoint, and the labels of them that price the kind's keys.
  std::vector<std::string_view> pages = {};
  std::vector<PageRule> page_rules = {};
  /// Whether its prices are the same everywhere (Route 53): mapped to region "global".
  bool global = false;
  /// The pricing-page entries whose meaning is computed from the label rather than listed in
  /// `page_rules` (an instance type or a tier in the label), or nullptr.
  std::optional<PageMapping> (*page_entry)(const PageEntry& entry) = nullptr;
  /// The catalog key a Savings Plan rate prices, from the rate's usage type (without the region
  /// prefix) and operation, or nullptr when no Savings Plan covers the service's usage.
  std::optional<std::string> (*savings_plan_key)(std::string_view usage,
                                                 std::string_view operation) = nullptr;
};

/// The services kinds price from their own folders (listed in services.cpp). One service code
/// may be priced by several folders (AmazonEC2: instances and volumes in compute/, NAT gateways
/// in network/), each owning its own key prefixes.
const std::vector<const ServicePricing*>& kind_services();

/// The AWS service code that sells what a price key names ("rds/..." -> "AmazonRDS").
std::string service_of(std::string_view key);

/// Every service code the catalog covers.
const std::vector<std::string>& known_services();

}  // namespace stackplan::pricing
