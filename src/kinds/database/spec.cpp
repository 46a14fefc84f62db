// The `database:` section of spec v1: the engine (SQLite on the task, on EFS, replicated by
// Litestream or synced to S3; RDS; Aurora) and the settings each engine uses.

#include <algorithm>
#include <map>

#include "base/spelling.hpp"
#include "spec/load.hpp"
#include "spec/reader.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"
#include "spec/spec_schema.hpp"

namespace stackplan::spec {

using nlohmann::json;

namespace {

const char* const k_duration = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";
const char* const k_duration_help = "is a duration such as 1s, 5m, 1h30m or 168h";

const char* const k_no_such_value = "remove it: this engine has no such value to pass";
const char* const k_set_savings_plan =
    "remove it, or set database.purchase.model: database-savings-plan";

Type duration() {
  return text(k_duration, k_duration_help, 32);
}

Type version() {
  // Aurora MySQL 3 names its versions "8.0.mysql_aurora.3.05.2".
  Type t = text("^[0-9]+(\\.[0-9]+){0,2}(\\.mysql_aurora\\.[0-9]+(\\.[0-9]+){0,2})?$",
                "is an engine version such as \"16\", \"15.4\" or \"8.0.mysql_aurora.3.05.2\"", 32);
  t.accepts_number = true;
  return t;
}

/// "Engine version. Default: 16 for PostgreSQL, 8.4 for MySQL".
std::string versions_doc(Engine postgres, Engine mysql) {
  return "Engine version. Default: " + std::string(default_version(postgres)) +
         " for PostgreSQL, " + std::string(default_version(mysql)) + " for MySQL";
}

Type db_class() {
  return text(aws::k_db_class_pattern,
              "is a DB instance class such as db.t4g.micro or db.serverless", 40);
}

Type acu() {
  Type t = number(0, 256);
  t.multiple_of = 0.5;
  return t;
}

std::vector<Field> rds_fields() {
  static const Rds k_rds;
  static const Storage k_storage;
  return {
      Field{"version", version(), versions_doc(Engine::rds_postgres, Engine::rds_mysql)}.ex(
          "\"16\""),
      Field{"instance_class", db_class(), "DB instance class"}.ex("db.t4g.micro"),
      Field{"multi_az", flag(), "Run a standby in a second Availability Zone"}.def_value(
          k_rds.multi_az),
      Field{
          "storage",
          object(
              "storage",
              {
                  Field{"type", one_of({"gp2", "gp3", "io1", "io2"}), "EBS volume type"}.def_value(
                      k_storage.type),
                  Field{"size_gb", whole(20, 65536), "Allocated storage in GiB"}.def_value(
                      k_storage.size_gb),
                  Field{"iops", whole(1000, 256000), "Provisioned IOPS (gp3 from 400 GiB)"}.only(
                      "type", {"gp3", "io1", "io2"}, "gp2 IOPS follow the size; use type: gp3"),
                  Field{"throughput_mbps", whole(125, 4000),
                        "Provisioned throughput in MiB/s (from 400 GiB)"}
                      .only("type", {"gp3"}, "use type: gp3 to provision throughput"),
              }),
          "Storage of the DB instance"}
          .ex("{type: gp3, size_gb: 20}"),
      Field{"backup_retention_days", whole(0, 35), "Days of automated backups (0 disables them)"}
          .def_value(k_rds.backup_retention_days),
      Field{"deletion_protection", flag(), "Refuse to delete the database"}.def_value(
          k_rds.deletion_protection),
  };
}

std::vector<Field> aurora_fields() {
  static const Aurora k_aurora;
  return {
      Field{"version", version(), versions_doc(Engine::aurora_postgres, Engine::aurora_mysql)}.ex(
          "\"15.4\""),
      Field{"instance_class", db_class(),
            "Instance class, or db.serverless for Serverless v2 (default when serverless_v2 is "
            "given)"}
          .ex("db.t4g.medium"),
      Field{"instances", whole(1, 16), "Number of instances: one writer plus readers"}.def_value(
          k_aurora.instances),
      Field{"serverless_v2",
            object(
                "serverless_v2",
                {
                    Field{"min_acu", acu(), "Minimum capacity in ACUs (0 pauses when idle)"}
                        .def_value(k_aurora.min_acu),
                    Field{"max_acu", acu(), "Maximum capacity in ACUs"}.def_value(k_aurora.max_acu),
                }),
            "Aurora Serverless v2 capacity range"}
          .ex("{min_acu: 0.5, max_acu: 1}"),
      Field{"io_optimized", flag(),
            "Use the I/O-Optimized storage configuration (no per-request I/O charges)"}
          .def_value(k_aurora.io_optimized),
      Field{"backup_retention_days", whole(1, 35), "Days of continuous backups"}.def_value(
          k_aurora.backup_retention_days),
      Field{"deletion_protection", flag(), "Refuse to delete the cluster"}.def_value(
          k_aurora.deletion_protection),
  };
}

Type env_name() {
  return text("^[A-Za-z_][A-Za-z0-9_]*$", "is an environment variable name", 255);
}

Type database_type() {
  static const Database k_database;
  static const ConnectionEnvironment k_environment;
  static const DatabasePurchase k_database_purchase;
  static const Litestream k_litestream;
  static const S3Sync k_s3_sync;
  std::vector<std::string> engines;
  for (const auto& [engine, name] : engine_names()) {
    engines.emplace_back(name);
  }
  std::vector<Field> database_fields = {
      Field{"engine", one_of(engines), "Where the application's data lives"}.def_value(
          std::string(to_string(k_database.engine))),
      Field{"service", text("^[a-z][a-z0-9-]*$", "names a service", 32),
            "Service that owns the database; default: the first service"},
      Field{"name",
            text("^[A-Za-z][A-Za-z0-9_]*$",
                 "starts with a letter and has only letters, digits and '_'", 63),
            "Database the server creates and the services connect to; default: the stack name with "
            "'-' as '_'"}
          .only("engine", {"rds-*", "aurora-*"}),
      Field{"environment",
            object("database environment",
                   {
                       Field{"host", env_name(), "Variable with the endpoint's host name"}
                           .def_value(k_environment.host)
                           .only("../engine", {"rds-*", "aurora-*"}, k_no_such_value),
                       Field{"port", env_name(), "Variable with the endpoint's port"}
                           .def_value(k_environment.port)
                           .only("../engine", {"rds-*", "aurora-*"}, k_no_such_value),
                       Field{"name", env_name(), "Variable with the database name"}
                           .def_value(k_environment.name)
                           .only("../engine", {"rds-*", "aurora-*"}, k_no_such_value),
                       Field{"username", env_name(),
                             "Variable with the master user's name, from the secret RDS manages"}
                           .def_value(k_environment.username)
                           .only("../engine", {"rds-*", "aurora-*"}, k_no_such_value),
                       Field{"password", env_name(),
                             "Variable with the master user's password, from the secret RDS "
                             "manages (never in plain environment)"}
                           .def_value(k_environment.password)
                           .only("../engine", {"rds-*", "aurora-*"}, k_no_such_value),
                       Field{"path", env_name(), "Variable with the SQLite file's path"}
                           .def_value(k_environment.path)
                           .only("../engine", {"sqlite*"}, k_no_such_value),
                       Field{"bucket", env_name(), "Variable with the replica or sync bucket"}
                           .def_value(k_environment.bucket)
                           .only("../engine", {"sqlite-litestream", "sqlite-s3-sync"},
                                 k_no_such_value),
                   }),
            "Names of the environment variables that give the services the connection"}
          .only("engine", {"sqlite*", "rds-*", "aurora-*"}),
      Field{"path", text("^/[^\\s]*$", "is an absolute path in the container", 256),
            "Path of the SQLite file in the container"}
          .only("engine", {"sqlite*"})
          .def_value(k_database.path),
      Field{"replica_bucket", bucket_name(),
            "Bucket that holds Litestream replicas; default: NAME-ENVIRONMENT-litestream. When it "
            "names a bucket under buckets:, that bucket's settings are used"}
          .only("engine", {"sqlite-litestream"}),
      Field{"litestream",
            object(
                "litestream",
                {
                    Field{"sync_interval", duration(), "How often the WAL is shipped to S3"}
                        .def_value(k_litestream.sync_interval.text),
                    Field{"snapshot_interval", duration(), "How often a full snapshot is taken"}
                        .def_value(k_litestream.snapshot_interval.text),
                    Field{"retention", duration(), "How long snapshots and WAL are kept"}.def_value(
                        k_litestream.retention.text),
                    Field{"validation_interval", duration(),
                          "How often a replica is restored and checked; off when absent"},
                }),
            "Litestream replication settings"}
          .only("engine", {"sqlite-litestream"}),
      Field{"bucket", bucket_name(),
            "Bucket the database file is synced to; default: NAME-ENVIRONMENT-db. When it names a "
            "bucket under buckets:, that bucket's settings are used"}
          .only("engine", {"sqlite-s3-sync"}),
      Field{
          "s3_sync",
          object("s3_sync",
                 {
                     Field{"periodic", flag(),
                           "Upload on an interval while the task runs; false syncs only when "
                           "the task starts and stops"}
                         .def_value(k_s3_sync.periodic),
                     Field{"interval", duration(),
                           "Periodic upload interval while the task runs (besides start and stop)"}
                         .def_value(k_s3_sync.interval.text),
                     Field{"backup_retention_days", whole(1, 36500),
                           "Days timestamped backups are kept; kept forever when absent"},
                 }),
          "Periodic S3 sync settings"}
          .only("engine", {"sqlite-s3-sync"}),
      Field{"efs",
            object("efs",
                   {Field{"throughput_mode", one_of({"bursting", "elastic"}), "EFS throughput mode"}
                        .def_value(k_database.efs_throughput_mode)}),
            "EFS file system settings"}
          .only("engine", {"sqlite-efs"}),
  };
  // RDS and Aurora settings may be given flat under `database:` (as scenario patches often do)
  // or nested under `rds:` / `aurora:`.
  const std::vector<Field> rds = rds_fields();
  const std::vector<Field> aurora = aurora_fields();
  auto named = [](const std::vector<Field>& fields, const std::string& name) {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const Field& f) { return f.name == name; });
  };
  for (const auto* fields : {&rds, &aurora}) {
    for (Field f : *fields) {
      if (named(database_fields, f.name)) {
        continue;
      }
      std::vector<std::string> users;
      if (named(rds, f.name)) {
        users.emplace_back("rds-*");
      }
      if (named(aurora, f.name)) {
        users.emplace_back("aurora-*");
      }
      f.only("engine", users);
      f.doc += ", as under " + std::string(engines.size() == 2     ? "rds: or aurora:"
                                           : engines[0] == "rds-*" ? "rds:"
                                                                   : "aurora:");
      f.default_text.clear();
      database_fields.push_back(f);
    }
  }
  database_fields.push_back(Field{
      "purchase",
      object("database purchase",
             {
                 Field{"model", one_of({"on-demand", "database-savings-plan"}),
                       "How instance hours and Serverless v2 capacity are bought"}
                     .def_value(std::string(
                         k_database_purchase.savings_plan ? "database-savings-plan" : "on-demand")),
                 Field{"term", one_of({"1y"}),
                       "Commitment term (AWS sells Database Savings Plans for one year)"}
                     .def_value(k_database_purchase.term)
                     .only("model", {"database-savings-plan"}, k_set_savings_plan),
                 Field{"payment", one_of({"no-upfront"}), "Payment option"}
                     .def_value(k_database_purchase.payment)
                     .only("model", {"database-savings-plan"}, k_set_savings_plan),
                 Field{"commitment_per_hour", money(0.001, 1e6),
                       "Hourly commitment in USD; default: the amount that covers steady "
                       "usage"}
                     .only("model", {"database-savings-plan"}, k_set_savings_plan)
                     .ex("0.2"),
             }),
      "Purchase option of the database's instances or capacity"}
                                .only("engine", {"rds-*", "aurora-*"})
                                .ex("{model: database-savings-plan, term: 1y}"));
  database_fields.push_back(
      Field{"rds", object("rds", rds_fields()), "RDS instance settings"}.only("engine", {"rds-*"}));
  database_fields.push_back(
      Field{"aurora", object("aurora", aurora_fields()), "Aurora cluster settings"}.only(
          "engine", {"aurora-*"}));
  database_fields.push_back(Field{
      "usage",
      object(
          "database usage",
          {
              Field{"size_gb", number(0, 1e6), "Size of the data in GB"},
              Field{"writes_per_second", number(0, 1e6), "Average write transactions a second"},
              Field{"reads_per_second", number(0, 1e6), "Average reads a second"},
              Field{"backup_gb", number(0, 1e7),
                    "Backup storage in GB (backups and snapshots); AWS bills what exceeds the "
                    "provisioned storage (RDS) or the cluster volume (Aurora)"},
              Field{"io_requests_per_month", number(0, 1e15), "Aurora I/O requests a month"},
              Field{"average_acu", number(0, 256), "Average Serverless v2 capacity in ACUs"},
              Field{"restores_per_month", number(0, 1e6), "Task starts that restore the database"},
          }),
      "Usage assumptions for the database; documented defaults apply when absent"});
  return object("database", database_fields);
}

