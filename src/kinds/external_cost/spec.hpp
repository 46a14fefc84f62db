#pragma once

#include <string>

#include "base/decimal.hpp"

// The `external_costs:` section of spec v1: fixed monthly costs outside AWS, for comparisons.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

struct ExternalCost {
  std::string name;
  Decimal monthly;
  std::string note;
};

}  // namespace stackplan::spec
