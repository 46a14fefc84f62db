// RDS instances and Aurora clusters: encryption, exposure, deletion, backups, passwords.

#include "lint/rules.hpp"

namespace stackplan::lint {

namespace {

/// A database resource with the property names of its format.
struct Database {
  const Resource* r;
  bool cluster;
};

/// Stand-alone instances (not members of a cluster) and clusters.
std::vector<Database> databases(const Module& m, bool instances, bool clusters) {
  std::vector<Database> out;
  if (m.format == Format::terraform) {
    if (instances) {
      for (const Resource* r : m.of_type("aws_db_instance")) {
        out.push_back({r, false});
      }
    }
    if (clusters) {
      for (const Resource* r : m.of_type("aws_rds_cluster")) {
        out.push_back({r, true});
      }
    }
    return out;
  }
  if (instances) {
    for (const Resource* r : m.of_type("AWS::RDS::DBInstance")) {
      if (r->body.get("DBClusterIdentifier") == nullptr) {
        out.push_back({r, false});
      }
    }
  }
  if (clusters) {
    for (const Resource* r : m.of_type("AWS::RDS::DBCluster")) {
      out.push_back({r, true});
    }
  }
  return out;
}

std::string what(const Database& d) {
  return (d.cluster ? "database cluster " : "database instance ") + label(*d.r);
}

void storage_encrypted(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Database& d : databases(m, true, true)) {
    const Value& b = d.r->body;
    if (b.get(tf ? "replicate_source_db" : "SourceDBInstanceIdentifier") != nullptr ||
        b.get(tf ? "snapshot_identifier" : "DBSnapshotIdentifier") != nullptr) {
      continue;  // encryption follows the source
    }
    const Value* mode = b.get(tf ? "engine_mode" : "EngineMode");
    if (mode != nullptr && mode->is_scalar() && mode->text == "serverless") {
      continue;  // Aurora Serverless v1 is always encrypted
    }
    const Value* v = b.get(tf ? "storage_encrypted" : "StorageEncrypted");
    if (v == nullptr || is_false(v)) {
      out.at(*d.r, v, what(d) + " stores its data unencrypted");
    }
  }
}

void publicly_accessible(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  const auto all =
      tf ? m.of_types({"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"})
         : m.of_types({"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"});
  for (const Resource* r : all) {
    const Value* v = r->body.get(tf ? "publicly_accessible" : "PubliclyAccessible");
    if (is_true(v)) {
      out.at(*r, v, "database " + label(*r) + " is reachable from the internet");
    }
  }
}

void deletion_protection(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Database& d : databases(m, true, true)) {
    const Value* v = d.r->body.get(tf ? "deletion_protection" : "DeletionProtection");
    if (v == nullptr || is_false(v)) {
      out.at(*d.r, v, what(d) + " can be deleted without turning off deletion protection");
    }
  }
}

void backup_retention(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Database& d : databases(m, true, true)) {
    const Value& b = d.r->body;
    if (b.get(tf ? "replicate_source_db" : "SourceDBInstanceIdentifier") != nullptr) {
      continue;  // read replicas keep no backups of their own
    }
    const Value* v = b.get(tf ? "backup_retention_period" : "BackupRetentionPeriod");
    std::string via;
    v = resolve_parameter(v, &via);
    if (v != nullptr && !v->is_known()) {
      continue;
    }
    auto days = v ? v->as_int() : std::optional<long long>(1);
    if (!days) {
      continue;
    }
    if (*days == 0) {
      out.at(*d.r, v, what(d) + " keeps no automated backups (retention 0)", Severity::error);
    } else if (*days > 35) {
      out.at(*d.r, v,
             what(d) + " asks for " + std::to_string(*days) +
                 " days of automated backups; AWS accepts 0 to 35",
             Severity::error);
    } else if (*days < 7) {
      out.at(*d.r, v,
             what(d) + " keeps automated backups for " + std::to_string(*days) + " day" +
                 (*days == 1 ? "" : "s") + (v ? "" : " (the default)") + ", less than 7");
    }
  }
}

void plaintext_password(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Database& d : databases(m, true, true)) {
    const char* key = tf ? (d.cluster ? "master_password" : "password") : "MasterUserPassword";
    const Value* v = d.r->body.get(key);
    std::string via;
    const Value* resolved = resolve_parameter(v, &via);
    if (resolved == nullptr || !resolved->is_scalar() || resolved->text.empty()) {
      continue;
    }
    if (resolved->text.rfind("{{resolve:", 0) == 0) {
      continue;  // dynamic reference to Secrets Manager or SSM SecureString
    }
    out.at(*d.r, v,
           what(d) + " has its master password written in " +
               (via.empty() ? std::string("the code") : "the default of " + via));
  }
}

