#include "app/plan.hpp"

#include <algorithm>
#include <ostream>
#include <set>
#include <stdexcept>

#include "base/parallel.hpp"
#include "base/spelling.hpp"

#include "app/diff.hpp"
#include "app/session.hpp"
#include "app/usage.hpp"
#include "cost/plan.hpp"
#include "kinds/kinds.hpp"
#include "model/stack.hpp"
#include "report/plan_report.hpp"
#include "spec/load.hpp"
#include "text/yaml.hpp"

namespace stackplan::app {
namespace {

using nlohmann::json;

struct Comparison {
  std::string path;
  std::vector<std::string> values;
  std::string text;
};

/// A spec loaded and checked for planning, without the documents it was read from: the name
/// and region of each variant and, when `keep` was asked, its typed model.
struct Prepared {
  struct Scenario {
    std::string name;
    std::string region;
    std::unique_ptr<spec::Spec> spec;  ///< when kept
    std::vector<std::string> notes;
  };
  std::string path;
  Diagnostics diags;
  bool failed = false;
  std::vector<Scenario> variants;
  std::map<std::string, const model::Kind*> resources;  ///< address -> kind, for --usage
};

Prepared prepare(const std::string& path, const std::vector<Comparison>& comparisons,
                 bool want_resources, bool keep) {
  Prepared out;
  out.path = path;
  auto loaded = spec::load_spec(path, out.diags);
  if (!loaded) {
    out.failed = true;
    return out;
  }
  spec::add_base_variant(*loaded);
  for (const auto& c : comparisons) {
    for (const auto& v : c.values) {
      std::string name = c.path + "=" + v;
      if (!spec::add_variant(*loaded, name, c.path, v, "--compare " + name, out.diags)) {
        out.failed = true;
      }
    }
  }
  out.path = loaded->path;
  for (auto& v : loaded->variants) {
    if (want_resources) {
      for (const auto& r : kinds::resources_of(v.spec)) {
        out.resources.emplace(r.address, r.kind);
      }
    }
    Prepared::Scenario scenario{v.name, v.spec.region, nullptr, {}};
    if (keep) {
      scenario.spec = std::make_unique<spec::Spec>(std::move(v.spec));
      scenario.notes = std::move(v.notes);
    }
    out.variants.push_back(std::move(scenario));
  }
  return out;
}

/// One stack's plan and the warnings of each of its scenarios.
struct Costed {
  cost::StackPlan stack;
  std::vector<std::pair<std::string, std::vector<model::Warning>>> warnings;
};

}  // namespace

Status plan(const PlanRequest& o, Io io) {
  if (!o.diff.empty()) {
    return plan_diff(o, io);
  }
  std::optional<Decimal> budget;
  if (!o.budget.empty()) {
    budget = Decimal::parse(o.budget);
    if (!budget || budget->units() < 0) {
      io.err << error_prefix(io)
             << "--budget needs an amount of USD a month, such as 50 or "
                "49.99; got '"
             << o.budget << "'\n";
      return Status::invalid;
    }
  }
  std::vector<Comparison> comparisons;
  for (const auto& text : o.compare) {
    Comparison c;
    c.text = text;
    // The first '=' outside the path's [key=value] selectors.
    std::size_t eq = 0;
    for (int depth = 0; eq < text.size(); ++eq) {
      depth += text[eq] == '[' ? 1 : text[eq] == ']' ? -1 : 0;
      if (text[eq] == '=' && depth == 0) {
        break;
      }
    }
    if (eq >= text.size() || eq == 0 || eq + 1 >= text.size()) {
      io.err << error_prefix(io) << "--compare needs PATH=V1,V2,...; got '" << text << "'\n";
      return Status::invalid;
    }
    c.path = text.substr(0, eq);
    std::string rest = text.substr(eq + 1);
    std::size_t start = 0;
    while (start <= rest.size()) {
      std::size_t comma = rest.find(',', start);
      std::string v =
          rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (v.empty()) {
        io.err << error_prefix(io) << "--compare '" << text << "' has an empty value\n";
        return Status::invalid;
      }
      c.values.push_back(v);
      if (comma == std::string::npos) {
        break;
      }
      start = comma + 1;
    }
    comparisons.push_back(std::move(c));
  }

  // Load every spec, with its ad-hoc comparison variants, on every core; report every problem
  // at once. Of many specs only the names and regions of the variants are kept, and costing
  // loads each spec again, so that memory does not grow with the number of specs; a few
  // specs keep their typed models and are loaded once.
  constexpr std::size_t k_kept_specs = 16;
  const bool keep = o.specs.size() <= k_kept_specs;
  Diagnostics diags;
  std::vector<Prepared> specs;
  specs.reserve(o.specs.size());
  bool failed = false;
  const bool want_resources = !o.usage.empty();
  for_each_ordered(
      o.specs.size(),
      [&](std::size_t i) { return prepare(o.specs[i], comparisons, want_resources, keep); },
      [&](std::size_t, Prepared p) {
        failed = failed || p.failed;
        diags.append(std::move(p.diags));
        p.diags = Diagnostics();
        specs.push_back(std::move(p));
      });

  // The catalog's prices of the regions these specs run in.
  pricing::Catalog::Regions regions;
  for (const auto& loaded : specs) {
    for (const auto& v : loaded.variants) {
      regions.insert(v.region);
    }
  }
  std::string price_book;
  auto catalog = open_priced_catalog(o.catalog, o.prices, &regions, price_book, io);
  if (!catalog) {
    return Status::invalid;
  }

  // Scenario selection and baseline, checked against every spec.
  std::vector<std::vector<std::string>> selected(specs.size());
  std::vector<std::string> baselines(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto& loaded = specs[i];
    if (loaded.failed) {
      continue;
    }
    std::vector<std::string> names;
    for (const auto& v : loaded.variants) {
      names.push_back(v.name);
    }
    for (const auto& want : o.scenarios) {
      if (std::find(names.begin(), names.end(), want) == names.end()) {
        io.err << error_prefix(io) << loaded.path << " has no scenario '" << want << "'";
        std::string hint = suggestion_hint(want, names, "scenarios");
        io.err << (hint.empty() ? "" : "; " + hint) << '\n';
        return Status::invalid;
      }
    }
    for (const auto& v : loaded.variants) {
      bool is_compare = v.name.find('=') != std::string::npos;
      if (o.scenarios.empty() || is_compare ||
          std::find(o.scenarios.begin(), o.scenarios.end(), v.name) != o.scenarios.end()) {
        selected[i].push_back(v.name);
      }
    }
    if (!o.budget_scenario.empty() &&
        std::find(selected[i].begin(), selected[i].end(), o.budget_scenario) == selected[i].end()) {
      io.err << error_prefix(io) << loaded.path << " plans no scenario '" << o.budget_scenario
             << "' for --budget-scenario";
      std::string hint = suggestion_hint(o.budget_scenario, names, "scenarios");
      io.err << (hint.empty() ? "" : "; " + hint) << '\n';
      return Status::invalid;
    }
    if (!o.baseline.empty()) {
      if (std::find(selected[i].begin(), selected[i].end(), o.baseline) == selected[i].end()) {
        const std::vector<std::string>& planned = selected[i];
        io.err << error_prefix(io) << "--baseline '" << o.baseline
               << "' is not a planned scenario of " << loaded.path;
        std::string hint = suggestion_hint(o.baseline, planned, "planned");
        io.err << (hint.empty() ? "" : "; " + hint) << '\n';
        return Status::invalid;
      }
      baselines[i] = o.baseline;
    } else if (!selected[i].empty()) {
      baselines[i] = selected[i].front();
    }
  }

  std::optional<UsageFile> usage;
  if (!o.usage.empty()) {
    usage = read_usage(o.usage, diags);
    if (!usage) {
      failed = true;
    } else {
      std::map<std::string, const model::Kind*> resources;
      for (const auto& loaded : specs) {
        resources.insert(loaded.resources.begin(), loaded.resources.end());
      }
      check_usage(*usage, resources, diags);
    }
  }
  print_diagnostics(diags, io);
  if (failed || diags.has_errors()) {
    io.err << format_counts(diags.error_count(), diags.warning_count()) << '\n';
    return diags.has_environment_failure() ? Status::environment : Status::invalid;
  }

  // Cost every spec on every core and write each stack as soon as it and those before it are
  // done, so that memory holds a few stacks whatever the count.
  cost::Plan plan;
  plan.catalog_source = catalog_description(o.catalog, price_book);
  plan.catalog_as_of = catalog->as_of();
  static const model::UsageOverrides k_no_usage;
  const model::UsageOverrides& overrides = usage ? usage->values : k_no_usage;
  auto writer = report::plan_writer(o.format, io.out, io.color_out, io.width_out);
  writer->begin(plan);
  Decimal budget_sum;
  std::vector<std::string> checked, incomplete;
  try {
    for_each_ordered(
        specs.size(),
        [&](std::size_t i) {
          Costed out;
          Prepared again =
              keep ? std::move(specs[i]) : prepare(o.specs[i], comparisons, false, true);
          if (again.failed) {
            throw std::runtime_error(o.specs[i] + " changed while it was being planned");
          }
          cost::StackPlan& stack = out.stack;
          stack.spec = again.path;
          stack.baseline = baselines[i];
          for (const auto& variant : again.variants) {
            if (std::find(selected[i].begin(), selected[i].end(), variant.name) ==
                selected[i].end()) {
              continue;
            }
            const Prepared::Scenario* v = &variant;
            stack.name = v->spec->name;
            stack.region = v->spec->region;
            std::vector<model::Warning> warnings;
            cost::ScenarioPlan scenario =
                cost::plan_scenario(v->name, *v->spec, *catalog, overrides, warnings);
            scenario.strict = cost::strict_upgrade(scenario, *v->spec, *catalog, overrides);
            scenario.notes.insert(scenario.notes.begin(), v->notes.begin(), v->notes.end());
            scenario.lookups.clear();  // only the coverage report reads them
            stack.scenarios.push_back(std::move(scenario));
            out.warnings.emplace_back(v->name, std::move(warnings));
          }
          stack.deltas = cost::deltas_against(stack.scenarios, stack.baseline);
          return out;
        },
        [&](std::size_t, Costed out) {
          const cost::StackPlan& stack = out.stack;
          for (const auto& [scenario, warnings] : out.warnings) {
            cost::add_warnings(plan, stack.name, scenario, warnings);
          }
          cost::add_to_total(plan, stack);
          // The scenario the user plans to run: the named one, else the spec's last (the
          // target).
          const cost::ScenarioPlan* chosen = nullptr;
          for (const auto& sc : stack.scenarios) {
            if (o.budget_scenario.empty() || sc.name == o.budget_scenario) {
              chosen = &sc;
            }
          }
          if (chosen != nullptr) {
            budget_sum += chosen->monthly;
            checked.push_back(stack.name + " " + chosen->name);
            if (chosen->missing > 0) {
              incomplete.push_back(stack.name + " " + chosen->name + " (" +
                                   std::to_string(chosen->missing) + " missing)");
            }
          }
          writer->stack(stack);
        });
  } catch (const std::overflow_error&) {
    io.err << error_prefix(io)
           << "a usage figure is too large to price exactly (quantities and "
              "amounts are limited to 10^26)\n";
    return Status::invalid;
  } catch (const std::runtime_error& e) {
    io.err << error_prefix(io) << e.what() << '\n';
    return Status::environment;
  }
  writer->end(plan);
  io.err << report::plan_warnings_text(plan, io.color_err, io.width_err);

  if (budget) {
    const Decimal sum = budget_sum;
    std::string which;
    for (const auto& c : checked) {
      which += (which.empty() ? "" : ", ") + c;
    }
    if (!incomplete.empty()) {
      std::string list;
      for (const auto& c : incomplete) {
        list += (list.empty() ? "" : ", ") + c;
      }
      io.err << "stackplan: cannot check --budget " << report::money(*budget) << ": " << list
             << " lacks prices, so its total is only a lower bound (" << report::money(sum)
             << "); fill them (pricing update, or a price book with --prices) or pick another "
                "scenario with --budget-scenario\n";
      return Status::found;
    }
    if (sum > *budget) {
      io.err << "stackplan: over budget: " << which << " costs " << report::money(sum)
             << " a month, more than --budget " << report::money(*budget) << '\n';
      return Status::found;
    }
  }
  return Status::ok;
}

}  // namespace stackplan::app
