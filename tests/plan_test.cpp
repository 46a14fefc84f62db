// `stackplan plan` end to end: every example in all four formats is a golden case, every plan
// obeys the arithmetic the contract promises, and the flags behave as documented.

#include <filesystem>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include <catch2/catch.hpp>

#include "base/decimal.hpp"
#include "base/diagnostics.hpp"
#include "golden.hpp"
#include "spec/load.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using stackplan::Decimal;
using stackplan::testing::check_golden;
using stackplan::testing::enter_source_dir;
using stackplan::testing::run_cli;
using stackplan::testing::run_cli_parts;

namespace {

std::vector<std::string> example_specs() {
  std::vector<std::string> specs;
  for (const auto& entry : fs::directory_iterator("examples")) {
    if (fs::exists(entry.path() / "stack.yaml")) {
      specs.push_back((entry.path() / "stack.yaml").generic_string());
    }
  }
  std::sort(specs.begin(), specs.end());
  return specs;
}

/// A JSON number back to an exact decimal (the shortest text of the double).
Decimal exact(const json& number) {
  std::string text = json(number).dump();
  auto d = Decimal::parse(text);
  REQUIRE(d);
  return *d;
}

Decimal cents(Decimal d) {
  return d.rounded(2);
}

/// The arithmetic of a plan: quantity x unit price = monthly on every line, items sum to the
/// scenario total, annual = 12 x monthly, deltas are the differences.
void check_arithmetic(const json& plan) {
  Decimal grand;
  for (const auto& stack : plan["stacks"]) {
    std::map<std::string, Decimal> monthly;
    Decimal baseline_total;
    for (const auto& sc : stack["scenarios"]) {
      INFO(stack["name"].get<std::string>() << " / " << sc["name"].get<std::string>());
      Decimal sum;
      Decimal existing;
      std::size_t missing = 0;
      for (const auto& item : sc["items"]) {
        INFO(item["description"].get<std::string>());
        if (item["price_missing"].get<bool>()) {
          CHECK(item["unit_price"].is_null());
          CHECK(item["monthly"].is_null());                    // never a $0 that a sum would count
          missing += item["component"] == "existing" ? 0 : 1;  // the total does not need it
          continue;
        }
        REQUIRE(item["unit_price"].is_number());
        CHECK(exact(item["quantity"]) * exact(item["unit_price"]) == exact(item["monthly"]));
        CHECK_FALSE(item["price_ref"].get<std::string>().empty());
        if (item["usage_based"].get<bool>()) {
          CHECK(item["assumption"].is_string());
        }
        if (item["component"] == "existing") {
          existing += cents(exact(item["monthly"]));  // paid today: not in the total
        } else {
          sum += cents(exact(item["monthly"]));  // each line rounded once, as printed
        }
      }
      CHECK(missing == sc["missing_prices"].get<std::size_t>());
      CHECK(sum == exact(sc["monthly"]));
      CHECK(existing == exact(sc["existing_monthly"]));
      CHECK(exact(sc["monthly"]) * Decimal::from_int(12) == exact(sc["annual"]));
      monthly[sc["name"].get<std::string>()] = exact(sc["monthly"]);
      if (sc["name"] == stack["baseline"]) {
        baseline_total = exact(sc["monthly"]);
      }
    }
    for (const auto& d : stack["deltas"]) {
      Decimal diff = monthly[d["to"].get<std::string>()] - monthly[d["from"].get<std::string>()];
      CHECK(exact(d["monthly"]) == diff);
      CHECK(exact(d["annual"]) == diff * Decimal::from_int(12));
      CHECK(d["from"] == stack["baseline"]);
    }
    grand += baseline_total;
  }
  CHECK(exact(plan["total"]["monthly"]) == grand);
  CHECK(exact(plan["total"]["annual"]) == grand * Decimal::from_int(12));
}

/// A money cell of the table ("$1,234.56", "-$3.10", "+$0.42") as an exact decimal.
std::optional<Decimal> money_cell(std::string cell) {
  if (!cell.empty() && (cell[0] == '+' || cell[0] == '-')) {
    cell.erase(cell[0] == '+' ? 0 : 1, 1);
  }
  if (cell.empty() || cell[0] != '$') {
    return std::nullopt;
  }
  std::string digits;
  for (char c : cell.substr(1)) {
    if (c != ',') {
      digits += c;
    }
  }
  return Decimal::parse(digits);
}

/// In the table, every row that ends with a monthly and an annual amount (lines, subtotals,
/// totals, deltas) shows an annual figure of exactly 12 x the monthly figure shown.
std::size_t check_table_annuals(const std::string& table) {
  std::size_t rows = 0;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::vector<std::string> cells{std::istream_iterator<std::string>(words), {}};
    if (cells.size() < 2) {
      continue;
    }
    auto monthly = money_cell(cells[cells.size() - 2]);
    auto annual = money_cell(cells.back());
    if (!monthly || !annual) {
      continue;
    }
    INFO(line);
    CHECK(*monthly * Decimal::from_int(12) == *annual);
    ++rows;
  }
  return rows;
}

