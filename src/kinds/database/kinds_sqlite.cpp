// SQLite variants. Local SQLite has no database line (the data lives on the host's disk);
// sqlite-efs stores the file on EFS; sqlite-litestream replicates to S3 continuously;
// sqlite-s3-sync uploads copies on an interval. Their S3 costs are priced here, on the bucket
// they use, so the bucket kind does not count them again.

#include <algorithm>
#include <cmath>

#include "kinds/common.hpp"
#include "kinds/database/pricing.hpp"
#include "kinds/s3_bucket/pricing.hpp"

namespace stackplan::kinds {
namespace {

using spec::Engine;

const Decimal k_page = Decimal::from_int(4096);

/// Bytes to GiB (S3 bills by 2^30 bytes), in steps of 1024 so nothing leaves the range.
Decimal gib(Decimal bytes) {
  const Decimal k = Decimal::from_int(1024);
  return bytes / k / k / k;
}

const spec::Bucket* bucket_named(const spec::Spec& s, const std::string& name) {
  for (const auto& b : s.buckets) {
    if (b.name == name) {
      return &b;
    }
  }
  return nullptr;
}

/// The bucket a SQLite engine writes to, priced as that engine's resource.
std::vector<Resource> database_bucket(const spec::Spec& s, Engine engine,
                                      const std::string& bucket) {
  if (s.database.engine != engine) {
    return {};
  }
  return {Resource{nullptr, "aws_s3_bucket." + model::resource_name(bucket), bucket, -1}};
}

std::string host_of(const spec::Spec& s) {
  return s.compute.platform == spec::Platform::ec2 ? "the EC2 instance's root volume"
                                                   : "the Fargate task's ephemeral storage";
}

// --- sqlite (local) ---------------------------------------------------------------------

std::vector<Resource> expand_local(const spec::Spec& s) {
  if (s.database.engine != Engine::sqlite) {
    return {};
  }
  return {Resource{nullptr, "sqlite.local", s.name, -1}};
}

void cost_local(const Resource&, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  ctx.note("SQLite at " + s.database.path + " lives on " + host_of(s) +
           " (priced with compute); no copy leaves the host");
}

// --- sqlite-efs -------------------------------------------------------------------------

std::vector<Resource> expand_efs(const spec::Spec& s) {
  if (s.database.engine != Engine::sqlite_efs) {
    return {};
  }
  return {Resource{nullptr, "aws_efs_file_system.data", s.name, -1}};
}

void cost_efs(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  model::Usage size = ctx.usage(r, "size_gb", s.database.usage.size_gb, "database.usage.size_gb");
  ctx.note("SQLite at " + s.database.path + " lives on EFS (" + s.database.efs_throughput_mode +
           " throughput)");
  ctx.add(usage_line(r, "database", "EFS Standard storage for the SQLite file", size.value,
                     "GB-months", size.assumption),
          ctx.rate(pricing::k_efs_standard_key));
  // Elastic throughput bills the data read and written; bursting throughput is included.
  if (s.database.efs_throughput_mode == "elastic") {
    model::Usage read = ctx.usage(r, "read_gb", std::nullopt, {});
    model::Usage written = ctx.usage(r, "written_gb", std::nullopt, {});
    ctx.add(usage_line(r, "database", "EFS elastic throughput: data read", read.value, "GB",
                       read.assumption),
            ctx.rate(pricing::k_efs_read_key));
    ctx.add(usage_line(r, "database", "EFS elastic throughput: data written", written.value, "GB",
                       written.assumption),
            ctx.rate(pricing::k_efs_write_key));
  }
}

// --- sqlite-litestream ------------------------------------------------------------------

std::vector<Resource> expand_litestream(const spec::Spec& s) {
  return database_bucket(s, Engine::sqlite_litestream, s.database.replica_bucket);
}

void cost_litestream(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  const spec::Database& db = s.database;
  const spec::Litestream& ls = db.litestream;
  model::Usage size = ctx.usage(r, "size_gb", db.usage.size_gb, "database.usage.size_gb");
  model::Usage writes = ctx.usage(r, "writes_per_second", db.usage.writes_per_second,
                                  "database.usage.writes_per_second");
  model::Usage restores = ctx.usage(r, "restores_per_month", db.usage.restores_per_month,
                                    "database.usage.restores_per_month");
  model::Usage ratio = ctx.usage(r, "compression_ratio", std::nullopt, "");
  if (ratio.value < whole(1)) {
    ratio.value = whole(1);
  }
  ctx.note("SQLite at " + db.path + " lives on " + host_of(s) +
           "; Litestream replicates it to s3://" + db.replica_bucket);

  const Decimal month = seconds_per_month();
  const Decimal sync = seconds_of(ls.sync_interval);
  const Decimal snapshot = seconds_of(ls.snapshot_interval);
  const Decimal retention = seconds_of(ls.retention);
  const Decimal day = whole(86400);

  // Storage: the snapshots within retention plus the WAL written since the oldest of them.
  Decimal snapshots_kept =
      whole(static_cast<long long>(std::floor((retention / snapshot).to_double()))) + whole(1);
  Decimal snapshot_gb = size.value / ratio.value;
  // Divide last: a GB-per-second figure would lose digits at ten decimals.
  Decimal wal_bytes_per_second = writes.value * k_page / ratio.value;
  Decimal stored = snapshot_gb * snapshots_kept + gib(wal_bytes_per_second * retention);
  std::string basis = size.assumption + "; " + writes.assumption + "; " + ratio.assumption +
                      "; one 4 KiB page per write";
  LineItem storage = usage_line(r, "database",
                                "Litestream replica storage: " + snapshots_kept.to_string() +
                                    " snapshots (every " + ls.snapshot_interval.text + ", " +
                                    ls.retention.text + " retention) + WAL",
                                stored, "GB-months", basis);
  ctx.add_tiered(storage, pricing::s3_storage_key("standard"));

  // Noncurrent versions of deleted snapshots and WAL segments, when the bucket keeps them.
  if (const spec::Bucket* bucket = bucket_named(s, db.replica_bucket);
      bucket && bucket->versioning) {
    Decimal deleted_per_day = snapshot_gb * day / snapshot + gib(wal_bytes_per_second * day);
    if (bucket->lifecycle.noncurrent_expire_days) {
      int days = *bucket->lifecycle.noncurrent_expire_days;
      ctx.add_tiered(usage_line(r, "database",
                                "Noncurrent versions of pruned replica files, kept " +
                                    std::to_string(days) + " days",
                                deleted_per_day * whole(days), "GB-months", basis),
                     pricing::s3_storage_key("standard"));
    } else {
      Decimal growth = deleted_per_day * hours_per_month() / whole(24);  // a month of days
      ctx.warn("plan.unbounded-growth",
               "bucket '" + bucket->name + "' keeps every noncurrent version of pruned " +
                   "Litestream files: storage grows by about " + growth.rounded(2).to_string() +
                   " GB a month",
               "set lifecycle.noncurrent_expire_days on the bucket");
      ctx.add_tiered(usage_line(r, "database",
                                "Noncurrent versions of pruned replica files (first month; grows)",
                                growth / whole(2), "GB-months", basis),
                     pricing::s3_storage_key("standard"));
    }
  }

  // PUTs: a WAL segment each sync interval that saw a write, and each snapshot.
  Decimal syncs = month / sync;
  Decimal writes_month = writes.value * month;
  Decimal wal_puts = std::min(syncs, writes_month);
  Decimal snapshot_puts = month / snapshot;
  // LISTs: retention enforcement hourly, and each validation.
  Decimal retention_lists = hours_per_month();
  Decimal validations;
  if (ls.validation_interval) {
    validations = month / seconds_of(*ls.validation_interval);
  }
  Decimal tier1 = (wal_puts + snapshot_puts + retention_lists + validations) / whole(1000);
  ctx.add(usage_line(r, "database",
                     "Litestream PUT/LIST requests: WAL uploads (every " + ls.sync_interval.text +
                         " with writes), snapshots, retention checks" +
                         (ls.validation_interval ? ", validations" : ""),
                     tier1, "1k requests", writes.assumption),
          ctx.rate(pricing::s3_requests_key("standard", "tier1")), whole(1000));

  // GETs: each restore (task start) and validation reads the newest snapshot and the WAL
  // written since; it happens at any time between snapshots, so on average after half an
  // interval's WAL.
  Decimal wal_after_snapshot = std::min(snapshot / sync, writes.value * snapshot) / whole(2);
  Decimal reads = (restores.value + validations) * (whole(1) + wal_after_snapshot);
  ctx.add(usage_line(
              r, "database", "Litestream GET requests: restores on task start and validations",
              reads / whole(1000), "1k requests", restores.assumption + "; " + writes.assumption),
          ctx.rate(pricing::s3_requests_key("standard", "tier2")), whole(1000));
}

// --- sqlite-s3-sync ---------------------------------------------------------------------

std::vector<Resource> expand_s3_sync(const spec::Spec& s) {
  return database_bucket(s, Engine::sqlite_s3_sync, s.database.sync_bucket);
}

void cost_s3_sync(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  const spec::Database& db = s.database;
  model::Usage size = ctx.usage(r, "size_gb", db.usage.size_gb, "database.usage.size_gb");
  model::Usage restores = ctx.usage(r, "restores_per_month", db.usage.restores_per_month,
                                    "database.usage.restores_per_month");
  ctx.note("SQLite at " + db.path + " lives on " + host_of(s) + "; copies go to s3://" +
           db.sync_bucket);

  Decimal uploads;
  std::string cadence;
  std::string basis = size.assumption;
  if (db.s3_sync.periodic) {
    uploads = seconds_per_month() / seconds_of(db.s3_sync.interval);
    cadence = "every " + db.s3_sync.interval.text;
  } else {
    model::Usage u = ctx.usage(r, "uploads_per_month", std::nullopt, "");
    uploads = u.value;
    cadence = u.assumption;
    basis += "; " + u.assumption;
  }
  ctx.add(usage_line(r, "database", "S3 sync uploads of the database (" + cadence + ")",
                     uploads / whole(1000), "1k requests", basis),
          ctx.rate(pricing::s3_requests_key("standard", "tier1")), whole(1000));

  // Timestamped copies accumulate until something expires them.
  std::optional<int> keep_days = db.s3_sync.backup_retention_days;
  if (!keep_days) {
    if (const spec::Bucket* bucket = bucket_named(s, db.sync_bucket);
        bucket && bucket->lifecycle.expire_days) {
      keep_days = bucket->lifecycle.expire_days;
    }
  }
  Decimal per_day = uploads * whole(24) / hours_per_month();
  if (keep_days) {
    Decimal copies = per_day * whole(*keep_days);
    ctx.add_tiered(usage_line(r, "database",
                              "S3 sync backup copies, " + std::to_string(*keep_days) +
                                  " days kept (" + copies.rounded(0).to_string() + " copies)",
                              size.value * copies, "GB-months", basis),
                   pricing::s3_storage_key("standard"));
  } else {
    Decimal growth = size.value * uploads;
    ctx.warn("plan.unbounded-growth",
             "nothing expires the timestamped copies in s3://" + db.sync_bucket +
                 ": storage grows by about " + growth.rounded(2).to_string() + " GB a month",
             "set database.s3_sync.backup_retention_days or lifecycle.expire_days on the bucket");
    ctx.add_tiered(
        usage_line(r, "database", "S3 sync backup copies (average of the first month; grows)",
                   growth / whole(2), "GB-months", basis),
        pricing::s3_storage_key("standard"));
  }
  ctx.add(usage_line(r, "database", "S3 sync GET requests: restores on task start",
                     restores.value / whole(1000), "1k requests", restores.assumption),
          ctx.rate(pricing::s3_requests_key("standard", "tier2")), whole(1000));
}

/// What the owning service gets from its SQLite database: the file's path and, when it is
/// replicated or synced, the bucket.
json reach(const spec::Spec& s, const spec::Service& svc) {
  const spec::Database& db = s.database;
  if (!db.service.empty() && db.service != svc.name) {
    return json::object();
  }
  json env = json::array({reach_value(db.environment.path, db.path)});
  const std::string& bucket = db.engine == spec::Engine::sqlite_litestream ? db.replica_bucket
                              : db.engine == spec::Engine::sqlite_s3_sync  ? db.sync_bucket
                                                                           : std::string();
  if (!bucket.empty()) {
    env.push_back(reach_value(db.environment.bucket, bucket));
  }
  return {{"environment", env}};
}

json view_efs(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  v["file_system_name"] = s.name + "-data";
  v["throughput_mode"] = s.database.efs_throughput_mode;
  v["root_directory"] = "/" + s.name;
  v["clients"] = client_groups(s, s.database.service);  // only the owner mounts it
  v["subnets"] = subnets_view(s);
  v["exceptions"] = exceptions_view(
      {{"CT.ELASTICFILESYSYSTEM.PR.2",
        "AWS Backup copies are billed as backup storage and are not in the plan; turn on "
        "BackupPolicy to keep daily copies of the database"}});
  return v;
}

/// Litestream and S3 sync: the bucket (as any bucket) plus what the app files need.
json sqlite_bucket_view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  v.update(bucket_view(s, r.name));
  const std::string& path = s.database.path;
  v["db_path"] = path;
  v["db_dir"] = path.substr(0, path.rfind('/') == 0 ? 1 : path.rfind('/'));
  v["db_file"] = path.substr(path.rfind('/') + 1);
  v["region"] = s.region;
  v["replica_path"] = s.name;
  return v;
}

json view_litestream(const Resource& r, const spec::Spec& s) {
  json v = sqlite_bucket_view(r, s);
  const spec::Litestream& l = s.database.litestream;
  v["purpose"] = "Litestream replica";
  v["sync_interval"] = l.sync_interval.text;
  v["snapshot_interval"] = l.snapshot_interval.text;
  v["retention"] = l.retention.text;
  v["validation_interval"] =
      l.validation_interval ? json(l.validation_interval->text) : json(nullptr);
  return v;
}

json view_s3_sync(const Resource& r, const spec::Spec& s) {
  json v = sqlite_bucket_view(r, s);
  const spec::S3Sync& sync = s.database.s3_sync;
  v["purpose"] = "SQLite copies";
  // Every upload is a new timestamped object under this prefix; a start restores the newest.
  v["object_prefix"] = s.name + "/" + v["db_file"].get<std::string>() + "/";
  v["backup_expire_days"] =
      sync.backup_retention_days ? json(*sync.backup_retention_days) : json(nullptr);
  v["periodic"] = sync.periodic;
  v["interval_seconds"] = std::max<std::int64_t>(1, sync.interval.millis / 1000);
  v["interval"] = sync.interval.text;
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_sqlite_local{
    "sqlite_local",
    "database",
    "sqlite.local",
    "SQLite on the host's disk: no database line, a note of where the data lives",
    {},
    expand_local,
    cost_local,
    std::nullopt,
    {},
    reach,
};

// Listed in kinds/registry.cpp.
extern const model::Kind k_sqlite_efs{
    "sqlite_efs",
    "database",
    "aws_efs_file_system.data",
    "SQLite on EFS: EFS Standard storage, and data read and written with elastic throughput",
    {{"size_gb", "GB", 1, "Size of the database file"},
     {"read_gb", "GB", 1, "Data read from EFS a month (elastic throughput only)"},
     {"written_gb", "GB", 1, "Data written to EFS a month (elastic throughput only)"}},
    expand_efs,
    cost_efs,
    model::Rendering{"sqlite_efs", "database", {}, view_efs},
    {},
    reach,
};

// Listed in kinds/registry.cpp.
extern const model::Kind k_litestream_replica{
    "litestream_replica",
    "database",
    "aws_s3_bucket.<replica_bucket>",
    "Litestream replica bucket: snapshots + WAL within retention, noncurrent versions, PUT/LIST "
    "and GET requests",
    {{"size_gb", "GB", 1, "Size of the database (one snapshot)"},
     {"writes_per_second", "writes/s", 0.1, "Average write transactions a second"},
     {"restores_per_month", "restores", 4, "Task starts that restore from the replica"},
     {"compression_ratio", "ratio", 1, "How much Litestream's LZ4 shrinks snapshots and WAL"}},
    expand_litestream,
    cost_litestream,
    model::Rendering{
        "s3_bucket", "storage", {"litestream.yml", "litestream-entrypoint.sh"}, view_litestream},
    {},
    reach,
};

// Listed in kinds/registry.cpp.
extern const model::Kind k_s3_sync{
    "s3_sync",
    "database",
    "aws_s3_bucket.<bucket>",
    "SQLite copied to S3 on an interval: uploads, retained copies, restores",
    {{"size_gb", "GB", 1, "Size of the database (one copy)"},
     {"restores_per_month", "restores", 4, "Task starts that download the database"},
     {"uploads_per_month", "uploads", 30, "Uploads a month when the sync is not periodic"}},
    expand_s3_sync,
    cost_s3_sync,
    model::Rendering{"s3_bucket", "storage", {"s3-sync.sh"}, view_s3_sync},
    {},
    reach,
};

}  // namespace stackplan::kinds
