#include "kinds/kinds.hpp"

#include "model/context.hpp"

#include <string>

namespace stackplan::kinds {

using model::Kind;
using model::Resource;

// Each defined in its own folder, src/kinds/<folder>/kinds.cpp or kinds_<name>.cpp.
extern const Kind k_network;
extern const Kind k_ecs_cluster;
extern const Kind k_ec2_asg;
extern const Kind k_ecs_service;
extern const Kind k_log_group;
extern const Kind k_savings_plan;
extern const Kind k_nat_gateway;
extern const Kind k_data_transfer;
extern const Kind k_rds_instance;
extern const Kind k_aurora_cluster;
extern const Kind k_database_log_group;
extern const Kind k_sqlite_local;
extern const Kind k_sqlite_efs;
extern const Kind k_litestream_replica;
extern const Kind k_s3_sync;
extern const Kind k_elasticache;
extern const Kind k_s3_bucket;
extern const Kind k_load_balancer;
extern const Kind k_secret;
extern const Kind k_kms_key;
extern const Kind k_dns_zone;
extern const Kind k_external_cost;

const std::vector<const Kind*>& all() {
  // Order matters once: compute kinds come before the Savings Plan, which prices the usage
  // they register. Otherwise this is the order of the plan.
  static const std::vector<const Kind*> all = {
      &kinds::k_network,        &kinds::k_ecs_cluster,        &kinds::k_ec2_asg,
      &kinds::k_ecs_service,    &kinds::k_log_group,          &kinds::k_rds_instance,
      &kinds::k_aurora_cluster, &kinds::k_database_log_group, &kinds::k_elasticache,
      &kinds::k_savings_plan,  // after every kind whose usage a Savings Plan may cover
      &kinds::k_sqlite_local,   &kinds::k_sqlite_efs,         &kinds::k_litestream_replica,
      &kinds::k_s3_sync,        &kinds::k_s3_bucket,          &kinds::k_load_balancer,
      &kinds::k_nat_gateway,    &kinds::k_data_transfer,      &kinds::k_secret,
      &kinds::k_kms_key,        &kinds::k_dns_zone,           &kinds::k_external_cost,
  };
  return all;
}

std::vector<Resource> resources_of(const spec::Spec& spec) {
  std::vector<Resource> out;
  for (const Kind* kind : all()) {
    for (Resource& r : kind->expand(spec)) {
      r.kind = kind;
      out.push_back(std::move(r));
    }
  }
  return out;
}

std::string usage_reference() {
  std::string out =
      "# Usage assumptions\n\n"
      "<!-- Generated from src/kinds/ by `UPDATE_GOLDEN=1 build/tests/stackplan_tests "
      "\"[usage-doc]\"`; do not edit. -->\n\n"
      "Some costs depend on how much a resource is used. Each usage-based line of a plan says "
      "which figures it used and where each came from: the `--usage` file, the spec's own "
      "`usage` keys, or the default below.\n\n"
      "A usage file maps resource addresses (as plans print them) to figures:\n\n"
      "```yaml\n"
      "aws_lb.main: {lcu: 0.5}\n"
      "aws_db_instance.main: {backup_gb: 5}\n"
      "aws_s3_bucket.pantrypal_backups: {storage_gb: 40, get_requests_per_month: 200000}\n"
      "```\n\n"
      "An address no planned scenario has, or a key the resource does not read, is an error "
      "(exit 2) with the file's line and column, never ignored. Figures are numbers of zero or "
      "more.\n\n"
      "| resource kind | usage key | unit | default | meaning |\n"
      "|---|---|---|---|---|\n";
  for (const model::Kind* kind : all()) {
    for (const auto& u : kind->usage) {
      out += "| `" + std::string(kind->name) + "` | `" + std::string(u.key) + "` | " +
             std::string(u.unit) + " | " +
             (u.fallback_doc.empty() ? model::format_number(u.fallback)
                                     : std::string(u.fallback_doc)) +
             " | " + std::string(u.doc) + " |\n";
    }
  }
  out +=
      "\nResource addresses, by kind (`<name>` is the spec's name with characters other than "
      "letters, digits and `_` replaced by `_`):\n\n";
  for (const model::Kind* kind : all()) {
    out += "- `" + std::string(kind->name) + "`: `" + std::string(kind->address) + "`\n";
  }
  out +=
      "\n"
      "Where the spec has a key for a figure it is named in the plan's assumption (for example "
      "`database.usage.size_gb`, `buckets[0].usage.storage_gb`, `load_balancer.usage.lcu`, "
      "`network.usage.nat_processed_gb`, `services[0].logs.ingested_gb`, "
      "`secrets[0].usage.api_calls_per_month`).\n\n"
      "The defaults describe a small, quiet production application; they are there so that a "
      "plan is complete, not because they fit yours. Plans mark every line that used one.\n";
  return out;
}

}  // namespace stackplan::kinds
