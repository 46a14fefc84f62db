#include "kinds/common.hpp"

#include "aws/controls.hpp"

#include "kinds/ecs_service/pricing.hpp"
#include "kinds/kinds.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace stackplan::kinds {

Decimal dec(std::string_view text) {
  auto value = Decimal::parse(text);
  if (!value) {
    throw std::logic_error("bad decimal constant " + std::string(text));
  }
  return *value;
}

LineItem line(const Resource& r, std::string_view component, std::string description,
              Decimal quantity, std::string unit) {
  LineItem item;
  item.component = std::string(component);
  item.resource = r.address;
  item.description = std::move(description);
  item.quantity = quantity;
  item.unit = std::move(unit);
  return item;
}

LineItem usage_line(const Resource& r, std::string_view component, std::string description,
                    Decimal quantity, std::string unit, std::string assumption) {
  LineItem item = line(r, component, std::move(description), quantity, std::move(unit));
  item.usage_based = true;
  item.assumption = std::move(assumption);
  return item;
}

Decimal seconds_of(const spec::Duration& d) {
  return Decimal::from_int(d.millis) / Decimal::from_int(1000);
}

std::string usd(Decimal amount) {
  return "$" + amount.to_string();
}

}  // namespace stackplan::kinds

namespace stackplan::kinds {

std::string aws_name(const std::string& base, std::size_t max) {
  if (base.size() <= max) {
    return base;
  }
  // FNV-1a: stable across platforms and runs.
  std::uint32_t h = 2166136261u;
  for (unsigned char c : base) {
    h = (h ^ c) * 16777619u;
  }
  char suffix[10];
  std::snprintf(suffix, sizeof suffix, "-%08x", h);
  std::string cut = base.substr(0, max - 9);
  while (!cut.empty() && (cut.back() == '-' || cut.back() == '_')) {
    cut.pop_back();
  }
  return cut + suffix;
}

std::string logical_id(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return out;
}

json base_view(const Resource& r) {
  std::string id = r.address.substr(r.address.rfind('.') + 1);
  return json{{"id", id}, {"logical", logical_id(r.name.empty() ? id : r.name)}, {"name", r.name}};
}

}  // namespace stackplan::kinds

