#include "pricing/rules.hpp"

#include <algorithm>
#include <cctype>

#include "aws/regions.hpp"
#include "pricing/services.hpp"

namespace stackplan::pricing {

std::string_view attribute_of(const Attributes& attributes, std::string_view name) {
  for (const auto& [k, v] : attributes) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

std::string_view Product::attribute(std::string_view name) const {
  return attribute_of(attributes, name);
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
    return aws::is_region(code) ? std::optional<std::string>(code) : std::nullopt;
  }
  return aws::region_of_location(p.attribute("location"));
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

bool covered_by_reservation(std::string_view description) {
  constexpr std::string_view k_marker = "reserved instance applied";
  return description.size() >= k_marker.size() &&
         description.substr(description.size() - k_marker.size()) == k_marker;
}

std::optional<Mapping> map_product(const Product& p) {
  std::string_view usage = strip_region_prefix(p.attribute("usagetype"));
  std::optional<std::string> key;
  const ServicePricing* owner = nullptr;
  for (const ServicePricing* service : kind_services()) {
    owner = service->service == p.service ? service : owner;
  }
  if (owner != nullptr && owner->global) {
    key = owner->key_of(p, usage);
    return key ? std::optional<Mapping>(Mapping{"global", *key}) : std::nullopt;
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
    key = owner != nullptr ? owner->key_of(p, usage) : other_key(p, usage);
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
// --- AWS pricing-page files ---------------------------------------------------------------
//
// The pricing pages have no usage types: a page (manifest.source) and an entry's label say what
// a price is, and the page says its unit. Each rule below names the page, the label and the
// catalog key it feeds, beside the offer-file rules above that feed the same keys.

namespace stackplan::pricing {

std::string_view PageEntry::attribute(std::string_view name) const {
  return attribute_of(attributes, name);
}

namespace {

// clang-format off
const PageRule k_page_rules[] = {
    {"natgateway", "Hourly charge for NAT Gateways", {"ec2/nat/hours"}, "Hrs"},
    {"natgateway", "Charge for per GB data processed by NatGateways", {"ec2/nat/processed"}, "GB"},
    {"ebs", "Storage General Purpose gp2 GB Mo", {"ec2/ebs/gp2"}, "GB-Mo"},
    {"ebs", "Storage General Purpose gp3 GB Mo", {"ec2/ebs/gp3"}, "GB-Mo"},
    {"ebs", "Storage Provisioned IOPS io1 GB Mo", {"ec2/ebs/io1"}, "GB-Mo"},
    {"ebs", "Storage Provisioned IOPS io2 GB month", {"ec2/ebs/io2"}, "GB-Mo"},
    {"ebs", "Storage Throughput Optimized HDD st1 GB Mo", {"ec2/ebs/st1"}, "GB-Mo"},
    {"ebs", "Storage Cold HDD sc1 GB Mo", {"ec2/ebs/sc1"}, "GB-Mo"},
    {"ebs", "Provisioned EBS IOPS gp3 Volumes per IOPS Mo", {"ec2/ebs/gp3/iops"}, "IOPS-Mo"},
    {"ebs", "Provisioned EBS IOPS io1 Volumes per IOPS Mo", {"ec2/ebs/io1/iops"}, "IOPS-Mo"},
    // Listed per GiBps-month; the cost model prices MiBps-months.
    {"ebs", "Provisioned Throughput gp3 per GiBps mo", {"ec2/ebs/gp3/throughput"}, "MiBps-Mo", {}, {}, 1024},
    {"vpc", "Hourly charge for In use Public IPv4 Addresses per Hrs", {"vpc/public-ipv4"}, "Hrs"},
    {"ecs", "perCPU per hour", {"fargate/vcpu/x86_64"}, "hours"},
    {"ecs", "perGB per hour", {"fargate/memory/x86_64"}, "hours"},
    {"ecs", "ARM perCPU per hour", {"fargate/vcpu/arm64"}, "hours"},
    {"ecs", "ARM perGB per hour", {"fargate/memory/arm64"}, "hours"},
    {"efs", "General Purpose Storage GB Mo", {"efs/storage/standard"}, "GB-Mo"},
    {"efs", "Infrequent Access Storage GB Mo", {"efs/storage/ia"}, "GB-Mo"},
    // Elastic throughput: data read and written, per GB.
    {"efs", "EFS Storage Requests Read per GB", {"efs/elastic/read"}, "GB"},
    {"efs", "EFS Storage Requests Write per GB", {"efs/elastic/write"}, "GB"},
    {"cloudwatch", "Logs Collected Data Ingestion", {"logs/ingest"}, "GB"},
    {"cloudwatch", "Stored Data", {"logs/storage"}, "GB-Mo"},
    {"rds-storage", "Database Storage Single AZ General Purpose", {"rds/storage/gp2/single-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Multi AZ General Purpose", {"rds/storage/gp2/multi-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Single AZ General Purpose-GP3", {"rds/storage/gp3/single-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Multi AZ General Purpose-GP3", {"rds/storage/gp3/multi-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Single AZ Provisioned IOPS", {"rds/storage/io1/single-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Multi AZ Provisioned IOPS", {"rds/storage/io1/multi-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Single AZ Provisioned IOPS-IO2", {"rds/storage/io2/single-az"}, "GB-Mo"},
    {"rds-storage", "Database Storage Multi AZ Provisioned IOPS-IO2", {"rds/storage/io2/multi-az"}, "GB-Mo"},
    {"rds-storage", "Provisioned IOPS Single AZ", {"rds/iops/io1/single-az"}, "IOPS-Mo"},
    {"rds-storage", "Provisioned IOPS Multi AZ", {"rds/iops/io1/multi-az"}, "IOPS-Mo"},
    {"rds-storage", "Provisioned GP3 IOPS Single AZ", {"rds/iops/gp3/single-az"}, "IOPS-Mo"},
    {"rds-storage", "Provisioned GP3 IOPS Multi AZ", {"rds/iops/gp3/multi-az"}, "IOPS-Mo"},
    {"rds-storage", "Provisioned Throughput Single AZ", {"rds/throughput/gp3/single-az"}, "MiBps-Mo"},
    {"rds-storage", "Provisioned Throughput Multi AZ", {"rds/throughput/gp3/multi-az"}, "MiBps-Mo"},
    {"rds-storage", "Storage Snapshot", {"rds/backup"}, "GB-Mo"},
    // Aurora storage is one price for both engines.
    {"rds-storage", "Database Storage Single AZ General Purpose-Aurora", {"aurora/storage/postgres/standard", "aurora/storage/mysql/standard"}, "GB-Mo"},
    {"rds-storage", "Database Storage Single AZ IO Optimized-Aurora", {"aurora/storage/postgres/io-optimized", "aurora/storage/mysql/io-optimized"}, "GB-Mo"},
    {"rds-aurora-storage", "Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora", {"aurora/storage/postgres/standard"}, "GB-Mo"},
    {"rds-aurora-storage", "Aurora PostgreSQL IO Optimized Aurora", {"aurora/storage/postgres/io-optimized"}, "GB-Mo"},
    {"rds-aurora-storage", "Aurora MySQL IO Optimized Aurora", {"aurora/storage/mysql/io-optimized"}, "GB-Mo"},
    {"rds-aurora-storage", "System Operation Aurora I O Operation", {"aurora/io/postgres", "aurora/io/mysql"}, "IOs"},
    {"rds-aurora-storage", "Aurora PostgreSQL ServerlessV2", {"aurora/serverless-v2/postgres/standard"}, "ACU-Hr"},
    {"rds-aurora-storage", "Aurora PostgreSQL ServerlessV2 Aurora IO Optimization Mode", {"aurora/serverless-v2/postgres/io-optimized"}, "ACU-Hr"},
    {"rds-aurora-storage", "Aurora MySQL ServerlessV2", {"aurora/serverless-v2/mysql/standard"}, "ACU-Hr"},
    {"rds-aurora-storage", "Aurora MySQL ServerlessV2 Aurora IO Optimization Mode", {"aurora/serverless-v2/mysql/io-optimized"}, "ACU-Hr"},
    {"rds-aurora-storage", "Storage Snapshot Aurora PostgreSQL", {"aurora/backup/postgres"}, "GB-Mo"},
    {"rds-aurora-storage", "Storage Snapshot Aurora MySQL", {"aurora/backup/mysql"}, "GB-Mo"},
};
// clang-format on

std::optional<PageMapping> from_rule(const PageRule& rule) {
  PageMapping m;
  for (auto key : rule.keys) {
    if (!key.empty()) {
      m.keys.emplace_back(key);
    }
  }
  m.unit = rule.unit;
  m.begin = rule.begin.empty() ? Decimal() : *Decimal::parse(rule.begin);
  if (!rule.end.empty()) {
    m.end = Decimal::parse(rule.end);
  }
  m.divisor = rule.divisor;
  return m;
}

PageMapping single(std::string key, std::string unit) {
  PageMapping m;
  m.keys.push_back(std::move(key));
  m.unit = std::move(unit);
  return m;
}

/// "Database Instance PostgreSQL No license required db t4g.micro General purpose Multi-AZ
/// Current Generation" -> "multi-az" (readable-standby clusters and other options: empty).
std::string deployment_in_label(std::string_view label) {
  if (label.find(" Multi-AZ readable standbys") != std::string_view::npos) {
    return {};
  }
  if (label.find(" Single-AZ ") != std::string_view::npos) {
    return "single-az";
  }
  if (label.find(" Multi-AZ ") != std::string_view::npos) {
    return "multi-az";
  }
  return {};
}

bool linux_shared(const PageEntry& e) {
  std::string_view os = e.attribute("Operating System");
  std::string_view sw = e.attribute("Pre Installed S/W");
  std::string_view tenancy = e.attribute("Tenancy");
  return os == "Linux" && (sw.empty() || sw == "NA") && (tenancy.empty() || tenancy == "Shared");
}

/// Extended Support labels of the RDS pages: "PostgreSQL Year 1 Year 2 12", "MySQL Year 3 5 7".
/// The engine-neutral "Any Year ..." rows are left out: their SKUs are Aurora Serverless v2
/// per-ACU charges, not per-vCPU RDS ones.
std::optional<PageMapping> extended_support(std::string_view label, std::string_view engine_word,
                                            const std::string& engine) {
  std::string prefix = std::string(engine_word) + " Year ";
  if (!starts_with(label, prefix)) {
    return std::nullopt;
  }
  std::string_view rest = label.substr(prefix.size());
  std::string years;
  if (starts_with(rest, "1 Year 2 ")) {
    years = "year-1-2";
    rest.remove_prefix(9);
  } else if (starts_with(rest, "3 ")) {
    years = "year-3";
    rest.remove_prefix(2);
  } else {
    return std::nullopt;
  }
  std::string version(rest);
  std::replace(version.begin(), version.end(), ' ', '.');
  if (version.empty()) {
    return std::nullopt;
  }
  return single("rds/extended-support/" + engine + "/" + version + "/" + years, "vCPU-Hr");
}

std::optional<PageMapping> rds_instance_entry(const PageEntry& e, const std::string& engine,
                                              std::string_view engine_word) {
  if (auto support = extended_support(e.label, engine_word, engine)) {
    return support;
  }
  std::string cls(e.attribute("Instance Type"));
  std::string dep = deployment_in_label(e.label);
  if (cls.empty() || dep.empty() ||
      !starts_with(e.label, "Database Instance " + std::string(engine_word) + " ")) {
    return std::nullopt;
  }
  return single("rds/instance/" + engine + "/" + cls + "/" + dep, "Hrs");
}

std::optional<PageMapping> rds_reserved_entry(const PageEntry& e, const std::string& engine) {
  std::string cls(e.attribute("Instance Type"));
  std::string dep = deployment(e.attribute("Deployment Option"));
  auto term = reserved_term(e.attribute("LeaseContractLength"), "", e.attribute("PurchaseOption"));
  if (cls.empty() || dep.empty() || !term) {
    return std::nullopt;
  }
  PageMapping m = single("rds/instance/" + engine + "/" + cls + "/" + dep, "Hrs");
  m.term = *term;
  return m;
}

/// Aurora instance labels, with or without the page's "[set]" prefix: "Database Instance Aurora
/// PostgreSQL No license required [Aurora IO Optimization Mode] db r6g.large ...".
std::optional<PageMapping> aurora_instance_entry(const PageEntry& e) {
  std::string cls(e.attribute("Instance Type"));
  if (cls.empty()) {
    return std::nullopt;
  }
  std::string_view label = e.label;
  std::size_t close = label.find("] ");
  if (starts_with(label, "[") && close != std::string_view::npos) {
    label = label.substr(close + 2);
  } else if (starts_with(label, "[") && label.back() == ']') {
    label = label.substr(1, label.size() - 2);
  }
  std::string engine = starts_with(label, "Database Instance Aurora PostgreSQL ") ? "postgres"
                       : starts_with(label, "Database Instance Aurora MySQL ")    ? "mysql"
                                                                                  : "";
  if (engine.empty() || deployment_in_label(label) != "single-az") {
    return std::nullopt;
  }
  bool io = label.find(" Aurora IO Optimization Mode ") != std::string_view::npos;
  return single("aurora/instance/" + engine + "/" + cls + (io ? "/io-optimized" : "/standard"),
                "Hrs");
}

/// Data transfer out to the internet by tier: "DataTransfer External Outbound Next 10 TB" with
/// StartingRange/EndingRange in GB. The "New" and "No Wavelength" copies repeat the same tiers.
std::optional<PageMapping> transfer_entry(const PageEntry& e) {
  std::string_view label = e.label;
  if (!starts_with(label, "DataTransfer External Outbound ") || label.ends_with(" New") ||
      label.ends_with(" No Wavelength")) {
    return std::nullopt;
  }
  auto begin = Decimal::parse(e.attribute("StartingRange"));
  std::string_view end_text = e.attribute("EndingRange");
  if (!begin || end_text.empty()) {
    return std::nullopt;
  }
  PageMapping m = single("transfer/out", "GB");
  m.begin = *begin;
  if (end_text != "Inf") {
    m.end = Decimal::parse(end_text);
    if (!m.end) {
      return std::nullopt;
    }
  }
  return m;
}

}  // namespace

std::optional<PageMapping> map_page_entry(const PageEntry& e) {
  for (const auto& rule : k_page_rules) {
    if (rule.page == e.page && rule.label == e.label) {
      return from_rule(rule);
    }
  }
  for (const ServicePricing* service : kind_services()) {
    for (const auto& rule : service->page_rules) {
      if (rule.page == e.page && rule.label == e.label) {
        return from_rule(rule);
      }
    }
  }
  const std::string& page = e.page;
  if (page == "ec2-ondemand-without-sec-sel" || page == "ec2") {
    constexpr std::string_view prefix = "OnDemand Linux-instancetype-";
    if (starts_with(e.label, prefix)) {
      return single("ec2/instance/" + std::string(e.label.substr(prefix.size())), "Hrs");
    }
    std::string type(e.attribute("Instance Type"));
    if (!type.empty() && linux_shared(e)) {
      return single("ec2/instance/" + type, "Hrs");
    }
    return std::nullopt;
  }
  if (page == "ec2-reservedinstance" || page == "ec2-reservedinstance-convertible") {
    std::string type(e.attribute("Instance Type"));
    auto term = reserved_term(e.attribute("LeaseContractLength"),
                              page == "ec2-reservedinstance" ? "standard" : "convertible",
                              e.attribute("PurchaseOption"));
    if (type.empty() || !term || !linux_shared(e)) {
      return std::nullopt;
    }
    PageMapping m = single("ec2/instance/" + type, "Hrs");
    m.term = *term;
    return m;
  }
  if (page == "rds-postgresql-ondemand") {
    return rds_instance_entry(e, "postgres", "PostgreSQL");
  }
  if (page == "rds-mysql-ondemand") {
    return rds_instance_entry(e, "mysql", "MySQL");
  }
  if (page == "rds-postgresql-reservedinstance") {
    return rds_reserved_entry(e, "postgres");
  }
  if (page == "rds-mysql-reservedinstance") {
    return rds_reserved_entry(e, "mysql");
  }
  if (page == "rds-aurora-ondemand") {
    return aurora_instance_entry(e);
  }
  if (page == "datatransfer") {
    return transfer_entry(e);
  }
  return std::nullopt;
}

}  // namespace stackplan::pricing
