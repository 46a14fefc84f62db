// Which of AWS KMS's products stackplan prices: customer managed key-months and symmetric
// requests.

#include "kinds/kms_key/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product&, std::string_view usage) {
  if (usage == "KMS-Keys") {
    return std::string(k_kms_key_key);
  }
  if (usage == "KMS-Requests") {
    return std::string(k_kms_requests_key);
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_kms_key_pricing{
    "awskms",
    {"kms/"},
    key_of,
    {
        {"kms/*", "*", "*",
         "the price data the snapshot is built from has no AWS KMS prices; `pricing update` "
         "fetches them from the awskms offer file"},
    },
};

}  // namespace stackplan::pricing
