// RDS PostgreSQL / MySQL instance: instance hours (Single-AZ or Multi-AZ), storage by type and
// deployment, backup storage beyond the free allowance, and the 12-month free tier where it
// applies.

#include "kinds/common.hpp"
#include "kinds/database/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (!spec::is_rds(s.database.engine)) {
    return {};
  }
  return {Resource{nullptr, "aws_db_instance.main", s.name, -1}};
}

bool free_tier_class(const std::string& c) {
  return c == "db.t4g.micro" || c == "db.t3.micro" || c == "db.t2.micro";
}

/// "2026-02-28" plus two years.
std::string two_years_after(const std::string& date) {
  return std::to_string(std::stoi(date.substr(0, 4)) + 2) + date.substr(4);
}

/// A major version past RDS end of standard support is enrolled in Extended Support: billed per
/// vCPU-hour (the standby's too in Multi-AZ), at the year-1-2 rate for two years, then year 3.
void extended_support(const Resource& r, Context& ctx, const std::string& engine) {
  const spec::Rds& rds = ctx.spec().database.rds;
  const std::string major = spec::major_version(ctx.spec().database.engine, rds.version);
  const pricing::SupportDates* dates = ctx.support(engine, major);
  if (dates == nullptr || ctx.as_of() < dates->standard_ends) {
    return;
  }
  const std::string name = (engine == "postgres" ? "PostgreSQL " : "MySQL ") + major;
  if (ctx.as_of() >= dates->extended_ends) {
    ctx.warn("plan.extended-support-ended",
             "RDS Extended Support for " + name + " ended on " + dates->extended_ends +
                 "; AWS upgrades the database to a supported major version",
             "set database.rds.version to a supported major version");
    return;
  }
  const bool third = ctx.as_of() >= two_years_after(dates->standard_ends);
  const int vcpus = db_class_vcpus(rds.instance_class) * (rds.multi_az ? 2 : 1);
  ctx.note(name + " left RDS standard support on " + dates->standard_ends + "; on " + ctx.as_of() +
           " (the catalog's date) it is in year " + (third ? "3" : "1 or 2") +
           " of Extended Support, which ends on " + dates->extended_ends);
  ctx.add(
      line(r, "database",
           "RDS Extended Support, " + name + " (standard support ended " + dates->standard_ends +
               "), " + std::to_string(vcpus) + " vCPUs" + (rds.multi_az ? " with the standby" : ""),
           whole(vcpus) * hours_per_month(), "vCPU-hours"),
      ctx.rate(pricing::rds_extended_support_key(engine, major, third ? "year-3" : "year-1-2")));
}

