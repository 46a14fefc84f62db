// The log groups a strict RDS or Aurora database exports its logs to (security.profile:
// strict): created by the stack, so that they have the stack's KMS key and a year's retention
// rather than RDS's default of keeping everything forever. Ingestion and storage.

#include <algorithm>

#include "kinds/common.hpp"
#include "kinds/ecs_service/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  std::vector<Resource> out;
  if (!s.security.strict()) {
    return out;
  }
  for (const std::string& type : database_log_types(s.database.engine)) {
    const std::string id = database_log_group_names(type)["id"];
    out.push_back({nullptr, "aws_cloudwatch_log_group." + id, type, -1});
  }
  return out;
}

void cost(const Resource& r, Context& ctx) {
  model::Usage ingest = ctx.usage(r, "ingested_gb", std::nullopt, {});
  ctx.add(usage_line(r, "observability", "CloudWatch Logs ingestion, database " + r.name + " log",
                     ingest.value, "GB", ingest.assumption),
          ctx.rate(pricing::k_logs_ingest_key));
  const int days = k_strict_log_retention_days;
  ctx.add(usage_line(r, "observability",
                     "CloudWatch Logs storage, database " + r.name + " log, " +
                         std::to_string(days) + " days retained (uncompressed upper bound)",
                     kept_for_days(ingest.value, whole(days)), "GB-months",
                     ingest.assumption + "; stored = ingested x " + std::to_string(days) +
                         " days / 30.42 days a month"),
          ctx.rate(pricing::k_logs_storage_key));
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  v["logical"] = database_log_group_names(r.name)["logical"];
  v["log_group_name"] = database_log_group(s, r.name);
  v["retention_days"] = k_strict_log_retention_days;
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_database_log_group{
    "database_log_group",
    "observability",
    "aws_cloudwatch_log_group.database_<log type>",
    "CloudWatch Logs group of a strict database's exported log: ingestion and a year's storage",
    {{"ingested_gb", "GB a month", 0.1,
      "Log volume the engine writes to this log a month (the general and audit logs of MySQL "
      "stay empty until the parameter and option groups turn them on)"}},
    expand,
    cost,
    model::Rendering{"database_log_group", "database", {}, view},
};

}  // namespace stackplan::kinds
