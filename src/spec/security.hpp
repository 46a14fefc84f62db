#pragma once

// The `security:` section of spec v1: how far the rendered stack goes beyond the controls every
// profile meets, where going further is billed.

#include <optional>
#include <string_view>
#include <vector>

namespace stackplan::spec {

enum class SecurityProfile {
  /// Every control that costs nothing; the billed ones are recorded exceptions.
  baseline,
  /// Also the billed controls: a customer managed KMS key for logs and databases, Container
  /// Insights, RDS Enhanced Monitoring and database log exports.
  strict,
};

/// The spec's name of each profile, in the order the schema lists them: the one list.
const std::vector<std::pair<SecurityProfile, std::string_view>>& security_profile_names();
std::string_view to_string(SecurityProfile profile);
std::optional<SecurityProfile> security_profile_named(std::string_view name);

struct Security {
  SecurityProfile profile = SecurityProfile::baseline;
  bool strict() const { return profile == SecurityProfile::strict; }
};

}  // namespace stackplan::spec
