#pragma once

// `plan SPEC --diff OTHER`: the plans of two specs (files, or REV:PATH read with git) line by
// line, scenario by scenario, in any plan format.

#include "app/plan.hpp"

namespace stackplan::app {

/// Plans `request.specs[0]` (before) and `request.diff` (after) and writes their diff.
Status plan_diff(const PlanRequest& request, Io io);

}  // namespace stackplan::app
