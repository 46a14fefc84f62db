#include "cost/plan.hpp"

#include <algorithm>

#include "kinds/kinds.hpp"
#include "model/stack.hpp"

namespace stackplan::cost {

namespace {

/// Totals are kept in cents, the precision they are shown at.
Decimal in_cents(const Decimal& monthly) {
  return monthly.rounded(2);
}

}  // namespace

Decimal line_cents(const model::LineItem& item) {
  return in_cents(item.monthly);
}

Decimal annual_of(const Decimal& monthly) {
  return in_cents(monthly) * Decimal::from_int(12);
}

ScenarioPlan plan_scenario(const std::string& name, const spec::Spec& spec,
                           const pricing::Catalog& catalog, const model::UsageOverrides& usage,
                           std::vector<model::Warning>& warnings) {
  model::Context ctx(catalog, spec, usage);
  for (const model::Resource& r : kinds::resources_of(spec)) {
    if (r.kind->cost != nullptr) {
      r.kind->cost(r, ctx);
    }
  }
  ScenarioPlan plan;
  plan.name = name;
  plan.security_profile = std::string(spec::to_string(spec.security.profile));
  plan.items = std::move(ctx.items());
  plan.notes = std::move(ctx.notes());
  plan.lookups = std::move(ctx.lookups());
  Decimal sum;
  Decimal at_max;
  bool scales = false;
  for (const model::LineItem& item : plan.items) {
    if (item.component == model::k_existing) {
      plan.existing += line_cents(item);  // paid today whatever the plan: not in the total
      continue;
    }
    sum += line_cents(item);
    plan.upfront += item.upfront;
    at_max += in_cents(item.monthly_at_max.value_or(item.monthly));
    scales = scales || item.monthly_at_max.has_value();
    plan.missing += item.missing ? 1 : 0;
  }
  plan.monthly = in_cents(sum);
  plan.annual = annual_of(sum);
  if (scales) {
    plan.monthly_at_max = in_cents(at_max);
  }
  for (auto& w : ctx.warnings()) {
    warnings.push_back(std::move(w));
  }
  return plan;
}

std::optional<StrictUpgrade> strict_upgrade(const ScenarioPlan& plan, const spec::Spec& spec,
                                            const pricing::Catalog& catalog,
                                            const model::UsageOverrides& usage) {
  std::vector<std::string> adds = kinds::strict_additions(spec);
  if (spec.security.strict() || adds.empty()) {
    return std::nullopt;
  }
  spec::Spec strict = spec;
  strict.security.profile = spec::SecurityProfile::strict;
  std::vector<model::Warning> ignored;  // the scenario's own plan reports them
  const ScenarioPlan upgraded = plan_scenario(plan.name, strict, catalog, usage, ignored);
  return StrictUpgrade{std::move(adds), upgraded.monthly - plan.monthly,
                       upgraded.missing - plan.missing};
}

std::vector<Delta> deltas_against(const std::vector<ScenarioPlan>& scenarios,
                                  const std::string& baseline) {
  std::vector<Delta> out;
  auto base = std::find_if(scenarios.begin(), scenarios.end(),
                           [&](const ScenarioPlan& s) { return s.name == baseline; });
  if (base == scenarios.end()) {
    return out;
  }
  for (const ScenarioPlan& s : scenarios) {
    if (s.name == baseline) {
      continue;
    }
    Delta d;
    d.from = base->name;
    d.to = s.name;
    d.monthly = s.monthly - base->monthly;
    d.annual = annual_of(d.monthly);
    if (!base->monthly.is_zero()) {
      d.percent = (d.monthly * Decimal::from_int(100) / base->monthly).rounded(1);
    }
    d.incomplete = base->missing > 0 || s.missing > 0;
    d.bound = !d.incomplete        ? Bound::exact
              : base->missing == 0 ? Bound::at_least
              : s.missing == 0     ? Bound::at_most
                                   : Bound::unknown;
    if (d.bound == Bound::unknown) {
      d.percent.reset();
    }
    out.push_back(d);
  }
  return out;
}

void add_warnings(Plan& plan, const std::string& stack, const std::string& scenario,
                  const std::vector<model::Warning>& warnings) {
  for (const model::Warning& w : warnings) {
    auto same = std::find_if(plan.warnings.begin(), plan.warnings.end(), [&](const PlanWarning& p) {
      return p.stack == stack && p.warning.message == w.message;
    });
    if (same != plan.warnings.end()) {
      if (std::find(same->scenarios.begin(), same->scenarios.end(), scenario) ==
          same->scenarios.end()) {
        same->scenarios.push_back(scenario);
      }
    } else {
      plan.warnings.push_back({stack, {scenario}, w});
    }
  }
}

void add_to_total(Plan& plan, const StackPlan& stack) {
  for (const ScenarioPlan& s : stack.scenarios) {
    if (s.name == stack.baseline) {
      plan.total_monthly += s.monthly;
      plan.total_incomplete = plan.total_incomplete || s.missing > 0;
    }
  }
  plan.total_annual = annual_of(plan.total_monthly);
}

void total(Plan& plan) {
  plan.total_monthly = Decimal();
  plan.total_incomplete = false;
  plan.total_annual = Decimal();
  for (const StackPlan& stack : plan.stacks) {
    add_to_total(plan, stack);
  }
}

}  // namespace stackplan::cost
