// Fuzzes lint over one file named STACKPLAN_FUZZ_FILE: built as cfn_fuzzer (template.yaml: the
// CloudFormation loader, short-form tags, positions, Metadata suppressions) and as tf_fuzzer
// (main.tf: the HCL loader, jsonencode, heredoc policies, user data), then every rule, and the
// text, JSON and SARIF reports.

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "lint/lint.hpp"
#include "report/lint_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = [] {
    auto dir = std::filesystem::temp_directory_path() /
               ("stackplan-lint-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return (dir / STACKPLAN_FUZZ_FILE).string();
  }();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto lines = static_cast<int>(std::count(data, data + size, '\n')) + 1;
  stackplan::lint::Result result = stackplan::lint::lint_paths({path});
  // Every finding says something and points into the file (or at no line at all).
  for (const auto& f : result.findings) {
    if (f.code.empty() || f.message.empty() || f.loc.line < 0 || f.loc.line > lines ||
        f.loc.col < 0) {
      __builtin_trap();
    }
  }
  if (stackplan::report::lint_text(result).empty() ||
      stackplan::report::lint_json(result).empty() ||
      stackplan::report::lint_sarif(result).empty()) {
    __builtin_trap();
  }
  return 0;
}
