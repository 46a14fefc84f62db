#include "golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/app.hpp"

namespace stackplan::testing {

namespace {

std::string read_file(const std::string& path, bool& found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string read_file(const std::string& path) {
  bool found = false;
  return read_file(path, found);
}

void enter_source_dir() {
  std::filesystem::current_path(STACKPLAN_SOURCE_DIR);
}

std::string check_golden(const std::string& path, const std::string& actual) {
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << actual;
    return out ? std::string() : "cannot write " + path;
  }
  bool found = false;
  std::string expected = read_file(path, found);
  if (!found) {
    return path + " is missing; run the tests with UPDATE_GOLDEN=1 to create it";
  }
  if (expected == actual) {
    return {};
  }
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string la;
  std::string lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la));
    bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) {
      break;
    }
    if (!more_a || !more_b || la != lb) {
      return path + ":" + std::to_string(line) +
             ": golden differs\n  expected: " + (more_a ? la : "<end of file>") +
             "\n  actual:   " + (more_b ? lb : "<end of file>") +
             "\n(UPDATE_GOLDEN=1 refreshes golden files after a deliberate change)";
    }
  }
  return path + ": golden differs in line endings";
}

CliResult run_cli_parts(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  int code = cli::run(args, {out, err});
  return {out.str(), err.str(), code};
}

std::string run_cli(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  int code = cli::run(args, {out, err});
  std::string text = "$ stackplan";
  for (const auto& a : args) {
    text += ' ' + a;
  }
  text += '\n';
  if (!out.str().empty()) {
    text += "--- stdout\n" + out.str();
  }
  if (!err.str().empty()) {
    text += "--- stderr\n" + err.str();
  }
  text += "--- exit " + std::to_string(code) + '\n';
  return text;
}

std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         (name + "-" + std::to_string(static_cast<long>(::getpid())));
}

}  // namespace stackplan::testing
