#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"

// The `services:` section of spec v1: the containers to run as ECS services.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

struct HealthCheck {
  std::string command;
  int interval = 30;
  int timeout = 5;
  int retries = 3;
  int start_period = 0;
};

struct LoadBalanced {
  std::string path = "/*";
  std::string health_check_path = "/";
  std::optional<int> priority;
};

struct Autoscaling {
  int min = 1;
  int max = 1;
  std::optional<int> cpu_target;
  std::optional<int> memory_target;
};

struct Service {
  std::string name;
  std::string image;
  int cpu = 256;
  int memory = 512;
  int count = 1;
  std::optional<int> port;
  std::vector<std::string> command;
  std::optional<HealthCheck> health_check;
  std::map<std::string, std::string> environment;
  std::map<std::string, std::string> secrets;
  std::optional<LoadBalanced> load_balanced;
  std::optional<Autoscaling> autoscaling;
  int log_retention_days = 30;
  std::optional<double> log_ingested_gb;
  SourceLoc loc;
};

}  // namespace stackplan::spec
