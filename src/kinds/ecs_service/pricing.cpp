// Which of AWS's products stackplan prices for a service: Fargate vCPU and memory hours (on
// demand, Fargate Spot and Savings Plans), its CloudWatch log group's ingestion and storage, and
// the custom metrics Container Insights publishes about it.

#include "kinds/ecs_service/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

/// On-demand Fargate usage types, which Savings Plans rates name as well.
std::optional<std::string> fargate_key(std::string_view usage) {
  if (usage == "Fargate-vCPU-Hours:perCPU") {
    return fargate_vcpu_key(false, "x86_64");
  }
  if (usage == "Fargate-GB-Hours") {
    return fargate_memory_key(false, "x86_64");
  }
  if (usage == "Fargate-ARM-vCPU-Hours:perCPU") {
    return fargate_vcpu_key(false, "arm64");
  }
  if (usage == "Fargate-ARM-GB-Hours") {
    return fargate_memory_key(false, "arm64");
  }
  return std::nullopt;
}

std::optional<std::string> ecs_key(const Product&, std::string_view usage) {
  if (auto key = fargate_key(usage)) {
    return key;
  }
  if (usage == "SpotUsage-Fargate-vCPU-Hours:perCPU") {
    return fargate_vcpu_key(true, "x86_64");
  }
  if (usage == "SpotUsage-Fargate-GB-Hours") {
    return fargate_memory_key(true, "x86_64");
  }
  return std::nullopt;
}

std::optional<std::string> savings_plan_key(std::string_view usage, std::string_view) {
  return fargate_key(usage);
}

std::optional<std::string> logs_key(const Product&, std::string_view usage) {
  if (usage == "DataProcessing-Bytes") {
    return std::string(k_logs_ingest_key);
  }
  if (usage == "TimedStorage-ByteHrs") {
    return std::string(k_logs_storage_key);
  }
  if (usage == "CW:MetricMonitorUsage") {
    return std::string(k_metric_key);
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_fargate_pricing{
    "AmazonECS",
    {"fargate/", "fargate-spot/"},
    ecs_key,
    {
        {"fargate-spot/*/arm64", "*", "*", "AWS does not sell Fargate Spot for arm64"},
        {"fargate-spot/*", "*", "ca-central-1",
         "the only public figure is the source's unchanged 2021 value, which it doubts itself"},
        {"fargate-spot/*", "*", "me-central-1",
         "the only public source of Fargate Spot prices does not list this region"},
    },
    {"ecs/USD/current/ecs.json"},
    {
        {"ecs", "perCPU per hour", {fargate_vcpu_key(false, "x86_64")}, "hours"},
        {"ecs", "perGB per hour", {fargate_memory_key(false, "x86_64")}, "hours"},
        {"ecs", "ARM perCPU per hour", {fargate_vcpu_key(false, "arm64")}, "hours"},
        {"ecs", "ARM perGB per hour", {fargate_memory_key(false, "arm64")}, "hours"},
    },
    false,
    nullptr,
    savings_plan_key,
};

extern const ServicePricing k_log_group_pricing{
    "AmazonCloudWatch",
    {"logs/", "cloudwatch/"},
    logs_key,
    {},
    {"cloudwatch/USD/current/cloudwatch.json"},
    {
        {"cloudwatch", "Logs Collected Data Ingestion", {std::string(k_logs_ingest_key)}, "GB"},
        {"cloudwatch", "Stored Data", {std::string(k_logs_storage_key)}, "GB-Mo"},
        // clang-format off
        {"cloudwatch", "Metric for the first 10000", {std::string(k_metric_key)}, "Metrics", "0", "10000"},
        {"cloudwatch", "Metric for the next 240000", {std::string(k_metric_key)}, "Metrics", "10000", "250000"},
        {"cloudwatch", "Metric for the next 750000", {std::string(k_metric_key)}, "Metrics", "250000", "1000000"},
        {"cloudwatch", "Metric for over 1000000", {std::string(k_metric_key)}, "Metrics", "1000000"},
        // clang-format on
    },
};

}  // namespace stackplan::pricing
