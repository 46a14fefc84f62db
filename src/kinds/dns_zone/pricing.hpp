#pragma once

// The catalog key of a Route 53 hosted zone, named once for the kind and the import rules.

#include <string_view>

namespace stackplan::pricing {

/// Months of one hosted zone, tiered by the account's zone count; one price everywhere.
inline constexpr std::string_view k_hosted_zone_key = "route53/zone";

}  // namespace stackplan::pricing
