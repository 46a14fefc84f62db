// ElastiCache replication groups (Valkey, Redis OSS): encryption at rest and in transit.

#include "lint/rules.hpp"

namespace stackplan::lint {

namespace {

/// Replication groups of a Valkey or Redis OSS engine (Memcached has neither setting).
std::vector<const Resource*> replication_groups(const Module& m) {
  const bool tf = m.format == Format::terraform;
  std::vector<const Resource*> out;
  for (const Resource* r :
       m.of_type(tf ? "aws_elasticache_replication_group" : "AWS::ElastiCache::ReplicationGroup")) {
    const Value* engine = r->body.get(tf ? "engine" : "Engine");
    if (engine != nullptr && engine->is_scalar() && engine->text == "memcached") {
      continue;
    }
    out.push_back(r);
  }
  return out;
}

/// A group made from a global datastore or a snapshot takes its encryption from the source.
bool inherits_encryption(const Resource& r, bool tf) {
  return r.body.get(tf ? "global_replication_group_id" : "GlobalReplicationGroupId") != nullptr;
}

/// Reports every group (not taking its encryption from a source) whose setting is absent or
/// false; `what` completes "cache <name> ...".
void require_encryption(const Module& m, Reporter& out, const char* terraform_key,
                        const char* cloudformation_key, const std::string& what) {
  const bool tf = out.terraform();
  for (const Resource* r : replication_groups(m)) {
    if (inherits_encryption(*r, tf)) {
      continue;
    }
    const Value* v = r->body.get(tf ? terraform_key : cloudformation_key);
    if (v == nullptr || is_false(v)) {
      out.at(*r, v, "cache " + label(*r) + " " + what);
    }
  }
}

void at_rest(const Module& m, Reporter& out) {
  require_encryption(m, out, "at_rest_encryption_enabled", "AtRestEncryptionEnabled",
                     "stores its data and snapshots unencrypted");
}

void in_transit(const Module& m, Reporter& out) {
  require_encryption(m, out, "transit_encryption_enabled", "TransitEncryptionEnabled",
                     "accepts unencrypted connections");
}

}  // namespace

void add_elasticache_rules(std::vector<Rule>& out) {
  out.push_back({"elasticache-encrypted-at-rest", Severity::error,
                 "Caches encrypt their data at rest",
                 "Without it the nodes' disks, swap and snapshots (which can be copied and "
                 "exported to S3) hold the cached data in the clear; it cannot be turned on "
                 "for an existing replication group.",
                 "set at_rest_encryption_enabled = true", "set AtRestEncryptionEnabled: true",
                 "CKV_AWS_29", "", "AVD-AWS-0045", at_rest});
  out.push_back({"elasticache-encrypted-in-transit", Severity::error,
                 "Caches accept TLS connections only",
                 "Without TLS, session data, tokens and AUTH passwords cross the network in the "
                 "clear to anyone who can capture VPC traffic.",
                 "set transit_encryption_enabled = true and connect with rediss://",
                 "set TransitEncryptionEnabled: true and connect with rediss://", "CKV_AWS_30", "",
                 "AVD-AWS-0051", in_transit});
}

}  // namespace stackplan::lint