/// In the table, the monthly figures shown add up: each component's lines to its subtotal,
/// and the subtotals to the scenario's total. Returns the number of totals checked.
std::size_t check_table_sums(const std::string& table) {
  std::size_t totals = 0;
  Decimal lines_sum;
  Decimal subtotals_sum;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::vector<std::string> cells{std::istream_iterator<std::string>(words), {}};
    if (line.rfind("scenario ", 0) == 0) {
      lines_sum = Decimal();
      subtotals_sum = Decimal();
      continue;
    }
    if (cells.size() < 2) {
      continue;
    }
    auto monthly = money_cell(cells[cells.size() - 2]);
    if (!monthly) {
      continue;
    }
    INFO(line);
    if (line.rfind("    subtotal", 0) == 0) {
      CHECK(lines_sum == *monthly);
      subtotals_sum += *monthly;
      lines_sum = Decimal();
    } else if (line.rfind("  total", 0) == 0) {
      CHECK(subtotals_sum == *monthly);
      ++totals;
    } else if (line.rfind("    ", 0) == 0) {
      lines_sum += *monthly;
    }
  }
  return totals;
}

}  // namespace

TEST_CASE("every example's plan matches its golden output in every format", "[plan][golden]") {
  enter_source_dir();
  auto specs = example_specs();
  REQUIRE(specs.size() == 5);
  for (const auto& spec : specs) {
    std::string dir = fs::path(spec).parent_path().generic_string();
    for (const std::string format : {"table", "json", "markdown", "csv"}) {
      INFO(spec << " " << format);
      std::string ext = format == "table" ? "txt" : format == "markdown" ? "md" : format;
      CHECK(check_golden(dir + "/plan." + ext + ".golden",
                         run_cli({"plan", spec, "--format", format}))
                .empty());
    }
  }
}

TEST_CASE("every example's plan adds up", "[plan]") {
  enter_source_dir();
  for (const auto& spec : example_specs()) {
    INFO(spec);
    auto r = run_cli_parts({"plan", spec, "--format", "json"});
    REQUIRE(r.code == 0);
    json plan = json::parse(r.out);
    CHECK(plan["currency"] == "USD");
    CHECK(plan["hours_per_month"] == 730);
    CHECK(plan["stacks"].size() == 1);
    CHECK(plan["stacks"][0]["scenarios"].size() >= 2);
    check_arithmetic(plan);
    auto table = run_cli_parts({"plan", spec});
    REQUIRE(table.code == 0);
    CHECK(check_table_annuals(table.out) >= 4);
    CHECK(check_table_sums(table.out) >= 2);
  }
}

TEST_CASE("several specs in one call: a block each and a grand total", "[plan]") {
  enter_source_dir();
  auto r = run_cli_parts({"plan", "examples/dynamiccloudarchitect/stack.yaml",
                          "examples/pantrypal/stack.yaml", "--format", "json"});
  REQUIRE(r.code == 0);
  json plan = json::parse(r.out);
  REQUIRE(plan["stacks"].size() == 2);
  check_arithmetic(plan);
  CHECK(exact(plan["total"]["monthly"]) == exact(plan["stacks"][0]["scenarios"][0]["monthly"]) +
                                               exact(plan["stacks"][1]["scenarios"][0]["monthly"]));
}

