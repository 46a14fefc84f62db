#pragma once

// The command line, defined once: every command, option and help text. `run` parses with it,
// and `--help`, `help --man` (the man page) and `completion` (the shell scripts) are all made
// from the same definitions.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace stackplan::cli {

struct CommandLine {
  CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  CLI::App app;

  bool show_version = false;
  std::string color;  ///< taken out of the arguments before parsing; here for --help to list it

  std::vector<std::string> specs;
  bool quiet = false;
  std::string schema_format = "json";
  PlanOptions plan_options;
  RenderOptions render_options;
  LintOptions lint_options;
  PricingShowOptions show_options;
  PricingUpdateOptions update_options;
  PricingImportOptions import_options;
  InitOptions init_options;
  std::string shell;
  std::vector<std::string> complete_words;
  std::vector<std::string> help_topic;
  bool help_man = false;

  CLI::App* validate = nullptr;
  CLI::App* plan = nullptr;
  CLI::App* render = nullptr;
  CLI::App* lint = nullptr;
  CLI::App* pricing = nullptr;
  CLI::App* show = nullptr;
  CLI::App* update = nullptr;
  CLI::App* import = nullptr;
  CLI::App* schema = nullptr;
  CLI::App* init = nullptr;
  CLI::App* completion = nullptr;
  CLI::App* complete = nullptr;  ///< hidden: the words the completion scripts ask for
  CLI::App* help = nullptr;
};

/// "stackplan pricing show" for a subcommand: the names from the top.
std::string full_name(const CLI::App* app);

/// The commands of `app` a user sees (hidden ones, such as `__complete`, left out).
std::vector<const CLI::App*> visible_subcommands(const CLI::App* app);

/// The choices an option's IsMember check allows ("{json,markdown}" in its type name), in the
/// order written; empty when it takes any value.
std::vector<std::string> option_choices(const CLI::Option* option);

}  // namespace stackplan::cli