namespace stackplan::kinds {

std::string secret_of(const std::string& ref) {
  std::string text = ref;
  if (secret_by_arn(text)) {
    auto at = text.find(":secret:");
    text = at == std::string::npos ? text : text.substr(at + 8);
  }
  return text.substr(0, text.find(':'));
}

json bucket_view(const spec::Spec& s, const std::string& bucket) {
  spec::Bucket b;
  b.name = bucket;
  b.versioning = true;
  for (const auto& listed : s.buckets) {
    if (listed.name == bucket) {
      b = listed;
    }
  }
  json v;
  v["bucket_id"] = model::resource_name(bucket);
  v["bucket_logical"] = logical_id(bucket);
  v["bucket_name"] = bucket;
  v["versioning"] = b.versioning;
  v["kms"] = b.encryption == "sse-kms";
  v["sse_algorithm"] = b.encryption == "sse-kms" ? "aws:kms" : "AES256";
  v["expire_days"] = b.lifecycle.expire_days ? json(*b.lifecycle.expire_days) : json(nullptr);
  v["noncurrent_expire_days"] = b.versioning && b.lifecycle.noncurrent_expire_days
                                    ? json(*b.lifecycle.noncurrent_expire_days)
                                    : json(nullptr);
  v["abort_days"] = b.lifecycle.abort_incomplete_upload_days;
  v["backup_expire_days"] = nullptr;  // set by the SQLite S3 sync for its copies
  v["object_prefix"] = nullptr;
  std::vector<ControlException> exceptions = {
      {"CT.S3.PR.2",
       "server access logs go to a second bucket and are billed as its storage and requests; "
       "CloudTrail records the API calls that change the bucket"},
      {"CT.S3.PR.4", "nothing in this stack consumes events of the bucket"},
      {"CT.S3.PR.9",
       "Object Lock would keep the lifecycle rules from deleting expired objects and old "
       "versions"},
  };
  if (b.encryption != "sse-kms") {
    exceptions.push_back({"CT.S3.PR.10",
                          "encryption is sse-s3 (buckets[].encryption); sse-kms bills a KMS "
                          "request for object reads and writes"});
  }
  if (!b.versioning) {
    exceptions.push_back({"CT.S3.PR.11", "versioning is off in the spec (buckets[].versioning)"});
  }
  v["exceptions"] = exceptions_view(exceptions);
  return v;
}

json exceptions_view(const std::vector<ControlException>& exceptions) {
  json list = json::array();
  for (const auto& e : exceptions) {
    const std::string_view checkov = aws::checkov_check(e.control);
    list.push_back({{"control", e.control},
                    {"checkov", checkov.empty() ? json(nullptr) : json(std::string(checkov))},
                    {"reason", e.reason}});
  }
  return {{"any", !list.empty()}, {"list", list}};
}

json reach_value(const std::string& name, const std::string& value) {
  return {{"name", name}, {"value", value}, {"tf_local", nullptr}, {"cfn_getatt", nullptr}};
}

json reach_reference(const std::string& name, const std::string& tf_local,
                     const std::string& cfn_getatt, const std::string& cfn_value) {
  return {{"name", name},
          {"value", cfn_value},
          {"tf_local", tf_local},
          {"cfn_getatt", cfn_getatt.empty() ? json(nullptr) : json(cfn_getatt)}};
}

json reach_secret(const std::string& name, const std::string& field, const std::string& tf_local,
                  const std::string& cfn_getatt) {
  return {{"name", name}, {"field", field}, {"tf_local", tf_local}, {"cfn_getatt", cfn_getatt}};
}

json reach_readable(const std::string& tf_local, const std::string& cfn_getatt) {
  return {{"tf_local", tf_local}, {"cfn_getatt", cfn_getatt}};
}

json reach_of(const spec::Spec& s, const spec::Service& svc) {
  json out = {
      {"environment", json::array()}, {"secrets", json::array()}, {"readable", json::array()}};
  auto own = [&](const json& entry) {
    const std::string& name = entry["name"].get_ref<const std::string&>();
    return svc.environment.count(name) != 0 || svc.secrets.count(name) != 0;
  };
  for (const model::Kind* kind : all()) {
    if (kind->reach == nullptr || kind->expand(s).empty()) {
      continue;
    }
    json given = kind->reach(s, svc);
    bool reads_secret = false;
    for (const char* list : {"environment", "secrets"}) {
      for (const json& entry : given.value(list, json::array())) {
        if (!own(entry)) {
          out[list].push_back(entry);
          reads_secret = reads_secret || std::string(list) == "secrets";
        }
      }
    }
    if (reads_secret) {
      for (const json& arn : given.value("readable", json::array())) {
        out["readable"].push_back(arn);
      }
    }
  }
  return out;
}

std::vector<ControlException> database_exceptions(const spec::Spec& s) {
  std::vector<ControlException> out;
  if (!s.security.strict()) {
    out.push_back({"CT.RDS.PR.2",
                   "Enhanced Monitoring is billed as CloudWatch Logs ingestion of its metrics "
                   "(security.profile: strict turns it on); the standard CloudWatch metrics of "
                   "the database remain"});
  }
  out.push_back({"CT.RDS.PR.20",
                 "another port hides nothing inside the VPC: only the services' security groups "
                 "reach the database"});
  return out;
}

ControlException logs_kms_exception() {
  return {"CT.CLOUDWATCH.PR.3",
          "logs are encrypted with CloudWatch Logs' own keys; a customer managed KMS key is "
          "billed monthly and per request (security.profile: strict)"};
}

std::vector<std::string> database_log_types(spec::Engine engine) {
  switch (engine) {
    case spec::Engine::rds_postgres:
      return {"postgresql", "upgrade"};
    case spec::Engine::aurora_postgres:
      return {"postgresql"};
    case spec::Engine::rds_mysql:
    case spec::Engine::aurora_mysql:
      return {"audit", "error", "general", "slowquery"};
    default:
      return {};
  }
}

json database_log_group_names(const std::string& type) {
  return {{"id", "database_" + type}, {"logical", logical_id("database-" + type)}};
}

std::string database_log_group(const spec::Spec& s, const std::string& type) {
  return std::string(spec::is_aurora(s.database.engine) ? "/aws/rds/cluster/"
                                                        : "/aws/rds/instance/") +
         s.name + "/" + type;
}

json database_security_view(const spec::Spec& s) {
  json v;
  const bool strict = s.security.strict();
  v["strict"] = strict;
  v["monitoring_interval"] = k_monitoring_interval;
  json types = json::array();
  json groups = json::array();
  if (strict) {
    for (const std::string& type : database_log_types(s.database.engine)) {
      types.push_back(type);
      groups.push_back(database_log_group_names(type));
    }
  }
  v["log_types"] = types;
  v["log_groups"] = groups;
  return v;
}

extern const model::UsageParam k_monitoring_usage{
    "monitoring_gb", "GB a month", 0.5,
    "OS metrics Enhanced Monitoring writes to CloudWatch Logs a month, per instance (a JSON "
    "record of a few kilobytes with the top processes every 60 seconds; security.profile: "
    "strict)"};

void enhanced_monitoring_cost(const Resource& r, Context& ctx, int instances) {
  model::Usage gb = ctx.usage(r, "monitoring_gb", std::nullopt, {});
  const Decimal ingested = gb.value * whole(instances);
  const std::string each = instances > 1 ? " x " + std::to_string(instances) + " instances" : "";
  ctx.add(usage_line(r, "observability",
                     "RDS Enhanced Monitoring, OS metrics every " +
                         std::to_string(k_monitoring_interval) + " s to CloudWatch Logs" + each,
                     ingested, "GB", gb.assumption),
          ctx.rate(pricing::k_logs_ingest_key));
  ctx.add(usage_line(r, "observability",
                     "RDS Enhanced Monitoring storage, 30 days retained (RDSOSMetrics)",
                     kept_for_days(ingested, whole(30)), "GB-months",
                     gb.assumption + "; stored = ingested x 30 days / 30.42 days a month"),
          ctx.rate(pricing::k_logs_storage_key));
}

json server_database_reach(const spec::Spec& s, const std::string& logical) {
  const spec::ConnectionEnvironment& n = s.database.environment;
  const std::string secret = logical + ".MasterUserSecret.SecretArn";
  return {{"environment",
           {reach_reference(n.host, "database_host", logical + ".Endpoint.Address"),
            reach_reference(n.port, "database_port", logical + ".Endpoint.Port"),
            reach_reference(n.name, "database_name", "", s.database.name)}},
          {"secrets",
           {reach_secret(n.username, "username", "database_secret_arn", secret),
            reach_secret(n.password, "password", "database_secret_arn", secret)}},
          {"readable", {reach_readable("database_secret_arn", secret)}}};
}

json client_groups(const spec::Spec& s, const std::string& only) {
  json out = json::array();
  if (s.compute.platform == spec::Platform::ec2) {
    out.push_back({{"id", "instances"},
                   {"logical", "Instances"},
                   {"group_logical", "InstancesSecurityGroup"}});
    return out;
  }
  for (const auto& svc : s.services) {
    if (!only.empty() && svc.name != only) {
      continue;
    }
    out.push_back({{"id", model::resource_name(svc.name)},
                   {"logical", logical_id(svc.name)},
                   {"group_logical", logical_id(svc.name) + "TasksSecurityGroup"}});
  }
  return out;
}

json database_view(const Resource& r, const spec::Spec& s, int backup_retention_days,
                   bool deletion_protection) {
  json v = base_view(r);
  v["db_name"] = s.database.name;
  v["identifier"] = s.name;
  v["port"] = database_port(s.database.engine);
  v["backup_retention_days"] = backup_retention_days;
  v["deletion_protection"] = bool_text(deletion_protection);
  v["final_snapshot"] = s.name + "-final";
  v["clients"] = client_groups(s);
  v["subnets"] = subnets_view(s);
  return v;
}

Placement placement(const spec::Spec& s) {
  // A created VPC without private subnets keeps the database in the public ones: not publicly
  // accessible, reachable only from the services' security groups.
  return {s.compute.public_ip, s.network.create_vpc && s.network.private_subnets == 0};
}

namespace {

struct Cidr {
  std::uint32_t address = 0;
  int prefix = 0;
};

Cidr parse_cidr(const std::string& text) {
  Cidr c;
  unsigned a = 0, b = 0, d = 0, e = 0;
  int prefix = 0;
  if (std::sscanf(text.c_str(), "%u.%u.%u.%u/%d", &a, &b, &d, &e, &prefix) == 5) {
    c.address = (a << 24) | (b << 16) | (d << 8) | e;
    c.prefix = prefix;
  }
  return c;
}

std::string cidr_text(std::uint32_t address, int prefix) {
  return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 255) + "." +
         std::to_string((address >> 8) & 255) + "." + std::to_string(address & 255) + "/" +
         std::to_string(prefix);
}

json tier(const spec::Spec& s, bool is_public) {
  json t;
  t["created"] = s.network.create_vpc;
  t["existing"] = !s.network.create_vpc;
  if (s.network.create_vpc) {
    t["parameter"] = nullptr;
    t["list"] = created_subnets(s, is_public);
  } else {
    t["parameter"] = is_public ? "PublicSubnetIds" : "PrivateSubnetIds";
    t["list"] = json::array({{{"n", 1}, {"index", 0}}, {{"n", 2}, {"index", 1}}});
  }
  return t;
}

}  // namespace

