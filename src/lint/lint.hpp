#pragma once

// stackplan lint: finds .tf and CloudFormation files under the given paths, loads them, runs
// every rule, applies suppressions, and returns the findings in a stable order.

#include <string>
#include <vector>

#include "lint/rules.hpp"

namespace stackplan::lint {

struct Result {
  std::vector<Finding> findings;        ///< sorted by file, line, column, rule; suppressed included
  std::vector<std::string> files;       ///< every file linted, as displayed
  std::vector<std::string> skipped;     ///< YAML/JSON files that are not CloudFormation templates
  std::vector<std::string> missing;     ///< paths that do not exist, or are too large
  std::vector<std::string> unreadable;  ///< files the system would not give: "path: reason"
  /// Terraform module calls lint could not follow (remote sources), where they are written:
  /// "main.tf:21: module.vpc (source)".
  std::vector<std::string> unchecked_modules;
};

/// Lints files and folders (folders recursively, skipping hidden folders, .terraform and
/// node_modules). Terraform files of one folder form one module.
Result lint_paths(const std::vector<std::string>& paths);

/// Findings lint reports about the files themselves rather than a rule (syntax errors,
/// suppressions without a reason, drift, cost guardrails), for documentation and SARIF.
const std::vector<Rule>& file_rules();

/// Sorts findings (file, line, column, rule, message) and drops exact duplicates.
void sort_findings(std::vector<Finding>& findings);

}  // namespace stackplan::lint
