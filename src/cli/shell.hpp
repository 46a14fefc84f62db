#pragma once

// What is made from the command line's definitions besides --help: shell completion scripts
// and the manual page. Nothing here lists a command or an option by hand; each reads the
// CLI::App, so a new option is completed and documented where it is declared.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stackplan::cli {

/// The shells `completion` writes scripts for.
const std::vector<std::string>& shell_names();

/// The completion script of `app` for `shell` (one of shell_names()). Commands, options and
/// option choices come from `app`; scenario names (of the spec on the line), region codes and
/// service codes are asked of `stackplan __complete` when completed.
std::string completion_script(const CLI::App& app, const std::string& shell);

/// The manual page of `app` in roff (man(7)): every visible command with its usage, its
/// options and their help texts, then exit status, environment and files.
std::string man_page(const CLI::App& app);

}  // namespace stackplan::cli
