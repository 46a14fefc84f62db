#pragma once

// lint --spec: drift between a spec and the files it renders, and cost guardrails.

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "base/result.hpp"
#include "lint/rules.hpp"
#include "pricing/catalog.hpp"
#include "spec/load.hpp"

namespace stackplan::app {

struct SpecCheck {
  const spec::LoadedSpec* spec = nullptr;
  std::string scenario;  ///< the scenario the files are rendered from ("" = as render does)
  std::string baseline;  ///< for max_increase: the scenario to compare with
  std::string templates_dir;
  std::optional<Decimal> budget;        ///< USD a month
  std::optional<Decimal> max_increase;  ///< percent over the baseline
  const pricing::Catalog* catalog = nullptr;
};

struct SpecFindings {
  std::vector<lint::Finding> findings;
  std::vector<std::string> notes;  ///< what was compared, when the user did not say
};

/// Findings (spec-drift, cost-budget, cost-increase) for the lint paths. Paths that are output
/// folders of `render` (holding terraform/ or cloudformation/), or such folders themselves, are
/// compared with a fresh render; without a scenario, of the one their manifest records. A
/// problem when the spec cannot be used.
Result<SpecFindings> check_against_spec(const std::vector<std::string>& paths,
                                        const SpecCheck& check);

}  // namespace stackplan::app
