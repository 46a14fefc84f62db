#pragma once

#include <optional>
#include <string>

#include "base/decimal.hpp"
#include "base/diagnostics.hpp"

namespace stackplan::model {

/// One line of a plan: quantity x unit price = monthly. A price the catalog lacks leaves
/// `unit_price` empty, `missing` set and `monthly` zero; it is never silently $0.
/// The component of lines for resources the stack uses but does not create (an existing Route 53
/// zone, existing secrets): they are paid today whatever the plan, so they are shown but left
/// out of totals and deltas.
inline constexpr const char* k_existing = "existing";

struct LineItem {
  std::string component;  ///< grouping: compute, database, storage, network, ... or k_existing
  std::string resource;   ///< address of the resource it belongs to, e.g. "aws_db_instance.main"
  std::string description;
  Decimal quantity;
  std::string unit;  ///< "hours", "GB-months", "1k requests", ...
  std::optional<Decimal> unit_price;
  Decimal monthly;
  bool usage_based = false;
  std::optional<std::string> assumption;  ///< the usage figures used, when usage-based
  std::string price_ref;                  ///< where the unit price came from
  bool missing = false;
  Decimal upfront;  ///< one-time payment this line amortises (0 for most lines)
  std::optional<Decimal> monthly_at_max;  ///< with autoscaling: the monthly at the maximum count
};

/// A problem found while planning, never fatal, always shown: a diagnostic (code such as
/// "plan.price-missing", message, hint) of a stack rather than of a place in the spec.
struct Warning : Diagnostic {
  /// For a missing price: its service and region ("AmazonS3 us-east-2") and what is missing
  /// there ("s3/requests/tier1 on-demand"), so that reports can list one warning per service.
  std::string group, detail;
};

/// A Warning; `group` and `detail` for a missing price.
Warning make_warning(std::string code, std::string message, std::string hint,
                     std::string group = {}, std::string detail = {});

}  // namespace stackplan::model
