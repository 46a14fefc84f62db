#include <ostream>

#include "cli/app.hpp"
#include "spec/reference.hpp"

namespace stackplan::cli {

int cmd_schema(const std::string& format, Io io) {
  if (format == "markdown") {
    io.out << spec::spec_reference_markdown();
  } else {
    io.out << spec::spec_json_schema().dump(2) << '\n';
  }
  return k_exit_ok;
}

}  // namespace stackplan::cli
