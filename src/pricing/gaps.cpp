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
    std::vector<KnownGap> all = {
        {"*", "savings-plan/database/*",
         "us-west-1 eu-west-2 eu-west-3 eu-north-1 ap-southeast-2 ap-northeast-1 ap-south-1 "
         "ca-central-1 sa-east-1",
         "the one public table of Database Savings Plans rates covers 7 regions"},
        {"*", "savings-plan/database/*", "*",
         "the public Database Savings Plans table has no rate for this class here that matches "
         "AWS's on-demand price"},
        {"*", "savings-plan/*", "*",
         "no public source gives EC2 or Fargate Savings Plans rates (AWS publishes them in the "
         "Savings Plans offer files, which 'stackplan pricing update' fetches)"},
        {"fargate-spot/*/arm64", "*", "*", "AWS does not sell Fargate Spot for arm64"},
        {"fargate-spot/*", "*", "ca-central-1",
         "the only public figure is the source's unchanged 2021 value, which it doubts itself"},
        {"fargate-spot/*", "*", "me-central-1",
         "the only public source of Fargate Spot prices does not list this region"},
        {"ec2/instance/*", "spot",
         "us-west-1 eu-west-2 eu-west-3 eu-central-1 eu-north-1 ap-* ca-* sa-*",
         "no dated Spot observation for this region; give compute.purchase.spot.hourly_prices"},
        {"ec2/instance/*", "reserved/*",
         "us-west-1 eu-west-2 eu-west-3 eu-north-1 ap-southeast-2 "
         "ap-northeast-1 ap-south-1 ca-central-1 sa-east-1",
         "Reserved Instance pages were found for 7 regions only"},
        {"rds/iops/io2/*", "*", "*", "the RDS pricing page lists no separate io2 IOPS price"},
        {"rds/extended-support/postgres/1[3-9]/*", "*", "*",
         "the newest pricing page with per-vCPU Extended Support rates (2024-09) predates this "
         "version's end of standard support; give the rate in a price book"},
        {"rds/extended-support/mysql/8.0/*", "*", "*",
         "the newest pricing page with per-vCPU Extended Support rates (2024-09) predates this "
         "version's end of standard support; give the rate in a price book"},
    };
    for (const ServicePricing* service : kind_services()) {
      all.insert(all.end(), service->gaps.begin(), service->gaps.end());
    }
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
