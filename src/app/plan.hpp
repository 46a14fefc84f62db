#pragma once

// `plan`: load and check the specs (with --compare variants, the usage file, scenario and
// baseline selection), cost them on every core, and write the plan stack by stack.

#include <string>
#include <vector>

#include "app/session.hpp"

namespace stackplan::app {

struct PlanRequest {
  std::vector<std::string> specs;
  std::vector<std::string> scenarios;
  std::vector<std::string> compare;
  std::string baseline;
  std::string format = "table";
  std::string catalog;
  std::string usage;
  std::string budget;
  std::string budget_scenario;
  std::string prices;
  std::string diff;  ///< --diff: the other spec, or REV:PATH
};

/// Plans the specs of `request`; found when the plan is over --budget or cannot be checked
/// against it.
Status plan(const PlanRequest& request, Io io);

}  // namespace stackplan::app
