#pragma once

// The catalog keys of AWS KMS, named once for the kind and the import rules.

#include <string_view>

namespace stackplan::pricing {

/// Months of one customer managed key (every rotation included).
inline constexpr std::string_view k_kms_key_key = "kms/key";
/// Symmetric-key API requests, per request.
inline constexpr std::string_view k_kms_requests_key = "kms/requests";

}  // namespace stackplan::pricing
