#include "cli/command_line.hpp"

#include "app/init.hpp"
#include "aws/regions.hpp"
#include "base/spelling.hpp"
#include "cli/shell.hpp"
#include "report/plan_report.hpp"

namespace stackplan::cli {

CommandLine::CommandLine()
    : app("stackplan: one spec of an AWS application -> Terraform, CloudFormation, a cost plan, "
          "and lint",
          "stackplan") {
  app.require_subcommand(0, 1);
  app.fallthrough(false);
  app.add_flag("-V,--version", show_version,
               "Print the version and the date of the built-in prices, and exit");
  app.add_option("--color", color,
                 "auto (colours on a terminal, unless NO_COLOR is set or CLICOLOR_FORCE asks "
                 "for them anyway), always or never; for every command")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  validate = app.add_subcommand("validate", "Parse and check specs; print every problem");
  validate->add_option("SPEC", specs, "Spec files (YAML or JSON)")->required();
  validate->add_flag("-q,--quiet", quiet, "Print only problems");

  plan = app.add_subcommand("plan", "Cost plan of one or more specs");
  plan->add_option("SPEC", plan_options.specs, "Spec files")->required();
  plan->add_option("--scenario", plan_options.scenarios,
                   "Scenario to plan (repeatable; default: all)");
  plan->add_option("--compare", plan_options.compare,
                   "PATH=V1,V2,... adds one scenario per value (repeatable)");
  plan->add_option("--baseline", plan_options.baseline,
                   "Scenario the deltas are relative to (default: the first)");
  plan->add_option("--diff", plan_options.diff,
                   "OTHER_SPEC or REV:PATH (a git revision of a spec, e.g. HEAD~1:stack.yaml): "
                   "the plan of SPEC line by line against it, with the delta of each line");
  plan->add_option("--format", plan_options.format, "Output format")
      ->check(CLI::IsMember(report::plan_formats()));
  plan->add_option("--catalog", plan_options.catalog,
                   "Price catalog folder (env STACKPLAN_CATALOG)");
  plan->add_option("--usage", plan_options.usage, "Usage file overriding usage assumptions");
  plan->add_option("--prices", plan_options.prices,
                   "Price book: your own prices and discounts (env STACKPLAN_PRICES)");
  plan->add_option("--budget", plan_options.budget,
                   "Exit 1 when the scenario you plan to run (--budget-scenario) costs more than "
                   "USD a month, or cannot be fully priced");
  plan->add_option("--budget-scenario", plan_options.budget_scenario,
                   "Scenario --budget checks (default: each spec's last scenario, by convention "
                   "the target)");

  render = app.add_subcommand("render", "Write Terraform and CloudFormation");
  render->add_option("SPEC", render_options.spec, "Spec file")->required();
  render->add_option("--out", render_options.out_dir, "Output folder")
      ->required()
      ->check(CLI::Validator(
          [](const std::string& dir) {
            return dir.empty() ? std::string("is empty: name the output folder") : std::string();
          },
          "DIR"));
  render->add_option("--target", render_options.target, "What to write (default: terraform)")
      ->check(CLI::IsMember({"terraform", "cloudformation", "all"}));
  render->add_option("--scenario", render_options.scenario,
                     "Scenario to render (default: the spec without scenarios applied)");
  render->add_flag("--check", render_options.check,
                   "Write nothing; exit 1 when files on disk differ");
  render->add_flag("--force", render_options.force, "Overwrite hand-edited generated files");
  render->add_option("--templates", render_options.templates,
                     "Folder of templates overriding built-in ones");

  lint = app.add_subcommand("lint", "Lint Terraform and CloudFormation files or folders");
  lint->add_option("PATH", lint_options.paths, "Files or folders (.tf, .yaml, .yml, .json)")
      ->required();
  lint->add_option("--spec", lint_options.spec,
                   "Also report drift from this spec (render output folders) and cost guardrails");
  lint->add_option("--scenario", lint_options.scenario,
                   "With --spec: the scenario the files come from");
  lint->add_option("--budget", lint_options.budget,
                   "With --spec: fail when the scenario costs more USD a month");
  lint->add_option("--max-increase", lint_options.max_increase,
                   "With --spec and --baseline: fail when the scenario costs more than PERCENT "
                   "over the baseline");
  lint->add_option("--baseline", lint_options.baseline,
                   "With --max-increase: the scenario to compare with");
  lint->add_option("--catalog", lint_options.catalog,
                   "Price catalog folder (for the cost guardrails)");
  lint->add_option("--prices", lint_options.prices,
                   "Price book for the cost guardrails (env STACKPLAN_PRICES)");
  lint->add_option("--templates", lint_options.templates,
                   "With --spec: the --templates folder the files were rendered with");
  lint->add_option("--format", lint_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  lint->add_option("--fail-on", lint_options.fail_on,
                   "Lowest severity that fails (exit 1): error, warning, note or none")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));