/// Reads the section into the typed spec; the rules across its fields report through `r`.
struct DatabaseReader {
  const Reader& r;
  Spec& s;

  /// Reads an RDS/Aurora setting given flat (database.KEY) or nested (database.BLOCK.KEY).
  std::string setting(const std::string& block, const std::string& key) {
    std::string flat = "/database/" + key;
    std::string nested = "/database/" + block + "/" + key;
    bool inherited = r.from_scenario(nested) && !r.from_scenario(flat);
    if (r.has(flat) && r.has(nested) && !inherited) {
      r.error(r.key_at(flat), "spec.duplicate",
              "database." + key + " is also given as database." + block + "." + key,
              "give it once");
    }
    return r.has(nested) ? nested : flat;
  }

  void database() {
    Database& d = s.database;
    d.engine = engine_named(r.str("/database/engine").value_or("none")).value_or(Engine::none);
    std::string owner = r.str("/database/service").value_or("");
    if (!owner.empty()) {
      std::vector<std::string> names;
      for (const auto& svc : s.services) {
        names.push_back(svc.name);
      }
      if (std::find(names.begin(), names.end(), owner) == names.end()) {
        r.error(r.at("/database/service"), "spec.reference",
                "database.service names '" + owner + "', which is not a service",
                suggestion_hint(owner, names, "services"));
      }
      d.service = owner;
    } else if (!s.services.empty()) {
      d.service = s.services.front().name;
    }
    connection();
    database_usage();
    if (is_rds(d.engine) || is_aurora(d.engine)) {
      database_purchase();
    }
    if (is_sqlite(d.engine)) {
      sqlite();
    } else if (is_rds(d.engine)) {
      rds();
    } else if (is_aurora(d.engine)) {
      aurora();
    }
  }

