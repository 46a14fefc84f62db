#pragma once

// The catalog keys of Secrets Manager, named once for the kind and the import rules.

#include <string_view>

namespace stackplan::pricing {

/// Months of one stored secret.
inline constexpr std::string_view k_secret_key = "secrets/secret";
/// API calls, per 10,000.
inline constexpr std::string_view k_secret_api_key = "secrets/api";

}  // namespace stackplan::pricing
