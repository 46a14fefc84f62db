#include "pricing/services.hpp"

#include <algorithm>
#include <utility>

#include "spec/spec_schema.hpp"

namespace stackplan::pricing {

namespace {

// Key prefix -> service code. Longer prefixes first where they overlap.
const std::pair<std::string_view, std::string_view> k_prefixes[] = {
    {"ec2/", "AmazonEC2"},
    {"vpc/", "AmazonVPC"},
    {"transfer/", "AWSDataTransfer"},
    {"fargate/", "AmazonECS"},
    {"fargate-spot/", "AmazonECS"},
    {"elb/", "AWSELB"},
    {"rds/", "AmazonRDS"},
    {"aurora/", "AmazonRDS"},
    {"s3/", "AmazonS3"},
    {"efs/", "AmazonEFS"},
    {"logs/", "AmazonCloudWatch"},
    {"secrets/", "AWSSecretsManager"},
    {"route53/", "AmazonRoute53"},
};

const std::pair<std::string_view, std::string_view> k_locations[] = {
    {"US East (N. Virginia)", "us-east-1"},
    {"US East (Ohio)", "us-east-2"},
    {"US West (N. California)", "us-west-1"},
    {"US West (Oregon)", "us-west-2"},
    {"EU (Ireland)", "eu-west-1"},
    {"EU (London)", "eu-west-2"},
    {"EU (Paris)", "eu-west-3"},
    {"EU (Frankfurt)", "eu-central-1"},
    {"EU (Stockholm)", "eu-north-1"},
    {"EU (Milan)", "eu-south-1"},
    {"EU (Spain)", "eu-south-2"},
    {"EU (Zurich)", "eu-central-2"},
    {"Middle East (UAE)", "me-central-1"},
    {"Middle East (Bahrain)", "me-south-1"},
    {"Asia Pacific (Tokyo)", "ap-northeast-1"},
    {"Asia Pacific (Seoul)", "ap-northeast-2"},
    {"Asia Pacific (Osaka)", "ap-northeast-3"},
    {"Asia Pacific (Mumbai)", "ap-south-1"},
    {"Asia Pacific (Hyderabad)", "ap-south-2"},
    {"Asia Pacific (Singapore)", "ap-southeast-1"},
    {"Asia Pacific (Sydney)", "ap-southeast-2"},
    {"Asia Pacific (Jakarta)", "ap-southeast-3"},
    {"Asia Pacific (Melbourne)", "ap-southeast-4"},
    {"Asia Pacific (Hong Kong)", "ap-east-1"},
    {"Canada (Central)", "ca-central-1"},
    {"Canada West (Calgary)", "ca-west-1"},
    {"South America (Sao Paulo)", "sa-east-1"},
    {"Africa (Cape Town)", "af-south-1"},
    {"Israel (Tel Aviv)", "il-central-1"},
    {"AWS GovCloud (US-East)", "us-gov-east-1"},
    {"AWS GovCloud (US-West)", "us-gov-west-1"},
    {"Mexico (Central)", "mx-central-1"},
};

}  // namespace

std::string service_of(std::string_view key) {
  for (const auto& [prefix, service] : k_prefixes) {
    if (key.substr(0, prefix.size()) == prefix) {
      return std::string(service);
    }
  }
  return "Unknown";
}

const std::vector<std::string>& known_services() {
  static const std::vector<std::string> services = {
      "AWSDataTransfer", "AWSELB",    "AWSSecretsManager", "AmazonCloudWatch",
      "AmazonEC2",       "AmazonECS", "AmazonEFS",         "AmazonRDS",
      "AmazonRoute53",   "AmazonS3",  "AmazonVPC",
  };
  return services;
}

std::optional<std::string> location_of_region(std::string_view region) {
  for (const auto& [name, code] : k_locations) {
    if (code == region) {
      return std::string(name);
    }
  }
  return std::nullopt;
}

std::optional<std::string> region_of_location(std::string_view location) {
  for (const auto& [name, code] : k_locations) {
    if (name == location) {
      return std::string(code);
    }
  }
  return std::nullopt;
}

}  // namespace stackplan::pricing

namespace stackplan::pricing {

bool is_region_code(std::string_view code) {
  const auto& regions = spec::known_regions();
  return std::find(regions.begin(), regions.end(), code) != regions.end();
}

}  // namespace stackplan::pricing
