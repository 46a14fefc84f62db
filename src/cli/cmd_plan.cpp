#include "cli/app.hpp"

namespace stackplan::cli {

int cmd_plan(const PlanOptions& options, Io io) {
  return exit_code(app::plan(options, io));
}

}  // namespace stackplan::cli
