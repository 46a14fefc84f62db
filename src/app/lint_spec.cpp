#include "app/lint_spec.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "base/file.hpp"
#include "cost/plan.hpp"
#include "render/output.hpp"
#include "render/render.hpp"
#include "render/templates.hpp"
#include "report/plan_report.hpp"

namespace stackplan::app {

namespace fs = std::filesystem;

namespace {

/// An output folder to compare and the target folders lint was pointed at within it.
struct Root {
  fs::path dir;
  std::vector<std::string> folders;  ///< "terraform/", "cloudformation/", "app/"
};

std::vector<Root> roots_of(const std::vector<std::string>& paths) {
  std::map<std::string, Root> roots;
  auto add = [&](const fs::path& dir, const std::string& folder) {
    std::string key = dir.lexically_normal().generic_string();
    Root& r = roots[key];
    r.dir = dir.lexically_normal();
    if (std::find(r.folders.begin(), r.folders.end(), folder) == r.folders.end()) {
      r.folders.push_back(folder);
    }
  };
  for (const auto& p : paths) {
    fs::path path = fs::path(p).lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      path = path.parent_path();
    }
    if (path.filename().empty()) {
      path = path.parent_path();
    }
    std::string name = path.filename().string();
    if (name == "terraform" || name == "cloudformation" || name == "app") {
      fs::path parent = path.parent_path();
      add(parent.empty() ? fs::path(".") : parent, name + "/");
      continue;
    }
    for (const char* folder : {"terraform", "cloudformation", "app"}) {
      if (fs::is_directory(path / folder, ec)) {
        add(path, std::string(folder) + "/");
      }
    }
  }
  std::vector<Root> out;
  for (auto& [k, r] : roots) {
    out.push_back(std::move(r));
  }
  return out;
}

lint::Finding spec_finding(const std::string& rule, std::shared_ptr<const SourceFile> file,
                           int line, std::string message, std::string hint) {
  return lint::make_finding(rule, Severity::error, std::move(file), line, line > 0 ? 1 : 0,
                            std::move(message), std::move(hint));
}

const spec::Variant* variant_named(const spec::LoadedSpec& loaded, const std::string& name) {
  for (const auto& v : loaded.variants) {
    if (v.name == name) {
      return &v;
    }
  }
  return nullptr;
}

}  // namespace

