#pragma once

// Helpers shared by the resource kinds in this folder.

#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.hpp"
#include "model/context.hpp"
#include "model/stack.hpp"

namespace stackplan::kinds {

using model::Context;
using model::LineItem;
using model::Resource;

/// A month is 730 hours; a year is 12 months.
inline Decimal hours_per_month() {
  return Decimal::from_int(730);
}
/// What is held at any time when `per_month` arrives each 730-hour month (30.42 days) and each
/// part is kept `days` days: GB a month kept 7 days hold per_month x 7 / 30.42 GB, billed as
/// that many GB-months. Multiplies before dividing, so nothing is lost.
inline Decimal kept_for_days(Decimal per_month, Decimal days) {
  return per_month * days * Decimal::from_int(24) / hours_per_month();
}
/// What `value` exceeds `free` by, or zero: the billed part of usage with a free allowance.
inline Decimal excess(Decimal value, Decimal free) {
  return value > free ? value - free : Decimal();
}
/// Seconds in a 730-hour month.
inline Decimal seconds_per_month() {
  return Decimal::from_int(730 * 3600);
}

/// A decimal constant written as text; the text is always a valid literal.
Decimal dec(std::string_view text);
inline Decimal whole(long long n) {
  return Decimal::from_int(n);
}

/// A line with its identity filled in.
LineItem line(const Resource& r, std::string_view component, std::string description,
              Decimal quantity, std::string unit);
/// The same, marked usage-based with the assumptions it used.
LineItem usage_line(const Resource& r, std::string_view component, std::string description,
                    Decimal quantity, std::string unit, std::string assumption);

/// "1s" -> seconds as a Decimal.
Decimal seconds_of(const spec::Duration& d);

/// One resource per element of a spec list, addressed "<type>.<name>" with the element's
/// index, e.g. one log group per service.
template <class T, class Name>
std::vector<Resource> per_element(const std::vector<T>& items, std::string_view type, Name name) {
  std::vector<Resource> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string n = name(items[i]);
    out.push_back(
        {nullptr, std::string(type) + "." + model::resource_name(n), n, static_cast<int>(i)});
  }
  return out;
}

/// Months in a commitment term ("1y" or "3y"), over which upfront payments are amortised.
inline Decimal term_months(const std::string& term) {
  return whole(term == "3y" ? 36 : 12);
}

/// The catalog term of the spec's Database Savings Plan: "savings-plan/database/1y/no-upfront".
std::string database_savings_plan_term(const spec::Spec& s);

/// Adds a database's instance or capacity hours: a line at the on-demand rate, or, under a
/// Database Savings Plan, usage the plan covers (priced by the plan's resource).
void database_hours(const Resource& r, Context& ctx, LineItem item, const std::string& key);

/// vCPUs of an RDS DB instance class, from its size as AWS sizes them: micro to large 2,
/// xlarge 4, Nxlarge 4N ("db.t4g.micro" -> 2, "db.r7g.4xlarge" -> 16); 0 when not a sized class.
int db_class_vcpus(const std::string& instance_class);

/// "$0.024" style text for descriptions.
std::string usd(Decimal amount);

}  // namespace stackplan::kinds

// --- rendering helpers ---------------------------------------------------------------------

namespace stackplan::kinds {

using nlohmann::json;

/// An AWS resource name of at most `max` characters from `base`: kept as is when it fits,
/// otherwise cut and suffixed with a short hash of the whole, so names stay unique and stable.
std::string aws_name(const std::string& base, std::size_t max);

/// "pantrypal-api" -> "PantrypalApi": CloudFormation logical ids.
std::string logical_id(std::string_view name);

/// "true" / "false": booleans both targets print as they are.
inline std::string bool_text(bool b) {
  return b ? "true" : "false";
}

/// The identity every view starts from: Terraform name, CloudFormation logical id, spec name.
json base_view(const Resource& r);

}  // namespace stackplan::kinds

