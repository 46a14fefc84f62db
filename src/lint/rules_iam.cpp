// IAM: identity policies (wildcards, PassRole) and role trust policies.

#include <cctype>
#include <functional>
#include <string_view>

#include "lint/rules.hpp"

namespace stackplan::lint {

namespace {

/// Every identity policy document of the module with the resource that holds it.
void each_identity_policy(const Module& m,
                          const std::function<void(const Resource&, const Value*)>& fn) {
  if (m.format == Format::terraform) {
    for (const char* type :
         {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}) {
      for (const Resource* r : m.of_type(type)) {
        fn(*r, r->body.get("policy"));
      }
    }
    for (const Resource* r : m.of_type("aws_ssoadmin_permission_set_inline_policy")) {
      fn(*r, r->body.get("inline_policy"));
    }
    for (const Resource* r : m.of_type("aws_iam_role")) {
      if (const Value* inline_policies = r->body.get("inline_policy")) {
        for (const Value* p : inline_policies->as_list()) {
          fn(*r, p->get("policy"));
        }
      }
    }
    // aws_iam_policy_document data sources no resource here uses (the loader marks them).
    for (const Resource& r : m.resources) {
      if (const Value* doc = r.data_source ? r.body.get("__identity_policy") : nullptr) {
        fn(r, doc);
      }
    }
    return;
  }
  for (const char* type : {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy",
                           "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"}) {
    for (const Resource* r : m.of_type(type)) {
      fn(*r, r->body.get("PolicyDocument"));
    }
  }
  for (const Resource* r : m.of_type("AWS::SSO::PermissionSet")) {
    fn(*r, r->body.get("InlinePolicy"));
  }
  for (const char* type : {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"}) {
    for (const Resource* r : m.of_type(type)) {
      if (const Value* policies = r->body.get("Policies")) {
        for (const Value* p : policies->as_list()) {
          fn(*r, p->get("PolicyDocument"));
        }
      }
    }
  }
}

/// Allow statements of every identity policy.
void each_allow(const Module& m,
                const std::function<void(const Resource&, const Value& statement)>& fn) {
  each_identity_policy(m, [&](const Resource& r, const Value* doc) {
    Policy p = policy_of(doc);
    for (const Value* s : statements(p)) {
      if (allows(*s)) {
        fn(r, *s);
      }
    }
  });
}

bool any_resource_star(const Value& statement) {
  for (const Value* res : strings(statement.get("Resource"))) {
    if (res->text == "*") {
      return true;
    }
  }
  return false;
}

void wildcard_action(const Module& m, Reporter& out) {
  each_allow(m, [&](const Resource& r, const Value& s) {
    for (const Value* a : strings(s.get("Action"))) {
      if (a->text == "*" || a->text == "*:*") {
        out.at(r, a, label(r) + " allows every action (\"" + a->text + "\")");
      }
    }
    if (s.get("NotAction") != nullptr) {
      out.at(r, s.get("NotAction"), label(r) + " allows every action except a list (NotAction)");
    }
  });
}

void service_wildcard_action(const Module& m, Reporter& out) {
  each_allow(m, [&](const Resource& r, const Value& s) {
    for (const Value* a : strings(s.get("Action"))) {
      const std::string& t = a->text;
      auto colon = t.find(':');
      if (colon != std::string::npos && t.substr(colon + 1) == "*" && t != "*:*") {
        out.at(r, a, label(r) + " allows every " + t.substr(0, colon) + " action (\"" + t + "\")");
      }
    }
  });
}

bool resource_level_action(const std::string& action) {
  auto colon = action.find(':');
  if (colon == std::string::npos) {
    return true;
  }
  std::string verb = action.substr(colon + 1);
  for (const char* read : {"Describe", "List", "Get"}) {
    if (verb.rfind(read, 0) == 0) {
      return false;
    }
  }
  for (const char* global :
       {"cloudwatch:PutMetricData", "xray:PutTraceSegments", "xray:PutTelemetryRecords",
        "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel", "sts:GetCallerIdentity"}) {
    if (action == global) {
      return false;
    }
  }
  return true;
}

void wildcard_resource(const Module& m, Reporter& out) {
  each_allow(m, [&](const Resource& r, const Value& s) {
    if (!any_resource_star(s)) {
      return;
    }
    for (const Value* a : strings(s.get("Action"))) {
      if (a->text != "*" && resource_level_action(a->text)) {
        const Value* where = s.get("Resource");
        out.at(r, where && where->is_list() ? where : a,
               label(r) + " allows " + a->text + " on every resource (\"*\")");
        return;
      }
    }
  });
}

void passrole(const Module& m, Reporter& out) {
  each_allow(m, [&](const Resource& r, const Value& s) {
    if (!any_resource_star(s)) {
      return;
    }
    for (const Value* a : strings(s.get("Action"))) {
      if (a->text == "iam:PassRole" || a->text == "iam:*" || a->text == "iam:Pass*") {
        out.at(r, a, label(r) + " allows " + a->text + " on every role (Resource \"*\")");
      }
    }
  });
}

/// IAM's action matching: case-insensitive, `*` any run of characters, `?` one character.
bool action_matches(std::string_view pattern, std::string_view action) {
  std::size_t p = 0;
  std::size_t a = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  while (a < action.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], action[a]))) {
      ++p;
      ++a;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = a;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      a = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

/// IAM actions that let whoever holds them on every resource give themselves more: new
/// policy versions, policies attached or written inline, keys and passwords of other users,
/// group membership, trust policies.
constexpr std::string_view k_escalation_actions[] = {
    "iam:CreatePolicyVersion",    "iam:SetDefaultPolicyVersion", "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy",      "iam:AttachRolePolicy",        "iam:PutUserPolicy",
    "iam:PutGroupPolicy",         "iam:PutRolePolicy",           "iam:CreateAccessKey",
    "iam:CreateLoginProfile",     "iam:UpdateLoginProfile",      "iam:AddUserToGroup",
    "iam:UpdateAssumeRolePolicy",
};

void privilege_escalation(const Module& m, Reporter& out) {
  each_allow(m, [&](const Resource& r, const Value& s) {
    if (!any_resource_star(s)) {
      return;
    }
    for (const Value* a : strings(s.get("Action"))) {
      if (a->text == "*" || a->text == "*:*") {
        continue;  // every action: iam-wildcard-action
      }
      for (std::string_view escalation : k_escalation_actions) {
        if (action_matches(a->text, escalation)) {
          out.at(r, a,
                 label(r) + " allows " + a->text + " on every resource: " +
                     (a->text == escalation
                          ? "whoever holds it"
                          : "it includes " + std::string(escalation) + ", so whoever holds it") +
                     " can give itself more permissions");
          break;
        }
      }
    }
  });
}

void trust_everyone(const Module& m, Reporter& out) {
  bool tf = out.terraform();
  for (const Resource* r : m.of_type(tf ? "aws_iam_role" : "AWS::IAM::Role")) {
    Policy p = policy_of(r->body.get(tf ? "assume_role_policy" : "AssumeRolePolicyDocument"));
    for (const Value* s : statements(p)) {
      if (allows(*s) && principal_everyone(*s) && !condition_restricts(s->get("Condition"))) {
        out.at(*r, s->get("Principal"),
               "role " + label(*r) + " can be assumed by any AWS account (Principal \"*\")");
      }
    }
  }
}

}  // namespace

void add_iam_rules(std::vector<Rule>& out) {
  out.push_back({"iam-wildcard-action", Severity::error, "IAM policies do not allow every action",
                 "Action \"*\" (or NotAction) grants administrator access, far beyond what an "
                 "application needs.",
                 "list the actions the workload calls", "list the actions the workload calls",
                 "CKV_AWS_63, CKV_AWS_49, CKV_AWS_1, CKV_AWS_62", "CT.IAM.PR.1",
                 "cfn_nag F3, F4, F5; AVD-AWS-0057", wildcard_action});
  out.push_back({"iam-service-wildcard-action", Severity::warning,
                 "IAM policies do not allow every action of a service",
                 "\"s3:*\" or \"iam:*\" includes deletes and permission changes the workload "
                 "never needs.",
                 "list the actions the workload calls", "list the actions the workload calls",
                 "CKV2_AWS_40", "CT.IAM.PR.3", "", service_wildcard_action,
                 "CKV2_AWS_40 fails only \"iam:*\"; lint warns on every service's \"*\" "
                 "(\"s3:*\" deletes buckets too), so it also flags policies checkov passes."});
  out.push_back({"iam-wildcard-resource", Severity::warning,
                 "IAM write actions name their resources",
                 "Resource \"*\" on actions that support resource-level permissions lets the "
                 "workload touch every resource of that kind in the account (read-only "
                 "Describe/List/Get actions and account-wide actions are exempt).",
                 "name the ARNs (aws_s3_bucket.x.arn, \"${aws_s3_bucket.x.arn}/*\")",
                 "name the ARNs (!GetAtt Bucket.Arn, !Sub \"${Bucket.Arn}/*\")",
                 "CKV_AWS_355, CKV_AWS_356", "", "cfn_nag W11, W12, W13", wildcard_resource,
                 "checkov's fixtures fail \"ec2:Describe*\" on \"*\"; EC2's Describe actions "
                 "take no resource-level permissions, so \"*\" is the only resource they accept, "
                 "and lint leaves read-only Describe, List and Get actions alone."});
  out.push_back({"iam-passrole-wildcard", Severity::error, "iam:PassRole is limited to named roles",
                 "PassRole on every role lets the workload hand any role (administrator "
                 "included) to a service it controls: privilege escalation.",
                 "name the role ARNs in Resource, and add an iam:PassedToService condition",
                 "name the role ARNs in Resource, and add an iam:PassedToService condition",
                 "CKV_AWS_286, CKV_AWS_110", "", "cfn_nag F38, F39, F40; AVD-AWS-0342", passrole});
  out.push_back({"iam-privilege-escalation", Severity::error,
                 "IAM policies do not let their holder raise its own permissions",
                 "Creating policy versions, attaching or writing policies, creating access keys "
                 "or passwords for other users, joining groups or rewriting trust policies on "
                 "every resource lets the workload (or whoever takes it over) make itself an "
                 "administrator.",
                 "name the users, roles, groups or policies in Resource, or drop the action",
                 "name the users, roles, groups or policies in Resource, or drop the action",
                 "CKV_AWS_286, CKV_AWS_110", "", "AVD-AWS-0342", privilege_escalation,
                 "checkov also weighs combinations (iam:PassRole with ec2:RunInstances, "
                 "lambda:CreateFunction and others); lint reports iam:PassRole on every role "
                 "itself (iam-passrole-wildcard), which covers them."});
  out.push_back({"iam-trust-everyone", Severity::error, "IAM roles are not assumable by everyone",
                 "A trust policy with Principal \"*\" and no condition lets any AWS account "
                 "assume the role.",
                 "name the service or account in Principal, or add a condition (sts:ExternalId, "
                 "aws:PrincipalOrgID)",
                 "name the service or account in Principal, or add a condition (sts:ExternalId, "
                 "aws:PrincipalOrgID)",
                 "CKV_AWS_60", "", "cfn_nag F2; cfn-lint E3530", trust_everyone});
}

}  // namespace stackplan::lint
