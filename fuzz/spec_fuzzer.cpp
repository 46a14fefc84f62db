// Fuzzes the spec front end: encoding checks, the YAML reader, schema validation, scenario
// merging, cross-field checks and the diagnostic printer.

#include <cstddef>
#include <cstdint>
#include <string>

#include "spec/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  stackplan::Diagnostics diags;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto loaded = stackplan::spec::load_spec_text("fuzz.yaml", std::move(text), diags);
  for (const auto& d : diags.all()) {
    if (stackplan::format_diagnostic(d).empty()) {
      __builtin_trap();
    }
  }
  // Either it loads, or it says why.
  if (!loaded && !diags.has_errors()) {
    __builtin_trap();
  }
  return 0;
}
