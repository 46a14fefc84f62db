#include "cli/app.hpp"

#include <cctype>
#include <cstdlib>
#include <string_view>

#include <ostream>

#include <CLI/CLI.hpp>

#include "base/diagnostics.hpp"
#include "base/spelling.hpp"
#include "pricing/catalog.hpp"
#include "pricing/price_book.hpp"
#include "report/plan_report.hpp"
#include "version.hpp"

namespace stackplan::cli {

namespace {

/// Options of every command, as the contract declares them.
struct Options {
  std::vector<std::string> specs;
  bool quiet = false;
  std::string schema_format = "json";

  PlanOptions plan;

  RenderOptions render;

  LintOptions lint;

  std::vector<std::string> help_topic;
};

}  // namespace

int exit_code(app::Status status) {
  switch (status) {
    case app::Status::ok:
      return k_exit_ok;
    case app::Status::found:
      return k_exit_found;
    case app::Status::invalid:
      return k_exit_invalid;
    case app::Status::environment:
      return k_exit_environment;
  }
  return k_exit_environment;
}

namespace {

/// "stackplan pricing show" for a subcommand: the names from the top.
std::string full_name(const CLI::App* app) {
  std::string name = app->get_name();
  for (const CLI::App* p = app->get_parent(); p != nullptr; p = p->get_parent()) {
    name = p->get_name() + " " + name;
  }
  return name;
}

/// The names a command accepts as options ("--format", "-q").
std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : app->get_options()) {
    for (const auto& l : opt->get_lnames()) {
      out.push_back("--" + l);
    }
    for (const auto& sn : opt->get_snames()) {
      out.push_back("-" + sn);
    }
  }
  return out;
}

/// The first word of `args` that names no command, or no option of its command, described with
/// the nearest name; empty when every command and option word is known. Option values are
/// skipped: a word after an option that takes one is its value.
std::string unknown_word(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* command = &app;
  bool value_next = false;
  for (const std::string& arg : args) {
    if (value_next) {
      value_next = false;
      continue;
    }
    if (arg == "--") {
      return {};
    }
    if (arg.size() > 1 && arg[0] == '-' && std::isdigit(static_cast<unsigned char>(arg[1])) == 0) {
      const std::string name = arg.substr(0, arg.find('='));
      const CLI::Option* opt = nullptr;
      for (const CLI::App* a = command; a != nullptr && opt == nullptr; a = a->get_parent()) {
        opt = a->get_option_no_throw(name);
      }
      if (opt == nullptr) {
        std::vector<std::string> names = option_names(command);
        std::string where = command == &app ? "stackplan" : full_name(command);
        return "'" + where + "' has no option " + name + "; " +
               suggestion_hint(name, names, "its options");
      }
      value_next = opt->get_type_size() > 0 && arg.find('=') == std::string::npos;
      continue;
    }
    // A word: a subcommand of the current command, or a positional argument of a command
    // without subcommands.
    std::vector<std::string> names;
    for (const CLI::App* sub : command->get_subcommands({})) {
      names.push_back(sub->get_name());
    }
    if (names.empty()) {
      continue;
    }
    CLI::App* sub = nullptr;
    try {
      sub = command->get_subcommand(arg);
    } catch (const CLI::OptionNotFound&) {
    }
    if (sub == nullptr) {
      std::string where = command == &app ? "stackplan" : full_name(command);
      return "unknown command '" + arg + "' of '" + where + "'; " +
             suggestion_hint(arg, names, "commands");
    }
    command = sub;
  }
  return {};
}

}  // namespace

bool use_color(const std::string& choice, bool tty) {
  if (choice == "always") {
    return true;
  }
  if (choice == "never") {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::string_view(force) != "0") {
    return true;
  }
  const char* term = std::getenv("TERM");
  return tty && (term == nullptr || std::string_view(term) != "dumb");
}

