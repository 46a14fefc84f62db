#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan::pricing {

/// The AWS service code that sells what a price key names ("rds/..." -> "AmazonRDS").
std::string service_of(std::string_view key);

/// Every service code the catalog covers.
const std::vector<std::string>& known_services();

/// Whether `code` is an AWS region code (not a Local Zone or Wavelength zone).
bool is_region_code(std::string_view code);

/// Region code of a Price List `location` ("US East (Ohio)" -> "us-east-2").
std::optional<std::string> region_of_location(std::string_view location);

/// The Price List `location` of a region code ("us-east-2" -> "US East (Ohio)").
std::optional<std::string> location_of_region(std::string_view region);

}  // namespace stackplan::pricing
