#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace stackplan::testing {

/// Compares `actual` with the golden file at `path` (relative to the source tree). With
/// UPDATE_GOLDEN=1 in the environment the file is rewritten instead. Returns an empty string
/// when they match, otherwise a description of the first difference.
std::string check_golden(const std::string& path, const std::string& actual);

/// Runs the CLI in-process; returns stdout, stderr and the exit code as one text.
std::string run_cli(const std::vector<std::string>& args);

/// Runs the CLI in-process and keeps the streams apart.
struct CliResult {
  std::string out;
  std::string err;
  int code = 0;
};
CliResult run_cli_parts(const std::vector<std::string>& args);

/// The bytes of a file; empty when it cannot be read.
std::string read_file(const std::string& path);

/// Makes the source tree the working directory, so paths in messages are relative.
void enter_source_dir();

/// A path in the temporary folder named after `name` and this process, so that two runs of
/// the suite at once never share files.
std::filesystem::path temp_path(const std::string& name);

}  // namespace stackplan::testing
