#include "aws/services.hpp"

#include <algorithm>
#include <utility>

namespace stackplan::aws {

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
    {"elasticache/", "AmazonElastiCache"},
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
  static const std::vector<std::string> services = [] {
    std::vector<std::string> out;
    for (const auto& [prefix, service] : k_prefixes) {
      out.emplace_back(service);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return services;
}

}  // namespace stackplan::aws
