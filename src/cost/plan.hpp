#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "model/context.hpp"
#include "model/line_item.hpp"
#include "pricing/catalog.hpp"
#include "spec/spec.hpp"

namespace stackplan::cost {

/// What security.profile strict would add to a baseline scenario's monthly cost.
struct StrictUpgrade {
  std::vector<std::string> adds;  ///< what it renders more, in words ("a KMS key", ...)
  Decimal monthly;                ///< strict's monthly minus the scenario's
  std::size_t missing = 0;        ///< prices strict needs that the catalog lacks (not in `monthly`)
};

/// The plan of one scenario of one stack.
struct ScenarioPlan {
  std::string name;
  std::vector<model::LineItem> items;
  Decimal monthly;          ///< sum of the items, each rounded to cents
  Decimal existing;         ///< monthly of the items of existing resources, not in `monthly`
  Decimal annual;           ///< 12 x monthly
  Decimal upfront;          ///< one-time payments (already amortised into monthly)
  std::size_t missing = 0;  ///< lines whose price the catalog lacks
  std::optional<Decimal> monthly_at_max;  ///< with autoscaling, the monthly at maximum capacity
  std::vector<std::string> notes;
  std::vector<model::PriceLookup> lookups;  ///< every price the scenario asked the catalog for
  std::string security_profile;             ///< "baseline" or "strict"
  std::optional<StrictUpgrade> strict;      ///< of a baseline scenario, when asked for
};

/// `to` minus `from`. `percent` is empty when `from` costs nothing; `incomplete` when either
/// side has a missing price.
/// What a delta with missing prices still tells: missing prices of the scenario can only add
/// to it (the true delta is at least the one shown), missing prices of the baseline can only
/// take from it (at most), and with both it says nothing.
enum class Bound { exact, at_least, at_most, unknown };

struct Delta {
  std::string from;
  std::string to;
  Decimal monthly;
  Decimal annual;
  std::optional<Decimal> percent;  ///< none when the baseline costs nothing or bound is unknown
  bool incomplete = false;
  Bound bound = Bound::exact;
};

struct PlanWarning {
  std::string stack;
  std::vector<std::string> scenarios;
  model::Warning warning;
};

struct StackPlan {
  std::string spec;  ///< path as given
  std::string name;
  std::string region;
  std::string baseline;
  std::vector<ScenarioPlan> scenarios;
  std::vector<Delta> deltas;
};

struct Plan {
  std::string catalog_source;
  std::string catalog_as_of;
  std::vector<StackPlan> stacks;
  Decimal total_monthly;  ///< sum over stacks of each baseline scenario
  Decimal total_annual;
  bool total_incomplete = false;
  std::vector<PlanWarning> warnings;
};

/// The annual figure of a monthly amount: 12 x the amount in cents, so that every annual figure
/// shown is 12 x the monthly figure shown beside it.
Decimal annual_of(const Decimal& monthly);
/// A line's monthly as printed, rounded to cents once: totals and subtotals are sums of these,
/// so the printed lines add up to them.
Decimal line_cents(const model::LineItem& item);

/// Costs one scenario: every resource of the variant, in registry order.
ScenarioPlan plan_scenario(const std::string& name, const spec::Spec& spec,
                           const pricing::Catalog& catalog, const model::UsageOverrides& usage,
                           std::vector<model::Warning>& warnings);

/// What the same scenario costs more with security.profile strict (nullopt when it is strict
/// already, or when strict would add nothing to it): the scenario planned again with the
/// stricter profile.
std::optional<StrictUpgrade> strict_upgrade(const ScenarioPlan& plan, const spec::Spec& spec,
                                            const pricing::Catalog& catalog,
                                            const model::UsageOverrides& usage);

/// Deltas of every scenario against `baseline`.
std::vector<Delta> deltas_against(const std::vector<ScenarioPlan>& scenarios,
                                  const std::string& baseline);

/// Adds a stack's warnings to the plan, merging one warning seen in several scenarios.
void add_warnings(Plan& plan, const std::string& stack, const std::string& scenario,
                  const std::vector<model::Warning>& warnings);

/// Adds a stack's baseline scenario to the grand total (the stack need not be in the plan).
void add_to_total(Plan& plan, const StackPlan& stack);

/// Sums each stack's baseline scenario into the grand total.
void total(Plan& plan);

}  // namespace stackplan::cost