void final_snapshot(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Database& d : databases(m, true, true)) {
    if (tf) {
      const Value* v = d.r->body.get("skip_final_snapshot");
      if (is_true(v)) {
        out.at(*d.r, v, what(d) + " is deleted without a final snapshot");
      }
    } else if (d.r->deletion_policy == "Delete") {
      out.at(*d.r, nullptr, what(d) + " has DeletionPolicy Delete: no snapshot when removed");
    }
  }
}

void minor_upgrades(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  const auto all = tf ? m.of_types({"aws_db_instance", "aws_rds_cluster_instance"})
                      : m.of_type("AWS::RDS::DBInstance");
  for (const Resource* r : all) {
    const Value* v = r->body.get(tf ? "auto_minor_version_upgrade" : "AutoMinorVersionUpgrade");
    if (is_false(v)) {
      out.at(*r, v, "database " + label(*r) + " does not take minor engine upgrades");
    }
  }
}

}  // namespace

// Listed in lint/rules.cpp.
void add_rds_rules(std::vector<Rule>& out) {
  out.push_back({"rds-storage-encrypted", Severity::error, "Databases encrypt their storage",
                 "Unencrypted storage, snapshots and replicas can be read by anyone who gets a "
                 "copy; encryption cannot be turned on later without a snapshot restore.",
                 "set storage_encrypted = true", "set StorageEncrypted: true",
                 "CKV_AWS_16, CKV_AWS_96", "CT.RDS.PR.24, CT.RDS.PR.16",
                 "cfn_nag F26, F27; AVD-AWS-0079, AVD-AWS-0080", storage_encrypted});
  out.push_back({"rds-public", Severity::error, "Databases are not publicly accessible",
                 "A publicly accessible database gets a public address; one open security group "
                 "rule away from the internet.",
                 "set publicly_accessible = false and reach the database from inside the VPC",
                 "set PubliclyAccessible: false and reach the database from inside the VPC",
                 "CKV_AWS_17", "CT.RDS.PR.23, CT.RDS.PR.29", "cfn_nag F22; AVD-AWS-0180",
                 publicly_accessible});
  out.push_back({"rds-deletion-protection", Severity::warning, "Databases have deletion protection",
                 "Deletion protection stops a mistaken destroy, stack deletion or replacement "
                 "from dropping the database.",
                 "set deletion_protection = true", "set DeletionProtection: true",
                 "CKV_AWS_293, CKV_AWS_139", "CT.RDS.PR.13, CT.RDS.PR.3",
                 "cfn_nag F80; AVD-AWS-0177, AVD-AWS-0343", deletion_protection});
  out.push_back({"rds-backup-retention", Severity::warning,
                 "Databases keep automated backups for at least 7 days",
                 "Retention 0 turns automated backups and point-in-time recovery off; fewer than "
                 "7 days leaves little time to notice a bad write.",
                 "set backup_retention_period to 7 or more",
                 "set BackupRetentionPeriod to 7 or "
                 "more",
                 "CKV_AWS_133", "CT.RDS.PR.8", "cfn_nag W75; cfn-lint E3719; AVD-AWS-0077",
                 backup_retention,
                 "checkov passes a database that does not set a retention; lint warns on "
                 "the default, 1 day, as less than 7. Both fail a retention above 35 days, "
                 "which AWS rejects (lint as an error)."});
  out.push_back({"rds-plaintext-password", Severity::error,
                 "Database master passwords are not written in code",
                 "A password in code or in a variable/parameter default lands in version "
                 "control, plans and state.",
                 "set manage_master_user_password = true (RDS keeps it in Secrets Manager)",
                 "set ManageMasterUserPassword: true, or use a {{resolve:secretsmanager:...}} "
                 "dynamic reference",
                 "", "", "cfn_nag F23, F34; cfn-lint W1011, W2501", plaintext_password});
  out.push_back({"rds-final-snapshot", Severity::warning,
                 "Databases take a final snapshot when deleted",
                 "Without a final snapshot, removing the resource loses the data for good.",
                 "set skip_final_snapshot = false and a final_snapshot_identifier",
                 "set DeletionPolicy and UpdateReplacePolicy to Snapshot", "", "",
                 "cfn-lint I3011, W3011", final_snapshot});
  out.push_back({"rds-minor-upgrades", Severity::warning, "Databases take minor engine upgrades",
                 "Minor versions carry security fixes; turning automatic upgrades off leaves "
                 "them to be applied by hand.",
                 "remove auto_minor_version_upgrade = false",
                 "remove "
                 "AutoMinorVersionUpgrade: false",
                 "CKV_AWS_226", "CT.RDS.PR.5", "", minor_upgrades,
                 "checkov fails a database that does not set auto_minor_version_upgrade; AWS "
                 "and the Terraform provider default it to true, so lint passes it and flags "
                 "only an explicit false."});
}

}  // namespace stackplan::lint
