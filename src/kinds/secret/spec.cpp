// The `secrets:` section of spec v1: its schema and its reading.

#include "kinds/secret/spec.hpp"

#include <set>

#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

Type type() {
  return list(
      object("secret",
             {
                 Field{"name",
                       text("^[A-Za-z0-9/_+=.@-]+$", "uses only letters, digits and /_+=.@-", 512),
                       "Secrets Manager secret name"}
                     .require()
                     .ex("myapp/prod/jwt-secret"),
                 Field{"description", text({}, {}, 2048), "What the secret holds"},
                 Field{"usage",
                       object("secret usage", {Field{"api_calls_per_month", number(0, 1e12),
                                                     "GetSecretValue calls a month"}}),
                       "Usage assumptions"},
             }),
      100);
}

void read(const Reader& r, Spec& s) {
  const nlohmann::json* list = r.get("/secrets");
  if (list == nullptr) {
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string base = "/secrets/" + std::to_string(i);
    Secret secret;
    assign(secret.name, r.str(base + "/name"));
    assign(secret.description, r.str(base + "/description"));
    secret.api_calls_per_month = r.num(base + "/usage/api_calls_per_month");
    check_unique(r, seen, secret.name, base + "/name", "secret");
    s.secrets.push_back(std::move(secret));
  }
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_secrets_section{"secrets", "Secrets Manager secrets to create", type, read};

}  // namespace stackplan::spec
