#include <ostream>

#include "app/support.hpp"
#include "base/parallel.hpp"
#include "cli/app.hpp"
#include "spec/load.hpp"

namespace stackplan::cli {

int cmd_validate(const std::vector<std::string>& specs, bool quiet, Io io) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t failed = 0;
  std::size_t unavailable = 0;
  // Every core validates; results are printed in the order of the arguments as they arrive.
  struct Checked {
    Diagnostics diags;
    bool ok = false;
    std::vector<std::string> scenarios;
  };
  for_each_ordered(
      specs.size(),
      [&](std::size_t i) {
        Checked c;
        auto loaded = spec::load_spec(specs[i], c.diags);
        if (loaded) {
          app::warn_extended_support(*loaded, c.diags);
        }
        c.diags.sort();
        c.ok = loaded.has_value();
        if (loaded && loaded->has_scenarios()) {
          for (const auto& v : loaded->variants) {
            c.scenarios.push_back(v.name);
          }
        }
        return c;
      },
      [&](std::size_t i, Checked c) {
        for (const auto& d : c.diags.all()) {
          io.err << format_diagnostic(d, io.color_err, io.width_err);
        }
        errors += c.diags.error_count();
        warnings += c.diags.warning_count();
        if (!c.ok) {
          ++failed;
          unavailable += c.diags.has_environment_failure() ? 1 : 0;
          return;
        }
        if (!quiet) {
          io.out << specs[i] << ": ok";
          if (!c.scenarios.empty()) {
            io.out << " (scenarios:";
            for (const auto& name : c.scenarios) {
              io.out << ' ' << name;
            }
            io.out << ')';
          }
          io.out << '\n';
        }
      });
  if (errors + warnings > 0) {
    io.err << format_counts(errors, warnings);
    if (specs.size() > 1) {
      io.err << " in " << specs.size() << " specs";
    }
    io.err << '\n';
  }
  // An input the system would not give is the environment's failure, unless another spec
  // was wrong as written.
  return failed == 0 ? k_exit_ok : unavailable == failed ? k_exit_environment : k_exit_invalid;
}

}  // namespace stackplan::cli
