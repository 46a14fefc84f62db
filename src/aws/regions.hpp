#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan::aws {

/// Every AWS region code stackplan knows (commercial and GovCloud, no Local or Wavelength
/// Zones), sorted.
const std::vector<std::string>& regions();

/// Whether `code` is one of regions().
bool is_region(std::string_view code);

/// The Price List `location` of a region code ("us-east-2" -> "US East (Ohio)").
std::optional<std::string> location_of_region(std::string_view region);

/// Region code of a Price List `location` ("US East (Ohio)" -> "us-east-2").
std::optional<std::string> region_of_location(std::string_view location);

}  // namespace stackplan::aws
