#include "pricing/gaps.hpp"

#include "pricing/services.hpp"

#include <fnmatch.h>

#include <string>

namespace stackplan::pricing {

namespace {

bool matches(std::string_view pattern, std::string_view text) {
  return ::fnmatch(std::string(pattern).c_str(), std::string(text).c_str(), 0) == 0;
}

bool matches_any(std::string_view patterns, std::string_view text) {
  std::size_t start = 0;
  while (start < patterns.size()) {
    std::size_t space = patterns.find(' ', start);
    std::string_view one = patterns.substr(
        start, space == std::string_view::npos ? std::string_view::npos : space - start);
    if (!one.empty() && matches(one, text)) {
      return true;
    }
    if (space == std::string_view::npos) {
      break;
    }
    start = space + 1;
  }
  return false;
}

}  // namespace

const std::vector<KnownGap>& known_gaps() {
  static const std::vector<KnownGap> gaps = [] {
    std::vector<KnownGap> all;
    for (const ServicePricing* service : kind_services()) {
      all.insert(all.end(), service->gaps.begin(), service->gaps.end());
    }
    // The one gap no single service owns, after the services' own: Savings Plans rates of EC2
    // and Fargate.
    all.push_back({"*", "savings-plan/*", "*",
                   "no public source gives EC2 or Fargate Savings Plans rates (AWS publishes them "
                   "in the Savings Plans offer files, which 'stackplan pricing update' fetches)"});
    return all;
  }();
  return gaps;
}

const KnownGap* known_gap(std::string_view region, std::string_view key, std::string_view term) {
  for (const auto& gap : known_gaps()) {
    if (matches(gap.key, key) && matches(gap.term, term) && matches_any(gap.regions, region)) {
      return &gap;
    }
  }
  return nullptr;
}

}  // namespace stackplan::pricing