  pricing = app.add_subcommand("pricing", "Inspect and refresh the price catalog");
  pricing->require_subcommand(1);
  show = pricing->add_subcommand("show", "List prices in the catalog, with their sources");
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
  update = pricing->add_subcommand("update", "Refresh prices from the AWS Price List APIs");
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
  import = pricing->add_subcommand(
      "import",
      "Import downloaded AWS offer files, Savings Plans files, GetProducts output or "
      "pricing-page files");
  import->add_option("FILE", import_options.files, "Files to import")->required();
  import->add_flag("--verbose,-v", import_options.verbose,
                   "List the pricing-page labels no rule maps, with their counts");
  import->add_option("--catalog", import_options.catalog,
                     "Catalog folder to merge into (default: $STACKPLAN_CATALOG)");

  schema = app.add_subcommand("schema", "Print the JSON Schema of the spec");
  schema->add_option("--format", schema_format, "json (JSON Schema) or markdown (reference)")
      ->check(CLI::IsMember({"json", "markdown"}));

  init = app.add_subcommand(
      "init",
      "Write a commented starter spec that validates and plans at once (asks on a terminal)");
  init->add_option("--platform", init_options.platform,
                   "fargate or ec2 (ECS on an Auto Scaling Group)")
      ->check(CLI::IsMember(app::init_platforms()));
  init->add_option("--database", init_options.database, "Database engine, or none")
      ->check(CLI::IsMember(app::init_engines()));
  init->add_option("--region", init_options.region, "Region code, e.g. eu-west-1")
      ->check(CLI::Validator(
          [](const std::string& region) {
            return aws::is_region(region) ? std::string()
                                          : "is not a region stackplan knows; " +
                                                suggestion_hint(region, aws::regions(), "regions");
          },
          "REGION"));
  init->add_option("--name", init_options.name,
                   "Name of the application, the prefix of every resource (default: the "
                   "folder's name)");
  init->add_option("--out", init_options.out,
                   "File to write (default: stack.yaml; - for standard output)");
  init->add_flag("--force", init_options.force, "Overwrite the file when it exists");
  init->add_flag("--no-plan", init_options.no_plan, "Write the spec without planning it");

  completion = app.add_subcommand(
      "completion",
      "Print a shell completion script (installed by cmake --install; see the man page)");
  completion->add_option("SHELL", shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember(shell_names()));

  // The words the completion scripts complete from: scenario names of a spec, region codes,
  // service codes. Not shown in help.
  complete = app.add_subcommand("__complete", "");
  complete->group("");
  complete->add_option("WORDS", complete_words, "")->expected(1, 2);

  help = app.add_subcommand("help", "Show help for a command");
  help->add_option("COMMAND", help_topic, "Command")->expected(0, 2);
  help->add_flag("--man", help_man,
                 "Print the manual page (roff), made from the same definitions as --help: "
                 "stackplan help --man | man -l -");
}

std::string full_name(const CLI::App* app) {
  std::string name = app->get_name();
  for (const CLI::App* p = app->get_parent(); p != nullptr; p = p->get_parent()) {
    name = p->get_name() + " " + name;
  }
  return name;
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App* app) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* sub : app->get_subcommands({})) {
    if (!sub->get_group().empty()) {
      out.push_back(sub);
    }
  }
  return out;
}

std::vector<std::string> option_choices(const CLI::Option* option) {
  const std::string type = option->get_type_name();
  const std::size_t open = type.find('{');
  const std::size_t close = type.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos) {
    return out;
  }
  std::string word;
  for (char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      out.push_back(word);
      word.clear();
    } else if (c != ' ') {
      word += c;
    }
  }
  out.push_back(word);
  return out;
}

}  // namespace stackplan::cli
