// CloudWatch Logs group per service: ingestion and stored volume over the retention period.

#include <algorithm>

#include "kinds/common.hpp"
#include "kinds/ecs_service/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  return per_element(s.services, "aws_cloudwatch_log_group",
                     [](const spec::Service& svc) { return svc.name; });
}

void cost(const Resource& r, Context& ctx) {
  const spec::Service& svc = ctx.spec().services[static_cast<std::size_t>(r.index)];
  const std::string path = "services[" + std::to_string(r.index) + "].logs.ingested_gb";
  model::Usage ingest = ctx.usage(r, "ingested_gb", svc.log_ingested_gb, path);
  ctx.add(usage_line(r, "observability", "CloudWatch Logs ingestion, " + svc.name, ingest.value,
                     "GB", ingest.assumption),
          ctx.rate(pricing::k_logs_ingest_key));
  // Steady state: what the retention period holds, at most the year the plan looks at.
  int days = std::min(svc.log_retention_days, 365);
  Decimal stored = kept_for_days(ingest.value, whole(days));
  ctx.add(usage_line(r, "observability",
                     "CloudWatch Logs storage, " + std::to_string(svc.log_retention_days) +
                         " days retained (uncompressed upper bound)",
                     stored, "GB-months",
                     ingest.assumption + "; stored = ingested x " + std::to_string(days) +
                         " days / 30.42 days a month"),
          ctx.rate(pricing::k_logs_storage_key));
  ctx.note(
      "CloudWatch Logs' free allowance (5 GB of log data a month, shared by the whole account) "
      "is not subtracted");
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Service& svc = s.services[static_cast<std::size_t>(r.index)];
  json v = base_view(r);
  v["log_group_name"] = "/ecs/" + s.name + "/" + svc.name;
  v["retention_days"] = svc.log_retention_days;
  v["kms"] = s.security.strict();
  std::vector<ControlException> exceptions;
  if (!s.security.strict()) {
    exceptions.push_back(logs_kms_exception());
  }
  if (svc.log_retention_days < 365) {
    exceptions.push_back({"CT.CLOUDWATCH.PR.2", "logs are kept " +
                                                    std::to_string(svc.log_retention_days) +
                                                    " days (services[].log_retention_days)"});
  }
  v["exceptions"] = exceptions_view(exceptions);
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_log_group{
    "log_group",
    "observability",
    "aws_cloudwatch_log_group.<service>",
    "CloudWatch Logs group of a service: ingestion and storage over the retention period",
    {{"ingested_gb", "GB a month", 1, "Log volume the service writes a month"}},
    expand,
    cost,
    model::Rendering{"log_group", "services", {}, view},
};

}  // namespace stackplan::kinds
