#pragma once

// `plan SPEC --diff OTHER`: two plans of a scenario, line by line. Lines are matched by their
// component, resource and unit (the n-th such line of one side with the n-th of the other),
// so a resource resized keeps its line and shows its delta; a resource only one side has is
// a line added or removed.

#include <optional>
#include <string>
#include <vector>

#include "cost/plan.hpp"

namespace stackplan::cost {

struct DiffLine {
  std::string component;
  std::string resource;
  std::string description;         ///< the after side's; the before side's when removed
  std::string before_description;  ///< when it differs from `description`
  std::optional<Decimal> before;   ///< monthly, in cents; none: the line is new
  std::optional<Decimal> after;    ///< none: the line is gone
  bool before_missing = false;     ///< its price is missing on that side
  bool after_missing = false;
  Decimal delta() const;  ///< after - before, a side without the line as 0
  bool changed() const;
};

struct ScenarioDiff {
  std::string name;
  bool in_before = true;  ///< the scenario exists on that side
  bool in_after = true;
  std::vector<DiffLine> lines;  ///< every line, changed or not, in the after side's order
  Decimal before_monthly;
  Decimal after_monthly;
  std::size_t before_missing = 0;
  std::size_t after_missing = 0;
  Delta delta;  ///< after against before, with its bound when prices are missing
};

struct StackDiff {
  std::string before_label;  ///< the spec's path, or REV:PATH
  std::string after_label;
  std::string name;  ///< the after side's name (the before side's when they differ: both)
  std::string region;
  std::vector<ScenarioDiff> scenarios;
  std::string catalog_source;  ///< as in Plan
  std::string catalog_as_of;
};

/// The line-by-line diff of two plans of one scenario (either may be absent).
ScenarioDiff diff_scenarios(const std::string& name, const ScenarioPlan* before,
                            const ScenarioPlan* after);

}  // namespace stackplan::cost
