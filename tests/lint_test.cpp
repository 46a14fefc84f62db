// Every lint rule against its fixtures: tests/lint/rules/<rule>/{fail,pass}.{tf,yaml}. A line of
// a failing fixture marked with a `# expect` comment must get exactly one finding of the rule;
// no other line may; a passing fixture gets none.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "lint/lint.hpp"
#include "report/lint_report.hpp"

namespace fs = std::filesystem;
using namespace stackplan;

namespace {

const char* const k_fixtures = "tests/lint/rules";

std::set<int> expected_lines(const std::string& path) {
  std::set<int> lines;
  std::istringstream in(testing::read_file(path));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find("# expect") != std::string::npos) {
      lines.insert(n);
    }
  }
  return lines;
}

std::string describe(const lint::Result& r) {
  std::string out;
  for (const auto& f : r.findings) {
    out += "  " + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.col) + " " + f.code +
           ": " + f.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("every rule has passing and failing fixtures for both targets", "[lint]") {
  testing::enter_source_dir();
  for (const auto& rule : lint::rules()) {
    for (const char* name : {"fail.tf", "pass.tf", "fail.yaml", "pass.yaml"}) {
      fs::path p = fs::path(k_fixtures) / std::string(rule.id) / name;
      INFO(p.generic_string());
      CHECK(fs::is_regular_file(p));
    }
  }
  // No fixture folder for a rule that does not exist.
  for (const auto& entry : fs::directory_iterator(k_fixtures)) {
    INFO(entry.path().generic_string());
    CHECK(lint::find_rule(entry.path().filename().string()) != nullptr);
  }
}

TEST_CASE("each rule fires on its failing fixtures and only there", "[lint]") {
  testing::enter_source_dir();
  for (const auto& rule : lint::rules()) {
    for (const char* name : {"fail.tf", "pass.tf", "fail.yaml", "pass.yaml"}) {
      std::string path = (fs::path(k_fixtures) / std::string(rule.id) / name).generic_string();
      if (!fs::exists(path)) {
        continue;
      }
      lint::Result r = lint::lint_paths({path});
      INFO(path << "\n" << describe(r));
      REQUIRE(r.files.size() == 1);
      std::map<int, int> found;
      for (const auto& f : r.findings) {
        CHECK(f.code != "syntax-error");
        if (f.code == rule.id) {
          ++found[f.loc.line];
          CHECK(f.loc.file != nullptr);
          CHECK(f.loc.col > 0);
          CHECK(!f.hint.empty());
        }
      }
      std::set<int> want =
          std::string(name).rfind("fail", 0) == 0 ? expected_lines(path) : std::set<int>{};
      if (std::string(name).rfind("fail", 0) == 0) {
        CHECK(!want.empty());
      }
      std::set<int> got;
      for (const auto& [line, n] : found) {
        got.insert(line);
        CHECK(n == 1);
      }
      CHECK(got == want);
    }
  }
}

TEST_CASE("lint output formats and exit codes", "[lint][cli]") {
  testing::enter_source_dir();
  const std::string mixed = "tests/lint/cli/mixed.tf";
  for (const char* format : {"text", "json", "sarif"}) {
    auto r = testing::run_cli_parts({"lint", mixed, "--format", format});
    INFO(format << "\n" << r.err);
    CHECK(r.code == 1);
    CHECK(r.err.empty());
    CHECK(testing::check_golden(std::string("tests/golden/lint/mixed.") + format, r.out) == "");
  }
  // --fail-on: error (default) fails on the error; removing the error leaves a warning.
  CHECK(testing::run_cli_parts({"lint", "tests/lint/rules/logs-retention/fail.tf"}).code == 0);
  CHECK(testing::run_cli_parts(
            {"lint", "tests/lint/rules/logs-retention/fail.tf", "--fail-on", "warning"})
            .code == 1);
  CHECK(testing::run_cli_parts(
            {"lint", "tests/lint/rules/sg-rule-description/fail.tf", "--fail-on", "warning"})
            .code == 0);
  CHECK(testing::run_cli_parts(
            {"lint", "tests/lint/rules/sg-rule-description/fail.tf", "--fail-on", "note"})
            .code == 1);
  CHECK(testing::run_cli_parts({"lint", mixed, "--fail-on", "none"}).code == 0);
}

TEST_CASE("lint suppressions need a known rule and a reason", "[lint][cli]") {
  testing::enter_source_dir();
  auto r = testing::run_cli_parts(
      {"lint", "tests/lint/cli/suppressed.tf", "tests/lint/cli/suppressed.yaml"});
  CHECK(r.code == 1);
  CHECK(testing::check_golden("tests/golden/lint/suppressed.txt", r.out) == "");
  auto j = testing::run_cli_parts({"lint", "tests/lint/cli/suppressed.tf",
                                   "tests/lint/cli/suppressed.yaml", "--format", "json"});
  auto json = nlohmann::json::parse(j.out);
  int suppressed = 0;
  for (const auto& f : json["findings"]) {
    if (f.contains("suppressed")) {
      ++suppressed;
      CHECK(f["suppressed"] == "audit logs are kept forever by policy");
      CHECK(f["rule"] == "logs-retention");
    }
  }
  CHECK(suppressed == 2);
  CHECK(json["summary"]["suppressed"] == 2);
}

TEST_CASE("lint reports syntax errors and skips YAML that is not CloudFormation", "[lint][cli]") {
  testing::enter_source_dir();
  auto r = testing::run_cli_parts({"lint", "tests/lint/cli/broken"});
  CHECK(r.code == 1);
  CHECK(testing::check_golden("tests/golden/lint/broken.txt", r.out) == "");
}

TEST_CASE("lint reads CloudFormation JSON and long-form intrinsics", "[lint]") {
  testing::enter_source_dir();
  auto path = testing::temp_path("lint-json-template.json");
  {
    std::ofstream out(path);
    out << "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Parameters\": {\"DbPassword\": "
           "{\"Type\": \"String\", \"Default\": \"hunter2hunter2\"}},\n  \"Resources\": {\n"
           "    \"Db\": {\n      \"Type\": \"AWS::RDS::DBInstance\",\n      \"Properties\": {\n"
           "        \"MasterUserPassword\": {\"Ref\": \"DbPassword\"},\n"
           "        \"StorageEncrypted\": {\"Fn::If\": [\"Prod\", true, false]}\n      }\n    }\n"
           "  }\n}\n";
  }
  lint::Result r = lint::lint_paths({path.string()});
  std::map<std::string, int> lines;
  for (const auto& f : r.findings) {
    lines[f.code] = f.loc.line;
  }
  CHECK(lines["rds-plaintext-password"] == 8);  // the Ref, resolved to the parameter's Default
  CHECK(lines["secret-default"] == 3);
  CHECK(lines["rds-storage-encrypted"] == 9);  // Fn::If read both ways: its false branch
  fs::remove(path);
}

TEST_CASE("lint reports on templates that are not UTF-8 in every format", "[lint]") {
  auto path = testing::temp_path("lint-latin1.yaml");
  {
    std::ofstream out(path, std::ios::binary);
    out << "Resources:\n  Donn\xE9\x65s:\n    Type: AWS::S3::Bucket\n";  // Latin-1 e-acute
  }
  lint::Result r = lint::lint_paths({path.string()});
  REQUIRE_FALSE(r.findings.empty());
  // The byte is shown as U+FFFD in JSON and SARIF, whose encoders refuse invalid UTF-8.
  CHECK(report::lint_json(r).find("Donn\xEF\xBF\xBD"
                                  "es") != std::string::npos);
  CHECK(report::lint_sarif(r).find("Donn\xEF\xBF\xBD"
                                   "es") != std::string::npos);
  CHECK(report::lint_text(r).find("Donn\xE9"
                                  "es") != std::string::npos);
  fs::remove(path);
}

TEST_CASE("lint --spec reports drift file by file and cost guardrails", "[lint][cli]") {
  testing::enter_source_dir();
  const std::string spec = "examples/dynamiccloudarchitect/stack.yaml";
  fs::path out = testing::temp_path("lint-spec-out");
  fs::remove_all(out);
  REQUIRE(testing::run_cli_parts(
              {"render", spec, "--out", out.string(), "--target", "all", "--scenario", "target"})
              .code == 0);
  auto clean = testing::run_cli_parts(
      {"lint", out.string(), "--spec", spec, "--scenario", "target", "--format", "json"});
  auto j = nlohmann::json::parse(clean.out);
  CHECK(clean.code == 0);
  CHECK(j["summary"]["errors"] == 0);

  // The wrong scenario: every file differs.
  auto other = testing::run_cli_parts(
      {"lint", out.string(), "--spec", spec, "--scenario", "current", "--format", "json"});
  CHECK(other.code == 1);

  // Without --scenario, the one the folder was rendered for, and said so; the manifest is
  // render's own file, not one lint skips.
  auto recorded = testing::run_cli_parts({"lint", out.string(), "--spec", spec});
  CHECK(recorded.code == 0);
  CHECK(recorded.err == "stackplan: comparing with scenario 'target' of " + spec + ", which " +
                            out.lexically_normal().generic_string() + " was rendered for\n");
  CHECK(recorded.out.find("skipped") == std::string::npos);

  // One edit, one missing file: two findings, each on its file.
  {
    std::ofstream edit(out / "terraform" / "network.tf", std::ios::app);
    edit << "# hand edit\n";
  }
  fs::remove(out / "terraform" / "outputs.tf");
  auto drift = testing::run_cli_parts(
      {"lint", out.string(), "--spec", spec, "--scenario", "target", "--format", "json"});
  CHECK(drift.code == 1);
  std::vector<std::string> drifted;
  const auto drift_json = nlohmann::json::parse(drift.out);
  for (const auto& f : drift_json["findings"]) {
    if (f["rule"] == "spec-drift") {
      drifted.push_back(f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) +
                        " " + f["message"].get<std::string>().substr(0, 7));
    }
  }
  const std::string root = out.lexically_normal().generic_string();
  REQUIRE(drifted.size() == 2);
  CHECK(drifted[0].find("/terraform/network.tf:") != std::string::npos);
  CHECK(drifted[0].find(" differs") != std::string::npos);
  CHECK(drifted[1] == root + "/terraform/outputs.tf:0 missing");

  // Cost guardrails: target costs $28.18 a month, current $23.12 (+21.9%).
  auto over = testing::run_cli_parts({"lint", "tests/lint/rules/rds-public/pass.tf", "--spec", spec,
                                      "--scenario", "target", "--budget", "20"});
  CHECK(over.code == 1);
  CHECK(over.out.find("costs $28.18 a month, over the budget of $20.00 [cost-budget]") !=
        std::string::npos);
  CHECK(testing::run_cli_parts({"lint", "tests/lint/rules/rds-public/pass.tf", "--spec", spec,
                                "--scenario", "target", "--budget", "30"})
            .code == 0);
  auto increase = testing::run_cli_parts({"lint", "tests/lint/rules/rds-public/pass.tf", "--spec",
                                          spec, "--scenario", "target", "--baseline", "current",
                                          "--max-increase", "10"});
  CHECK(increase.code == 1);
  CHECK(increase.out.find("21.9% more than baseline current ($23.12), over --max-increase 10%") !=
        std::string::npos);
  CHECK(testing::run_cli_parts({"lint", "tests/lint/rules/rds-public/pass.tf", "--spec", spec,
                                "--scenario", "target", "--baseline", "current", "--max-increase",
                                "30"})
            .code == 0);
  fs::remove_all(out);
}

