#include "app/diff.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include <sys/wait.h>
#include <unistd.h>

#include "app/usage.hpp"
#include "base/spelling.hpp"
#include "cost/diff.hpp"
#include "kinds/kinds.hpp"
#include "report/plan_report.hpp"
#include "spec/load.hpp"

namespace stackplan::app {

namespace {

/// What `git show REV:PATH` printed, or why it failed (`environment`: git could not run).
struct GitShow {
  std::string text;
  std::string error;
  bool environment = false;
};

GitShow git_show(const std::string& object) {
  GitShow out;
  int stdout_pipe[2];
  int stderr_pipe[2];
  if (pipe(stdout_pipe) != 0 || pipe(stderr_pipe) != 0) {
    out.error = std::string("cannot start git: ") + std::strerror(errno);
    out.environment = true;
    return out;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    out.error = std::string("cannot start git: ") + std::strerror(errno);
    out.environment = true;
    return out;
  }
  if (pid == 0) {
    dup2(stdout_pipe[1], STDOUT_FILENO);
    dup2(stderr_pipe[1], STDERR_FILENO);
    close(stdout_pipe[0]);
    close(stderr_pipe[0]);
    // --end-of-options: a revision is never read as an option of git.
    execlp("git", "git", "show", "--end-of-options", object.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(stdout_pipe[1]);
  close(stderr_pipe[1]);
  // git's messages are short; its output is read first, then its messages.
  std::string err;
  char buffer[65536];
  for (int fd : {stdout_pipe[0], stderr_pipe[0]}) {
    for (;;) {
      const ssize_t n = read(fd, buffer, sizeof buffer);
      if (n > 0) {
        (fd == stdout_pipe[0] ? out.text : err).append(buffer, static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) {
        continue;
      }
      break;
    }
    close(fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    out.error = "git is not installed (it reads REV:PATH)";
    out.environment = true;
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) {
      err.pop_back();
    }
    out.error = "git cannot show " + object + (err.empty() ? "" : ": " + err);
  }
  return out;
}

/// One side of the diff: a spec file (or `-`), else REV:PATH read from git.
std::optional<spec::LoadedSpec> load_side(const std::string& arg, Diagnostics& diags, Io io,
                                          bool& environment) {
  std::error_code ec;
  const std::size_t colon = arg.find(':');
  if (arg == "-" || std::filesystem::exists(arg, ec) || colon == std::string::npos || colon == 0) {
    return spec::load_spec(arg, diags);
  }
  GitShow shown = git_show(arg);
  if (!shown.error.empty()) {
    io.err << error_prefix(io) << shown.error << '\n';
    environment = shown.environment;
    return std::nullopt;
  }
  return spec::load_spec_text(arg, std::move(shown.text), diags);
}

}  // namespace

Status plan_diff(const PlanRequest& o, Io io) {
  for (const auto& [given, flag] :
       {std::pair{!o.compare.empty(), "--compare"}, std::pair{!o.budget.empty(), "--budget"},
        std::pair{!o.baseline.empty(), "--baseline"},
        std::pair{!o.budget_scenario.empty(), "--budget-scenario"}}) {
    if (given) {
      io.err << error_prefix(io) << "--diff compares two specs scenario by scenario; it takes no "
             << flag << " (plan each spec for that)\n";
      return Status::invalid;
    }
  }
  if (o.specs.size() != 1) {
    io.err << error_prefix(io) << "--diff compares one spec with another; got " << o.specs.size()
           << " specs\n";
    return Status::invalid;
  }
  Diagnostics diags;
  bool environment = false;
  auto before = load_side(o.specs.front(), diags, io, environment);
  auto after = load_side(o.diff, diags, io, environment);
  std::optional<UsageFile> usage;
  if (!o.usage.empty()) {
    usage = read_usage(o.usage, diags);
  }
  if (before && after && usage) {
    std::map<std::string, const model::Kind*> resources;
    for (auto* side : {&*before, &*after}) {
      spec::add_base_variant(*side);
      for (const auto& v : side->variants) {
        for (const auto& r : kinds::resources_of(v.spec)) {
          resources.emplace(r.address, r.kind);
        }
      }
    }
    check_usage(*usage, resources, diags);
  } else {
    for (auto* side : {&before, &after}) {
      if (*side) {
        spec::add_base_variant(**side);
      }
    }
  }
  print_diagnostics(diags, io);
  if (environment) {
    return Status::environment;
  }
  if (!before || !after || diags.has_errors() || (!o.usage.empty() && !usage)) {
    if (diags.error_count() > 0) {
      io.err << format_counts(diags.error_count(), diags.warning_count()) << '\n';
    }
    return diags.has_environment_failure() ? Status::environment : Status::invalid;
  }

  // The scenarios: the after side's in order, then those only the before side has; or the
  // ones asked for.
  std::vector<std::string> names;
  for (const auto* side : {&*after, &*before}) {
    for (const auto& v : side->variants) {
      if (std::find(names.begin(), names.end(), v.name) == names.end()) {
        names.push_back(v.name);
      }
    }
  }
  if (!o.scenarios.empty()) {
    for (const auto& want : o.scenarios) {
      if (std::find(names.begin(), names.end(), want) == names.end()) {
        io.err << error_prefix(io) << "neither side has a scenario '" << want << "'";
        const std::string hint = suggestion_hint(want, names, "scenarios");
        io.err << (hint.empty() ? "" : "; " + hint) << '\n';
        return Status::invalid;
      }
    }
    names = o.scenarios;
  }

  pricing::Catalog::Regions regions;
  for (const auto* side : {&*before, &*after}) {
    for (const auto& v : side->variants) {
      regions.insert(v.spec.region);
    }
  }
  std::string price_book;
  auto catalog = open_priced_catalog(o.catalog, o.prices, &regions, price_book, io);
  if (!catalog) {
    return Status::invalid;
  }
  static const model::UsageOverrides k_no_usage;
  const model::UsageOverrides& overrides = usage ? usage->values : k_no_usage;

  cost::StackDiff diff;
  diff.before_label = before->path;
  diff.after_label = after->path;
  const auto& first_after = after->variants.front().spec;
  const auto& first_before = before->variants.front().spec;
  diff.name = first_before.name == first_after.name ? first_after.name
                                                    : first_before.name + " -> " + first_after.name;
  diff.region = first_before.region == first_after.region
                    ? first_after.region
                    : first_before.region + " -> " + first_after.region;
  cost::Plan warnings_plan;
  for (const auto& name : names) {
    std::optional<cost::ScenarioPlan> plans[2];
    const spec::LoadedSpec* sides[2] = {&*before, &*after};
    for (int i = 0; i < 2; ++i) {
      for (const auto& v : sides[i]->variants) {
        if (v.name == name) {
          std::vector<model::Warning> warnings;
          plans[i] = cost::plan_scenario(name, v.spec, *catalog, overrides, warnings);
          cost::add_warnings(warnings_plan, diff.name, (i == 0 ? "before " : "after ") + name,
                             warnings);
        }
      }
    }
    diff.scenarios.push_back(cost::diff_scenarios(name, plans[0] ? &*plans[0] : nullptr,
                                                  plans[1] ? &*plans[1] : nullptr));
  }
  diff.catalog_source = catalog_description(o.catalog, price_book);
  diff.catalog_as_of = catalog->as_of();
  io.out << report::diff_text(o.format, diff, io.color_out, io.width_out);
  io.err << report::plan_warnings_text(warnings_plan, io.color_err, io.width_err);
  return Status::ok;
}

}  // namespace stackplan::app
