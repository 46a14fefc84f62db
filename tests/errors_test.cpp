// Golden tests of error messages: every file in tests/errors/ is validated and the complete
// output (messages, carets, hints, exit code) must match its .expected file exactly.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "golden.hpp"

namespace fs = std::filesystem;
using stackplan::testing::check_golden;
using stackplan::testing::enter_source_dir;
using stackplan::testing::run_cli;

TEST_CASE("every bad spec in tests/errors gives its exact expected output", "[errors][golden]") {
  enter_source_dir();
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator("tests/errors")) {
    std::string ext = entry.path().extension().string();
    if (ext == ".yaml" || ext == ".json") {
      cases.push_back(entry.path().generic_string());
    }
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 25);
  for (const auto& spec : cases) {
    INFO(spec);
    std::string output = run_cli({"validate", spec});
    fs::path expected = fs::path(spec).replace_extension(".expected");
    CHECK(check_golden(expected.generic_string(), output).empty());
    // A bad spec must never pass, whatever the golden file says; warn-* cases only warn.
    bool warning_only = fs::path(spec).filename().string().rfind("warn-", 0) == 0;
    CHECK(output.find(warning_only ? "--- exit 0\n" : "--- exit 2\n") != std::string::npos);
    CHECK(output.find(warning_only ? "warning: " : "error: ") != std::string::npos);
  }
}

TEST_CASE("a 100 MB spec is refused without being read", "[errors][hostile]") {
  fs::path big = stackplan::testing::temp_path("stackplan-test-100mb") += ".yaml";
  {
    std::ofstream out(big, std::ios::binary);
    out << "version: 1\n";
  }
  fs::resize_file(big, 100u << 20);
  std::string output = run_cli({"validate", big.string()});
  fs::remove(big);
  CHECK(output == "$ stackplan validate " + big.string() + "\n--- stderr\n" + big.string() +
                      ": error: spec file is 104857600 bytes; the limit is 8388608 bytes "
                      "[spec.too-large]\n"
                      "hint: a spec describes one stack and is a few kilobytes; split or check "
                      "the file\n1 error\n--- exit 2\n");
}

TEST_CASE("a missing spec file is an input error", "[errors]") {
  enter_source_dir();
  std::string output = run_cli({"validate", "tests/errors/no-such-file.yaml"});
  CHECK(output ==
        "$ stackplan validate tests/errors/no-such-file.yaml\n--- stderr\n"
        "tests/errors/no-such-file.yaml: error: cannot read spec: no such file [input.unreadable]\n"
        "1 error\n--- exit 2\n");
}