int run(const std::vector<std::string>& in, Io io) {
  // --color applies to every command, wherever it is written: taken out before the command
  // line is parsed.
  std::string color = "auto";
  std::vector<std::string> args;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == "--color" || in[i].rfind("--color=", 0) == 0) {
      const bool inline_value = in[i].size() > 7;
      if (!inline_value && i + 1 == in.size()) {
        io.err << error_prefix(io) << "--color needs auto, always or never\n";
        return k_exit_invalid;
      }
      color = inline_value ? in[i].substr(8) : in[++i];
      if (color != "auto" && color != "always" && color != "never") {
        io.err << error_prefix(io) << "--color needs auto, always or never; got '" << color
               << "'\n";
        return k_exit_invalid;
      }
      continue;
    }
    if (in[i] == "--") {
      args.insert(args.end(), in.begin() + static_cast<std::ptrdiff_t>(i), in.end());
      break;
    }
    args.push_back(in[i]);
  }
  io.color_out = use_color(color, io.color_out);
  io.color_err = use_color(color, io.color_err);

  CLI::App app{
      "stackplan: one spec of an AWS application -> Terraform, CloudFormation, a "
      "cost plan, and lint",
      "stackplan"};
  app.require_subcommand(0, 1);
  app.fallthrough(false);
  bool show_version = false;
  app.add_flag("-V,--version", show_version,
               "Print the version and the date of the built-in prices, and exit");
  std::string color_help;  // taken out of the arguments above; here for --help to list it
  app.add_option("--color", color_help,
                 "auto (colours on a terminal, unless NO_COLOR is set or CLICOLOR_FORCE asks "
                 "for them anyway), always or never; for every command")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  Options o;

  auto* validate = app.add_subcommand("validate", "Parse and check specs; print every problem");
  validate->add_option("SPEC", o.specs, "Spec files (YAML or JSON)")->required();
  validate->add_flag("-q,--quiet", o.quiet, "Print only problems");

  auto* plan = app.add_subcommand("plan", "Cost plan of one or more specs");
  plan->add_option("SPEC", o.plan.specs, "Spec files")->required();
  plan->add_option("--scenario", o.plan.scenarios, "Scenario to plan (repeatable; default: all)");
  plan->add_option("--compare", o.plan.compare,
                   "PATH=V1,V2,... adds one scenario per value (repeatable)");
  plan->add_option("--baseline", o.plan.baseline,
                   "Scenario the deltas are relative to (default: the first)");
  plan->add_option("--format", o.plan.format, "Output format")
      ->check(CLI::IsMember(report::plan_formats()));
  plan->add_option("--catalog", o.plan.catalog, "Price catalog folder (env STACKPLAN_CATALOG)");
  plan->add_option("--usage", o.plan.usage, "Usage file overriding usage assumptions");
  plan->add_option("--prices", o.plan.prices,
                   "Price book: your own prices and discounts (env STACKPLAN_PRICES)");
  plan->add_option("--budget", o.plan.budget,
                   "Exit 1 when the scenario you plan to run (--budget-scenario) costs more than "
                   "USD a month, or cannot be fully priced");
  plan->add_option("--budget-scenario", o.plan.budget_scenario,
                   "Scenario --budget checks (default: each spec's last scenario, by convention "
                   "the target)");

  auto* render = app.add_subcommand("render", "Write Terraform and CloudFormation");
  render->add_option("SPEC", o.render.spec, "Spec file")->required();
  render->add_option("--out", o.render.out_dir, "Output folder")
      ->required()
      ->check(CLI::Validator(
          [](const std::string& dir) {
            return dir.empty() ? std::string("is empty: name the output folder") : std::string();
          },
          "DIR"));
  render->add_option("--target", o.render.target, "What to write (default: terraform)")
      ->check(CLI::IsMember({"terraform", "cloudformation", "all"}));
  render->add_option("--scenario", o.render.scenario,
                     "Scenario to render (default: the spec without scenarios applied)");
  render->add_flag("--check", o.render.check, "Write nothing; exit 1 when files on disk differ");
  render->add_flag("--force", o.render.force, "Overwrite hand-edited generated files");
  render->add_option("--templates", o.render.templates,
                     "Folder of templates overriding built-in ones");

  auto* lint = app.add_subcommand("lint", "Lint Terraform and CloudFormation files or folders");
  lint->add_option("PATH", o.lint.paths, "Files or folders (.tf, .yaml, .yml, .json)")->required();
  lint->add_option("--spec", o.lint.spec,
                   "Also report drift from this spec (render output folders) and cost guardrails");
  lint->add_option("--scenario", o.lint.scenario, "With --spec: the scenario the files come from");
  lint->add_option("--budget", o.lint.budget,
                   "With --spec: fail when the scenario costs more USD a month");
  lint->add_option("--max-increase", o.lint.max_increase,
                   "With --spec and --baseline: fail when the scenario costs more than PERCENT "
                   "over the baseline");
  lint->add_option("--baseline", o.lint.baseline,
                   "With --max-increase: the scenario to compare with");
  lint->add_option("--catalog", o.lint.catalog, "Price catalog folder (for the cost guardrails)");
  lint->add_option("--prices", o.lint.prices,
                   "Price book for the cost guardrails (env STACKPLAN_PRICES)");
  lint->add_option("--templates", o.lint.templates,
                   "With --spec: the --templates folder the files were rendered with");
  lint->add_option("--format", o.lint.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  lint->add_option("--fail-on", o.lint.fail_on,
                   "Lowest severity that fails (exit 1): error, warning, note or none")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));

  auto* pricing = app.add_subcommand("pricing", "Inspect and refresh the price catalog");
  pricing->require_subcommand(1);
  PricingShowOptions show_options;
  auto* show = pricing->add_subcommand("show", "List prices in the catalog, with their sources");
  show->add_option("--region", show_options.region, "Region code, e.g. us-east-2");
  show->add_option("--service", show_options.service, "Service code, e.g. AmazonRDS");
  show->add_option("--filter", show_options.filters,
                   "K=V with K one of key, term, unit, source; V may use * (repeatable)");
  show->add_option("--format", show_options.format, "Output format (markdown with --coverage only)")
      ->check(CLI::IsMember({"table", "json", "markdown"}));
  show->add_flag("--coverage", show_options.coverage,
                 "Every price the cost model asks for, by region: its source date, a known gap "
                 "and its reason, or missing");
  show->add_option("--catalog", show_options.catalog,
                   "Price catalog folder (default: $STACKPLAN_CATALOG, else the built-in "
                   "snapshot)");
  PricingUpdateOptions update_options;
  auto* update = pricing->add_subcommand("update", "Refresh prices from the AWS Price List APIs");
  update->add_option("--region", update_options.regions,
                     "Region (repeatable; default: the regions of the built-in snapshot)");
  update->add_option("--service", update_options.services,
                     "Service code (repeatable; default: every service the cost model uses)");
  update
      ->add_option("--source", update_options.source,
                   "bulk: offer files, no credentials; api: GetProducts, signed with SigV4; "
                   "pages: the JSON of AWS's pricing pages, no credentials, a few MB a service")
      ->check(CLI::IsMember({"bulk", "api", "pages"}));
  update
      ->add_option("--endpoint", update_options.endpoint,
                   "URL replacing https://pricing.us-east-1.amazonaws.com (bulk), "
                   "https://api.pricing.us-east-1.amazonaws.com (api) or "
                   "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps (pages)")
      ->check(CLI::Validator(
          [](const std::string& url) {
            const bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
            const std::size_t host = url.find("://") + 3;
            return http && url.size() > host && url.find_first_of(" @", 0) == std::string::npos
                       ? std::string()
                       : std::string("is not an http:// or https:// URL with a host");
          },
          "URL"));
  update->add_option("--catalog", update_options.catalog,
                     "Catalog folder to update (default: $STACKPLAN_CATALOG)");
  update
      ->add_option(
          "--retries", update_options.retries,
          "Tries after the first on 5xx, 429, throttling, timeouts and cut connections, waiting "
          "0.5 s, then twice as long each time up to 16 s (default: 4)")
      ->check(CLI::Validator(
          [](const std::string& v) {
            const bool ok = !v.empty() && v.size() <= 2 &&
                            v.find_first_not_of("0123456789") == std::string::npos &&
                            std::stoi(v) <= 20;
            return ok ? std::string() : "needs a whole number from 0 to 20; got '" + v + "'";
          },
          "0-20"));
  PricingImportOptions import_options;
  auto* import = pricing->add_subcommand(
      "import",
      "Import downloaded AWS offer files, Savings Plans files, GetProducts output or "
      "pricing-page files");
  import->add_option("FILE", import_options.files, "Files to import")->required();
  import->add_flag("--verbose,-v", import_options.verbose,
                   "List the pricing-page labels no rule maps, with their counts");
  import->add_option("--catalog", import_options.catalog,
                     "Catalog folder to merge into (default: $STACKPLAN_CATALOG)");

  auto* schema = app.add_subcommand("schema", "Print the JSON Schema of the spec");
  schema->add_option("--format", o.schema_format, "json (JSON Schema) or markdown (reference)")
      ->check(CLI::IsMember({"json", "markdown"}));

  auto* help = app.add_subcommand("help", "Show help for a command");
  help->add_option("COMMAND", o.help_topic, "Command")->expected(0, 2);

  if (args.empty()) {
    io.err << app.help();
    return k_exit_invalid;
  }
  if (std::string problem = unknown_word(app, args); !problem.empty()) {
    io.err << error_prefix(io) << problem << '\n' << "Run 'stackplan help' for usage.\n";
    return k_exit_invalid;
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    io.out << app.help();
    return k_exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return k_exit_ok;
  } catch (const CLI::RequiredError& e) {
    // A command that needs a subcommand (pricing) without one: its help.
    const bool no_subcommand = std::string(e.what()).find("subcommand") != std::string::npos;
    for (const CLI::App* sub : no_subcommand ? app.get_subcommands() : std::vector<CLI::App*>{}) {
      io.err << sub->get_formatter()->make_help(sub, full_name(sub), CLI::AppFormatMode::Normal);
      return k_exit_invalid;
    }
    io.err << error_prefix(io) << e.what() << '\n' << "Run 'stackplan help' for usage.\n";
    return k_exit_invalid;
  } catch (const CLI::ParseError& e) {
    io.err << error_prefix(io) << e.what() << '\n' << "Run 'stackplan help' for usage.\n";
    return k_exit_invalid;
  }

  if (show_version) {
    io.out << "stackplan " << k_version << " (built-in prices as of "
           << pricing::Catalog::snapshot(pricing::Catalog::Regions{}).as_of() << ")\n";
    return k_exit_ok;
  }
  if (*validate) {
    return cmd_validate(o.specs, o.quiet, io);
  }
  if (*schema) {
    return cmd_schema(o.schema_format, io);
  }
  if (*help) {
    const CLI::App* topic = &app;
    for (const auto& name : o.help_topic) {
      try {
        topic = topic->get_subcommand(name);
      } catch (const CLI::OptionNotFound&) {
        io.err << error_prefix(io) << "no command '" << name << "'\n";
        return k_exit_invalid;
      }
    }
    // App::help() would describe the selected `help` command itself; format the topic under
    // its full name ("stackplan pricing show").
    io.out << topic->get_formatter()->make_help(topic, full_name(topic),
                                                CLI::AppFormatMode::Normal);
    return k_exit_ok;
  }
  if (*plan) {
    return cmd_plan(o.plan, io);
  }
  if (*render) {
    return cmd_render(o.render, io);
  }
  if (*lint) {
    return cmd_lint(o.lint, io);
  }
  if (*show) {
    return cmd_pricing_show(show_options, io);
  }
  if (*import) {
    return cmd_pricing_import(import_options, io);
  }
  if (*update) {
    return cmd_pricing_update(update_options, io);
  }
  // A command that needs a subcommand (pricing) without one.
  for (const CLI::App* sub : app.get_subcommands()) {
    io.err << sub->get_formatter()->make_help(sub, full_name(sub), CLI::AppFormatMode::Normal);
    return k_exit_invalid;
  }
  io.err << app.help();
  return k_exit_invalid;
}

}  // namespace stackplan::cli
