// ECS services on Fargate: vCPU-hours and GB-hours per task, on-demand, Fargate Spot, or
// registered as usage a Compute Savings Plan covers.

#include "kinds/common.hpp"
#include "kinds/kinds.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (s.compute.platform != spec::Platform::fargate) {
    return {};
  }
  return per_element(s.services, "aws_ecs_service",
                     [](const spec::Service& svc) { return svc.name; });
}

void cost(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  const spec::Service& svc = s.services[static_cast<std::size_t>(r.index)];
  const spec::PurchaseModel model = s.compute.purchase.model;
  const std::string arch = s.compute.architecture == spec::Architecture::arm64 ? "arm64" : "x86_64";
  int count = svc.count;
  int max = count;
  if (svc.autoscaling) {
    count = std::max(svc.autoscaling->min, std::min(count, svc.autoscaling->max));
    max = svc.autoscaling->max;
  }
  const Decimal vcpu = whole(svc.cpu) / whole(1024);
  const Decimal gb = whole(svc.memory) / whole(1024);
  const Decimal tasks = whole(count);
  const std::string what = "Fargate " + svc.name + " (" + std::to_string(count) + " task" +
                           (count == 1 ? "" : "s") + ", " + vcpu.to_string() + " vCPU, " +
                           gb.to_string() + " GB, " + arch + ")";

  std::string prefix = "fargate/";
  std::string how = ", on-demand";
  if (model == spec::PurchaseModel::spot) {
    prefix = "fargate-spot/";
    how = ", Fargate Spot";
    if (arch == "arm64") {
      ctx.warn(
          "plan.fargate-spot-arm",
          "Fargate Spot does not run arm64 tasks; service '" + svc.name + "' would run on-demand",
          "use architecture x86_64 for Fargate Spot, or purchase model on-demand");
    }
  }
  const Decimal vcpu_hours = tasks * vcpu * hours_per_month();
  const Decimal gb_hours = tasks * gb * hours_per_month();
  const std::string vcpu_key = prefix + "vcpu/" + arch;
  const std::string mem_key = prefix + "memory/" + arch;

  if (model == spec::PurchaseModel::savings_plan) {
    const spec::SavingsPlan& sp = s.compute.purchase.savings_plan;
    std::string term = "savings-plan/" + sp.type + "/" + sp.term + "/" + sp.payment;
    ctx.eligible().push_back({r.address, what + " vCPU", vcpu_hours, "vCPU-hours",
                              ctx.rate(vcpu_key), ctx.rate(vcpu_key, term)});
    ctx.eligible().push_back({r.address, what + " memory", gb_hours, "GB-hours", ctx.rate(mem_key),
                              ctx.rate(mem_key, term)});
    return;
  }
  LineItem& v = ctx.add(line(r, "compute", what + " vCPU" + how, vcpu_hours, "vCPU-hours"),
                        ctx.rate(vcpu_key));
  if (max > count && v.unit_price) {
    v.monthly_at_max = whole(max) * vcpu * hours_per_month() * *v.unit_price;
    v.assumption = "autoscaling " + std::to_string(svc.autoscaling->min) + " to " +
                   std::to_string(max) + " tasks; priced at " + std::to_string(count);
  }
  LineItem& m =
      ctx.add(line(r, "compute", what + " memory" + how, gb_hours, "GB-hours"), ctx.rate(mem_key));
  if (max > count && m.unit_price) {
    m.monthly_at_max = whole(max) * gb * hours_per_month() * *m.unit_price;
    m.assumption = "autoscaling " + std::to_string(svc.autoscaling->min) + " to " +
                   std::to_string(max) + " tasks; priced at " + std::to_string(count);
  }
}

}  // namespace

const model::Kind k_fargate_service{
    "fargate_service",
    "compute",
    "aws_ecs_service.<service>",
    "ECS services on Fargate: vCPU-hours and GB-hours per task (on-demand, Fargate Spot, or "
    "covered by a Savings Plan)",
    {},
    expand,
    cost,
};

}  // namespace stackplan::kinds
