#pragma once

#include <optional>
#include <string>

// The `load_balancer:` section of spec v1: an Application Load Balancer in front of the
// load-balanced services.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

struct LoadBalancer {
  std::string type = "application";
  bool https = true;
  std::optional<std::string> certificate_arn;
  int idle_timeout = 60;
  std::optional<double> lcu;
  std::optional<double> processed_gb;
};

}  // namespace stackplan::spec
