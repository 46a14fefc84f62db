// Secrets Manager: secrets the stack creates, and existing secrets its services reference
// (both are billed per secret-month), plus API calls.

#include <set>

#include "kinds/common.hpp"
#include "kinds/secret/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  std::vector<Resource> out;
  std::set<std::string> declared;
  for (std::size_t i = 0; i < s.secrets.size(); ++i) {
    declared.insert(s.secrets[i].name);
    out.push_back({nullptr, "aws_secretsmanager_secret." + model::resource_name(s.secrets[i].name),
                   s.secrets[i].name, static_cast<int>(i)});
  }
  std::set<std::string> referenced;
  for (const auto& svc : s.services) {
    for (const auto& [var, ref] : svc.secrets) {
      std::string name = secret_of(ref);
      if (!name.empty() && declared.count(name) == 0) {
        referenced.insert(name);
      }
    }
  }
  for (const auto& name : referenced) {
    out.push_back(
        {nullptr, "data.aws_secretsmanager_secret." + model::resource_name(name), name, -1});
  }
  return out;
}

void cost(const Resource& r, Context& ctx) {
  bool existing = r.index < 0;
  std::optional<double> from_spec;
  std::string path;
  if (!existing) {
    from_spec = ctx.spec().secrets[static_cast<std::size_t>(r.index)].api_calls_per_month;
    path = "secrets[" + std::to_string(r.index) + "].usage.api_calls_per_month";
  }
  ctx.add(line(r, existing ? model::k_existing : "security",
               "Secrets Manager secret " + r.name + (existing ? " (referenced by services)" : ""),
               whole(1), "secret-months"),
          ctx.rate(pricing::k_secret_key));
  model::Usage calls = ctx.usage(r, "api_calls_per_month", from_spec, path);
  ctx.add(usage_line(r, "security", "Secrets Manager API calls, " + r.name,
                     calls.value / whole(10000), "10k requests", calls.assumption),
          ctx.rate(pricing::k_secret_api_key), whole(10000));
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  const bool existing = r.index < 0;
  v["secret_name"] = r.name;
  v["existing"] = existing;
  v["created"] = !existing;
  // An existing secret services name (rather than give by full ARN) must be looked up: by a
  // Terraform data source, or a CloudFormation parameter holding its ARN.
  bool by_name = false;
  for (const auto& svc : s.services) {
    for (const auto& [var, ref] : svc.secrets) {
      by_name = by_name || (!secret_by_arn(ref) && secret_of(ref) == r.name);
    }
  }
  v["lookup"] = existing && by_name;
  v["description"] =
      existing ? std::string() : s.secrets[static_cast<std::size_t>(r.index)].description;
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_secret{
    "secret",
    "security",
    "aws_secretsmanager_secret.<name> | data.aws_secretsmanager_secret.<name>",
    "Secrets Manager secret (created, or referenced by services): secret-months and API calls",
    {{"api_calls_per_month", "calls", 1000, "GetSecretValue and other calls a month"}},
    expand,
    cost,
    model::Rendering{"secret", "secrets", {}, view},
};

}  // namespace stackplan::kinds