TEST_CASE("plan options: scenario, baseline, compare and budget", "[plan][golden]") {
  enter_source_dir();
  const std::string spec = "examples/dynamiccloudarchitect/stack.yaml";
  SECTION("--scenario picks scenarios; --baseline moves the deltas") {
    auto r = run_cli_parts({"plan", spec, "--scenario", "target", "--format", "json"});
    REQUIRE(r.code == 0);
    json plan = json::parse(r.out);
    REQUIRE(plan["stacks"][0]["scenarios"].size() == 1);
    CHECK(plan["stacks"][0]["scenarios"][0]["name"] == "target");
    auto b = run_cli_parts({"plan", spec, "--baseline", "target", "--format", "json"});
    json with_baseline = json::parse(b.out);
    CHECK(with_baseline["stacks"][0]["deltas"][0]["from"] == "target");
    CHECK(with_baseline["stacks"][0]["deltas"][0]["to"] == "current");
    check_arithmetic(with_baseline);
  }
  SECTION("--compare adds one scenario per value") {
    auto r = run_cli_parts(
        {"plan", spec, "--compare", "compute.purchase.model=on-demand,spot", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    json plan = json::parse(r.out);
    const auto& names = plan["stacks"][0]["scenarios"];
    REQUIRE(names.size() == 4);
    CHECK(names[2]["name"] == "compute.purchase.model=on-demand");
    CHECK(names[3]["name"] == "compute.purchase.model=spot");
    check_arithmetic(plan);
  }
  SECTION("errors are exact") {
    CHECK(check_golden("tests/golden/plan/unknown-scenario.txt",
                       run_cli({"plan", spec, "--scenario", "taget"}))
              .empty());
    CHECK(check_golden("tests/golden/plan/bad-baseline.txt",
                       run_cli({"plan", spec, "--scenario", "target", "--baseline", "current"}))
              .empty());
    CHECK(check_golden("tests/golden/plan/bad-compare.txt",
                       run_cli({"plan", spec, "--compare", "database.engine"}))
              .empty());
    CHECK(check_golden("tests/golden/plan/compare-invalid-value.txt",
                       run_cli({"plan", spec, "--compare", "database.engine=postgres"}))
              .empty());
    CHECK(check_golden("tests/golden/plan/bad-budget.txt",
                       run_cli({"plan", spec, "--budget", "lots"}))
              .empty());
  }
  SECTION(
      "--budget checks the last scenario, or --budget-scenario, and refuses an incomplete one") {
    auto target = run_cli_parts({"plan", spec, "--budget", "25"});
    CHECK(target.code == 1);
    CHECK(target.err.find("over budget: dynamiccloudarchitect target costs $28.18 a month, more "
                          "than --budget $25.00") != std::string::npos);
    CHECK(run_cli_parts({"plan", spec, "--budget", "25", "--budget-scenario", "current"}).code ==
          0);
    auto incomplete =
        run_cli_parts({"plan", "examples/operationcode/stack.yaml", "--budget", "500"});
    CHECK(incomplete.code == 1);
    CHECK(incomplete.err.find("cannot check --budget $500.00: operationcode target (1 missing) "
                              "lacks prices") != std::string::npos);
    auto unknown = run_cli_parts({"plan", spec, "--budget", "25", "--budget-scenario", "taget"});
    CHECK(unknown.code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err.find("did you mean 'target'?") != std::string::npos);
  }
  SECTION("--budget exits 1 above the total and 0 at or below it") {
    auto r = run_cli_parts({"plan", spec, "--scenario", "target", "--format", "json"});
    json plan = json::parse(r.out);
    std::string total = json(plan["total"]["monthly"]).dump();
    Decimal below = exact(plan["total"]["monthly"]) - *Decimal::parse("0.01");
    auto over =
        run_cli_parts({"plan", spec, "--scenario", "target", "--budget", below.to_string()});
    CHECK(over.code == 1);
    CHECK(over.err.find("over budget") != std::string::npos);
    auto at = run_cli_parts({"plan", spec, "--scenario", "target", "--budget", total});
    CHECK(at.code == 0);
  }
}

namespace {
/// The items of the scenario named `name` in a plan JSON, and its notes.
const json& scenario_named(const json& plan, const std::string& name) {
  for (const auto& sc : plan["stacks"][0]["scenarios"]) {
    if (sc["name"] == name) {
      return sc;
    }
  }
  FAIL("no scenario " << name);
  static const json none;
  return none;
}

bool has_item(const json& scenario, const std::string& description) {
  for (const auto& item : scenario["items"]) {
    if (item["description"].get<std::string>().find(description) != std::string::npos) {
      return true;
    }
  }
  return false;
}
/// The JSON plan of the target scenario of `spec` with one --compare; fails the test on errors.
json compare_plan(const std::string& spec, const std::string& compare) {
  auto r = run_cli_parts(
      {"plan", spec, "--scenario", "target", "--compare", compare, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("does not apply") == std::string::npos);
  json plan = json::parse(r.out);
  check_arithmetic(plan);
  return plan;
}
}  // namespace

TEST_CASE("plan --compare: the value is read as given, and an engine gets settings", "[plan]") {
  enter_source_dir();
  SECTION("a number replaces the base's exactly") {
    json plan = compare_plan("examples/operationcode/stack.yaml",
                             "compute.purchase.savings_plan.commitment_per_hour=0.031");
    const json& sc =
        scenario_named(plan, "compute.purchase.savings_plan.commitment_per_hour=0.031");
    CHECK(has_item(sc, "$0.031/h commitment"));
    // The commitment is 0.031 x 730 = $22.63 instead of the base's 0.024 x 730 = $17.52.
    CHECK(exact(sc["monthly"]) - exact(scenario_named(plan, "target")["monthly"]) ==
          *Decimal::parse("5.11"));
  }
  SECTION("a scenario that uses the engine lends its settings") {
    json plan = compare_plan("examples/operationcode/stack.yaml",
                             "database.engine=sqlite-litestream,rds-postgres");
    const json& rds = scenario_named(plan, "database.engine=rds-postgres");
    CHECK(has_item(rds, "RDS PostgreSQL db.t4g.micro, Multi-AZ"));
    CHECK(has_item(rds, "RDS storage gp2, Multi-AZ, 20 GB"));
    CHECK(rds["notes"][0] ==
          "database as in scenario 'current', which sets database.engine: rds-postgres");
    // The base already uses sqlite-litestream: that variant is the base itself, unannotated.
    const json& same = scenario_named(plan, "database.engine=sqlite-litestream");
    CHECK(same["items"] == scenario_named(plan, "target")["items"]);
  }
  SECTION("keys of the base's engine do not apply and are left alone, as in a scenario") {
    json plan = compare_plan("examples/pantrypal/stack.yaml", "database.engine=sqlite-litestream");
    const json& sc = scenario_named(plan, "database.engine=sqlite-litestream");
    CHECK(has_item(sc, "Litestream replica storage"));
    CHECK_FALSE(has_item(sc, "RDS"));
    // Notes on the stack only (where the data lives, CloudWatch's allowance), none on how the
    // variant was made.
    for (const auto& note : sc["notes"]) {
      CHECK(note.get<std::string>().find("scenario") == std::string::npos);
    }
    CHECK(sc["notes"].size() == 2);
  }
  SECTION("an engine no scenario configures is priced at its cheapest configuration") {
    json plan =
        compare_plan("examples/pantrypal/stack.yaml", "database.engine=aurora-postgres,rds-mysql");
    const json& aurora = scenario_named(plan, "database.engine=aurora-postgres");
    CHECK(
        has_item(aurora, "Aurora PostgreSQL Serverless v2, Standard, 0.5 ACU average (0.5 to 1)"));
    CHECK(aurora["notes"][0] ==
          "no scenario sets database.engine: aurora-postgres; priced at its cheapest "
          "configuration, serverless_v2: {min_acu: 0.5, max_acu: 1}");
    // The base's RDS block names its own class, which the MySQL variant keeps.
    const json& mysql = scenario_named(plan, "database.engine=rds-mysql");
    CHECK(has_item(mysql, "RDS MySQL db.t4g.micro"));
  }
  SECTION("settings no scenario or default supplies are still required") {
    CHECK(check_golden("tests/golden/plan/compare-needs-settings.txt",
                       run_cli({"plan", "examples/pantrypal/stack.yaml", "--compare",
                                "compute.platform=ec2"}))
              .empty());
  }
}

TEST_CASE("plan --compare: list elements by index or by the value of a key", "[plan]") {
  enter_source_dir();
  const std::string spec = "examples/pantrypal/stack.yaml";
  SECTION("an index in brackets is the element's") {
    json plan = compare_plan(spec, "services[0].count=1,3");
    const json& one = scenario_named(plan, "services[0].count=1");
    const json& three = scenario_named(plan, "services[0].count=3");
    CHECK(has_item(one, "Fargate pantrypal-api (1 task"));
    CHECK(has_item(three, "Fargate pantrypal-api (3 tasks"));
    // The same as the dotted index.
    json dotted = compare_plan(spec, "services.0.count=3");
    CHECK(scenario_named(dotted, "services.0.count=3")["items"] == three["items"]);
  }
  SECTION("[name=...] picks the element with that name") {
    json plan = compare_plan(spec, "services[name=pantrypal-api].cpu=256");
    const json& small = scenario_named(plan, "services[name=pantrypal-api].cpu=256");
    CHECK(has_item(small, "Fargate pantrypal-api (1 task, 0.25 vCPU"));
  }
  SECTION("a name no element has is named, with the names there are") {
    auto r = run_cli_parts({"plan", spec, "--scenario", "target", "--compare",
                            "services[name=pantrypal-apii].cpu=256"});
    CHECK(r.code == 2);
    CHECK(r.err.find("'services[name=pantrypal-apii].cpu' names no element: none has name "
                     "pantrypal-apii [plan.compare]") != std::string::npos);
    CHECK(r.err.find("hint: the names there: pantrypal-api") != std::string::npos);
  }
  SECTION("a path that is not one is an error") {
    for (const char* bad : {"services[x].cpu=1", "services[0]cpu=1", "services[].cpu=1",
                            "[0].cpu=1", "services..cpu=1", "services[name=].cpu=1"}) {
      INFO(bad);
      auto r = run_cli_parts({"plan", spec, "--scenario", "target", "--compare", bad});
      CHECK(r.code == 2);
      CHECK(r.err.find("[plan.compare]") != std::string::npos);
    }
  }
}

TEST_CASE("a usage file overrides assumptions and rejects what it does not know",
          "[plan][golden]") {
  enter_source_dir();
  const std::string spec = "examples/pantrypal/stack.yaml";
  auto r = run_cli_parts({"plan", spec, "--scenario", "target", "--usage",
                          "tests/fixtures/usage/pantrypal.yaml", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  json plan = json::parse(r.out);
  check_arithmetic(plan);
  bool seen = false;
  for (const auto& item : plan["stacks"][0]["scenarios"][0]["items"]) {
    if (item["resource"] == "aws_lb.main" && item["unit"] == "LCU-hours") {
      CHECK(exact(item["quantity"]) == *Decimal::parse("365"));
      CHECK(item["assumption"] == "lcu = 0.5 (usage file)");
      seen = true;
    }
  }
  CHECK(seen);
  CHECK(check_golden("tests/golden/plan/usage-unknown.txt",
                     run_cli({"plan", spec, "--usage", "tests/fixtures/usage/unknown.yaml"}))
            .empty());
}

TEST_CASE("the contract's spec example plans", "[plan][golden]") {
  enter_source_dir();
  CHECK(check_golden("tests/contract/product-example.plan.golden",
                     run_cli({"plan", "tests/contract/product-example.yaml"}))
            .empty());
}

namespace {
const json& item_named(const json& scenario, const std::string& description) {
  for (const auto& item : scenario["items"]) {
    if (item["description"].get<std::string>().find(description) != std::string::npos) {
      return item;
    }
  }
  FAIL("no item " << description);
  static const json none;
  return none;
}
}  // namespace

TEST_CASE("a Database Savings Plan commits to the database's hours at the plan's rates", "[plan]") {
  enter_source_dir();
  auto r =
      run_cli_parts({"plan", "tests/fixtures/plan/database-savings-plan.yaml", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  json plan = json::parse(r.out);
  check_arithmetic(plan);
  // On demand: 2 x 730 h of db.r7g.large Aurora at $0.276.
  const json& on_demand = scenario_named(plan, "on-demand");
  CHECK(exact(item_named(on_demand, "db.r7g.large x 2")["monthly"]) == *Decimal::parse("402.96"));
  // By default the commitment covers the steady usage at the plan's rate: 2 x $0.2208/h.
  const json& plan_default = scenario_named(plan, "savings-plan");
  const json& commitment = item_named(plan_default, "Database Savings Plan 1y no-upfront");
  CHECK(exact(commitment["unit_price"]) == *Decimal::parse("0.4416"));
  CHECK(exact(commitment["monthly"]) == *Decimal::parse("322.368"));
  CHECK(commitment["component"] == "database");
  CHECK_FALSE(has_item(plan_default, "db.r7g.large x 2, Standard, on-demand"));
  // A smaller commitment covers 0.3 / 0.4416 of the hours; the rest runs on demand.
  const json& committed = scenario_named(plan, "committed");
  const json& rest = item_named(committed, "share beyond the commitment, on-demand");
  CHECK(exact(rest["quantity"]) == *Decimal::parse("468.152173894"));
  CHECK(exact(rest["unit_price"]) == *Decimal::parse("0.276"));
  // Serverless v2 ACU-hours at the plan's ACU rate ($0.078 against $0.12 on demand).
  CHECK(exact(item_named(scenario_named(plan, "serverless"),
                         "Database Savings Plan")["unit_price"]) == *Decimal::parse("0.078"));
}

TEST_CASE("database.purchase belongs to RDS and Aurora, its terms to the Savings Plan", "[plan]") {
  const char* sqlite =
      "version: 1\nname: x\nregion: us-east-2\nservices: [{name: api, image: "
      "nginx, cpu: 256, memory: 512}]\ndatabase: {engine: sqlite-efs, purchase: "
      "{model: database-savings-plan}}\n";
  stackplan::Diagnostics diags;
  CHECK_FALSE(stackplan::spec::load_spec_text("s.yaml", sqlite, diags));
  CHECK(stackplan::format_diagnostic(diags.all().at(0))
            .find("database.purchase applies only when database.engine is rds-* or aurora-* (it "
                  "is sqlite-efs) [spec.conflict]") != std::string::npos);
  const char* term =
      "version: 1\nname: x\nregion: us-east-2\ndatabase: {engine: rds-mysql, "
      "instance_class: db.m7g.large, purchase: {term: 1y}}\n";
  stackplan::Diagnostics more;
  CHECK_FALSE(stackplan::spec::load_spec_text("t.yaml", term, more));
  CHECK(stackplan::format_diagnostic(more.all().at(0))
            .find("purchase.model: database-savings-plan") != std::string::npos);
}

TEST_CASE("RDS Extended Support is billed per vCPU-hour past the end of standard support",
          "[plan]") {
  enter_source_dir();
  auto r = run_cli_parts({"plan", "tests/fixtures/plan/extended-support.yaml", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  json plan = json::parse(r.out);
  check_arithmetic(plan);
  // PostgreSQL 12 left standard support on 2025-02-28: year 1-2 on 2026-11-21, $0.10 per
  // vCPU-hour in us-east-2, 2 vCPUs of db.m6g.large and its standby's 2.
  const json& pg12 = item_named(scenario_named(plan, "postgres-12"), "RDS Extended Support");
  CHECK(exact(pg12["quantity"]) == *Decimal::parse("2920"));
  CHECK(exact(pg12["unit_price"]) == *Decimal::parse("0.1"));
  CHECK(exact(pg12["monthly"]) == *Decimal::parse("292"));
  // MySQL 5.7 left it on 2024-02-29: year 3 since 2026-02-28, $0.20, Single-AZ.
  const json& my57 = item_named(scenario_named(plan, "mysql-5-7"), "RDS Extended Support");
  CHECK(exact(my57["quantity"]) == *Decimal::parse("1460"));
  CHECK(exact(my57["unit_price"]) == *Decimal::parse("0.2"));
  CHECK(my57["price_ref"].get<std::string>().find("rds/extended-support/mysql/5.7/year-3") !=
        std::string::npos);
  // PostgreSQL 16 is in standard support until 2029.
  CHECK_FALSE(has_item(scenario_named(plan, "postgres-16"), "Extended Support"));
}

TEST_CASE("plan --diff: two specs line by line, in every format", "[plan][diff][golden]") {
  enter_source_dir();
  const std::string before = "examples/pantrypal/stack.yaml";
  const std::string after = "tests/fixtures/plan/pantrypal-grown.yaml";
  for (const std::string format : {"table", "json", "markdown", "csv"}) {
    INFO(format);
    std::string ext = format == "table" ? "txt" : format == "markdown" ? "md" : format;
    CHECK(check_golden("tests/golden/plan/diff." + ext,
                       run_cli({"plan", before, "--diff", after, "--format", format}))
              .empty());
  }
  // Each side's totals are its own plan's; the lines' deltas add up to the scenario's.
  auto diff = run_cli_parts({"plan", before, "--diff", after, "--format", "json"});
  REQUIRE(diff.code == 0);
  const json d = json::parse(diff.out);
  for (const auto& [path, key] :
       {std::pair{before, "before_monthly"}, std::pair{after, "after_monthly"}}) {
    const json plan = json::parse(run_cli_parts({"plan", path, "--format", "json"}).out);
    for (const auto& sc : plan["stacks"][0]["scenarios"]) {
      const auto found = std::find_if(d["scenarios"].begin(), d["scenarios"].end(),
                                      [&](const json& s) { return s["name"] == sc["name"]; });
      REQUIRE(found != d["scenarios"].end());
      CHECK(exact((*found)[key]) == exact(sc["monthly"]));
    }
  }
  for (const auto& sc : d["scenarios"]) {
    Decimal sum;
    for (const auto& line : sc["lines"]) {
      sum += exact(line["delta_monthly"]);
    }
    CHECK(cents(sum) == cents(exact(sc["delta_monthly"])));
  }
}

TEST_CASE("plan --diff reads REV:PATH from git, and says what it cannot do", "[plan][diff]") {
  enter_source_dir();
  const fs::path repo = stackplan::testing::temp_path("stackplan-diff-git");
  fs::remove_all(repo);
  fs::create_directories(repo);
  fs::copy_file("examples/pantrypal/stack.yaml", repo / "stack.yaml");
  const std::string git = "git -C '" + repo.string() + "' -c user.name=t -c user.email=t@t ";
  REQUIRE(std::system((git + "init -q && " + git + "add stack.yaml && " + git + "commit -qm first")
                          .c_str()) == 0);
  fs::copy_file("tests/fixtures/plan/pantrypal-grown.yaml", repo / "stack.yaml",
                fs::copy_options::overwrite_existing);
  const fs::path here = fs::current_path();
  fs::current_path(repo);
  auto from_git = run_cli_parts({"plan", "HEAD:stack.yaml", "--diff", "stack.yaml", "--format",
                                 "json", "--scenario", "target"});
  auto bad_rev = run_cli_parts({"plan", "stack.yaml", "--diff", "HEAD~5:stack.yaml"});
  fs::current_path(here);
  fs::remove_all(repo);
  INFO(from_git.err);
  REQUIRE(from_git.code == 0);
  const json d = json::parse(from_git.out);
  CHECK(d["before"] == "HEAD:stack.yaml");
  REQUIRE(d["scenarios"].size() == 1);
  CHECK(d["scenarios"][0]["delta_monthly"] == -18.28);
  CHECK(bad_rev.code == 2);
  CHECK(bad_rev.err.find("git cannot show HEAD~5:stack.yaml") != std::string::npos);

  auto with_compare =
      run_cli_parts({"plan", "examples/pantrypal/stack.yaml", "--diff",
                     "examples/pantrypal/stack.yaml", "--compare", "services[0].count=1,2"});
  CHECK(with_compare.code == 2);
  CHECK(with_compare.err.find("it takes no --compare") != std::string::npos);
  auto unknown = run_cli_parts({"plan", "examples/pantrypal/stack.yaml", "--diff",
                                "examples/pantrypal/stack.yaml", "--scenario", "taget"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean 'target'?") != std::string::npos);
}

TEST_CASE("init writes a spec and its schema, plans it, and never overwrites by accident",
          "[init]") {
  enter_source_dir();
  const fs::path dir = stackplan::testing::temp_path("stackplan-init");
  fs::remove_all(dir);
  const std::string out = (dir / "app" / "stack.yaml").string();
  auto r = run_cli_parts({"init", "--platform", "ec2", "--database", "aurora-mysql", "--region",
                          "eu-west-1", "--name", "shop", "--out", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("shop (" + out + ", eu-west-1)") != std::string::npos);
  CHECK(r.out.find("Aurora") != std::string::npos);
  CHECK(fs::exists(dir / "app" / "spec-v1.schema.json"));
  CHECK(json::parse(stackplan::testing::read_file((dir / "app/spec-v1.schema.json").string())) ==
        json::parse(run_cli_parts({"schema"}).out));
  auto again = run_cli_parts({"init", "--out", out});
  CHECK(again.code == 2);
  CHECK(again.err.find("exists; nothing written") != std::string::npos);
  auto bad = run_cli_parts({"init", "--database", "postgres", "--out", out});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("did you mean") != std::string::npos);
  auto validate = run_cli_parts({"validate", out});
  CHECK(validate.code == 0);
  fs::remove_all(dir);
}
