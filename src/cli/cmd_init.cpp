#include "cli/app.hpp"

namespace stackplan::cli {

int cmd_init(const InitOptions& options, Io io) {
  return exit_code(app::init(options, io));
}

}  // namespace stackplan::cli
