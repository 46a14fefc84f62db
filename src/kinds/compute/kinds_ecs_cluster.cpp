// The ECS cluster and its capacity providers: Fargate (and Fargate Spot), or the Auto Scaling
// Group's capacity provider on EC2. Not billed itself; with security.profile strict, Container
// Insights is on, billed as custom metrics and performance log events.

#include "kinds/common.hpp"
#include "kinds/ecs_service/pricing.hpp"

namespace stackplan::kinds {
namespace {

/// Container Insights' metrics of one dimension set: CPU and memory (utilised and reserved),
/// network (received and sent) and storage (read and written) bytes.
constexpr int k_insights_metrics_each = 8;

std::vector<Resource> expand(const spec::Spec& s) {
  if (s.services.empty()) {
    return {};
  }
  return {Resource{nullptr, "aws_ecs_cluster.main", s.name, -1}};
}

void cost(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  if (!s.security.strict()) {
    return;
  }
  const int sets = 1 + static_cast<int>(s.services.size());
  model::Usage metrics = ctx.usage_or(r, "insights_metrics", std::nullopt, {},
                                      static_cast<double>(k_insights_metrics_each * sets));
  ctx.add_tiered(usage_line(r, "observability", "Container Insights metrics (custom metrics)",
                            metrics.value, "metric-months", metrics.assumption),
                 pricing::k_metric_key);
  int tasks = 0;
  for (const auto& svc : s.services) {
    tasks += svc.autoscaling ? svc.autoscaling->min : svc.count;
  }
  model::Usage events = ctx.usage_or(r, "insights_log_gb", std::nullopt, {}, 0.1 * tasks);
  ctx.add(usage_line(r, "observability", "Container Insights performance log events", events.value,
                     "GB", events.assumption),
          ctx.rate(pricing::k_logs_ingest_key));
  ctx.note(
      "CloudWatch's free allowance (10 custom metrics, shared by the whole account) is not "
      "subtracted");
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  const bool fargate = s.compute.platform == spec::Platform::fargate;
  v["cluster_name"] = s.name;
  v["fargate"] = fargate;
  v["ec2"] = !fargate;
  v["default_provider"] =
      s.compute.purchase.model == spec::PurchaseModel::spot ? "FARGATE_SPOT" : "FARGATE";
  v["insights"] = s.security.strict() ? "enabled" : "disabled";
  std::vector<ControlException> exceptions;
  if (!s.security.strict()) {
    exceptions.push_back({"CT.ECS.PR.2",
                          "Container Insights is billed as custom metrics and log data for every "
                          "task (security.profile: strict turns it on); the services' own logs "
                          "and the default ECS metrics remain"});
  }
  v["exceptions"] = exceptions_view(exceptions);
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_ecs_cluster{
    "ecs_cluster",
    "compute",
    "aws_ecs_cluster.main",
    "The ECS cluster and its capacity providers (not billed itself); Container Insights in a "
    "strict stack",
    {{"insights_metrics", "metrics", 0,
      "Custom metrics Container Insights keeps a month (security.profile: strict)",
      "8 for the cluster and 8 for each service (CPU, memory, network and storage)"},
     {"insights_log_gb", "GB a month", 0,
      "Performance log events Container Insights ingests a month (security.profile: strict)",
      "0.1 for each task the services run"}},
    expand,
    cost,
    model::Rendering{"ecs_cluster", "ecs", {}, view},
};

}  // namespace stackplan::kinds
