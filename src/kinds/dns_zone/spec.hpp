#pragma once

#include <string>
#include <vector>

// The `dns:` section of spec v1: a Route 53 hosted zone and alias records of the load balancer.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

struct Dns {
  std::string zone;
  bool create_zone = false;
  std::vector<std::string> records;
};

}  // namespace stackplan::spec
