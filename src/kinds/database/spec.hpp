#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/decimal.hpp"
#include "spec/engines.hpp"

// The `database:` section of spec v1: the engine and the settings each engine uses.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

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

/// The names of the environment variables that carry the database connection into the
/// services it serves: the host, port, database name, user and password of RDS and Aurora
/// (user and password from the master secret RDS manages), the SQLite file's path, and the
/// bucket of a Litestream or S3-sync engine.
struct ConnectionEnvironment {
  std::string host = "DB_HOST";
  std::string port = "DB_PORT";
  std::string name = "DB_NAME";
  std::string username = "DB_USER";
  std::string password = "DB_PASSWORD";
  std::string path = "DB_PATH";
  std::string bucket = "DB_BUCKET";
};

struct Database {
  Engine engine = Engine::none;
  std::string name;  ///< the database RDS or Aurora creates; default: the stack name, '-' -> '_'
  ConnectionEnvironment environment;
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

}  // namespace stackplan::spec
