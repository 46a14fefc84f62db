// Which of AWS's Secrets Manager products stackplan prices: secret-months and API calls.

#include "kinds/secret/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product&, std::string_view usage) {
  if (usage == "AWSSecretsManager-Secrets") {
    return std::string(k_secret_key);
  }
  if (usage == "AWSSecretsManagerAPIRequest") {
    return std::string(k_secret_api_key);
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_secret_pricing{
    "AWSSecretsManager",
    {"secrets/"},
    key_of,
    {},
    {"secretsmanager/USD/current/secretsmanager.json"},
    {
        {"secretsmanager", "Secret", {std::string(k_secret_key)}, "Secrets"},
        {"secretsmanager", "API Request", {std::string(k_secret_api_key)}, "API Requests"},
    },
};

}  // namespace stackplan::pricing
