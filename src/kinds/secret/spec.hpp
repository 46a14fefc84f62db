#pragma once

#include <optional>
#include <string>

// The `secrets:` section of spec v1: Secrets Manager secrets the stack creates.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

struct Secret {
  std::string name;
  std::string description;
  std::optional<double> api_calls_per_month;
};

}  // namespace stackplan::spec
