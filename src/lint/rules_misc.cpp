// Log groups, secrets, and secrets in variable or parameter defaults.

#include <span>
#include <utility>

#include "lint/rules.hpp"

#include "aws/secrets.hpp"

namespace stackplan::lint {

namespace {

void log_retention(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : m.of_type(tf ? "aws_cloudwatch_log_group" : "AWS::Logs::LogGroup")) {
    const Value* v = r->body.get(tf ? "retention_in_days" : "RetentionInDays");
    std::string via;
    const Value* resolved = resolve_parameter(v, &via);
    if (v == nullptr || (resolved && resolved->as_int() == 0)) {
      out.at(*r, v, "log group " + label(*r) + " keeps its logs forever (and bills for them)");
    }
  }
}

void plaintext_secret(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  auto check = [&](const Resource& r, const Value* v) {
    std::string via;
    const Value* resolved = resolve_parameter(v, &via);
    if (resolved == nullptr) {
      return;
    }
    // jsonencode({...}) of literal values is as plain as a string.
    const bool structure = (resolved->is_object() || resolved->is_list()) && fully_known(resolved);
    if (!structure && (!resolved->is_scalar() || resolved->text.empty() ||
                       resolved->text.rfind("{{resolve:", 0) == 0)) {
      return;
    }
    out.at(r, v,
           label(r) + " has its secret value written in " +
               (via.empty() ? std::string("the code") : "the default of " + via));
  };
  // Services that take a password or token as a property (RDS has its own rule,
  // rds-plaintext-password).
  static const std::pair<const char*, const char*> k_tf_fields[] = {
      {"aws_secretsmanager_secret_version", "secret_string"},
      {"aws_elasticache_replication_group", "auth_token"},
      {"aws_docdb_cluster", "master_password"},
      {"aws_redshift_cluster", "master_password"},
      {"aws_directory_service_directory", "password"},
  };
  static const std::pair<const char*, const char*> k_cfn_fields[] = {
      {"AWS::SecretsManager::Secret", "SecretString"},
      {"AWS::ElastiCache::ReplicationGroup", "AuthToken"},
      {"AWS::DocDB::DBCluster", "MasterUserPassword"},
      {"AWS::Redshift::Cluster", "MasterUserPassword"},
      {"AWS::DirectoryService::MicrosoftAD", "Password"},
      {"AWS::DirectoryService::SimpleAD", "Password"},
  };
  using Fields = std::span<const std::pair<const char*, const char*>>;
  for (const auto& [type, field] : tf ? Fields(k_tf_fields) : Fields(k_cfn_fields)) {
    for (const Resource* r : m.of_type(type)) {
      check(*r, r->body.get(field));
    }
  }
  if (tf) {
    for (const Resource* r : m.of_type("aws_ssm_parameter")) {
      const Value* type = r->body.get("type");
      if (type && type->is_scalar() && type->text == "SecureString") {
        check(*r, r->body.get("value"));
      }
    }
  }
}

/// Whether a variable or parameter holds one string, which a secret can be: Terraform
/// `string` or `any` (or no type), CloudFormation `String`. Flags, numbers, lists, maps and
/// CloudFormation's AWS-specific types (key pairs, SSM parameter names) are not secrets.
bool string_typed(const Value& p, bool tf) {
  const Value* type = p.get(tf ? "type" : "Type");
  if (type == nullptr) {
    return true;
  }
  return tf ? type->text == "string" || type->text == "any" : type->text == "String";
}

void secret_default(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const auto& [name, p] : m.parameters) {
    if (!aws::secret_like_name(name) || !string_typed(p, tf)) {
      continue;
    }
    const Value* def = p.get(tf ? "default" : "Default");
    if (def != nullptr && def->kind != Value::Kind::null && def->kind != Value::Kind::string) {
      continue;  // a flag, a number or a list: whatever the name says, not a secret
    }
    if ((def != nullptr && (def->as_bool() || def->as_int())) ||
        (!tf && p.get("AllowedValues") != nullptr)) {
      continue;  // "true" or "90" as text, or one of a list of values: a setting
    }
    if (def != nullptr && def->kind == Value::Kind::string && aws::secret_like_value(def->text)) {
      out.at_parameter(name, std::string(tf ? "variable " : "parameter ") + name +
                                 " has a secret as its default value");
      continue;
    }
    const Value* hidden = p.get(tf ? "sensitive" : "NoEcho");
    if (!is_true(hidden)) {
      out.at_parameter(name,
                       std::string(tf ? "variable " : "parameter ") + name +
                           (tf ? " holds a secret but is not marked sensitive"
                               : " holds a secret but is shown in the console (no NoEcho)"),
                       Severity::warning);
    }
  }
}

}  // namespace

void add_misc_rules(std::vector<Rule>& out) {
  out.push_back({"logs-retention", Severity::warning, "Log groups expire their logs",
                 "Without retention, CloudWatch keeps (and bills for) every log line forever.",
                 "set retention_in_days (for example 30, or 365 for audit logs)",
                 "set RetentionInDays (for example 30, or 365 for audit logs)",
                 "CKV_AWS_66, CKV_AWS_338", "CT.CLOUDWATCH.PR.2", "cfn_nag W86; cfn-lint I3013",
                 log_retention,
                 "CKV_AWS_338 asks for a year or more and passes 0 (never expire); lint asks "
                 "that logs expire, so it passes any retention from 1 day and warns on 0."});
  out.push_back({"secret-plaintext-value", Severity::error,
                 "Secrets are not written in the template",
                 "A secret value (a Secrets Manager secret, a SecureString parameter, a cache "
                 "auth token, a DocumentDB, Redshift or directory password) in code or in a "
                 "default lands in version control, plans, state and stack events.",
                 "create the secret empty (or with a random password resource) and set the value "
                 "outside Terraform; pass service passwords from a secret (data source)",
                 "use GenerateSecretString, or create the secret empty and set the value outside "
                 "CloudFormation; pass service passwords as {{resolve:secretsmanager:...}}",
                 "", "", "cfn-lint W1011", plaintext_secret});
  out.push_back({"secret-default", Severity::error, "Secret inputs have no default and are hidden",
                 "A password, token or key as a variable or parameter default is committed with "
                 "the code; without sensitive / NoEcho it is printed in plans and consoles. It "
                 "concerns string inputs whose names say secret, and a default whose value could "
                 "be one: not a flag, a number, an ARN, a reference or a placeholder.",
                 "remove the default and set sensitive = true; pass the value at apply time or "
                 "read it from Secrets Manager",
                 "remove the Default and set NoEcho: true, or use a {{resolve:secretsmanager:...}} "
                 "dynamic reference",
                 "", "", "cfn_nag F23, F34; cfn-lint W2501", secret_default});
}

}  // namespace stackplan::lint