json subnets_view(const spec::Spec& s) {
  const Placement p = placement(s);
  return {{"vpc_ref", s.network.create_vpc ? "Vpc" : "VpcId"},
          {"public", tier(s, true)},
          {"service", tier(s, p.service_public)},
          {"database", tier(s, p.database_public)}};
}

json created_subnets(const spec::Spec& s, bool is_public) {
  const spec::Network& n = s.network;
  const Cidr vpc = parse_cidr(n.cidr);
  const int newbits = subnet_newbits(n.cidr);
  const int offset = is_public ? 0 : private_subnet_offset(n.cidr);
  const std::uint32_t mask = vpc.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - vpc.prefix);
  const std::string prefix = is_public ? "Public" : "Private";
  json list = json::array();
  const int count = is_public ? n.public_subnets : n.private_subnets;
  for (int i = 0; i < count; ++i) {
    const std::uint32_t base = vpc.address & mask;
    const int sub_prefix = vpc.prefix + newbits;
    const std::uint32_t address =
        base | (static_cast<std::uint32_t>(offset + i) << (32 - sub_prefix));
    json e{{"n", i + 1},
           {"index", i},
           {"logical", prefix + "Subnet" + std::to_string(i + 1)},
           {"first", i == 0},
           {"cidr", cidr_text(address, sub_prefix)},
           {"az_index", i % k_min_zones}};
    if (!is_public && n.nat_gateways > 0) {
      e["nat_logical"] = "NatGateway" + std::to_string(i % n.nat_gateways + 1);
    }
    list.push_back(e);
  }
  return list;
}