  /// The database name and the names of the variables that carry the connection, checked
  /// against the variables the services set themselves.
  void connection() {
    Database& d = s.database;
    const bool server = is_rds(d.engine) || is_aurora(d.engine);
    std::string fallback = s.name;
    std::replace(fallback.begin(), fallback.end(), '-', '_');
    d.name = r.str("/database/name").value_or(fallback);
    ConnectionEnvironment& e = d.environment;
    const std::string base = "/database/environment/";
    struct Variable {
      const char* key;
      std::string* name;
      bool used;
    };
    const bool bucket = d.engine == Engine::sqlite_litestream || d.engine == Engine::sqlite_s3_sync;
    const Variable variables[] = {
        {"host", &e.host, server},         {"port", &e.port, server},
        {"name", &e.name, server},         {"username", &e.username, server},
        {"password", &e.password, server}, {"path", &e.path, is_sqlite(d.engine)},
        {"bucket", &e.bucket, bucket},
    };
    std::map<std::string, std::string> used;  // variable -> database.environment key
    for (const Variable& v : variables) {
      assign(*v.name, r.str(base + v.key));
      if (!v.used) {
        continue;  // given where it does not apply: check_applies rejects it
      }
      auto [it, inserted] = used.emplace(*v.name, v.key);
      if (!inserted) {
        r.error(r.at(r.has(base + v.key) ? base + v.key : base + it->second), "spec.duplicate",
                "database.environment." + std::string(v.key) + " and " + it->second + " are both " +
                    *v.name,
                "give each value its own variable");
      }
    }
    // The services the database serves: every service reaches RDS and Aurora; SQLite is the
    // owning service's alone.
    for (std::size_t i = 0; i < s.services.size(); ++i) {
      const Service& svc = s.services[i];
      if (!server && svc.name != d.service) {
        continue;
      }
      for (const auto& [variable, key] : used) {
        for (const char* where : {"environment", "secrets"}) {
          const auto& values = std::string(where) == "environment" ? svc.environment : svc.secrets;
          if (values.count(variable) == 0) {
            continue;
          }
          std::string pointer =
              "/services/" + std::to_string(i) + "/" + where + "/" + text::pointer_token(variable);
          r.warning(r.key_at(pointer), "spec.connection-override",
                    "service '" + svc.name + "' sets " + variable +
                        " itself, so it does not get the database's " + key,
                    "remove it here to get the database's value, or name the database's "
                    "variable otherwise under database.environment." +
                        key);
        }
      }
    }
  }

