// The ECS cluster and its capacity providers: Fargate (and Fargate Spot), or the Auto Scaling
// Group's capacity provider on EC2. Not billed itself.

#include "kinds/common.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (s.services.empty()) {
    return {};
  }
  return {Resource{nullptr, "aws_ecs_cluster.main", s.name, -1}};
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  const bool fargate = s.compute.platform == spec::Platform::fargate;
  v["cluster_name"] = s.name;
  v["fargate"] = fargate;
  v["ec2"] = !fargate;
  v["default_provider"] =
      s.compute.purchase.model == spec::PurchaseModel::spot ? "FARGATE_SPOT" : "FARGATE";
  v["exceptions"] = exceptions_view(
      {{"CT.ECS.PR.2",
        "Container Insights is billed as custom metrics and log data for every task and is not "
        "in the plan; the services' own logs and the default ECS metrics remain"}});
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_ecs_cluster{
    "ecs_cluster",
    "compute",
    "aws_ecs_cluster.main",
    "The ECS cluster and its capacity providers (not billed itself)",
    {},
    expand,
    nullptr,
    model::Rendering{"ecs_cluster", "ecs", {}, view},
};

}  // namespace stackplan::kinds
