#include "aws/regions.hpp"

#include <algorithm>
#include <utility>

namespace stackplan::aws {

namespace {

// The one region table: each code with the `location` name AWS's Price List gives it.
const std::pair<std::string_view, std::string_view> k_regions[] = {
    {"af-south-1", "Africa (Cape Town)"},
    {"ap-east-1", "Asia Pacific (Hong Kong)"},
    {"ap-east-2", "Asia Pacific (Taipei)"},
    {"ap-northeast-1", "Asia Pacific (Tokyo)"},
    {"ap-northeast-2", "Asia Pacific (Seoul)"},
    {"ap-northeast-3", "Asia Pacific (Osaka)"},
    {"ap-south-1", "Asia Pacific (Mumbai)"},
    {"ap-south-2", "Asia Pacific (Hyderabad)"},
    {"ap-southeast-1", "Asia Pacific (Singapore)"},
    {"ap-southeast-2", "Asia Pacific (Sydney)"},
    {"ap-southeast-3", "Asia Pacific (Jakarta)"},
    {"ap-southeast-4", "Asia Pacific (Melbourne)"},
    {"ap-southeast-5", "Asia Pacific (Malaysia)"},
    {"ap-southeast-7", "Asia Pacific (Thailand)"},
    {"ca-central-1", "Canada (Central)"},
    {"ca-west-1", "Canada West (Calgary)"},
    {"eu-central-1", "EU (Frankfurt)"},
    {"eu-central-2", "EU (Zurich)"},
    {"eu-north-1", "EU (Stockholm)"},
    {"eu-south-1", "EU (Milan)"},
    {"eu-south-2", "EU (Spain)"},
    {"eu-west-1", "EU (Ireland)"},
    {"eu-west-2", "EU (London)"},
    {"eu-west-3", "EU (Paris)"},
    {"il-central-1", "Israel (Tel Aviv)"},
    {"me-central-1", "Middle East (UAE)"},
    {"me-south-1", "Middle East (Bahrain)"},
    {"mx-central-1", "Mexico (Central)"},
    {"sa-east-1", "South America (Sao Paulo)"},
    {"us-east-1", "US East (N. Virginia)"},
    {"us-east-2", "US East (Ohio)"},
    {"us-gov-east-1", "AWS GovCloud (US-East)"},
    {"us-gov-west-1", "AWS GovCloud (US-West)"},
    {"us-west-1", "US West (N. California)"},
    {"us-west-2", "US West (Oregon)"},
};

}  // namespace

const std::vector<std::string>& regions() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const auto& [code, location] : k_regions) {
      out.emplace_back(code);
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return codes;
}

bool is_region(std::string_view code) {
  return std::any_of(std::begin(k_regions), std::end(k_regions),
                     [&](const auto& r) { return r.first == code; });
}

std::optional<std::string> location_of_region(std::string_view region) {
  for (const auto& [code, location] : k_regions) {
    if (code == region) {
      return std::string(location);
    }
  }
  return std::nullopt;
}

std::optional<std::string> region_of_location(std::string_view location) {
  for (const auto& [code, name] : k_regions) {
    if (name == location) {
      return std::string(code);
    }
  }
  return std::nullopt;
}

}  // namespace stackplan::aws