void cost(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  const spec::Rds& rds = s.database.rds;
  const bool postgres = s.database.engine == spec::Engine::rds_postgres;
  const std::string engine = postgres ? "postgres" : "mysql";
  const std::string deployment = rds.multi_az ? "multi-az" : "single-az";
  const std::string dep_text = rds.multi_az ? "Multi-AZ" : "Single-AZ";

  bool free_tier = false;
  // AWS ended the 12-month free tier for accounts created from 2025-07-15 (they get credits
  // instead); the last 12-month offers of older accounts ended on 2026-07-14.
  const bool free_tier_over = ctx.as_of() >= "2026-07-15";
  if (s.free_tier && free_tier_over) {
    ctx.warn("plan.free-tier-ended",
             "no account has the 12-month RDS free tier on " + ctx.as_of() +
                 " (the catalog's date): accounts created before 2025-07-15 had it until "
                 "2026-07-14 at the latest, and newer accounts get AWS credits instead of free "
                 "usage; the plan bills the database in full",
             "set free_tier: false; count AWS credits as a reduction of the bill, not of prices");
  } else if (s.free_tier && !s.database.purchase.savings_plan) {
    if (rds.multi_az) {
      ctx.warn("plan.free-tier-not-eligible",
               "the RDS free tier covers Single-AZ micro instances only; " + rds.instance_class +
                   " Multi-AZ is billed in full",
               "set multi_az: false to use the free tier, or free_tier: false");
    } else if (!free_tier_class(rds.instance_class)) {
      ctx.warn("plan.free-tier-not-eligible",
               "the RDS free tier covers db.t4g.micro, db.t3.micro and db.t2.micro only; " +
                   rds.instance_class + " is billed in full",
               "use a micro class to use the free tier, or set free_tier: false");
    } else {
      free_tier = true;
    }
  }

  const std::string instance_key =
      pricing::rds_instance_key(engine, rds.instance_class, deployment);
  const std::string what = std::string("RDS ") + (postgres ? "PostgreSQL " : "MySQL ") +
                           rds.instance_class + ", " + dep_text +
                           (s.database.purchase.savings_plan ? "" : ", on-demand");
  database_hours(r, ctx, line(r, "database", what, hours_per_month(), "hours"), instance_key);
  if (free_tier) {
    ctx.add(line(r, "database", "AWS Free Tier: 750 instance-hours a month (first 12 months)",
                 -hours_per_month(), "hours"),
            ctx.rate(instance_key));
  }

  const spec::Storage& st = rds.storage;
  model::Rate storage = ctx.rate(pricing::rds_storage_key(st.type, deployment));
  ctx.add(
      line(r, "database",
           "RDS storage " + st.type + ", " + dep_text + ", " + std::to_string(st.size_gb) + " GB",
           whole(st.size_gb), "GB-months"),
      storage);
  if (free_tier && (st.type == "gp2" || st.type == "gp3")) {
    ctx.add(line(r, "database", "AWS Free Tier: 20 GB of General Purpose storage",
                 -whole(std::min(st.size_gb, 20)), "GB-months"),
            storage);
  }
  if ((st.type == "io1" || st.type == "io2") && st.iops) {
    ctx.add(
        line(r, "database", "RDS provisioned IOPS, " + dep_text, whole(*st.iops), "IOPS-months"),
        ctx.rate(pricing::rds_iops_key(st.type, deployment)));
  }
  // gp3 includes 3,000 IOPS and 125 MiB/s (12,000 and 500 from 400 GB); provisioned beyond that
  // is billed per IOPS-month and MiBps-month, Multi-AZ at its own (double) rate.
  if (st.type == "gp3") {
    const int iops_included = st.size_gb >= 400 ? 12000 : 3000;
    const int mbps_included = st.size_gb >= 400 ? 500 : 125;
    if (st.iops && *st.iops > iops_included) {
      ctx.add(
          line(r, "database",
               "RDS gp3 IOPS above the " + std::to_string(iops_included) + " included, " + dep_text,
               whole(*st.iops - iops_included), "IOPS-months"),
          ctx.rate(pricing::rds_iops_key("gp3", deployment)));
    }
    if (st.throughput_mbps && *st.throughput_mbps > mbps_included) {
      ctx.add(line(r, "database",
                   "RDS gp3 throughput above the " + std::to_string(mbps_included) +
                       " MiB/s included, " + dep_text,
                   whole(*st.throughput_mbps - mbps_included), "MiBps-months"),
              ctx.rate(pricing::rds_gp3_throughput_key(deployment)));
    }
  }

  extended_support(r, ctx, engine);

  // Backup storage up to the provisioned storage is free; only the excess is billed.
  const Decimal free = whole(rds.storage.size_gb);
  model::Usage backup = ctx.usage_or(r, "backup_gb", s.database.usage.backup_gb,
                                     "database.usage.backup_gb", free.to_double());
  if (rds.backup_retention_days == 0) {
    ctx.note("RDS automated backups are off (backup_retention_days: 0)");
  }
  const Decimal billed = excess(backup.value, free);
  ctx.add(
      usage_line(r, "database", "RDS backup storage beyond the free allowance", billed, "GB-months",
                 backup.assumption + "; billed = backup_gb - the provisioned " + free.to_string() +
                     " GB, which are free"),
      ctx.rate(pricing::k_rds_backup_key));
  if (s.security.strict()) {
    enhanced_monitoring_cost(r, ctx, rds.multi_az ? 2 : 1);
  }
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Rds& rds = s.database.rds;
  json v = database_view(r, s, rds.backup_retention_days, rds.deletion_protection);
  v["engine"] = s.database.engine == spec::Engine::rds_postgres ? "postgres" : "mysql";
  v["engine_version"] = rds.version;
  v["instance_class"] = rds.instance_class;
  v["storage_type"] = rds.storage.type;
  v["storage_gb"] = rds.storage.size_gb;
  v["iops"] = rds.storage.iops ? json(*rds.storage.iops) : json(nullptr);
  v["throughput"] = rds.storage.throughput_mbps && rds.storage.type == "gp3"
                        ? json(*rds.storage.throughput_mbps)
                        : json(nullptr);
  v["multi_az"] = bool_text(rds.multi_az);
  v["security"] = database_security_view(s);
  std::vector<ControlException> exceptions = database_exceptions(s);
  if (!s.security.strict()) {
    exceptions.push_back({"CT.RDS.PR.14",
                          "log exports are billed as CloudWatch Logs ingestion and storage "
                          "(security.profile: strict exports them)"});
    exceptions.push_back({"CT.RDS.PR.30",
                          "storage is encrypted with the AWS managed key for RDS; a customer "
                          "managed KMS key is billed monthly and per request (security.profile: "
                          "strict)"});
  }
  if (!rds.multi_az) {
    exceptions.push_back(
        {"CT.RDS.PR.1",
         "multi_az is false: a standby in a second zone doubles the instance price"});
  }
  if (!rds.deletion_protection) {
    exceptions.push_back({"CT.RDS.PR.13", "deletion_protection is false in the spec"});
  }
  v["exceptions"] = exceptions_view(exceptions);
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_rds_instance{
    "rds_instance",
    "database",
    "aws_db_instance.main",
    "RDS PostgreSQL or MySQL instance: hours, storage, backup beyond the free allowance, free "
    "tier",
    {{"backup_gb", "GB-months", 0,
      "Backup storage (automated backups and snapshots); up to the provisioned storage is free",
      "the provisioned storage (all of it free)"},
     k_monitoring_usage},
    expand,
    cost,
    model::Rendering{"rds_instance", "database", {}, view},
    {},
    [](const spec::Spec& s, const spec::Service&) { return server_database_reach(s, "Database"); },
};

}  // namespace stackplan::kinds
