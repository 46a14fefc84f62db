#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cost/diff.hpp"
#include "cost/plan.hpp"

namespace stackplan::report {

/// Writes a plan stack by stack, so that a plan of many specs streams: `begin` once (the
/// catalog is known), `stack` for each stack in order, `end` once the totals and warnings are.
class PlanWriter {
 public:
  virtual ~PlanWriter() = default;
  virtual void begin(const cost::Plan& plan) = 0;
  virtual void stack(const cost::StackPlan& stack) = 0;
  virtual void end(const cost::Plan& plan) = 0;
};

/// The formats of `plan --format`: table (grouped by component with subtotals, monthly and
/// annual, deltas and assumptions), json (the contract's), markdown (for a pull-request
/// comment), csv (one row per line item, RFC 4180).
const std::vector<std::string>& plan_formats();

/// The writer of one of plan_formats() (anything else: table) onto `out`; the table marks
/// costs going up and down, missing prices and titles with colours when `color`, and fits a
/// terminal `width` columns wide (0: lines as long as they need).
std::unique_ptr<PlanWriter> plan_writer(std::string_view format, std::ostream& out,
                                        bool color = false, std::size_t width = 0);

/// A whole plan in one format, as its writer writes it.
std::string plan_text(std::string_view format, const cost::Plan& plan);

/// Warnings as text lines for stderr ("warning: ... [code]" and a hint).
std::string plan_warnings_text(const cost::Plan& plan, bool color = false, std::size_t width = 0);

/// `plan SPEC --diff OTHER` in one of plan_formats(): the changed lines of each scenario with
/// their before, after and delta, the totals and how many lines did not change (JSON and CSV
/// list every line, each with its change: added, removed, changed or unchanged).
std::string diff_text(std::string_view format, const cost::StackDiff& diff, bool color = false,
                      std::size_t width = 0);

/// "$1,234.50", "-$16.42".
std::string money(Decimal amount);

}  // namespace stackplan::report
