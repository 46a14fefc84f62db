#include "pricing/rules.hpp"

#include <cctype>

#include "pricing/services.hpp"

namespace stackplan::pricing {

std::string_view Product::attribute(std::string_view name) const {
  for (const auto& [k, v] : attributes) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::optional<std::string> region_of(const Product& p) {
  std::string_view code = p.attribute("regionCode");
  if (!code.empty()) {
    return is_region_code(code) ? std::optional<std::string>(code) : std::nullopt;
  }
  return region_of_location(p.attribute("location"));
}

/// "Aurora PostgreSQL" -> "postgres", "Aurora MySQL" -> "mysql"; empty otherwise.
std::string aurora_engine(std::string_view engine) {
  if (engine == "Aurora PostgreSQL") {
    return "postgres";
  }
  if (engine == "Aurora MySQL") {
    return "mysql";
  }
  return {};
}

std::string deployment(std::string_view option) {
  if (option == "Single-AZ") {
    return "single-az";
  }
  if (option == "Multi-AZ") {
    return "multi-az";
  }
  return {};
}

std::optional<std::string> ec2_key(const Product& p, std::string_view usage) {
  if (p.family == "Compute Instance") {
    bool linux_shared =
        p.attribute("operatingSystem") == "Linux" && p.attribute("tenancy") == "Shared" &&
        p.attribute("preInstalledSw") == "NA" && p.attribute("capacitystatus") == "Used" &&
        lower(p.attribute("licenseModel")) == "no license required" &&
        (p.attribute("marketoption").empty() || p.attribute("marketoption") == "OnDemand");
    if (linux_shared && !p.attribute("instanceType").empty()) {
      return "ec2/instance/" + std::string(p.attribute("instanceType"));
    }
    return std::nullopt;
  }
  if (p.family == "Storage") {
    std::string_view volume = p.attribute("volumeApiName");
    if (volume == "gp2" || volume == "gp3" || volume == "io1" || volume == "io2" ||
        volume == "st1" || volume == "sc1") {
      return "ec2/ebs/" + std::string(volume);
    }
    return std::nullopt;
  }
  if (p.family == "System Operation" && usage == "EBS:VolumeP-IOPS.gp3") {
    return std::string("ec2/ebs/gp3/iops");
  }
  if (p.family == "System Operation" && usage == "EBS:VolumeP-IOPS.piops") {
    return std::string("ec2/ebs/io1/iops");
  }
  if (p.family == "Provisioned Throughput" && usage == "EBS:VolumeP-Throughput.gp3") {
    return std::string("ec2/ebs/gp3/throughput");
  }
  if (p.family == "NAT Gateway" && usage == "NatGateway-Hours") {
    return std::string("ec2/nat/hours");
  }
  if (p.family == "NAT Gateway" && usage == "NatGateway-Bytes") {
    return std::string("ec2/nat/processed");
  }
  return std::nullopt;
}

std::optional<std::string> rds_key(const Product& p, std::string_view usage) {
  std::string_view engine = p.attribute("databaseEngine");
  if (p.family == "Database Instance") {
    std::string cls(p.attribute("instanceType"));
    if (cls.empty()) {
      return std::nullopt;
    }
    std::string aurora = aurora_engine(engine);
    if (!aurora.empty()) {
      if (starts_with(usage, "InstanceUsageIOOptimized:")) {
        return "aurora/instance/" + aurora + "/" + cls + "/io-optimized";
      }
      if (starts_with(usage, "InstanceUsage:")) {
        return "aurora/instance/" + aurora + "/" + cls + "/standard";
      }
      return std::nullopt;
    }
    std::string dep = deployment(p.attribute("deploymentOption"));
    if ((engine == "PostgreSQL" || engine == "MySQL") && !dep.empty() &&
        (starts_with(usage, "InstanceUsage:") || starts_with(usage, "Multi-AZUsage:"))) {
      return "rds/instance/" + std::string(engine == "PostgreSQL" ? "postgres" : "mysql") + "/" +
             cls + "/" + dep;
    }
    return std::nullopt;
  }
  if (p.family == "Database Storage") {
    std::string aurora = aurora_engine(engine);
    if (!aurora.empty() && usage == "Aurora:StorageUsage") {
      return "aurora/storage/" + aurora + "/standard";
    }
    if (!aurora.empty() && usage == "Aurora:IO-OptimizedStorageUsage") {
      return "aurora/storage/" + aurora + "/io-optimized";
    }
    // One row per volume type and deployment: the engine-neutral row, or PostgreSQL's.
    if (engine != "Any" && engine != "PostgreSQL") {
      return std::nullopt;
    }
    std::string dep = deployment(p.attribute("deploymentOption"));
    std::string_view volume = p.attribute("volumeType");
    std::string type = volume == "General Purpose"        ? "gp2"
                       : volume == "General Purpose-GP3"  ? "gp3"
                       : volume == "Provisioned IOPS"     ? "io1"
                       : volume == "Provisioned IOPS-IO2" ? "io2"
                                                          : "";
    if (!type.empty() && !dep.empty()) {
      return "rds/storage/" + type + "/" + dep;
    }
    return std::nullopt;
  }
  if (p.family == "System Operation") {
    std::string aurora = aurora_engine(engine);
    if (!aurora.empty() && usage == "Aurora:StorageIOUsage") {
      return "aurora/io/" + aurora;
    }
    return std::nullopt;
  }
  if (p.family == "ServerlessV2") {
    std::string aurora = aurora_engine(engine);
    if (!aurora.empty() && usage == "Aurora:ServerlessV2Usage") {
      return "aurora/serverless-v2/" + aurora + "/standard";
    }
    if (!aurora.empty() && usage == "Aurora:ServerlessV2IOOptimizedUsage") {
      return "aurora/serverless-v2/" + aurora + "/io-optimized";
    }
    return std::nullopt;
  }
  if (p.family == "Storage Snapshot") {
    if (usage == "RDS:ChargedBackupUsage") {
      return std::string("rds/backup");
    }
    std::string aurora = aurora_engine(engine);
    if (!aurora.empty() && usage == "Aurora:BackupUsage") {
      return "aurora/backup/" + aurora;
    }
  }
  return std::nullopt;
}

/// Fargate usage types (region prefix removed) of on-demand tasks and Savings Plan rates.
std::optional<std::string> fargate_key(std::string_view usage) {
  if (usage == "Fargate-vCPU-Hours:perCPU") {
    return std::string("fargate/vcpu/x86_64");
  }
  if (usage == "Fargate-GB-Hours") {
    return std::string("fargate/memory/x86_64");
  }
  if (usage == "Fargate-ARM-vCPU-Hours:perCPU") {
    return std::string("fargate/vcpu/arm64");
  }
  if (usage == "Fargate-ARM-GB-Hours") {
    return std::string("fargate/memory/arm64");
  }
  return std::nullopt;
}

/// "No Upfront" -> "no-upfront", ...; empty when unknown.
std::string payment_of(std::string_view option) {
  return option == "No Upfront"        ? "no-upfront"
         : option == "Partial Upfront" ? "partial-upfront"
         : option == "All Upfront"     ? "all-upfront"
                                       : "";
}

/// "1yr" -> "1y", "3yr" -> "3y"; empty when unknown.
std::string years_of(std::string_view length) {
  return length == "1yr" ? "1y" : length == "3yr" ? "3y" : "";
}

std::optional<std::string> other_key(const Product& p, std::string_view usage) {
  const std::string& s = p.service;
  if (s == "AmazonS3") {
    if (p.family == "Storage" && usage == "TimedStorage-ByteHrs") {
      std::string_view v = p.attribute("volumeType");
      if (v == "Standard") {
        return std::string("s3/storage/standard");
      }
      if (v == "Standard - Infrequent Access") {
        return std::string("s3/storage/standard-ia");
      }
      if (v == "One Zone - Infrequent Access") {
        return std::string("s3/storage/one-zone-ia");
      }
    }
    if (p.family == "API Request" && usage == "Requests-Tier1") {
      return std::string("s3/requests/tier1");
    }
    if (p.family == "API Request" && usage == "Requests-Tier2") {
      return std::string("s3/requests/tier2");
    }
    return std::nullopt;
  }
  if (s == "AmazonECS") {
    if (auto key = fargate_key(usage)) {
      return key;
    }
    if (usage == "SpotUsage-Fargate-vCPU-Hours:perCPU") {
      return std::string("fargate-spot/vcpu/x86_64");
    }
    if (usage == "SpotUsage-Fargate-GB-Hours") {
      return std::string("fargate-spot/memory/x86_64");
    }
    return std::nullopt;
  }
  if (s == "AWSELB" && p.family == "Load Balancer-Application") {
    if (usage == "LoadBalancerUsage") {
      return std::string("elb/alb/hours");
    }
    if (usage == "LCUUsage") {
      return std::string("elb/alb/lcu");
    }
    return std::nullopt;
  }
  if (s == "AmazonVPC" && usage == "PublicIPv4:InUseAddress") {
    return std::string("vpc/public-ipv4");
  }
  if (s == "AmazonCloudWatch") {
    if (usage == "DataProcessing-Bytes") {
      return std::string("logs/ingest");
    }
    if (usage == "TimedStorage-ByteHrs") {
      return std::string("logs/storage");
    }
    return std::nullopt;
  }
  if (s == "AWSSecretsManager") {
    if (usage == "AWSSecretsManager-Secrets") {
      return std::string("secrets/secret");
    }
    if (usage == "AWSSecretsManagerAPIRequest") {
      return std::string("secrets/api");
    }
    return std::nullopt;
  }
  if (s == "AWSDataTransfer" || (s == "AmazonEC2" && p.family == "Data Transfer")) {
    if (usage == "DataTransfer-Out-Bytes") {
      return std::string("transfer/out");
    }
    if (usage == "DataTransfer-Regional-Bytes") {
      return std::string("transfer/cross-az");
    }
    return std::nullopt;
  }
  if (s == "AmazonEFS" && p.family == "Storage") {
    if (usage == "TimedStorage-ByteHrs") {
      return std::string("efs/storage/standard");
    }
    if (usage == "IATimedStorage-ByteHrs") {
      return std::string("efs/storage/ia");
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view strip_region_prefix(std::string_view usage_type) {
  std::size_t dash = usage_type.find('-');
  if (dash == std::string_view::npos || dash < 2 || dash > 6) {
    return usage_type;
  }
  for (std::size_t i = 0; i < dash; ++i) {
    char c = usage_type[i];
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)))) {
      return usage_type;
    }
  }
  // "EBS:..." has no dash before its colon; "USE2-EBS:..." and "EU-BoxUsage:..." have a prefix.
  std::string_view rest = usage_type.substr(dash + 1);
  return rest.empty() ? usage_type : rest;
}

std::optional<Mapping> map_product(const Product& p) {
  std::string_view usage = strip_region_prefix(p.attribute("usagetype"));
  std::optional<std::string> key;
  if (p.service == "AmazonRoute53") {
    if (p.family == "DNS Zone" && usage == "HostedZone") {
      return Mapping{"global", "route53/zone"};
    }
    return std::nullopt;
  }
  if (p.attribute("locationType") == "AWS Outposts" ||
      p.attribute("locationType") == "AWS Local Zone" ||
      p.attribute("locationType") == "AWS Wavelength Zone") {
    return std::nullopt;
  }
  if (p.service == "AmazonEC2") {
    key = ec2_key(p, usage);
  } else if (p.service == "AmazonRDS") {
    key = rds_key(p, usage);
  }
  if (!key) {
    key = other_key(p, usage);
  }
  if (!key) {
    return std::nullopt;
  }
  auto region = region_of(p);
  if (!region) {
    return std::nullopt;
  }
  return Mapping{*region, *key};
}

std::optional<std::string> reserved_term(std::string_view length, std::string_view offering_class,
                                         std::string_view purchase_option) {
  std::string years = years_of(length);
  std::string cls = offering_class == "standard" || offering_class == "convertible"
                        ? std::string(offering_class)
                        : "";
  std::string payment = payment_of(purchase_option);
  if (years.empty() || payment.empty()) {
    return std::nullopt;
  }
  if (cls.empty()) {
    cls = "standard";  // RDS reservations carry no offering class
  }
  return "reserved/" + years + "/" + cls + "/" + payment;
}

std::optional<std::string> savings_plan_term(std::string_view family, std::string_view term,
                                             std::string_view purchase_option) {
  std::string type = family == "ComputeSavingsPlans"       ? "compute"
                     : family == "EC2InstanceSavingsPlans" ? "ec2-instance"
                                                           : "";
  std::string years = years_of(term);
  std::string payment = payment_of(purchase_option);
  if (type.empty() || years.empty() || payment.empty()) {
    return std::nullopt;
  }
  return "savings-plan/" + type + "/" + years + "/" + payment;
}

std::optional<std::string> savings_plan_rate_key(std::string_view usage_type,
                                                 std::string_view operation) {
  std::string_view usage = strip_region_prefix(usage_type);
  if (starts_with(usage, "BoxUsage:") && operation == "RunInstances") {
    return "ec2/instance/" + std::string(usage.substr(9));
  }
  return fargate_key(usage);
}

}  // namespace stackplan::pricing