  void database_purchase() {
    DatabasePurchase& p = s.database.purchase;
    const std::string base = "/database/purchase/";
    if (auto model = r.str(base + "model")) {
      p.savings_plan = *model == "database-savings-plan";
    }
    assign(p.term, r.str(base + "term"));
    assign(p.payment, r.str(base + "payment"));
    p.commitment_per_hour = r.money(base + "commitment_per_hour");
  }

  void database_usage() {
    DatabaseUsage& u = s.database.usage;
    const std::string b = "/database/usage/";
    u.size_gb = r.num(b + "size_gb");
    u.writes_per_second = r.num(b + "writes_per_second");
    u.reads_per_second = r.num(b + "reads_per_second");
    u.backup_gb = r.num(b + "backup_gb");
    u.io_requests_per_month = r.num(b + "io_requests_per_month");
    u.average_acu = r.num(b + "average_acu");
    u.restores_per_month = r.num(b + "restores_per_month");
  }

  void sqlite() {
    Database& d = s.database;
    assign(d.path, r.str("/database/path"));
    std::string engine = to_string(d.engine);
    if (s.services.empty()) {
      r.error(r.at("/database/engine"), "spec.requires",
              "engine " + engine + " runs inside a service, but the spec has no services",
              "add a service under services:");
      return;
    }
    const Service* svc = nullptr;
    for (const auto& candidate : s.services) {
      if (candidate.name == d.service) {
        svc = &candidate;
      }
    }
    if (svc != nullptr) {
      int most = svc->autoscaling ? std::max(svc->autoscaling->max, svc->count) : svc->count;
      if (most > 1) {
        r.warning(r.at("/database/engine"), "spec.sqlite-single-writer",
                  "SQLite has one writer, but service '" + svc->name + "' can run " +
                      std::to_string(most) + " tasks",
                  "run one task (count: 1, no autoscaling above 1) or use a server database");
      }
    }
    if (d.engine == Engine::sqlite) {
      r.warning(r.at("/database/engine"), "spec.ephemeral-data",
                "engine sqlite keeps the database on the task's own disk; it is lost whenever "
                "the task is replaced",
                "use sqlite-litestream, sqlite-efs or sqlite-s3-sync to keep the data");
    }
    std::string prefix = s.name + "-" + s.environment;
    if (d.engine == Engine::sqlite_litestream) {
      d.replica_bucket = r.str("/database/replica_bucket").value_or(prefix + "-litestream");
      check_bucket_name(r, d.replica_bucket, "/database/replica_bucket");
      Litestream& l = d.litestream;
      duration("/database/litestream/sync_interval", l.sync_interval);
      duration("/database/litestream/snapshot_interval", l.snapshot_interval);
      duration("/database/litestream/retention", l.retention);
      if (r.has("/database/litestream/validation_interval")) {
        Duration v;
        if (duration("/database/litestream/validation_interval", v)) {
          l.validation_interval = v;
        }
      }
    } else if (d.engine == Engine::sqlite_s3_sync) {
      d.sync_bucket = r.str("/database/bucket").value_or(prefix + "-db");
      check_bucket_name(r, d.sync_bucket, "/database/bucket");
      assign(d.s3_sync.periodic, r.boolean("/database/s3_sync/periodic"));
      duration("/database/s3_sync/interval", d.s3_sync.interval);
      if (auto days = r.integer("/database/s3_sync/backup_retention_days")) {
        d.s3_sync.backup_retention_days = static_cast<int>(*days);
      } else {
        r.warning(r.key_at(r.has("/database/s3_sync") ? "/database/s3_sync" : "/database/engine"),
                  "spec.unbounded-growth",
                  "every upload keeps a timestamped backup and nothing ever deletes them",
                  "set database.s3_sync.backup_retention_days");
      }
    } else if (d.engine == Engine::sqlite_efs) {
      assign(d.efs_throughput_mode, r.str("/database/efs/throughput_mode"));
    }
  }

