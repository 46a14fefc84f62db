#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan::pricing {

/// A price the snapshot lacks on purpose: AWS does not sell it, or no public source gives it.
/// `key`, `term` and `regions` are patterns where `*` matches any run of characters; `regions`
/// is a space-separated list of them.
struct KnownGap {
  std::string_view key;
  std::string_view term;
  std::string_view regions;
  std::string_view reason;
};

/// Every known gap of the snapshot: the one table the coverage check and `pricing show
/// --coverage` read.
const std::vector<KnownGap>& known_gaps();

/// The known gap that explains a missing price, if any.
const KnownGap* known_gap(std::string_view region, std::string_view key, std::string_view term);

}  // namespace stackplan::pricing
