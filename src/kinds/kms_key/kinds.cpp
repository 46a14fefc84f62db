// The stack's customer managed KMS key (security.profile: strict): it encrypts the log groups
// and the database's storage. Billed per key-month and per request.

#include "kinds/kinds.hpp"
#include "kinds/common.hpp"
#include "kinds/kms_key/pricing.hpp"

namespace stackplan::kinds {

std::vector<std::string> strict_additions(const spec::Spec& s) {
  const bool server = spec::is_rds(s.database.engine) || spec::is_aurora(s.database.engine);
  if (s.services.empty() && !server) {
    return {};
  }
  std::vector<std::string> out = {"a KMS key"};
  if (!s.services.empty()) {
    out.emplace_back("Container Insights");
  }
  if (server) {
    out.emplace_back("Enhanced Monitoring");
    out.emplace_back("database log exports");
  }
  return out;
}

namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (!s.security.strict() || strict_additions(s).empty()) {
    return {};
  }
  return {Resource{nullptr, "aws_kms_key.main", {}, -1}};
}

void cost(const Resource& r, Context& ctx) {
  ctx.add(line(r, "security", "KMS customer managed key (logs and database), rotated yearly",
               whole(1), "key-months"),
          ctx.rate(pricing::k_kms_key_key));
  model::Usage requests = ctx.usage(r, "requests_per_month", std::nullopt, {});
  // Tiered: where AWS's price list gives the account's free requests as a $0 tier, so does
  // the plan.
  ctx.add_tiered(usage_line(r, "security", "KMS requests", requests.value / whole(10000),
                            "10k requests", requests.assumption),
                 pricing::k_kms_requests_key, whole(10000));
  ctx.note(
      "AWS KMS's free allowance (20,000 requests a month, shared by the whole account) is "
      "subtracted only where the catalog gives it as a price tier");
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  v["alias"] = "alias/" + s.name;
  v["description"] = "Logs and database storage of " + s.name;
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_kms_key{
    "kms_key",
    "security",
    "aws_kms_key.main",
    "Customer managed KMS key of a strict stack: key-months and requests",
    {{"requests_per_month", "requests", 10000,
      "Requests AWS services make to the key a month (CloudWatch Logs and RDS cache the data "
      "keys they get from it)"}},
    expand,
    cost,
    model::Rendering{"kms_key", "security", {}, view},
    "strict: {security: {profile: strict}, database: {engine: rds-postgres, rds: {instance_class: "
    "db.t4g.micro}}}",
};

}  // namespace stackplan::kinds
