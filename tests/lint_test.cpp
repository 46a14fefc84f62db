// Every lint rule against its fixtures: tests/lint/rules/<rule>/{fail,pass}.{tf,yaml}. A line of
// a failing fixture marked with a `# expect` comment must get exactly one finding of the rule;
// no other line may; a passing fixture gets none.

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "golden.hpp"
#include "lint/lint.hpp"

namespace fs = std::filesystem;
using namespace stackplan;

namespace {

const char* const k_fixtures = "tests/lint/rules";

std::set<int> expected_lines(const std::string& path) {
  std::set<int> lines;
  std::istringstream in(testing::read_file(path));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find("# expect") != std::string::npos) {
      lines.insert(n);
    }
  }
  return lines;
}

std::string describe(const lint::Result& r) {
  std::string out;
  for (const auto& f : r.findings) {
    out += "  " + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.col) + " " + f.rule +
           ": " + f.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("every rule has passing and failing fixtures for both targets", "[lint]") {
  testing::enter_source_dir();
  for (const auto& rule : lint::rules()) {
    for (const char* name : {"fail.tf", "pass.tf", "fail.yaml", "pass.yaml"}) {
      fs::path p = fs::path(k_fixtures) / std::string(rule.id) / name;
      INFO(p.generic_string());
      CHECK(fs::is_regular_file(p));
    }
  }
  // No fixture folder for a rule that does not exist.
  for (const auto& entry : fs::directory_iterator(k_fixtures)) {
    INFO(entry.path().generic_string());
    CHECK(lint::find_rule(entry.path().filename().string()) != nullptr);
  }
}

TEST_CASE("each rule fires on its failing fixtures and only there", "[lint]") {
  testing::enter_source_dir();
  for (const auto& rule : lint::rules()) {
    for (const char* name : {"fail.tf", "pass.tf", "fail.yaml", "pass.yaml"}) {
      std::string path = (fs::path(k_fixtures) / std::string(rule.id) / name).generic_string();
      if (!fs::exists(path)) {
        continue;
      }
      lint::Result r = lint::lint_paths({path});
      INFO(path << "\n" << describe(r));
      REQUIRE(r.files.size() == 1);
      std::map<int, int> found;
      for (const auto& f : r.findings) {
        CHECK(f.rule != "syntax-error");
        if (f.rule == rule.id) {
          ++found[f.loc.line];
          CHECK(f.loc.file != nullptr);
          CHECK(f.loc.col > 0);
          CHECK(!f.hint.empty());
        }
      }
      std::set<int> want = std::string(name).rfind("fail", 0) == 0 ? expected_lines(path)
                                                                   : std::set<int>{};
      if (std::string(name).rfind("fail", 0) == 0) {
        CHECK(!want.empty());
      }
      std::set<int> got;
      for (const auto& [line, n] : found) {
        got.insert(line);
        CHECK(n == 1);
      }
      CHECK(got == want);
    }
  }
}