TEST_CASE("docs/lint-rules.md is generated from the rules", "[lint][golden]") {
  testing::enter_source_dir();
  CHECK(testing::check_golden("docs/lint-rules.md", report::lint_rules_markdown()) == "");
}

TEST_CASE("the CI examples are valid YAML and run the documented steps", "[lint]") {
  testing::enter_source_dir();
  YAML::Node gh = YAML::LoadFile("examples/ci/github-actions.yml");
  std::string runs;
  for (const auto& step : gh["jobs"]["stackplan"]["steps"]) {
    if (step["run"]) {
      runs += step["run"].as<std::string>() + "\n";
    }
    if (step["uses"]) {
      runs += "uses " + step["uses"].as<std::string>() + "\n";
    }
  }
  YAML::Node gl = YAML::LoadFile("examples/ci/gitlab-ci.yml");
  std::string script;
  for (const auto& line : gl["stackplan"]["script"]) {
    script += line.as<std::string>() + "\n";
  }
  for (const std::string& text : {runs, script}) {
    CHECK(text.find("stackplan render \"$SPEC\" --out \"$OUT\" --target all --check") !=
          std::string::npos);
    CHECK(text.find("stackplan lint \"$OUT\" --spec \"$SPEC\" --format sarif") !=
          std::string::npos);
    CHECK(text.find("--format markdown") != std::string::npos);
  }
  CHECK(runs.find("uses github/codeql-action/upload-sarif@v3") != std::string::npos);
  CHECK(gl["stackplan"]["artifacts"]["reports"]["codequality"].as<std::string>() ==
        "gl-code-quality.json");
}

