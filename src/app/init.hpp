#pragma once

// `init`: a commented starter spec from a few answers (asked on a terminal, or given as
// flags), written with the JSON Schema editors read, then validated and planned at once.

#include <string>
#include <vector>

#include "app/session.hpp"

namespace stackplan::app {

struct InitRequest {
  std::string platform;  ///< empty: asked on a terminal, else the default
  std::string database;
  std::string region;
  std::string name;
  std::string out = "stack.yaml";  ///< "-": standard output, nothing else written
  bool force = false;              ///< overwrite `out`
  bool no_plan = false;            ///< write only
};

/// The choices of `init`, read from the spec's own schema (compute.platform, database.engine).
const std::vector<std::string>& init_platforms();
const std::vector<std::string>& init_engines();

/// The answer used when a question is not asked: fargate, rds-postgres, us-east-1, and the
/// current folder's name made a valid spec name.
InitRequest init_defaults();

/// The starter spec of a request whose answers are all given (and valid).
std::string starter_spec(const InitRequest& request);

/// The file name of the JSON Schema `init` writes beside the spec; the spec's first line
/// points editors at it.
inline constexpr const char* k_schema_file = "spec-v1.schema.json";

/// Asks what `request` leaves empty when `io.in` is a terminal (questions on `io.err`), fills the
/// rest with init_defaults(), writes the spec (and the schema beside it), then validates and plans
/// it on `io.out`.
Status init(InitRequest request, Io io);

}  // namespace stackplan::app
