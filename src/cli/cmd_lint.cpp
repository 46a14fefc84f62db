// stackplan lint: files -> findings (rules, suppressions, optional spec checks) -> report.

#include <filesystem>
#include <ostream>

#include "app/lint_spec.hpp"
#include "base/diagnostics.hpp"
#include "cli/app.hpp"
#include "lint/lint.hpp"
#include "report/lint_report.hpp"
#include "spec/load.hpp"

namespace stackplan::cli {

namespace {

int rank(Severity s) {
  return s == Severity::error ? 3 : s == Severity::warning ? 2 : 1;
}

int threshold(const std::string& fail_on) {
  return fail_on == "error" ? 3 : fail_on == "warning" ? 2 : fail_on == "note" ? 1 : 4;
}

std::optional<Decimal> amount(const std::string& text, const char* flag, Io io) {
  auto d = Decimal::parse(text);
  if (!d || d->units() < 0) {
    io.err << error_prefix(io) << flag << " needs a number of at least 0, such as 50 or "
           << "12.5; got '" << text << "'\n";
    return std::nullopt;
  }
  return d;
}

}  // namespace

int cmd_lint(const LintOptions& o, Io io) {
  const bool spec_flags = !o.scenario.empty() || !o.budget.empty() || !o.max_increase.empty() ||
                          !o.baseline.empty() || !o.templates.empty();
  if (o.spec.empty() && spec_flags) {
    io.err << error_prefix(io)
           << "--scenario, --budget, --max-increase, --baseline and "
              "--templates need --spec\n";
    return k_exit_invalid;
  }
  if (!o.max_increase.empty() && o.baseline.empty()) {
    io.err << error_prefix(io)
           << "--max-increase needs --baseline (the scenario to compare "
              "with)\n";
    return k_exit_invalid;
  }
  app::SpecCheck check;
  if (!o.budget.empty() && !(check.budget = amount(o.budget, "--budget", io))) {
    return k_exit_invalid;
  }
  if (!o.max_increase.empty() &&
      !(check.max_increase = amount(o.max_increase, "--max-increase", io))) {
    return k_exit_invalid;
  }

  lint::Result result = lint::lint_paths(o.paths);
  if (!result.missing.empty() || !result.unreadable.empty()) {
    for (const auto& p : result.missing) {
      io.err << error_prefix(io) << "cannot read " << p << "\n";
    }
    for (const auto& p : result.unreadable) {
      io.err << error_prefix(io) << "cannot read " << p << "\n";
    }
    // A path that is not there is the user's mistake; a file the system will not give is not.
    return result.missing.empty() ? k_exit_environment : k_exit_invalid;
  }

  if (!o.spec.empty()) {
    Diagnostics diags;
    auto loaded = spec::load_spec(o.spec, diags);
    if (!loaded) {
      print_diagnostics(diags, io);
      return diags.has_environment_failure() ? k_exit_environment : k_exit_invalid;
    }
    std::optional<pricing::Catalog> catalog;
    if (check.budget || check.max_increase) {
      std::string price_book;
      catalog = open_priced_catalog(o.catalog, o.prices, nullptr, price_book, io);
      if (!catalog) {
        return k_exit_invalid;
      }
      check.catalog = &*catalog;
    }
    std::error_code ec;
    if (!o.templates.empty() && !std::filesystem::is_directory(o.templates, ec)) {
      io.err << error_prefix(io) << "--templates " << o.templates << " is not a folder\n";
      return k_exit_invalid;
    }
    check.spec = &*loaded;
    check.scenario = o.scenario;
    check.baseline = o.baseline;
    check.templates_dir = o.templates;
    auto found = app::check_against_spec(o.paths, check);
    if (!found) {
      io.err << error_prefix(io) << found.error() << '\n';
      return k_exit_invalid;
    }
    for (const auto& note : found->notes) {
      io.err << "stackplan: " << note << '\n';
    }
    result.findings.insert(result.findings.end(), std::make_move_iterator(found->findings.begin()),
                           std::make_move_iterator(found->findings.end()));
    lint::sort_findings(result.findings);
  }

  if (o.format == "json") {
    io.out << report::lint_json(result);
  } else if (o.format == "sarif") {
    io.out << report::lint_sarif(result);
  } else {
    io.out << report::lint_text(result, io.color_out, io.width_out);
  }
  const int limit = threshold(o.fail_on);
  for (const auto& f : result.findings) {
    if (f.suppressed_reason.empty() && rank(f.severity) >= limit) {
      return k_exit_found;
    }
  }
  return k_exit_ok;
}

}  // namespace stackplan::cli
