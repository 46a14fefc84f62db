// S3 buckets: public access, encryption, ACLs, versioning and bucket policies.

#include "lint/rules.hpp"

namespace stackplan::lint {

namespace {

constexpr const char* k_tf_bucket = "aws_s3_bucket";
constexpr const char* k_cfn_bucket = "AWS::S3::Bucket";

/// Bucket policies (Terraform aws_s3_bucket_policy, CloudFormation AWS::S3::BucketPolicy) that
/// attach to `bucket`.
std::vector<std::pair<const Resource*, const Value*>> bucket_policies(const Module& m,
                                                                      const Resource& bucket) {
  std::vector<std::pair<const Resource*, const Value*>> out;
  if (m.format == Format::terraform) {
    for (const Resource* p : referring(m, "aws_s3_bucket_policy", "bucket", bucket)) {
      out.emplace_back(p, p->body.get("policy"));
    }
    if (const Value* inline_policy = bucket.body.get("policy")) {
      out.emplace_back(&bucket, inline_policy);
    }
  } else {
    for (const Resource* p : m.of_type("AWS::S3::BucketPolicy")) {
      if (refers_to(reference_of(p->body.get("Bucket")), bucket)) {
        out.emplace_back(p, p->body.get("PolicyDocument"));
      }
    }
  }
  return out;
}

void public_access_block(const Module& m, Reporter& out) {
  static const char* const k_tf[] = {"block_public_acls", "block_public_policy",
                                     "ignore_public_acls", "restrict_public_buckets"};
  static const char* const k_cfn[] = {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                                      "RestrictPublicBuckets"};
  auto check_settings = [&](const Resource& r, const Value* settings, const char* const* names,
                            const std::string& what) {
    for (int i = 0; i < 4; ++i) {
      const Value* v = settings ? settings->get(names[i]) : nullptr;
      if (v != nullptr && !v->is_known()) {
        continue;
      }
      if (!is_true(v)) {
        out.at(r, v, what + " leaves " + names[i] + " off");
      }
    }
  };
  if (out.terraform()) {
    for (const Resource* b : m.of_type(k_tf_bucket)) {
      if (referring(m, "aws_s3_bucket_public_access_block", "bucket", *b).empty()) {
        out.at(*b, nullptr, "S3 bucket " + label(*b) + " has no public access block");
      }
    }
    for (const Resource* pab : m.of_type("aws_s3_bucket_public_access_block")) {
      check_settings(*pab, &pab->body, k_tf, "public access block " + label(*pab));
    }
    return;
  }
  for (const Resource* b : m.of_type(k_cfn_bucket)) {
    const Value* pab = b->body.get("PublicAccessBlockConfiguration");
    if (pab == nullptr) {
      out.at(*b, nullptr, "S3 bucket " + label(*b) + " has no PublicAccessBlockConfiguration");
    } else if (pab->is_object()) {
      check_settings(*b, pab, k_cfn, "S3 bucket " + label(*b));
    }
  }
}

/// The default encryption of each rule of an encryption configuration: sse_algorithm must
/// be one S3 takes.
void check_algorithms(const Resource& r, const Value* rules, bool tf, Reporter& out) {
  if (rules == nullptr) {
    return;
  }
  for (const Value* rule : rules->as_list()) {
    const Value* by_default =
        rule->get(tf ? "apply_server_side_encryption_by_default" : "ServerSideEncryptionByDefault");
    for (const Value* d : by_default ? by_default->as_list() : std::vector<const Value*>{}) {
      const Value* algorithm = d->get(tf ? "sse_algorithm" : "SSEAlgorithm");
      std::string via;
      const Value* known = resolve_parameter(algorithm, &via);
      if (algorithm == nullptr) {
        out.at(r, d, label(r) + " sets default encryption without an algorithm");
      } else if (known != nullptr && known->is_scalar() && known->text != "AES256" &&
                 known->text != "aws:kms" && known->text != "aws:kms:dsse") {
        out.at(r, algorithm,
               label(r) + " asks for encryption with \"" + known->text +
                   "\", which S3 does not have (AES256, aws:kms, aws:kms:dsse)");
      }
    }
  }
}

void encryption(const Module& m, Reporter& out) {
  if (out.terraform()) {
    for (const Resource* b : m.of_type(k_tf_bucket)) {
      const Value* inline_config = b->body.get("server_side_encryption_configuration");
      if (referring(m, "aws_s3_bucket_server_side_encryption_configuration", "bucket", *b)
              .empty() &&
          inline_config == nullptr) {
        out.at(*b, nullptr, "S3 bucket " + label(*b) + " has no default encryption configuration");
      }
      for (const Value* c :
           inline_config ? inline_config->as_list() : std::vector<const Value*>{}) {
        check_algorithms(*b, c->get("rule"), true, out);
      }
    }
    for (const Resource* c : m.of_type("aws_s3_bucket_server_side_encryption_configuration")) {
      check_algorithms(*c, c->body.get("rule"), true, out);
    }
    return;
  }
  for (const Resource* b : m.of_type(k_cfn_bucket)) {
    const Value* config = b->body.get("BucketEncryption");
    if (config == nullptr) {
      out.at(*b, nullptr, "S3 bucket " + label(*b) + " has no BucketEncryption");
    } else {
      check_algorithms(*b, config->get("ServerSideEncryptionConfiguration"), false, out);
    }
  }
}

void public_acl(const Module& m, Reporter& out) {
  auto check = [&](const Resource& r, const Value* acl) {
    if (acl == nullptr || !acl->is_scalar()) {
      return;
    }
    for (const char* bad : {"public-read", "public-read-write", "authenticated-read", "PublicRead",
                            "PublicReadWrite", "AuthenticatedRead"}) {
      if (acl->text == bad) {
        out.at(r, acl, label(r) + " grants the canned ACL " + acl->text);
      }
    }
  };
  // A grant to everyone or to every AWS account, not only a canned ACL.
  auto check_grants = [&](const Resource& r, const Value* grants, bool nested) {
    if (grants == nullptr) {
      return;
    }
    for (const Value* g : grants->as_list()) {
      const Value* uri = nested ? g->at({"grantee", "uri"}) : g->get("uri");
      if (uri != nullptr && uri->is_scalar() &&
          (uri->text.ends_with("/global/AllUsers") ||
           uri->text.ends_with("/global/AuthenticatedUsers"))) {
        out.at(
            r, uri,
            label(r) + " grants " + uri->text.substr(uri->text.rfind('/') + 1) + " access by ACL");
      }
    }
  };
  if (out.terraform()) {
    for (const Resource* b : m.of_type(k_tf_bucket)) {
      check(*b, b->body.get("acl"));
      check_grants(*b, b->body.get("grant"), false);
    }
    for (const Resource* a : m.of_type("aws_s3_bucket_acl")) {
      check(*a, a->body.get("acl"));
      check_grants(*a, a->body.at({"access_control_policy", "grant"}), true);
    }
    return;
  }
  for (const Resource* b : m.of_type(k_cfn_bucket)) {
    check(*b, b->body.get("AccessControl"));
  }
}

void versioning(const Module& m, Reporter& out) {
  if (out.terraform()) {
    for (const Resource* b : m.of_type(k_tf_bucket)) {
      auto vs = referring(m, "aws_s3_bucket_versioning", "bucket", *b);
      const Value* legacy = b->body.at({"versioning", "enabled"});
      if (vs.empty() && !is_true(legacy) && (legacy == nullptr || legacy->is_known())) {
        out.at(*b, legacy, "S3 bucket " + label(*b) + " does not keep object versions");
      }
    }
    for (const Resource* v : m.of_type("aws_s3_bucket_versioning")) {
      const Value* status = v->body.at({"versioning_configuration", "status"});
      if (status != nullptr && status->is_scalar() && status->text != "Enabled") {
        out.at(*v, status, label(*v) + " sets versioning to " + status->text);
      }
    }
    return;
  }
  for (const Resource* b : m.of_type(k_cfn_bucket)) {
    const Value* status = b->body.at({"VersioningConfiguration", "Status"});
    if (status == nullptr || (status->is_scalar() && status->text != "Enabled")) {
      out.at(*b, status, "S3 bucket " + label(*b) + " does not keep object versions");
    }
  }
}

void tls_only(const Module& m, Reporter& out) {
  for (const Resource* b : m.of_type(out.terraform() ? k_tf_bucket : k_cfn_bucket)) {
    bool denies = false;
    bool unknown = false;
    for (const auto& [resource, doc] : bucket_policies(m, *b)) {
      Policy p = policy_of(doc);
      if (p.doc == nullptr) {
        unknown = unknown || doc != nullptr;
        continue;
      }
      for (const Value* s : statements(p)) {
        if (!allows(*s) && mentions(s->get("Condition"), "aws:SecureTransport")) {
          denies = true;
        }
      }
    }
    if (!denies && !unknown) {
      out.at(*b, nullptr,
             "S3 bucket " + label(*b) +
                 " accepts requests over plain HTTP (no policy denies "
                 "aws:SecureTransport false)");
    }
  }
}

/// The bucket a policy names, as findings print it: a declared bucket by its address, any
/// other by the name or reference written ('existing-bucket').
std::string policy_bucket(const Module& m, const Value* bucket) {
  if (bucket == nullptr) {
    return "(no bucket)";
  }
  if (bucket->is_scalar()) {
    return "'" + bucket->text + "'";
  }
  const std::string ref = reference_of(bucket);
  for (const Resource& r : m.resources) {
    if (refers_to(ref, r)) {
      return label(r);
    }
  }
  return ref.empty() ? "(unknown bucket)" : ref;
}

void public_policy(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  // Every bucket policy of the module, on a bucket it declares or on one it does not.
  struct Found {
    const Resource* holder;
    const Value* doc;
    std::string bucket;
  };
  std::vector<Found> policies;
  for (const Resource* p : m.of_type(tf ? "aws_s3_bucket_policy" : "AWS::S3::BucketPolicy")) {
    policies.push_back({p, p->body.get(tf ? "policy" : "PolicyDocument"),
                        policy_bucket(m, p->body.get(tf ? "bucket" : "Bucket"))});
  }
  if (tf) {
    for (const Resource* b : m.of_type(k_tf_bucket)) {
      if (const Value* inline_policy = b->body.get("policy")) {
        policies.push_back({b, inline_policy, label(*b)});
      }
    }
  }
  for (const auto& [holder, doc, bucket] : policies) {
    Policy p = policy_of(doc);
    for (const Value* s : statements(p)) {
      if (allows(*s) && principal_everyone(*s) && !condition_restricts(s->get("Condition"))) {
        out.at(*holder, s->get("Principal"),
               "the policy of S3 bucket " + bucket + " allows anyone (Principal \"*\") " +
                   (s->get("Condition") ? "with a condition that does not limit who"
                                        : "without a condition"));
      }
    }
  }
}

}  // namespace

// Listed in lint/rules.cpp.
void add_s3_rules(std::vector<Rule>& out) {
  out.push_back({"s3-public-access-block", Severity::error,
                 "S3 buckets block every kind of public access",
                 "Without all four public access block settings, one ACL or policy statement "
                 "makes the bucket's objects public.",
                 "add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, "
                 "block_public_policy, ignore_public_acls and restrict_public_buckets = true",
                 "set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, "
                 "IgnorePublicAcls and RestrictPublicBuckets: true",
                 "CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56", "CT.S3.PR.1",
                 "AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093", public_access_block,
                 "CKV2_AWS_6 passes a block that sets only block_public_acls and "
                 "block_public_policy; lint wants all four settings, as CKV_AWS_55 and "
                 "CKV_AWS_56 do."});
  out.push_back({"s3-encryption", Severity::warning, "S3 buckets declare default encryption",
                 "S3 encrypts new objects with SSE-S3 by default since 2023, but declaring it "
                 "keeps the setting visible, reviewable and choosable (SSE-KMS).",
                 "add an aws_s3_bucket_server_side_encryption_configuration for the bucket",
                 "set BucketEncryption with a ServerSideEncryptionByDefault rule",
                 "CKV_AWS_19, CKV_AWS_145", "CT.S3.PR.10", "cfn_nag W41, AVD-AWS-0088", encryption,
                 "CKV_AWS_145 wants a KMS key and fails AES256; lint accepts AES256 (S3-managed "
                 "keys) as encryption at rest, and asks for the configuration to be written so "
                 "that the choice is visible (checkov's CKV_AWS_19 now passes a bucket without "
                 "one, since S3 encrypts new objects by default)."});
  out.push_back({"s3-public-acl", Severity::error, "S3 buckets do not grant public ACLs",
                 "public-read, public-read-write and authenticated-read ACLs, and grants to the "
                 "AllUsers or AuthenticatedUsers groups, expose objects to everyone (or every AWS "
                 "account).",
                 "remove the ACL (keep object ownership BucketOwnerEnforced) and grant access "
                 "with a bucket policy",
                 "remove AccessControl (keep OwnershipControls BucketOwnerEnforced) and grant "
                 "access with a bucket policy",
                 "CKV_AWS_20", "CT.S3.PR.5", "cfn_nag W31, F14; cfn-lint W3045; AVD-AWS-0092",
                 public_acl});
  out.push_back({"s3-versioning", Severity::warning, "S3 buckets keep object versions",
                 "Without versioning, an overwrite or delete (by a bug or an attacker) cannot "
                 "be undone.",
                 "add an aws_s3_bucket_versioning with versioning_configuration { status = "
                 "\"Enabled\" }",
                 "set VersioningConfiguration: {Status: Enabled}", "CKV_AWS_21", "CT.S3.PR.11",
                 "AVD-AWS-0090", versioning});
  out.push_back({"s3-tls-only", Severity::warning, "S3 bucket policies deny plain HTTP",
                 "A statement denying requests with aws:SecureTransport false keeps data "
                 "encrypted in transit.",
                 "add an aws_s3_bucket_policy with a Deny statement on s3:* when "
                 "aws:SecureTransport is false",
                 "add an AWS::S3::BucketPolicy with a Deny statement on s3:* when "
                 "aws:SecureTransport is false",
                 "CKV_AWS_379", "CT.S3.PR.8", "", tls_only,
                 "CKV_AWS_379 looks only at buckets with a public ACL (on aws_s3_bucket_acl) and "
                 "accepts an Allow conditioned on aws:SecureTransport true; lint asks every "
                 "bucket the files declare for a Deny on aws:SecureTransport false, since an "
                 "Allow does not stop another statement or an ACL from serving plain HTTP."});
  out.push_back({"s3-policy-public-principal", Severity::error,
                 "S3 bucket policies do not allow everyone",
                 "An Allow statement with Principal \"*\" opens the bucket to the internet "
                 "unless a condition names who may use it (a VPC endpoint, an organization, an "
                 "account's resource); a condition that only leaves some out (a Not operator), "
                 "only asks for TLS, or matches any account does not.",
                 "name the principals that need access, or add a Condition (aws:SourceVpce, "
                 "aws:PrincipalOrgID, ...)",
                 "name the principals that need access, or add a Condition (aws:SourceVpce, "
                 "aws:PrincipalOrgID, ...)",
                 "CKV_AWS_70", "", "cfn_nag F16", public_policy,
                 "checkov passes a statement whose only condition excludes one principal "
                 "(ArnNotEquals); everyone else still gets in, so lint flags it."});
}

}  // namespace stackplan::lint
