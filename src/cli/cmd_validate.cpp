#include <ostream>

#include "cli/app.hpp"
#include "spec/load.hpp"

namespace stackplan::cli {

int cmd_validate(const std::vector<std::string>& specs, bool quiet, Io io) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t failed = 0;
  for (const auto& path : specs) {
    Diagnostics diags;
    auto loaded = spec::load_spec(path, diags);
    diags.sort();
    for (const auto& d : diags.all()) {
      io.err << format_diagnostic(d);
    }
    errors += diags.error_count();
    warnings += diags.warning_count();
    if (!loaded) {
      ++failed;
      continue;
    }
    if (!quiet) {
      io.out << path << ": ok";
      if (loaded->variants.size() > 1 || loaded->variants.front().name != "base") {
        io.out << " (scenarios:";
        for (const auto& v : loaded->variants) {
          io.out << ' ' << v.name;
        }
        io.out << ')';
      }
      io.out << '\n';
    }
  }
  if (errors + warnings > 0) {
    io.err << format_counts(errors, warnings);
    if (specs.size() > 1) {
      io.err << " in " << specs.size() << " specs";
    }
    io.err << '\n';
  }
  return failed > 0 ? k_exit_invalid : k_exit_ok;
}

}  // namespace stackplan::cli
