// Which of AWS's products stackplan prices for a database: RDS for PostgreSQL and MySQL
// instances (on demand and reserved), storage, IOPS, throughput, backups and Extended Support;
// Aurora instances, Serverless v2 capacity, storage, I/O and backups; and the EFS storage and
// elastic throughput of a SQLite database on EFS.

#include "kinds/database/pricing.hpp"

#include <algorithm>

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// "Aurora PostgreSQL" -> "postgres", "Aurora MySQL" -> "mysql"; empty otherwise.
std::string_view aurora_engine(std::string_view engine) {
  return engine == "Aurora PostgreSQL" ? "postgres" : engine == "Aurora MySQL" ? "mysql" : "";
}

std::string_view deployment(std::string_view option) {
  return option == "Single-AZ" ? "single-az" : option == "Multi-AZ" ? "multi-az" : "";
}

std::optional<std::string> instance_key(const Product& p, std::string_view usage,
                                        std::string_view engine) {
  std::string_view cls = p.attribute("instanceType");
  if (cls.empty()) {
    return std::nullopt;
  }
  std::string_view aurora = aurora_engine(engine);
  if (!aurora.empty()) {
    if (starts_with(usage, "InstanceUsageIOOptimized:")) {
      return aurora_instance_key(aurora, cls, "io-optimized");
    }
    if (starts_with(usage, "InstanceUsage:")) {
      return aurora_instance_key(aurora, cls, "standard");
    }
    return std::nullopt;
  }
  std::string_view dep = deployment(p.attribute("deploymentOption"));
  if ((engine == "PostgreSQL" || engine == "MySQL") && !dep.empty() &&
      (starts_with(usage, "InstanceUsage:") || starts_with(usage, "Multi-AZUsage:"))) {
    return rds_instance_key(engine == "PostgreSQL" ? "postgres" : "mysql", cls, dep);
  }
  return std::nullopt;
}

std::optional<std::string> storage_key(const Product& p, std::string_view usage,
                                       std::string_view engine) {
  std::string_view aurora = aurora_engine(engine);
  if (!aurora.empty() && usage == "Aurora:StorageUsage") {
    return aurora_storage_key(aurora, "standard");
  }
  if (!aurora.empty() && usage == "Aurora:IO-OptimizedStorageUsage") {
    return aurora_storage_key(aurora, "io-optimized");
  }
  // One row per volume type and deployment: the engine-neutral row, or PostgreSQL's.
  if (engine != "Any" && engine != "PostgreSQL") {
    return std::nullopt;
  }
  std::string_view dep = deployment(p.attribute("deploymentOption"));
  std::string_view volume = p.attribute("volumeType");
  std::string_view type = volume == "General Purpose"        ? "gp2"
                          : volume == "General Purpose-GP3"  ? "gp3"
                          : volume == "Provisioned IOPS"     ? "io1"
                          : volume == "Provisioned IOPS-IO2" ? "io2"
                                                             : "";
  if (!type.empty() && !dep.empty()) {
    return rds_storage_key(type, dep);
  }
  return std::nullopt;
}

std::optional<std::string> rds_key(const Product& p, std::string_view usage) {
  std::string_view engine = p.attribute("databaseEngine");
  std::string_view aurora = aurora_engine(engine);
  if (p.family == "Database Instance") {
    return instance_key(p, usage, engine);
  }
  if (p.family == "Database Storage") {
    return storage_key(p, usage, engine);
  }
  if (p.family == "System Operation" && !aurora.empty() && usage == "Aurora:StorageIOUsage") {
    return aurora_io_key(aurora);
  }
  if (p.family == "ServerlessV2" && !aurora.empty()) {
    if (usage == "Aurora:ServerlessV2Usage") {
      return aurora_serverless_key(aurora, "standard");
    }
    if (usage == "Aurora:ServerlessV2IOOptimizedUsage") {
      return aurora_serverless_key(aurora, "io-optimized");
    }
    return std::nullopt;
  }
  if (p.family == "Storage Snapshot") {
    if (usage == "RDS:ChargedBackupUsage") {
      return std::string(k_rds_backup_key);
    }
    if (!aurora.empty() && usage == "Aurora:BackupUsage") {
      return aurora_backup_key(aurora);
    }
  }
  return std::nullopt;
}