TEST_CASE("hostile input does not crash lint: long user data, deeply nested JSON in strings",
          "[lint][cli]") {
  const fs::path dir = testing::temp_path("stackplan-lint-hostile");
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const std::string deep = std::string(20000, '[') + std::string(20000, ']');
  // A password assignment after 40,000 spaces is still found; 40,000 capital letters are not one.
  const std::string spaced =
      write("spaced.tf",
            "resource \"aws_instance\" \"a\" {\n  ami = \"ami-1\"\n  user_data = \"export "
            "PASSWORD" +
                std::string(40000, ' ') + "=hunter2-and-more\"\n}\n");
  auto found = testing::run_cli_parts({"lint", spaced, "--format", "json", "--fail-on", "none"});
  CHECK(found.code == 0);
  CHECK(found.out.find("ec2-user-data-secret") != std::string::npos);
  const std::string letters =
      write("letters.tf",
            "resource \"aws_instance\" \"b\" {\n  ami = \"ami-1\"\n  user_data = \"PASSWORD" +
                std::string(40000, 'A') + "\"\n}\n");
  CHECK(testing::run_cli_parts({"lint", letters, "--fail-on", "none"}).code == 0);
  const std::string heredoc = write("policy.tf",
                                    "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy "
                                    "= <<EOT\n" +
                                        deep + "\nEOT\n}\n");
  CHECK(testing::run_cli_parts({"lint", heredoc, "--fail-on", "none"}).code == 0);
  const std::string cfn =
      write("policy.yaml",
            "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  P:\n    Type: "
            "AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: \"" +
                deep + "\"\n");
  CHECK(testing::run_cli_parts({"lint", cfn, "--fail-on", "none"}).code == 0);

  // Loops inside loops multiply: nested for expressions and Fn::ForEach are bounded, so lint
  // finishes and still reports what it read.
  std::string hundred;
  for (int i = 0; i < 100; ++i) {
    hundred += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
  }
  const std::string nested_for =
      write("nested.tf", "locals {\n  l = [" + hundred +
                             "]\n  x = [for a in local.l : [for b in local.l : [for c in local.l : "
                             "[for d in local.l : d]]]]\n}\nresource \"aws_s3_bucket\" \"b\" {\n  "
                             "bucket = jsonencode(local.x)\n  acl = \"public-read\"\n}\n");
  auto loops = testing::run_cli_parts({"lint", nested_for, "--fail-on", "none"});
  CHECK(loops.code == 0);
  CHECK(loops.out.find("s3-public-acl") != std::string::npos);
  std::string foreach = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";
  std::string indent = "  ";
  std::string id = "B";
  for (int level = 0; level < 5; ++level) {
    foreach
      += indent + "Fn::ForEach::L" + std::to_string(level) + ":\n" + indent + "  - X" +
         std::to_string(level) + "\n" + indent + "  - [" + hundred + "]\n" + indent + "  -\n";
    indent += "    ";
    id += "${X" + std::to_string(level) + "}";
  }
  foreach
    += indent + id + ":\n" + indent + "  Type: AWS::Logs::LogGroup\n";
  const std::string nested_foreach = write("nested.yaml", foreach);
  auto many = testing::run_cli_parts({"lint", nested_foreach, "--fail-on", "none"});
  CHECK(many.code == 0);
  CHECK(many.out.find("logs-retention") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("lint follows a symbolic link loop once and lints each file once", "[lint][cli]") {
  const fs::path dir = testing::temp_path("stackplan-lint-loop");
  fs::remove_all(dir);
  fs::create_directories(dir / "a" / "b");
  fs::copy_file("tests/lint/rules/rds-public/fail.tf", dir / "a" / "b" / "main.tf");
  fs::create_directory_symlink("..", dir / "a" / "b" / "up");       // back to a/
  fs::create_directory_symlink("../..", dir / "a" / "b" / "root");  // back to the top
  auto r = testing::run_cli_parts({"lint", dir.string(), "--fail-on", "none"});
  CHECK(r.code == 0);
  CHECK(r.out.find("linted 1 file:") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("lint reads a template's Rules functions and tags before multi-line plain scalars",
          "[lint]") {
  auto write = [](const std::string& name, const std::string& text) {
    auto path = testing::temp_path(name);
    std::ofstream(path) << text;
    return path;
  };
  // Valid YAML and CloudFormation that a template may hold: no syntax error.
  auto rules = write("lint-rules-section.yaml",
                     "Parameters:\n  Env:\n    Type: String\nRules:\n  Prod:\n"
                     "    RuleCondition: !Equals [!Ref Env, prod]\n    Assertions:\n"
                     "      - Assert: !Contains [[a, b], !Ref Env]\n"
                     "      - Assert: !EachMemberEquals [!RefAll \"AWS::EC2::VPC::Id\", vpc-1]\n"
                     "      - Assert: !EachMemberIn [!ValueOfAll [\"AWS::EC2::Subnet::Id\", "
                     "VpcId], [vpc-1]]\n"
                     "      - Assert: !Equals [!ValueOf [Env, Tag], x]\n"
                     "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
  auto folded = write("lint-tagged-multiline.yaml",
                      "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                      "      DisplayName:\n        !Sub first \"line\" ${AWS::Region}\n"
                      "        second line\n      TopicName: !Sub a\n        b\n");
  lint::Result r = lint::lint_paths({rules.string(), folded.string()});
  for (const auto& f : r.findings) {
    CHECK(f.code != "syntax-error");
  }
  CHECK(r.files.size() == 2);
  // The scalar keeps its value and its lines.
  auto file = std::make_shared<const SourceFile>(folded.string(), testing::read_file(folded));
  std::vector<Diagnostic> errors;
  auto m = lint::load_cloudformation(file, errors);
  REQUIRE(errors.empty());
  REQUIRE(m);
  const lint::Value* name = m->resources.at(0).body.at({"DisplayName", "Fn::Sub"});
  REQUIRE(name != nullptr);
  CHECK(name->text == "first \"line\" ${AWS::Region} second line");
  CHECK(name->line == 6);
  const lint::Value* topic = m->resources.at(0).body.at({"TopicName", "Fn::Sub"});
  REQUIRE(topic != nullptr);
  CHECK(topic->text == "a b");
  fs::remove(rules);
  fs::remove(folded);
}

TEST_CASE("a container named by a reference is reported by that reference", "[lint]") {
  auto path = testing::temp_path("lint-container-ref.yaml");
  std::ofstream(path) << "Parameters:\n  Name:\n    Type: String\nResources:\n  Task:\n"
                         "    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
                         "      ContainerDefinitions:\n        - Name: !Ref Name\n"
                         "          Image: nginx\n          Privileged: true\n";
  lint::Result r = lint::lint_paths({path.string()});
  bool found = false;
  for (const auto& f : r.findings) {
    if (f.code == "ecs-privileged") {
      found = true;
      CHECK(f.message == "container !Ref Name of 'Task' runs privileged (root on the host)");
    }
  }
  CHECK(found);
  fs::remove(path);
}

TEST_CASE("local Terraform modules are expanded; what a call passes is found at the call",
          "[lint][modules]") {
  testing::enter_source_dir();
  const std::string caller = "tests/lint/modules/examples/complete/main.tf";
  lint::Result r = lint::lint_paths({"tests/lint/modules/examples/complete"});
  INFO(describe(r));
  // Each `# expect RULE` line of the caller gets that finding, on an argument it passes.
  std::map<int, std::string> want;
  {
    std::ifstream in(caller);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (auto at = line.find("# expect "); at != std::string::npos) {
        want[n] = line.substr(at + 9);
      }
    }
  }
  REQUIRE(want.size() == 2);
  std::map<int, std::string> got;
  std::vector<std::string> in_module;
  for (const auto& f : r.findings) {
    REQUIRE(f.loc.file != nullptr);
    if (f.loc.file->path() == caller) {
      got[f.loc.line] = f.code;
    } else {
      in_module.push_back(f.loc.file->path() + " " + f.code + " " + f.message);
    }
  }
  CHECK(got == want);
  // A finding on the module's own default, once per call that reaches it; never for the call
  // with count = 0.
  CHECK(in_module ==
        std::vector<std::string>{
            "tests/lint/modules/modules/db/logs/main.tf logs-retention log group "
            "'module.db.module.logs.aws_cloudwatch_log_group.this' keeps its logs forever (and "
            "bills for them)",
            "tests/lint/modules/modules/db/logs/main.tf logs-retention log group "
            "'module.db_public.module.logs.aws_cloudwatch_log_group.this' keeps its logs forever "
            "(and bills for them)"});
  CHECK(r.unchecked_modules ==
        std::vector<std::string>{caller +
                                 ":21: module.vpc (terraform-aws-modules/vpc/aws: not a local "
                                 "folder)"});
  const std::string text = report::lint_text(r);
  CHECK(text.find("not checked: 1 module call\n  " + caller +
                  ":21: module.vpc (terraform-aws-modules/vpc/aws: not a local folder)\n") !=
        std::string::npos);

  // The module alone: its defaults are safe, and nothing points into the caller.
  lint::Result alone = lint::lint_paths({"tests/lint/modules/modules/db"});
  for (const auto& f : alone.findings) {
    CHECK(f.code == "logs-retention");
  }

  // A module that calls itself ends.
  lint::Result cycle = lint::lint_paths({"tests/lint/modules/cycle"});
  CHECK(cycle.findings.empty());
  REQUIRE(cycle.unchecked_modules.size() == 1);
  CHECK(cycle.unchecked_modules[0].find("calls itself") != std::string::npos);
}

TEST_CASE("EBS encryption by default in the module covers what instances leave unsaid", "[lint]") {
  const auto dir = testing::temp_path("lint-ebs-by-default");
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "main.tf");
    out << "resource \"aws_ebs_encryption_by_default\" \"on\" {\n  enabled = true\n}\n\n"
           "resource \"aws_instance\" \"bare\" {\n  ami = \"ami-1\"\n}\n\n"
           "resource \"aws_instance\" \"off\" {\n  ami = \"ami-1\"\n  root_block_device {\n"
           "    encrypted = false\n  }\n}\n";
  }
  lint::Result r = lint::lint_paths({dir.string()});
  std::vector<int> lines;
  for (const auto& f : r.findings) {
    if (f.code == "ec2-ebs-encrypted") {
      lines.push_back(f.loc.line);
    }
  }
  // Only the volume that turns encryption off.
  CHECK(lines == std::vector<int>{12});
  fs::remove_all(dir);
}
