#pragma once

// lint findings as text (gcc-style, with the source line and a hint), JSON and SARIF 2.1.0.

#include <string>

#include "lint/lint.hpp"

namespace stackplan::report {

/// Unsuppressed findings gcc-style, then a summary line.
std::string lint_text(const lint::Result& result, bool color = false, std::size_t width = 0);
/// Every finding (suppressed ones marked), the files read and the counts.
std::string lint_json(const lint::Result& result);
/// SARIF 2.1.0 for GitHub code scanning: every rule with its help, results with regions,
/// suppressed findings with their justification.
std::string lint_sarif(const lint::Result& result);

/// docs/lint-rules.md: every rule with its severity, what it checks, the fix for each target
/// and the equivalent checkov / AWS Control Tower / cfn-lint ids; suppression syntax.
std::string lint_rules_markdown();

}  // namespace stackplan::report
