// Aurora PostgreSQL / MySQL cluster: provisioned instances or Serverless v2 ACU-hours,
// storage, I/O requests (Standard only, never I/O-Optimized) and backup beyond the free 100% of
// the cluster volume.

#include <algorithm>

#include "kinds/common.hpp"
#include "kinds/database/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (!spec::is_aurora(s.database.engine)) {
    return {};
  }
  return {Resource{nullptr, "aws_rds_cluster.main", s.name, -1}};
}

void cost(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  const spec::Aurora& a = s.database.aurora;
  const spec::DatabaseUsage& u = s.database.usage;
  const bool postgres = s.database.engine == spec::Engine::aurora_postgres;
  const std::string engine = postgres ? "postgres" : "mysql";
  const std::string config = a.io_optimized ? "io-optimized" : "standard";
  const std::string name = std::string("Aurora ") + (postgres ? "PostgreSQL" : "MySQL");
  const std::string config_text = a.io_optimized ? "I/O-Optimized" : "Standard";

  if (a.serverless) {
    // A cluster that may pause (min_acu 0) pauses only when nothing connects; a running
    // instance uses at least 0.5 ACU, so that is the default, never a free database.
    const double floor = a.min_acu > 0 ? a.min_acu : std::min(0.5, a.max_acu);
    model::Usage acu =
        ctx.usage_or(r, "average_acu", u.average_acu, "database.usage.average_acu", floor);
    Decimal lo = Decimal::from_double(a.min_acu);
    Decimal hi = Decimal::from_double(a.max_acu);
    Decimal used = std::clamp(acu.value, lo, hi);
    if (used != acu.value) {
      ctx.warn("plan.acu-out-of-range",
               "average_acu " + acu.value.to_string() + " is outside the cluster's " +
                   lo.to_string() + " to " + hi.to_string() + " ACU range; the plan uses " +
                   used.to_string(),
               "set database.usage.average_acu within min_acu and max_acu");
    }
    // Each Serverless v2 instance (writer and readers) bills its own ACU-hours.
    const std::string times =
        a.instances > 1 ? " x " + std::to_string(a.instances) + " instances" : std::string();
    database_hours(
        r, ctx,
        usage_line(r, "database",
                   name + " Serverless v2, " + config_text + ", " + used.to_string() +
                       " ACU average (" + lo.to_string() + " to " + hi.to_string() + ")" + times,
                   used * whole(a.instances) * hours_per_month(), "ACU-hours", acu.assumption),
        pricing::aurora_serverless_key(engine, config));
  } else {
    LineItem item =
        line(r, "database",
             name + " " + a.instance_class + " x " + std::to_string(a.instances) + ", " +
                 config_text + (s.database.purchase.savings_plan ? "" : ", on-demand"),
             whole(a.instances) * hours_per_month(), "hours");
    database_hours(r, ctx, std::move(item),
                   pricing::aurora_instance_key(engine, a.instance_class, config));
  }

  model::Usage size = ctx.usage(r, "size_gb", u.size_gb, "database.usage.size_gb");
  ctx.add(usage_line(r, "database", name + " storage, " + config_text, size.value, "GB-months",
                     size.assumption),
          ctx.rate(pricing::aurora_storage_key(engine, config)));
  if (!a.io_optimized) {
    model::Usage io = ctx.usage(r, "io_requests_per_month", u.io_requests_per_month,
                                "database.usage.io_requests_per_month", 1e6);
    ctx.add(usage_line(r, "database", name + " I/O requests (Standard only)", io.value,
                       "1M requests", io.assumption),
            ctx.rate(pricing::aurora_io_key(engine)), whole(1'000'000));
  }
  // Backup storage up to 100% of the cluster volume is free; only the excess is billed.
  model::Usage backup =
      ctx.usage_or(r, "backup_gb", u.backup_gb, "database.usage.backup_gb", size.value.to_double());
  const Decimal billed = excess(backup.value, size.value);
  ctx.add(usage_line(r, "database", name + " backup storage beyond 100% of the cluster volume",
                     billed, "GB-months",
                     backup.assumption + "; billed = backup_gb - size_gb (" +
                         size.value.to_string() + " GB free)"),
          ctx.rate(pricing::aurora_backup_key(engine)));
  if (s.security.strict()) {
    enhanced_monitoring_cost(r, ctx, a.instances);
  }
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Aurora& a = s.database.aurora;
  json v = database_view(r, s, a.backup_retention_days, a.deletion_protection);
  v["engine"] =
      s.database.engine == spec::Engine::aurora_postgres ? "aurora-postgresql" : "aurora-mysql";
  v["engine_version"] = a.version;
  v["instance_class"] = a.serverless ? std::string("db.serverless") : a.instance_class;
  v["instances"] = a.instances;
  v["serverless"] = a.serverless;
  v["min_acu"] = a.min_acu;
  v["max_acu"] = a.max_acu;
  v["io_optimized"] = a.io_optimized;
  json members = json::array();
  for (int i = 0; i < a.instances; ++i) {
    members.push_back({{"n", i + 1}});
  }
  v["members"] = members;
  v["security"] = database_security_view(s);
  std::vector<ControlException> cluster;
  if (!s.security.strict()) {
    cluster.push_back({"CT.RDS.PR.25",
                       "log exports are billed as CloudWatch Logs ingestion and storage "
                       "(security.profile: strict exports them)"});
  }
  if (s.database.engine == spec::Engine::aurora_mysql) {
    cluster.push_back({"CT.RDS.PR.6",
                       "backtracking is billed per change record kept; continuous backups "
                       "restore the cluster to any second of their retention"});
  }
  v["exceptions"] = exceptions_view(cluster);
  v["member_exceptions"] = exceptions_view(database_exceptions(s));
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_aurora_cluster{
    "aurora_cluster",
    "database",
    "aws_rds_cluster.main",
    "Aurora cluster: instances or Serverless v2 ACUs, storage, I/O (Standard), backup",
    {{"average_acu", "ACU", 0, "Average Serverless v2 capacity, within min and max",
      "min_acu, or 0.5 when min_acu is 0 (the least a running instance uses)"},
     {"size_gb", "GB", 10, "Cluster storage used"},
     {"io_requests_per_month", "requests", 1000000,
      "Billed I/O requests a month (Standard configuration only)"},
     {"backup_gb", "GB-months", 0,
      "Backup storage of the cluster (continuous backups and snapshots); up to 100% of the "
      "cluster volume is free",
      "size_gb (all of it free)"},
     k_monitoring_usage},
    expand,
    cost,
    model::Rendering{"aurora_cluster", "database", {}, view},
    {},
    [](const spec::Spec& s, const spec::Service&) {
      return server_database_reach(s, "DatabaseCluster");
    },
};

}  // namespace stackplan::kinds