Result<SpecFindings> check_against_spec(const std::vector<std::string>& paths,
                                        const SpecCheck& check) {
  SpecFindings out;
  std::vector<lint::Finding>& findings = out.findings;
  const spec::LoadedSpec& loaded = *check.spec;
  render::Origin origin;
  origin.spec = render::spec_name(loaded.path);
  std::vector<Root> roots = roots_of(paths);
  // Without --scenario, the scenario the rendered folders were rendered for, when they agree.
  std::string scenario = check.scenario;
  if (scenario.empty()) {
    std::set<std::string> recorded;
    std::string where;
    for (const Root& root : roots) {
      if (auto s = render::recorded_scenario(root.dir.string()); s && !s->empty()) {
        recorded.insert(*s);
        where = root.dir.generic_string();
      }
    }
    if (recorded.size() == 1) {
      scenario = *recorded.begin();
      out.notes.push_back("comparing with scenario '" + scenario + "' of " + loaded.path +
                          ", which " + where + " was rendered for");
    } else if (recorded.size() > 1) {
      return failure("the folders were rendered for different scenarios of " + loaded.path +
                     "; choose one with --scenario");
    }
  }
  auto selected = spec::select_variant(loaded, scenario);
  if (!selected) {
    return failure(loaded.path + " " + selected.error());
  }
  origin.scenario = selected->scenario;
  const spec::Spec* spec = &selected->spec;
  const std::string rendered_from =
      loaded.path + (origin.scenario.empty() ? "" : " (scenario " + origin.scenario + ")");

  // Drift, file by file.
  if (!roots.empty()) {
    render::TemplateSet templates(check.templates_dir);
    render::Rendered rendered = render::render(*spec, origin, templates, render::Target::all);
    if (!rendered.errors.empty()) {
      return failure("cannot render " + loaded.path + ": " + rendered.errors.front().message);
    }
    for (const Root& root : roots) {
      std::vector<render::File> files;
      for (const auto& f : rendered.files) {
        if (render::owned_by(root.folders, f.path)) {
          files.push_back(f);
        }
      }
      for (const auto& d : render::find_drift(files, root.dir.generic_string(), root.folders)) {
        std::string shown = (root.dir / d.path).lexically_normal().generic_string();
        std::shared_ptr<const SourceFile> file;
        if (auto bytes = read_file_bytes(root.dir / d.path)) {
          file = std::make_shared<const SourceFile>(shown, std::move(*bytes));
        } else {
          file = std::make_shared<const SourceFile>(shown, "");
        }
        switch (d.kind) {
          case render::Drift::Kind::missing:
            findings.push_back(spec_finding("spec-drift", file, 0,
                                            "missing: " + rendered_from + " renders this file",
                                            "run stackplan render to write it"));
            break;
          case render::Drift::Kind::differs:
            findings.push_back(spec_finding(
                "spec-drift", file, d.line, "differs from what " + rendered_from + " renders",
                "run stackplan render to update it, or move the edit into the spec"));
            break;
          case render::Drift::Kind::stale:
            findings.push_back(spec_finding("spec-drift", file, 0,
                                            "no longer rendered by " + rendered_from,
                                            "run stackplan render to remove it"));
            break;
          case render::Drift::Kind::unexpected:
          case render::Drift::Kind::blocked:
          case render::Drift::Kind::interrupted:
            findings.push_back(
                spec_finding("spec-drift", file, 0, render::describe(d).substr(d.path.size() + 2),
                             d.kind == render::Drift::Kind::unexpected
                                 ? "keep files of your own outside the folders stackplan renders"
                                 : "run stackplan render to finish or repair the folder"));
            break;
        }
      }
    }
  }

  // Cost guardrails.
  if (!check.budget && !check.max_increase) {
    return out;
  }
  static const model::UsageOverrides k_no_usage;
  std::vector<model::Warning> warnings;
  const std::string name = origin.scenario.empty() ? "base" : origin.scenario;
  cost::ScenarioPlan plan = cost::plan_scenario(name, *spec, *check.catalog, k_no_usage, warnings);
  // Cost findings point at the spec's name.
  SourceLoc name_loc = loaded.base_origins.key_loc("/name");
  auto at_spec = name_loc.known() ? name_loc.file : loaded.file;
  const int spec_line = name_loc.known() ? name_loc.line : 1;
  std::string incomplete =
      plan.missing > 0 ? " (" + std::to_string(plan.missing) + " prices missing from the catalog)"
                       : "";
  if (check.budget && plan.monthly > *check.budget) {
    findings.push_back(spec_finding("cost-budget", at_spec, spec_line,
                                    rendered_from + " costs " + report::money(plan.monthly) +
                                        " a month, over the budget of " +
                                        report::money(*check.budget) + incomplete,
                                    "lower the spec's capacity or raise --budget"));
  }
  if (check.max_increase) {
    const spec::Variant* base = variant_named(loaded, check.baseline);
    if (base == nullptr) {
      return failure(loaded.path + " has no scenario '" + check.baseline + "' for --baseline");
    }
    std::vector<model::Warning> base_warnings;
    cost::ScenarioPlan base_plan =
        cost::plan_scenario(base->name, base->spec, *check.catalog, k_no_usage, base_warnings);
    if (base_plan.monthly.is_zero()) {
      if (plan.monthly > base_plan.monthly) {
        findings.push_back(spec_finding("cost-increase", at_spec, spec_line,
                                        rendered_from + " costs " + report::money(plan.monthly) +
                                            " a month where baseline " + base->name +
                                            " costs nothing",
                                        "review the change, or raise --max-increase"));
      }
      return out;
    }
    Decimal percent =
        ((plan.monthly - base_plan.monthly) * Decimal::from_int(100) / base_plan.monthly)
            .rounded(1);
    if (percent > *check.max_increase) {
      findings.push_back(
          spec_finding("cost-increase", at_spec, spec_line,
                       rendered_from + " costs " + report::money(plan.monthly) + " a month, " +
                           percent.to_fixed(1) + "% more than baseline " + base->name + " (" +
                           report::money(base_plan.monthly) + "), over --max-increase " +
                           check.max_increase->to_string() + "%" + incomplete,
                       "review the change, or raise --max-increase"));
    }
  }
  return out;
}

}  // namespace stackplan::app