int subnet_newbits(const std::string& vpc_cidr) {
  return std::min(8, 28 - parse_cidr(vpc_cidr).prefix);
}

int private_subnet_offset(const std::string& vpc_cidr) {
  const int newbits = subnet_newbits(vpc_cidr);
  return newbits == 8 ? 100 : (1 << newbits) / 2;
}

int database_port(spec::Engine engine) {
  switch (engine) {
    case spec::Engine::rds_postgres:
    case spec::Engine::aurora_postgres:
      return 5432;
    case spec::Engine::rds_mysql:
    case spec::Engine::aurora_mysql:
      return 3306;
    default:
      return 0;
  }
}

std::string database_savings_plan_term(const spec::Spec& s) {
  return "savings-plan/database/" + s.database.purchase.term + "/" + s.database.purchase.payment;
}

void database_hours(const Resource& r, Context& ctx, LineItem item, const std::string& key) {
  if (!ctx.spec().database.purchase.savings_plan) {
    ctx.add(std::move(item), ctx.rate(key));
    return;
  }
  ctx.eligible().push_back({r.address, item.description, item.quantity, item.unit, ctx.rate(key),
                            ctx.rate(key, database_savings_plan_term(ctx.spec())), "database"});
}

int db_class_vcpus(const std::string& instance_class) {
  std::string size = instance_class.substr(instance_class.rfind('.') + 1);
  if (size == "micro" || size == "small" || size == "medium" || size == "large") {
    return 2;
  }
  if (!size.ends_with("xlarge")) {
    return 0;
  }
  std::string n = size.substr(0, size.size() - 6);
  if (n.empty()) {
    return 4;
  }
  if (n.find_first_not_of("0123456789") != std::string::npos || n.size() > 3) {
    return 0;
  }
  return 4 * std::stoi(n);
}

}  // namespace stackplan::kinds
