#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/facts.hpp"
#include "base/decimal.hpp"
#include "base/source.hpp"
#include "kinds/dns_zone/spec.hpp"
#include "kinds/elasticache/spec.hpp"
#include "kinds/external_cost/spec.hpp"
#include "kinds/load_balancer/spec.hpp"
#include "kinds/network/spec.hpp"
#include "kinds/s3_bucket/spec.hpp"
#include "kinds/secret/spec.hpp"

namespace stackplan::spec {

/// A duration as written ("1h30m") and in milliseconds.
struct Duration {
  std::string text;
  std::int64_t millis = 0;
};

/// Parses Go-style durations: a sequence of number+unit with units ms, s, m, h.
std::optional<Duration> parse_duration(const std::string& text);

enum class Platform { ec2, fargate };
using aws::Architecture;
enum class PurchaseModel { on_demand, spot, savings_plan, reserved };
enum class Engine {
  none,
  sqlite,
  sqlite_efs,
  sqlite_s3_sync,
  sqlite_litestream,
  rds_postgres,
  rds_mysql,
  aurora_postgres,
  aurora_mysql,
};

/// The spec's name of each engine ("sqlite-litestream"), in the order the schema lists them:
/// the one list of engine names.
const std::vector<std::pair<Engine, std::string_view>>& engine_names();
const char* to_string(Engine engine);
std::optional<Engine> engine_named(std::string_view name);
/// The version a new database of a server engine gets when the spec names none ("16" for
/// rds-postgres); empty for the SQLite engines and none.
std::string_view default_version(Engine engine);
/// The major version of an engine version, as AWS's support calendar names it: "13.20" -> "13"
/// for PostgreSQL; "8.0.35" -> "8.0" for MySQL.
std::string major_version(Engine engine, const std::string& version);
const char* to_string(PurchaseModel model);
bool is_sqlite(Engine engine);
bool is_rds(Engine engine);
bool is_aurora(Engine engine);

struct SavingsPlan {
  std::string type = "compute";
  std::string term = "1y";
  std::string payment = "no-upfront";
  std::optional<Decimal> commitment_per_hour;
};

struct SpotOptions {
  std::vector<std::string> instance_types;
  int on_demand_base = 0;
  int on_demand_percentage = 0;
  std::string allocation = "price-capacity-optimized";
  std::map<std::string, Decimal> hourly_prices;
};

struct Reserved {
  std::string term = "1y";
  std::string payment = "no-upfront";
  std::string offering_class = "standard";
};

struct Purchase {
  PurchaseModel model = PurchaseModel::on_demand;
  SavingsPlan savings_plan;
  SpotOptions spot;
  Reserved reserved;
};

struct Volume {
  int size_gb = 30;
  std::string type = "gp3";
  std::optional<int> iops;
  std::optional<int> throughput_mbps;
};

struct Compute {
  Platform platform = Platform::fargate;
  std::string instance_type;
  Architecture architecture = Architecture::x86_64;
  int min = 1;
  int max = 1;
  int desired = 1;
  Volume root_volume;
  bool public_ip = false;
  Purchase purchase;
};

struct HealthCheck {
  std::string command;
  int interval = 30;
  int timeout = 5;
  int retries = 3;
  int start_period = 0;
};

struct LoadBalanced {
  std::string path = "/*";
  std::string health_check_path = "/";
  std::optional<int> priority;
};

struct Autoscaling {
  int min = 1;
  int max = 1;
  std::optional<int> cpu_target;
  std::optional<int> memory_target;
};

struct Service {
  std::string name;
  std::string image;
  int cpu = 256;
  int memory = 512;
  int count = 1;
  std::optional<int> port;
  std::vector<std::string> command;
  std::optional<HealthCheck> health_check;
  std::map<std::string, std::string> environment;
  std::map<std::string, std::string> secrets;
  std::optional<LoadBalanced> load_balanced;
  std::optional<Autoscaling> autoscaling;
  int log_retention_days = 30;
  std::optional<double> log_ingested_gb;
  SourceLoc loc;
};

struct Storage {
  std::string type = "gp3";
  int size_gb = 20;
  std::optional<int> iops;
  std::optional<int> throughput_mbps;
};

struct Rds {
  std::string version;
  std::string instance_class;
  bool multi_az = false;
  Storage storage;
  int backup_retention_days = 7;
  bool deletion_protection = true;
};

struct Aurora {
  std::string version;
  std::string instance_class;
  int instances = 1;
  bool serverless = false;
  double min_acu = 0.5;
  double max_acu = 1;
  bool io_optimized = false;
  int backup_retention_days = 7;
  bool deletion_protection = true;
};

struct Litestream {
  Duration sync_interval{"1s", 1000};
  Duration snapshot_interval{"24h", 86'400'000};
  Duration retention{"24h", 86'400'000};
  std::optional<Duration> validation_interval;
};

struct S3Sync {
  bool periodic = true;
  Duration interval{"5m", 300'000};
  std::optional<int> backup_retention_days;
};

struct DatabaseUsage {
  std::optional<double> size_gb;
  std::optional<double> writes_per_second;
  std::optional<double> reads_per_second;
  std::optional<double> backup_gb;
  std::optional<double> io_requests_per_month;
  std::optional<double> average_acu;
  std::optional<double> restores_per_month;
};

/// How an RDS or Aurora database's instance hours and Serverless v2 capacity are bought.
struct DatabasePurchase {
  bool savings_plan = false;  ///< model: database-savings-plan
  std::string term = "1y";
  std::string payment = "no-upfront";
  std::optional<Decimal> commitment_per_hour;
};

struct Database {
  Engine engine = Engine::none;
  DatabasePurchase purchase;
  std::string service;  ///< owning service; empty when there are no services
  std::string path = "/data/db.sqlite3";
  std::string replica_bucket;  ///< sqlite-litestream
  Litestream litestream;
  std::string sync_bucket;  ///< sqlite-s3-sync
  S3Sync s3_sync;
  std::string efs_throughput_mode = "bursting";
  Rds rds;
  Aurora aurora;
  DatabaseUsage usage;
};

/// One fully resolved, validated variant of a stack: the base spec with one scenario applied.
struct Spec {
  int version = 1;
  std::string name;
  std::string region;
  std::string environment = "prod";
  std::map<std::string, std::string> tags;
  Network network;
  Compute compute;
  std::vector<Service> services;
  Database database;
  std::vector<Bucket> buckets;
  std::optional<LoadBalancer> load_balancer;
  std::vector<Secret> secrets;
  std::optional<Dns> dns;
  std::optional<Cache> cache;
  std::vector<ExternalCost> external_costs;
  bool free_tier = false;
};

}  // namespace stackplan::spec
