#pragma once

#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/init.hpp"
#include "app/plan.hpp"
#include "app/session.hpp"
#include "pricing/catalog.hpp"

namespace stackplan {
class Diagnostics;
}

namespace stackplan::cli {

/// Exit codes of the contract.
enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_found = 1,        ///< the command found what the user asked it to look for
  k_exit_invalid = 2,      ///< invalid input or usage
  k_exit_environment = 3,  ///< network, disk, permissions
};

using app::error_prefix;
using app::Io;
using app::open_priced_catalog;
using app::print_diagnostics;
using app::warning_prefix;

/// The exit code of a use case's status.
int exit_code(app::Status status);

/// Runs stackplan with `args` (without the program name) and returns the exit code. The
/// colour flags of `io` say whether each stream is a terminal; `--color` and the environment
/// decide from there (`use_color`).
int run(const std::vector<std::string>& args, Io io);

/// Whether to colour a stream: `choice` is --color's value ("auto" unless given); with
/// "auto", NO_COLOR (set and not empty) turns colours off, CLICOLOR_FORCE (set, not empty and
/// not "0") turns them on, and otherwise a terminal (`tty`) other than TERM=dumb has them.
bool use_color(const std::string& choice, bool tty);

struct PricingShowOptions {
  std::string region;
  std::string service;
  std::vector<std::string> filters;
  std::string format = "table";
  std::string catalog;
  bool coverage = false;
};

struct PricingImportOptions {
  std::vector<std::string> files;
  std::string catalog;
  bool verbose = false;
};

struct PricingUpdateOptions {
  std::vector<std::string> regions;
  std::vector<std::string> services;
  std::string source = "bulk";
  std::string endpoint;
  std::string catalog;
  int retries = 4;  ///< tries after the first, per request
};

using PlanOptions = app::PlanRequest;
using InitOptions = app::InitRequest;

struct RenderOptions {
  std::string spec;
  std::string out_dir;
  std::string target = "terraform";
  std::string scenario;
  bool check = false;
  bool force = false;
  std::string templates;
};

struct LintOptions {
  std::vector<std::string> paths;
  std::string spec;
  std::string scenario;
  std::string baseline;
  std::string budget;
  std::string max_increase;
  std::string catalog;
  std::string prices;
  std::string templates;
  std::string format = "text";
  std::string fail_on = "error";
};

// Commands, one file each.
int cmd_validate(const std::vector<std::string>& specs, bool quiet, Io io);
int cmd_schema(const std::string& format, Io io);
int cmd_plan(const PlanOptions& options, Io io);
int cmd_render(const RenderOptions& options, Io io);
int cmd_lint(const LintOptions& options, Io io);
int cmd_pricing_show(const PricingShowOptions& options, Io io);
int cmd_pricing_import(const PricingImportOptions& options, Io io);
int cmd_pricing_update(const PricingUpdateOptions& options, Io io);
int cmd_init(const InitOptions& options, Io io);
/// `__complete scenarios SPEC | regions | services`: the words the completion scripts offer,
/// one a line; nothing (and exit 0) when the spec cannot be read.
int cmd_complete(const std::vector<std::string>& words, Io io);

}  // namespace stackplan::cli
