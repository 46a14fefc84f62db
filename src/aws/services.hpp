#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan::aws {

/// The AWS service code that sells what a price key names ("rds/..." -> "AmazonRDS").
std::string service_of(std::string_view key);

/// Every service code the catalog covers.
const std::vector<std::string>& known_services();

}  // namespace stackplan::aws