std::optional<std::string> efs_key(const Product& p, std::string_view usage) {
  if (p.family != "Storage") {
    return std::nullopt;
  }
  if (usage == "TimedStorage-ByteHrs") {
    return std::string(k_efs_standard_key);
  }
  if (usage == "IATimedStorage-ByteHrs") {
    return std::string(k_efs_ia_key);
  }
  return std::nullopt;
}

/// "Database Instance PostgreSQL No license required db t4g.micro General purpose Multi-AZ
/// Current Generation" -> "multi-az" (readable-standby clusters and other options: empty).
std::string_view deployment_in_label(std::string_view label) {
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

/// Extended Support labels of the RDS pages: "PostgreSQL Year 1 Year 2 12", "MySQL Year 3 5 7".
/// The engine-neutral "Any Year ..." rows are left out: their SKUs are Aurora Serverless v2
/// per-ACU charges, not per-vCPU RDS ones.
std::optional<PageMapping> extended_support(std::string_view label, std::string_view engine_word,
                                            std::string_view engine) {
  std::string prefix = std::string(engine_word) + " Year ";
  if (!starts_with(label, prefix)) {
    return std::nullopt;
  }
  std::string_view rest = label.substr(prefix.size());
  std::string_view years;
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
  return page_mapping(rds_extended_support_key(engine, version, years), "vCPU-Hr");
}

std::optional<PageMapping> rds_instance_entry(const PageEntry& e, std::string_view engine,
                                              std::string_view engine_word) {
  if (auto support = extended_support(e.label, engine_word, engine)) {
    return support;
  }
  std::string_view cls = e.attribute("Instance Type");
  std::string_view dep = deployment_in_label(e.label);
  if (cls.empty() || dep.empty() ||
      !starts_with(e.label, "Database Instance " + std::string(engine_word) + " ")) {
    return std::nullopt;
  }
  return page_mapping(rds_instance_key(engine, cls, dep), "Hrs");
}

std::optional<PageMapping> rds_reserved_entry(const PageEntry& e, std::string_view engine) {
  std::string_view cls = e.attribute("Instance Type");
  std::string_view dep = deployment(e.attribute("Deployment Option"));
  auto term = reserved_term(e.attribute("LeaseContractLength"), "", e.attribute("PurchaseOption"));
  if (cls.empty() || dep.empty() || !term) {
    return std::nullopt;
  }
  PageMapping m = page_mapping(rds_instance_key(engine, cls, dep), "Hrs");
  m.term = *term;
  return m;
}

/// Aurora instance labels, with or without the page's "[set]" prefix: "Database Instance Aurora
/// PostgreSQL No license required [Aurora IO Optimization Mode] db r6g.large ...".
std::optional<PageMapping> aurora_instance_entry(const PageEntry& e) {
  std::string_view cls = e.attribute("Instance Type");
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
  std::string_view engine = starts_with(label, "Database Instance Aurora PostgreSQL ") ? "postgres"
                            : starts_with(label, "Database Instance Aurora MySQL ")    ? "mysql"
                                                                                       : "";
  if (engine.empty() || deployment_in_label(label) != "single-az") {
    return std::nullopt;
  }
  bool io = label.find(" Aurora IO Optimization Mode ") != std::string_view::npos;
  return page_mapping(aurora_instance_key(engine, cls, io ? "io-optimized" : "standard"), "Hrs");
}

std::optional<PageMapping> page_entry(const PageEntry& e) {
  if (e.page == "rds-postgresql-ondemand") {
    return rds_instance_entry(e, "postgres", "PostgreSQL");
  }
  if (e.page == "rds-mysql-ondemand") {
    return rds_instance_entry(e, "mysql", "MySQL");
  }
  if (e.page == "rds-postgresql-reservedinstance") {
    return rds_reserved_entry(e, "postgres");
  }
  if (e.page == "rds-mysql-reservedinstance") {
    return rds_reserved_entry(e, "mysql");
  }
  if (e.page == "rds-aurora-ondemand") {
    return aurora_instance_entry(e);
  }
  return std::nullopt;
}

/// The storage page's rules for both deployments: "Database Storage Single AZ General Purpose".
void add_storage_rules(std::vector<PageRule>& out) {
  struct Volume {
    std::string_view label;  ///< after "Database Storage Single AZ "
    std::string_view type;
  };
  const Volume volumes[] = {{"General Purpose", "gp2"},
                            {"General Purpose-GP3", "gp3"},
                            {"Provisioned IOPS", "io1"},
                            {"Provisioned IOPS-IO2", "io2"}};
  struct Deployment {
    std::string_view label;  ///< "Single AZ"
    std::string_view key;
  };
  const Deployment deployments[] = {{"Single AZ", "single-az"}, {"Multi AZ", "multi-az"}};
  for (const auto& v : volumes) {
    for (const auto& d : deployments) {
      std::string label = "Database Storage ";
      label.append(d.label).append(" ").append(v.label);
      out.push_back({"rds-storage", label, {rds_storage_key(v.type, d.key)}, "GB-Mo"});
    }
  }
  for (const auto& d : deployments) {
    auto label = [&](std::string_view what) { return std::string(what).append(d.label); };
    out.push_back(
        {"rds-storage", label("Provisioned IOPS "), {rds_iops_key("io1", d.key)}, "IOPS-Mo"});
    out.push_back(
        {"rds-storage", label("Provisioned GP3 IOPS "), {rds_iops_key("gp3", d.key)}, "IOPS-Mo"});
    out.push_back({"rds-storage",
                   label("Provisioned Throughput "),
                   {rds_gp3_throughput_key(d.key)},
                   "MiBps-Mo"});
  }
}

std::vector<PageRule> rds_page_rules() {
  std::vector<PageRule> rules;
  add_storage_rules(rules);
  const std::vector<PageRule> fixed = {
      {"rds-storage", "Storage Snapshot", {std::string(k_rds_backup_key)}, "GB-Mo"},
      // Aurora storage is one price for both engines.
      {"rds-storage",
       "Database Storage Single AZ General Purpose-Aurora",
       {aurora_storage_key("postgres", "standard"), aurora_storage_key("mysql", "standard")},
       "GB-Mo"},
      {"rds-storage",
       "Database Storage Single AZ IO Optimized-Aurora",
       {aurora_storage_key("postgres", "io-optimized"),
        aurora_storage_key("mysql", "io-optimized")},
       "GB-Mo"},
      {"rds-aurora-storage",
       "Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora",
       {aurora_storage_key("postgres", "standard")},
       "GB-Mo"},
      {"rds-aurora-storage",
       "Aurora PostgreSQL IO Optimized Aurora",
       {aurora_storage_key("postgres", "io-optimized")},
       "GB-Mo"},
      {"rds-aurora-storage",
       "Aurora MySQL IO Optimized Aurora",
       {aurora_storage_key("mysql", "io-optimized")},
       "GB-Mo"},
      {"rds-aurora-storage",
       "System Operation Aurora I O Operation",
       {aurora_io_key("postgres"), aurora_io_key("mysql")},
       "IOs"},
      {"rds-aurora-storage",
       "Aurora PostgreSQL ServerlessV2",
       {aurora_serverless_key("postgres", "standard")},
       "ACU-Hr"},
      {"rds-aurora-storage",
       "Aurora PostgreSQL ServerlessV2 Aurora IO Optimization Mode",
       {aurora_serverless_key("postgres", "io-optimized")},
       "ACU-Hr"},
      {"rds-aurora-storage",
       "Aurora MySQL ServerlessV2",
       {aurora_serverless_key("mysql", "standard")},
       "ACU-Hr"},
      {"rds-aurora-storage",
       "Aurora MySQL ServerlessV2 Aurora IO Optimization Mode",
       {aurora_serverless_key("mysql", "io-optimized")},
       "ACU-Hr"},
      {"rds-aurora-storage",
       "Storage Snapshot Aurora PostgreSQL",
       {aurora_backup_key("postgres")},
       "GB-Mo"},
      {"rds-aurora-storage",
       "Storage Snapshot Aurora MySQL",
       {aurora_backup_key("mysql")},
       "GB-Mo"},
  };
  rules.insert(rules.end(), fixed.begin(), fixed.end());
  return rules;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_database_pricing{
    "AmazonRDS",
    {"rds/", "aurora/"},
    rds_key,
    {
        {"*", "savings-plan/database/*",
         "us-west-1 eu-west-2 eu-west-3 eu-north-1 ap-southeast-2 ap-northeast-1 ap-south-1 "
         "ca-central-1 sa-east-1",
         "the one public table of Database Savings Plans rates covers 7 regions"},
        {"*", "savings-plan/database/*", "*",
         "the public Database Savings Plans table has no rate for this class here that matches "
         "AWS's on-demand price"},
        {"rds/iops/io2/*", "*", "*", "the RDS pricing page lists no separate io2 IOPS price"},
        {"rds/extended-support/postgres/1[3-9]/*", "*", "*",
         "the newest pricing page with per-vCPU Extended Support rates (2024-09) predates this "
         "version's end of standard support; give the rate in a price book"},
        {"rds/extended-support/mysql/8.0/*", "*", "*",
         "the newest pricing page with per-vCPU Extended Support rates (2024-09) predates this "
         "version's end of standard support; give the rate in a price book"},
    },
    {
        "rds/USD/current/rds-postgresql-ondemand.json",
        "rds/USD/current/rds-mysql-ondemand.json",
        "rds/USD/current/rds-storage.json",
        "rds/USD/current/rds-aurora-storage.json",
        "rds/USD/current/rds-aurora-ondemand.json",
        // The reservations the pages list, by deployment and term.
        "rds/USD/current/rds-postgresql-reservedinstance/Single-AZ/1%20year/No%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-postgresql-reservedinstance/Single-AZ/1%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-postgresql-reservedinstance/Single-AZ/3%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-postgresql-reservedinstance/Multi-AZ/1%20year/No%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-postgresql-reservedinstance/Multi-AZ/1%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-postgresql-reservedinstance/Multi-AZ/3%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-mysql-reservedinstance/Single-AZ/1%20year/No%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-mysql-reservedinstance/Single-AZ/1%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-mysql-reservedinstance/Single-AZ/3%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-mysql-reservedinstance/Multi-AZ/1%20year/No%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-mysql-reservedinstance/Multi-AZ/1%20year/Partial%20Upfront/"
        "{location}/index.json",
        "rds/USD/current/rds-mysql-reservedinstance/Multi-AZ/3%20year/Partial%20Upfront/"
        "{location}/index.json",
    },
    rds_page_rules(),
    false,
    page_entry,
};

extern const ServicePricing k_efs_pricing{
    "AmazonEFS",
    {"efs/"},
    efs_key,
    {},
    {"efs/USD/current/efs.json"},
    {
        {"efs", "General Purpose Storage GB Mo", {std::string(k_efs_standard_key)}, "GB-Mo"},
        {"efs", "Infrequent Access Storage GB Mo", {std::string(k_efs_ia_key)}, "GB-Mo"},
        // Elastic throughput: data read and written, per GB.
        {"efs", "EFS Storage Requests Read per GB", {std::string(k_efs_read_key)}, "GB"},
        {"efs", "EFS Storage Requests Write per GB", {std::string(k_efs_write_key)}, "GB"},
    },
};

}  // namespace stackplan::pricing
