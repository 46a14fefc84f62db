#include "report/lint_report.hpp"

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"
#include "base/json_text.hpp"
#include "version.hpp"

namespace stackplan::report {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t suppressed = 0;
};

Counts count(const lint::Result& r) {
  Counts c;
  for (const auto& f : r.findings) {
    if (!f.suppressed_reason.empty()) {
      ++c.suppressed;
    } else if (f.severity == Severity::error) {
      ++c.errors;
    } else if (f.severity == Severity::warning) {
      ++c.warnings;
    } else {
      ++c.notes;
    }
  }
  return c;
}

/// Every rule findings can name: the checks and the file-level rules, in id order.
std::vector<const lint::Rule*> all_rules() {
  std::vector<const lint::Rule*> out;
  for (const auto& r : lint::rules()) {
    out.push_back(&r);
  }
  for (const auto& r : lint::file_rules()) {
    out.push_back(&r);
  }
  std::sort(out.begin(), out.end(),
            [](const lint::Rule* a, const lint::Rule* b) { return a->id < b->id; });
  return out;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

ordered_json equivalents(const lint::Rule* rule) {
  ordered_json e = ordered_json::object();
  if (rule == nullptr) {
    return e;
  }
  if (!rule->checkov.empty()) {
    e["checkov"] = std::string(rule->checkov);
  }
  if (!rule->control_tower.empty()) {
    e["control_tower"] = std::string(rule->control_tower);
  }
  if (!rule->cfn_lint.empty()) {
    e["other"] = std::string(rule->cfn_lint);
  }
  return e;
}

const lint::Rule* rule_of(const std::string& id) {
  if (const lint::Rule* r = lint::find_rule(id)) {
    return r;
  }
  for (const auto& r : lint::file_rules()) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace

std::string lint_text(const lint::Result& result, bool color, std::size_t width) {
  std::string out;
  for (const auto& f : result.findings) {
    if (!f.suppressed_reason.empty()) {
      continue;
    }
    out += format_diagnostic(f, color, width);
  }
  Counts c = count(result);
  out += "linted " + plural(result.files.size(), "file") + ": " + plural(c.errors, "error") + ", " +
         plural(c.warnings, "warning") + ", " + plural(c.notes, "note");
  if (c.suppressed > 0) {
    out += " (" + std::to_string(c.suppressed) + " suppressed)";
  }
  if (!result.skipped.empty()) {
    out += "; skipped " + plural(result.skipped.size(), "file") + " that " +
           (result.skipped.size() == 1 ? "is" : "are") + " not CloudFormation";
  }
  out += "\n";
  if (!result.unchecked_modules.empty()) {
    out += "not checked: " + plural(result.unchecked_modules.size(), "module call") + "\n";
    for (const auto& m : result.unchecked_modules) {
      out += "  " + m + "\n";
    }
  }
  return out;
}

std::string lint_json(const lint::Result& result) {
  ordered_json j;
  j["version"] = 1;
  j["files"] = result.files;
  j["skipped"] = result.skipped;
  j["unchecked_modules"] = result.unchecked_modules;
  ordered_json findings = ordered_json::array();
  for (const auto& f : result.findings) {
    ordered_json x;
    x["rule"] = f.code;
    x["severity"] = severity_name(f.severity);
    x["file"] = f.loc.file ? f.loc.file->path() : "";
    x["line"] = f.loc.line;
    x["column"] = f.loc.col;
    x["message"] = f.message;
    x["hint"] = f.hint;
    x["resource"] = f.resource;
    x["equivalents"] = equivalents(rule_of(f.code));
    if (!f.suppressed_reason.empty()) {
      x["suppressed"] = f.suppressed_reason;
    }
    findings.push_back(std::move(x));
  }
  j["findings"] = std::move(findings);
  Counts c = count(result);
  j["summary"] = {{"errors", c.errors},
                  {"warnings", c.warnings},
                  {"notes", c.notes},
                  {"suppressed", c.suppressed}};
  return json_text(j);
}

std::string lint_sarif(const lint::Result& result) {
  auto rules = all_rules();
  ordered_json driver;
  driver["name"] = "stackplan";
  driver["version"] = k_version;
  driver["semanticVersion"] = k_version;
  ordered_json rule_list = ordered_json::array();
  for (const lint::Rule* r : rules) {
    ordered_json x;
    x["id"] = std::string(r->id);
    x["name"] = std::string(r->id);
    x["shortDescription"] = {{"text", std::string(r->title)}};
    x["fullDescription"] = {{"text", std::string(r->description)}};
    std::string equiv;
    auto add = [&](const char* what, std::string_view ids) {
      if (!ids.empty()) {
        equiv += std::string(equiv.empty() ? "" : "; ") + what + " " + std::string(ids);
      }
    };
    add("checkov", r->checkov);
    add("AWS Control Tower", r->control_tower);
    add("also", r->cfn_lint);
    std::string text = std::string(r->description) +
                       "\nTerraform: " + std::string(r->hint_terraform) +
                       "\nCloudFormation: " + std::string(r->hint_cloudformation);
    std::string md = std::string(r->description) + "\n\n**Terraform:** " +
                     std::string(r->hint_terraform) + "\n\n**CloudFormation:** " +
                     std::string(r->hint_cloudformation);
    if (!equiv.empty()) {
      text += "\nEquivalent: " + equiv;
      md += "\n\n**Equivalent:** " + equiv;
    }
    x["help"] = {{"text", text}, {"markdown", md}};
    x["defaultConfiguration"] = {{"level", severity_name(r->severity)}};
    ordered_json props;
    props["tags"] = r->check ? json::array({"security", "aws"}) : json::array({"stackplan"});
    if (!r->checkov.empty()) {
      props["checkov"] = std::string(r->checkov);
    }
    if (!r->control_tower.empty()) {
      props["controlTower"] = std::string(r->control_tower);
    }
    if (r->severity == Severity::error && r->check) {
      props["security-severity"] = "8.0";
    } else if (r->check) {
      props["security-severity"] = r->severity == Severity::warning ? "5.0" : "2.0";
    }
    x["properties"] = std::move(props);
    rule_list.push_back(std::move(x));
  }
  driver["rules"] = std::move(rule_list);

  ordered_json results = ordered_json::array();
  for (const auto& f : result.findings) {
    ordered_json x;
    x["ruleId"] = f.code;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (rules[i]->id == f.code) {
        x["ruleIndex"] = i;
      }
    }
    x["level"] = severity_name(f.severity);
    x["message"] = {{"text", f.message + (f.hint.empty() ? "" : " (fix: " + f.hint + ")")}};
    ordered_json physical;
    physical["artifactLocation"] = {{"uri", f.loc.file ? f.loc.file->path() : std::string()},
                                    {"uriBaseId", "%SRCROOT%"}};
    if (f.loc.line > 0) {
      physical["region"] = {{"startLine", f.loc.line}, {"startColumn", std::max(f.loc.col, 1)}};
    }
    x["locations"] = ordered_json::array({{{"physicalLocation", std::move(physical)}}});
    if (!f.suppressed_reason.empty()) {
      x["suppressions"] =
          ordered_json::array({{{"kind", "inSource"}, {"justification", f.suppressed_reason}}});
    }
    results.push_back(std::move(x));
  }

  ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  ordered_json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ordered_json::array({std::move(run)});
  return json_text(log);
}

std::string lint_rules_markdown() {
  std::string out =
      "# Lint rules\n\n"
      "<!-- Generated from src/lint/rules_*.cpp and src/lint/lint.cpp; refresh with "
      "UPDATE_GOLDEN=1 ./build/tests/stackplan_tests. -->\n\n"
      "`stackplan lint PATH...` reads Terraform (`.tf`, every file of a folder as one module) and "
      "CloudFormation (`.yaml`, `.yml`, `.json`, `.template`; YAML short-form tags such as `!Ref` "
      "and `!Sub` are read as their long forms) and runs every rule below on both. Findings are "
      "printed `file:line:col: severity: message [rule]` with the line, a caret and the fix. "
      "Values lint cannot know before deployment (references, functions, conditions) are never "
      "guessed: a rule fires only on what the file states. Terraform variable defaults, locals, "
      "`jsonencode()`, `for` expressions, conditionals and comparisons over known values, string "
      "templates (a JSON policy in one is read around the values it leaves open) and "
      "`aws_iam_policy_document` data sources, and CloudFormation parameter defaults, are "
      "followed; a policy document no resource uses is checked as the identity policy it is. A "
      "CloudFormation `Fn::If` is read both ways (every condition true, "
      "then every condition false; a branch that is `AWS::NoValue` leaves the property out), so a "
      "value either branch may deploy is checked and a finding points at that branch. An "
      "`Fn::ForEach` loop (AWS::LanguageExtensions) declares one resource per element of a "
      "collection known in the template (a list, or a parameter's default), named as the "
      "template names it. Calls of "
      "local Terraform modules (`source = \"./...\"` or `\"../...\"`) are expanded: the "
      "called folder's resources are checked as `module.NAME.TYPE.LABEL`, with its variables "
      "bound to the call's arguments, so a value the call passes is found on the caller's line; "
      "nested calls too, a call with `count = 0` or an empty `for_each` is skipped, and any other "
      "is read once. A resource, data source or call whose `count` is known to be 0 (or whose "
      "`for_each` is known to be empty) is never created and is not checked; `source_policy_"
      "documents` of a policy document are merged into it. A resource whose `for_each` is a map "
      "or set known in the files is read once "
      "per element, with `each.key` and `each.value` bound. Calls of remote modules (a registry, "
      "git, a URL) are listed as not checked, "
      "with where each is written, under the summary and in the JSON output "
      "(`unchecked_modules`).\n\n"
      "Severities: **error** (exit 1 by default), **warning** (exit 1 with `--fail-on warning`), "
      "**note** (exit 1 with `--fail-on note`). `--fail-on none` never fails.\n\n"
      "## Suppressing a finding\n\n"
      "Every suppression names the rule and gives a reason; one without a reason, or naming a "
      "rule that does not exist, is itself an error (`suppression-invalid`) and suppresses "
      "nothing. Suppressed findings are left out of the text output, listed with their reason "
      "in JSON, and sent to code scanning as SARIF suppressions (`kind: inSource`).\n\n"
      "Terraform: a comment inside the resource block, or in the comment lines right above its "
      "header:\n\n"
      "```hcl\n"
      "resource \"aws_cloudwatch_log_group\" \"audit\" {\n"
      "  # stackplan:ignore logs-retention audit logs are kept forever by policy\n"
      "  name = \"/audit\"\n"
      "}\n"
      "```\n\n"
      "Several rules: `# stackplan:ignore rule-a,rule-b reason`. `//` comments work too.\n\n"
      "CloudFormation: the resource's `Metadata`:\n\n"
      "```yaml\n"
      "Audit:\n"
      "  Type: AWS::Logs::LogGroup\n"
      "  Metadata:\n"
      "    stackplan:\n"
      "      ignore:\n"
      "        - rule: logs-retention\n"
      "          reason: audit logs are kept forever by policy\n"
      "```\n\n"
      "## Rules\n\n"
      "| rule | severity | checks | checkov | AWS Control Tower | also |\n"
      "|---|---|---|---|---|---|\n";
  auto cell = [](std::string_view s) { return s.empty() ? std::string("—") : std::string(s); };
  for (const auto& r : lint::rules()) {
    out += "| [`" + std::string(r.id) + "`](#" + std::string(r.id) + ") | " +
           severity_name(r.severity) + " | " + std::string(r.title) + " | " + cell(r.checkov) +
           " | " + cell(r.control_tower) + " | " + cell(r.cfn_lint) + " |\n";
  }
  for (const auto& r : lint::rules()) {
    out += "\n### " + std::string(r.id) + "\n\n";
    out += "**" + std::string(severity_name(r.severity)) + "**: " + std::string(r.title) + ". " +
           std::string(r.description) + "\n\n";
    out += "- Terraform: " + std::string(r.hint_terraform) + ".\n";
    out += "- CloudFormation: " + std::string(r.hint_cloudformation) + ".\n";
    out += "- Fixtures: `tests/lint/rules/" + std::string(r.id) +
           "/` (`fail.tf`, `pass.tf`, `fail.yaml`, `pass.yaml`).\n";
    if (!r.differences.empty()) {
      out += "- Differs from " + std::string(r.checkov) +
             " on purpose: " + std::string(r.differences) + "\n";
    }
  }
  out +=
      "\n## Findings about the files\n\n"
      "| id | severity | reported when |\n|---|---|---|\n";
  for (const auto& r : lint::file_rules()) {
    out += "| `" + std::string(r.id) + "` | " + severity_name(r.severity) + " | " +
           std::string(r.description) + " |\n";
  }
  return out;
}

}  // namespace stackplan::report
