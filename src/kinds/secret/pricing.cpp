// Which of AWS's Secrets Manager products stackplan prices: secret-months and API calls.

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product&, std::string_view usage) {
  if (usage == "AWSSecretsManager-Secrets") {
    return std::string("secrets/secret");
  }
  if (usage == "AWSSecretsManagerAPIRequest") {
    return std::string("secrets/api");
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
        {"secretsmanager", "Secret", {"secrets/secret"}, "Secrets"},
        {"secretsmanager", "API Request", {"secrets/api"}, "API Requests"},
    },
};

}  // namespace stackplan::pricing