  bool duration(const std::string& pointer, Duration& out) {
    auto text = r.str(pointer);
    if (!text) {
      return false;
    }
    auto parsed = parse_duration(*text);
    if (!parsed || parsed->millis == 0) {
      r.error(r.at(pointer), "spec.duration", "'" + *text + "' is not a usable duration",
              "write a positive number with a unit: 1s, 5m, 1h, 168h");
      return false;
    }
    out = *parsed;
    return true;
  }

  void rds() {
    Rds& x = s.database.rds;
    x.version =
        r.str(setting("rds", "version")).value_or(std::string(default_version(s.database.engine)));
    std::string class_at = setting("rds", "instance_class");
    if (auto cls = r.str(class_at)) {
      x.instance_class = *cls;
      if (*cls == "db.serverless") {
        r.error(r.at(class_at), "spec.conflict", "db.serverless is an Aurora instance class",
                "use an RDS class such as db.t4g.micro, or engine aurora-postgres");
      }
    } else if (!r.present(class_at)) {
      r.error(r.key_at("/database"), "spec.required",
              "database.instance_class is required for engine " +
                  std::string(to_string(s.database.engine)),
              "add it, e.g. instance_class: db.t4g.micro");
    }
    assign(x.multi_az, r.boolean(setting("rds", "multi_az")));
    std::string storage = setting("rds", "storage");
    assign(x.storage.type, r.str(storage + "/type"));
    x.storage.size_gb = as_int(r.integer(storage + "/size_gb"), x.storage.size_gb);
    if (auto iops = r.integer(storage + "/iops")) {
      x.storage.iops = static_cast<int>(*iops);
    }
    if (auto tp = r.integer(storage + "/throughput_mbps")) {
      x.storage.throughput_mbps = static_cast<int>(*tp);
    }
    const Storage& st = x.storage;
    if ((st.type == "io1" || st.type == "io2") && !st.iops) {
      r.error(r.at(storage + "/type"), "spec.required", st.type + " storage needs iops",
              "add iops, e.g. iops: 3000");
    }
    if (st.type == "io1" && st.iops && *st.iops > 50 * st.size_gb) {
      r.error(r.at(storage + "/iops"), "spec.range",
              "io1 allows at most 50 IOPS per GiB: " + std::to_string(50 * st.size_gb) + " for " +
                  std::to_string(st.size_gb) + " GiB",
              "lower iops or raise size_gb");
    }
    if (st.type == "gp3" && st.size_gb < 400) {
      for (const char* key : {"iops", "throughput_mbps"}) {
        if (r.has(storage + "/" + key)) {
          r.error(r.key_at(storage + "/" + key), "spec.range",
                  std::string("RDS gp3 ") + key +
                      " can be set only from 400 GiB; below that it is 3000 IOPS and 125 MiB/s",
                  "remove it or raise size_gb to 400");
        }
      }
    }
    x.backup_retention_days =
        as_int(r.integer(setting("rds", "backup_retention_days")), x.backup_retention_days);
    assign(x.deletion_protection, r.boolean(setting("rds", "deletion_protection")));
  }