namespace stackplan::kinds {

/// Secret name of a service's secret reference: "prod/app:KEY" -> "prod/app"; for an ARN, the
/// name part after ":secret:".
std::string secret_of(const std::string& ref);

/// True when a service's secret reference is a full secret ARN rather than a name.
inline bool secret_by_arn(const std::string& ref) {
  return ref.rfind("arn:", 0) == 0;
}

/// View of an S3 bucket: the spec's settings when `buckets` lists it, secure defaults
/// otherwise (a database's own bucket need not be listed).
json bucket_view(const spec::Spec& s, const std::string& bucket);

/// The security groups of what reaches a resource: one per service on Fargate (`only`: that
/// service's alone), the instances' group on EC2. [{"id", "logical", "group_logical"}]. A
/// kind others reach writes both sides of the rules for each of them, ingress to itself and
/// egress from the client, so the clients' templates need not know what they reach.
json client_groups(const spec::Spec& s, const std::string& only = {});

/// An AWS Control Tower control a rendered resource does not meet on purpose, and the reason
/// its reader needs. The templates write each into the resource's CloudFormation `Metadata`
/// (`stackplan: exceptions:`) and as a comment above the Terraform resource; the validators
/// accept a failed control only where its exception is written, and no exception where the
/// control holds.
struct ControlException {
  std::string control;  ///< "CT.RDS.PR.1"
  std::string reason;
};
/// {"any": bool, "list": [{"control", "checkov", "reason"}]}: what a resource's template
/// writes; "checkov" is the matching checkov check, or empty.
json exceptions_view(const std::vector<ControlException>& exceptions);

/// A variable a service gets from what it reaches, as a plain value.
json reach_value(const std::string& name, const std::string& value);
/// A variable whose value is an attribute of the reached resource: a Terraform local its
/// template defines (`tf_local`: "database_host") and a CloudFormation attribute
/// (`cfn_getatt`: "Database.Endpoint.Address"), or `cfn_value` where CloudFormation has no
/// attribute for it.
json reach_reference(const std::string& name, const std::string& tf_local,
                     const std::string& cfn_getatt, const std::string& cfn_value = {});
/// A variable ECS fills from a JSON key of a secret the reached resource keeps.
json reach_secret(const std::string& name, const std::string& field, const std::string& tf_local,
                  const std::string& cfn_getatt);
/// The secret ARN a service's execution role must read for those variables.
json reach_readable(const std::string& tf_local, const std::string& cfn_getatt);

/// What `svc` gets from every kind of the stack it reaches (`Kind::reach`), merged in registry
/// order: {"environment", "secrets", "readable"}. A variable the service sets itself is its own
/// and left out; a secret ARN none of the remaining variables read is left out.
json reach_of(const spec::Spec& s, const spec::Service& svc);

/// What RDS and Aurora views share: identifier, port, backups, deletion protection, the final
/// snapshot's name and the client security groups.
json database_view(const Resource& r, const spec::Spec& s, int backup_retention_days,
                   bool deletion_protection);

/// What RDS and Aurora give every service: the endpoint's host and port and the database name
/// as variables, the master user's name and password from the secret RDS manages, and that
/// secret to read. `logical` is the CloudFormation resource ("Database", "DatabaseCluster");
/// the Terraform template defines the locals `database_host`, `database_port`,
/// `database_name` and `database_secret_arn`.
json server_database_reach(const spec::Spec& s, const std::string& logical);

/// The controls no RDS or Aurora instance meets: a port of its own, and Enhanced Monitoring
/// unless the stack is strict.
std::vector<ControlException> database_exceptions(const spec::Spec& s);

/// A log group a baseline stack leaves encrypted with CloudWatch Logs' own keys.
ControlException logs_kms_exception();

/// What security.profile strict adds to RDS and Aurora: Enhanced Monitoring every
/// `k_monitoring_interval` seconds through a role of its own, the storage under the stack's KMS
/// key, and every log type of the engine exported to a log group the stack creates (with the
/// key and a year's retention), which the database waits for so that RDS does not create it
/// first. {"strict", "monitoring_interval", "log_types": [...], "log_groups": [{"id",
/// "logical"}]}
json database_security_view(const spec::Spec& s);
inline constexpr int k_monitoring_interval = 60;
/// The retention of the log groups of a strict database: the year AWS Control Tower asks for.
inline constexpr int k_strict_log_retention_days = 365;
/// The log types CT.RDS.PR.14 and CT.RDS.PR.25 ask of an engine (all it can export).
std::vector<std::string> database_log_types(spec::Engine engine);
/// The names the stack's log group of a database log type has in both targets, the one place
/// they are made: {"id": "database_<type>" (Terraform), "logical": "Database<Type>"}.
json database_log_group_names(const std::string& type);
/// The log group RDS writes a log type to: /aws/rds/instance/<id>/<type> (or cluster/).
std::string database_log_group(const spec::Spec& s, const std::string& type);
/// Enhanced Monitoring's OS metrics, declared by the RDS and Aurora kinds alike.
extern const model::UsageParam k_monitoring_usage;
/// Lines for a strict database's Enhanced Monitoring of `instances` instances: CloudWatch Logs
/// ingestion and 30 days of storage of the RDSOSMetrics log group.
void enhanced_monitoring_cost(const Resource& r, Context& ctx, int instances);

/// 5432 for PostgreSQL engines, 3306 for MySQL ones, 0 otherwise.
int database_port(spec::Engine engine);

/// Where the services' tasks (or instances) and the database run: public or private subnets.
struct Placement {
  bool service_public = false;
  bool database_public = false;
};
Placement placement(const spec::Spec& s);

/// The subnets each tier uses, for templates that must list them one by one: "public",
/// "service" and "database", each {"created", "existing", "parameter", "list"}. A created VPC
/// lists its subnets (as `created_subnets`); an existing one names the parameter holding the
/// ids and lists its first two entries (the two Availability Zones every tier needs); "vpc_ref"
/// names what holds the VPC id ("Vpc" when created, the "VpcId" parameter otherwise).
json subnets_view(const spec::Spec& s);

/// The subnets of a VPC stackplan creates, in order: {"n", "index", "first", "logical", "cidr",
/// "az_index"}, plus the NAT gateway each private subnet routes through.
json created_subnets(const spec::Spec& s, bool is_public);

/// Availability Zones every supported Region has; subnets beyond this many reuse them in turn
/// where a template cannot count the Region's zones (CloudFormation).
inline constexpr int k_min_zones = 3;

/// Bits a created VPC's prefix grows by for each subnet (8: a /16 gets /24 subnets; never
/// smaller than /28, AWS's minimum), and the index of the first private subnet.
int subnet_newbits(const std::string& vpc_cidr);
int private_subnet_offset(const std::string& vpc_cidr);

}  // namespace stackplan::kinds
