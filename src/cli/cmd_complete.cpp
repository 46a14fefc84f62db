#include <ostream>

#include "aws/regions.hpp"
#include "base/diagnostics.hpp"
#include "cli/app.hpp"
#include "pricing/services.hpp"
#include "text/yaml.hpp"

namespace stackplan::cli {

int cmd_complete(const std::vector<std::string>& words, Io io) {
  const std::string& what = words.front();
  if (what == "regions") {
    for (const auto& region : aws::regions()) {
      io.out << region << '\n';
    }
  } else if (what == "services") {
    for (const auto& service : pricing::known_services()) {
      io.out << service << '\n';
    }
  } else if (what == "scenarios" && words.size() == 2) {
    // The scenario names as written, read from the file alone: a spec with errors elsewhere
    // still completes.
    Diagnostics ignored;
    const auto doc = text::read_document(words[1], ignored);
    if (doc && doc->value.is_object() && doc->value.contains("scenarios") &&
        doc->value["scenarios"].is_object()) {
      io.out << "base\n";
      for (const auto& [name, patch] : doc->value["scenarios"].items()) {
        io.out << name << '\n';
      }
    }
  }
  return k_exit_ok;
}

}  // namespace stackplan::cli
