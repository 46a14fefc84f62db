#pragma once

#include <string>

#include "cost/plan.hpp"

namespace stackplan::report {

/// The contract's JSON (money as numbers: totals in cents, unit prices at catalog precision).
std::string plan_json(const cost::Plan& plan);
/// Tables grouped by component with subtotals, monthly and annual, deltas and assumptions.
std::string plan_table(const cost::Plan& plan);
/// The same for a pull-request comment.
std::string plan_markdown(const cost::Plan& plan);
/// One row per line item (RFC 4180).
std::string plan_csv(const cost::Plan& plan);
/// Warnings as text lines for stderr ("warning: ... [code]" and a hint).
std::string plan_warnings_text(const cost::Plan& plan);

/// "$1,234.50", "-$16.42".
std::string money(Decimal amount);

}  // namespace stackplan::report