  void aurora() {
    Aurora& a = s.database.aurora;
    a.version = r.str(setting("aurora", "version"))
                    .value_or(std::string(default_version(s.database.engine)));
    std::string class_at = setting("aurora", "instance_class");
    std::string sv2 = setting("aurora", "serverless_v2");
    auto cls = r.str(class_at);
    bool has_sv2 = r.has(sv2);
    if (cls) {
      a.instance_class = *cls;
    } else if (has_sv2) {
      a.instance_class = "db.serverless";
    } else if (!r.present(class_at)) {
      r.error(r.key_at("/database"), "spec.required",
              "database.instance_class is required for engine " +
                  std::string(to_string(s.database.engine)),
              "add instance_class: db.t4g.medium, or serverless_v2: {min_acu: 0.5, max_acu: 1}");
    }
    a.serverless = a.instance_class == "db.serverless";
    if (cls && !a.serverless && has_sv2) {
      r.error(r.key_at(sv2), "spec.conflict",
              "serverless_v2 needs instance_class db.serverless, not " + *cls,
              "remove instance_class or serverless_v2");
    }
    if (cls && !a.serverless &&
        (cls->size() > 6 && (cls->compare(cls->size() - 6, 6, ".micro") == 0 ||
                             cls->compare(cls->size() - 6, 6, ".small") == 0))) {
      r.error(r.at(class_at), "spec.db-class", "Aurora does not offer " + *cls,
              "the smallest Aurora classes are db.t4g.medium and db.t3.medium, or use "
              "db.serverless");
    }
    if (auto v = r.num(sv2 + "/min_acu")) {
      a.min_acu = *v;
    }
    if (auto v = r.num(sv2 + "/max_acu")) {
      a.max_acu = *v;
    }
    if (a.min_acu > a.max_acu) {
      r.error(r.at(sv2 + "/min_acu"), "spec.capacity",
              "serverless_v2.min_acu is greater than max_acu", "min_acu <= max_acu");
    }
    a.instances = as_int(r.integer(setting("aurora", "instances")), a.instances);
    assign(a.io_optimized, r.boolean(setting("aurora", "io_optimized")));
    a.backup_retention_days =
        as_int(r.integer(setting("aurora", "backup_retention_days")), a.backup_retention_days);
    assign(a.deletion_protection, r.boolean(setting("aurora", "deletion_protection")));
  }
};

Type type() {
  return database_type();
}

void read(const Reader& r, Spec& s) {
  DatabaseReader{r, s}.database();
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_database_section{"database", "Database", type, read};

}  // namespace stackplan::spec
