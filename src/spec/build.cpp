// Typed model of one merged variant, and the rules that span several fields.

#include <algorithm>
#include <map>

#include "aws/facts.hpp"
#include "aws/secrets.hpp"
#include "base/pattern.hpp"
#include "base/spelling.hpp"
#include "spec/load.hpp"
#include "spec/reader.hpp"
#include "spec/section.hpp"
#include "spec/spec_schema.hpp"

namespace stackplan::spec {

using nlohmann::json;

const char* to_string(PurchaseModel model) {
  switch (model) {
    case PurchaseModel::on_demand:
      return "on-demand";
    case PurchaseModel::spot:
      return "spot";
    case PurchaseModel::savings_plan:
      return "savings-plan";
    case PurchaseModel::reserved:
      return "reserved";
  }
  return "on-demand";
}

bool is_sqlite(Engine e) {
  return e == Engine::sqlite || e == Engine::sqlite_efs || e == Engine::sqlite_s3_sync ||
         e == Engine::sqlite_litestream;
}
bool is_rds(Engine e) {
  return e == Engine::rds_postgres || e == Engine::rds_mysql;
}
bool is_aurora(Engine e) {
  return e == Engine::aurora_postgres || e == Engine::aurora_mysql;
}

namespace {

const char* const k_rds_keys[] = {"version", "instance_class",        "multi_az",
                                  "storage", "backup_retention_days", "deletion_protection"};
const char* const k_aurora_keys[] = {
    "version",      "instance_class",        "instances",          "serverless_v2",
    "io_optimized", "backup_retention_days", "deletion_protection"};

class Builder {
 public:
  Builder(const json& value, const text::SourceMap& origins, Diagnostics& diags,
          const std::set<std::string>& bad)
      : r(value, origins, diags, bad) {}

  Spec build() {
    s.version = as_int(r.integer("/version"), 1);
    assign(s.name, r.str("/name"));
    assign(s.region, r.str("/region"));
    assign(s.environment, r.str("/environment"));
    if (const json* tags = r.get("/tags")) {
      for (const auto& [k, v] : tags->items()) {
        s.tags[k] = r.str("/tags/" + text::pointer_token(k)).value_or("");
      }
    }
    network();
    compute();
    services();
    database();
    for (const Section* section : kind_sections()) {
      section->read(r, s);
    }
    assign(s.free_tier, r.boolean("/free_tier"));
    return s;
  }

 private:
  void network() {
    Network& n = s.network;
    if (auto vpc = r.str("/network/vpc")) {
      n.create_vpc = *vpc == "create";
    }
    n.vpc_id = r.str("/network/vpc_id");
    static const Pattern exact_vpc("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$");
    if (n.vpc_id && !exact_vpc.search(*n.vpc_id)) {
      r.warning(r.at("/network/vpc_id"), "spec.placeholder",
                "'" + *n.vpc_id + "' is not a complete VPC id (vpc- and 8 or 17 hex digits)",
                "Terraform and CloudFormation will reject it; give the real VPC id");
    }
    assign(n.cidr, r.str("/network/cidr"));
    n.public_subnets = as_int(r.integer("/network/public_subnets"), n.public_subnets);
    n.private_subnets = as_int(r.integer("/network/private_subnets"), n.private_subnets);
    n.nat_gateways = as_int(r.integer("/network/nat_gateways"), n.nat_gateways);
    n.data_transfer_out_gb = r.num("/network/usage/data_transfer_out_gb");
    n.nat_processed_gb = r.num("/network/usage/nat_processed_gb");
    if (n.create_vpc) {
      reject_unless_inherited(r, "/network/vpc_id", "/network/vpc",
                              "an existing VPC (vpc: existing)",
                              "remove vpc_id, or set network.vpc: existing");
      if (n.nat_gateways > n.public_subnets) {
        r.error(r.at("/network/nat_gateways"), "spec.range",
                "network.nat_gateways is " + std::to_string(n.nat_gateways) +
                    " but there are only " + std::to_string(n.public_subnets) + " public subnets",
                "a NAT gateway lives in a public subnet; use at most one per public subnet");
      }
      if (n.private_subnets == 0 && n.nat_gateways > 0) {
        r.warning(r.at("/network/nat_gateways"), "spec.unused",
                  "NAT gateways are billed but there are no private subnets to use them",
                  "remove nat_gateways or add private_subnets");
      }
    } else {
      for (const char* key : {"cidr", "public_subnets", "private_subnets", "nat_gateways"}) {
        reject_unless_inherited(r, std::string("/network/") + key, "/network/vpc",
                                "a new VPC (vpc: create)", "remove it, or set network.vpc: create");
      }
    }
  }

  void compute() {
    Compute& c = s.compute;
    if (auto platform = r.str("/compute/platform")) {
      c.platform = *platform == "ec2" ? Platform::ec2 : Platform::fargate;
    }
    assign(c.public_ip, r.boolean("/compute/public_ip"));
    if (c.platform == Platform::ec2) {
      if (auto type = r.str("/compute/instance_type")) {
        c.instance_type = *type;
        c.architecture = aws::architecture_of(*type);
      } else if (!r.present("/compute/instance_type")) {
        r.error(r.key_at("/compute"), "spec.required",
                "compute.instance_type is required when compute.platform is ec2",
                "add it, e.g. instance_type: t4g.small");
      }
      auto desired = r.integer("/compute/desired");
      auto min = r.integer("/compute/min");
      auto max = r.integer("/compute/max");
      c.desired = as_int(desired ? desired : min, 1);
      c.min = as_int(min, c.desired);
      c.max = as_int(max, std::max(c.desired, c.min));
      // Name only the keys the spec gives: an absent min or max follows desired.
      std::string low = min ? "compute.min" : "compute.desired";
      if (c.min > c.max) {
        r.error(r.at(max ? "/compute/max" : "/compute/min"), "spec.capacity",
                low + " (" + std::to_string(c.min) + ") is greater than compute.max (" +
                    std::to_string(c.max) + ")",
                "min <= desired <= max");
      } else if (c.desired < c.min || c.desired > c.max) {
        r.error(r.at(desired ? "/compute/desired" : "/compute/min"), "spec.capacity",
                "compute.desired (" + std::to_string(c.desired) + ") is outside min " +
                    std::to_string(c.min) + " to max " + std::to_string(c.max),
                "min <= desired <= max");
      }
      Volume& v = c.root_volume;
      v.size_gb = as_int(r.integer("/compute/root_volume/size_gb"), v.size_gb);
      assign(v.type, r.str("/compute/root_volume/type"));
      if (auto iops = r.integer("/compute/root_volume/iops")) {
        v.iops = static_cast<int>(*iops);
      }
      if (auto tp = r.integer("/compute/root_volume/throughput_mbps")) {
        v.throughput_mbps = static_cast<int>(*tp);
      }
      if (v.iops && v.type == "gp2") {
        reject_if_present(r, "/compute/root_volume/iops", "gp3, io1 and io2 volumes",
                          "gp2 IOPS follow the size; use type: gp3 to provision IOPS");
      }
      if (v.throughput_mbps && v.type != "gp3") {
        reject_if_present(r, "/compute/root_volume/throughput_mbps", "gp3 volumes",
                          "remove it or use type: gp3");
      }
      if (!v.iops && (v.type == "io1" || v.type == "io2")) {
        r.error(r.at("/compute/root_volume/type"), "spec.required",
                v.type + " volumes need compute.root_volume.iops", "add iops, e.g. iops: 3000");
      }
    } else {
      for (const char* key : {"instance_type", "min", "max", "desired", "root_volume"}) {
        reject_unless_inherited(
            r, std::string("/compute/") + key, "/compute/platform", "compute.platform ec2",
            "Fargate sizes each task itself (services[].cpu, memory, count); remove "
            "it or set platform: ec2");
      }
    }
    if (auto arch = r.str("/compute/architecture")) {
      Architecture given = *arch == "arm64" ? Architecture::arm64 : Architecture::x86_64;
      if (c.platform == Platform::ec2 && !c.instance_type.empty() && given != c.architecture) {
        r.error(r.at("/compute/architecture"), "spec.conflict",
                "compute.architecture is " + *arch + " but " + c.instance_type + " is " +
                    (c.architecture == Architecture::arm64 ? "arm64" : "x86_64"),
                "remove architecture; it follows the instance type");
      }
      c.architecture = given;
    }
    purchase();
  }

  void purchase() {
    Compute& c = s.compute;
    Purchase& p = c.purchase;
    if (auto model = r.str("/compute/purchase/model")) {
      p.model = *model == "spot"           ? PurchaseModel::spot
                : *model == "savings-plan" ? PurchaseModel::savings_plan
                : *model == "reserved"     ? PurchaseModel::reserved
                                           : PurchaseModel::on_demand;
    }
    const std::string base = "/compute/purchase/";
    if (p.model != PurchaseModel::savings_plan) {
      reject_unless_inherited(r, base + "savings_plan", base + "model",
                              "purchase.model: savings-plan",
                              "remove it, or set compute.purchase.model: savings-plan");
    }
    if (p.model != PurchaseModel::spot) {
      reject_unless_inherited(r, base + "spot", base + "model", "purchase.model: spot",
                              "remove it, or set compute.purchase.model: spot");
    }
    if (p.model != PurchaseModel::reserved) {
      reject_unless_inherited(r, base + "reserved", base + "model", "purchase.model: reserved",
                              "remove it, or set compute.purchase.model: reserved");
    }
    SavingsPlan& sp = p.savings_plan;
    assign(sp.type, r.str(base + "savings_plan/type"));
    assign(sp.term, r.str(base + "savings_plan/term"));
    assign(sp.payment, r.str(base + "savings_plan/payment"));
    sp.commitment_per_hour = r.money(base + "savings_plan/commitment_per_hour");
    if (p.model == PurchaseModel::savings_plan && c.platform == Platform::fargate &&
        sp.type == "ec2-instance") {
      r.error(r.at(base + "savings_plan/type"), "spec.conflict",
              "EC2 Instance Savings Plans do not cover Fargate",
              "use type: compute, which covers EC2, Fargate and Lambda");
    }
    if (p.model == PurchaseModel::spot && c.platform == Platform::fargate &&
        c.architecture == Architecture::arm64) {
      r.error(r.at(base + "model"), "spec.conflict",
              "Fargate Spot runs x86_64 tasks only, but compute.architecture is arm64",
              "use architecture x86_64 for Fargate Spot, or model on-demand or savings-plan for "
              "arm64");
    }
    if (p.model == PurchaseModel::reserved && c.platform == Platform::fargate) {
      r.error(r.at(base + "model"), "spec.conflict", "Reserved Instances do not apply to Fargate",
              "use model: savings-plan (a Compute Savings Plan covers Fargate)");
    }
    Reserved& ri = p.reserved;
    assign(ri.term, r.str(base + "reserved/term"));
    assign(ri.payment, r.str(base + "reserved/payment"));
    assign(ri.offering_class, r.str(base + "reserved/offering_class"));

    SpotOptions& spot = p.spot;
    spot.on_demand_base = as_int(r.integer(base + "spot/on_demand_base"), 0);
    spot.on_demand_percentage = as_int(r.integer(base + "spot/on_demand_percentage"), 0);
    assign(spot.allocation, r.str(base + "spot/allocation"));
    if (const json* types = r.get(base + "spot/instance_types")) {
      for (std::size_t i = 0; i < types->size(); ++i) {
        if (auto t = r.str(base + "spot/instance_types/" + std::to_string(i))) {
          spot.instance_types.push_back(*t);
        }
      }
    }
    if (c.platform == Platform::fargate) {
      for (const char* key :
           {"instance_types", "on_demand_base", "on_demand_percentage", "allocation"}) {
        reject_unless_inherited(r, base + "spot/" + key, "/compute/platform",
                                "compute.platform ec2",
                                "Fargate Spot needs no instance options; remove it");
      }
    } else if (p.model == PurchaseModel::spot) {
      if (spot.instance_types.empty() && !c.instance_type.empty()) {
        spot.instance_types.push_back(c.instance_type);
      }
      for (std::size_t i = 0; i < spot.instance_types.size(); ++i) {
        if (aws::architecture_of(spot.instance_types[i]) != c.architecture) {
          r.error(r.at(base + "spot/instance_types/" + std::to_string(i)), "spec.conflict",
                  spot.instance_types[i] + " does not have the " +
                      (c.architecture == Architecture::arm64 ? "arm64" : "x86_64") +
                      " architecture of " + c.instance_type,
                  "one launch template runs one AMI; list instance types of one architecture");
        }
      }
    }
    if (const json* prices = r.get(base + "spot/hourly_prices")) {
      for (const auto& [type, value] : prices->items()) {
        std::string pointer = base + "spot/hourly_prices/" + text::pointer_token(type);
        if (auto price = r.money(pointer)) {
          spot.hourly_prices[type] = *price;
        }
        bool used = std::find(spot.instance_types.begin(), spot.instance_types.end(), type) !=
                        spot.instance_types.end() ||
                    (c.platform == Platform::ec2 && type == c.instance_type);
        if (!used && c.platform == Platform::ec2) {
          r.error(r.key_at(pointer), "spec.unused",
                  "spot price for " + type + ", which is not one of the spot instance types",
                  suggestion_hint(type, spot.instance_types, "spot instance types"));
        }
      }
    }
  }

  void services() {
    const json* list = r.get("/services");
    if (list == nullptr) {
      return;
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string base = "/services/" + std::to_string(i);
      Service svc;
      svc.loc = r.at(base);
      assign(svc.name, r.str(base + "/name"));
      assign(svc.image, r.str(base + "/image"));
      svc.cpu = as_int(r.integer(base + "/cpu"), svc.cpu);
      svc.memory = as_int(r.integer(base + "/memory"), svc.memory);
      svc.count = as_int(r.integer(base + "/count"), svc.count);
      if (auto port = r.integer(base + "/port")) {
        svc.port = static_cast<int>(*port);
      }
      if (const json* command = r.get(base + "/command")) {
        for (std::size_t k = 0; k < command->size(); ++k) {
          svc.command.push_back(r.str(base + "/command/" + std::to_string(k)).value_or(""));
        }
      }
      check_unique(r, names, svc.name, base + "/name", "service");
      if (s.compute.platform == Platform::fargate) {
        if (auto problem = aws::fargate_size_problem(svc.cpu, svc.memory)) {
          std::string at = r.has(base + "/memory") ? base + "/memory" : base + "/cpu";
          r.error(r.at(at), "spec.fargate-size",
                  "Fargate has no task size of cpu " + std::to_string(svc.cpu) + " with memory " +
                      std::to_string(svc.memory),
                  *problem);
        }
      }
      health_check(base, svc);
      environment(base, svc);
      if (r.has(base + "/load_balanced")) {
        LoadBalanced lb;
        assign(lb.path, r.str(base + "/load_balanced/path"));
        assign(lb.health_check_path, r.str(base + "/load_balanced/health_check_path"));
        if (auto priority = r.integer(base + "/load_balanced/priority")) {
          lb.priority = static_cast<int>(*priority);
        }
        svc.load_balanced = lb;
        if (!svc.port) {
          r.error(r.key_at(base + "/load_balanced"), "spec.required",
                  "a load-balanced service needs a port", "add port: with the container port");
        }
        if (!r.has("/load_balancer")) {
          r.error(r.key_at(base + "/load_balanced"), "spec.requires",
                  "services[" + std::to_string(i) + "].load_balanced needs a load_balancer",
                  "add load_balancer: {type: application, https: true}");
        }
      }
      if (r.has(base + "/autoscaling")) {
        Autoscaling as;
        as.max = as_int(r.integer(base + "/autoscaling/max"), svc.count);
        as.min = as_int(r.integer(base + "/autoscaling/min"), std::min(svc.count, as.max));
        if (auto t = r.integer(base + "/autoscaling/cpu_target")) {
          as.cpu_target = static_cast<int>(*t);
        }
        if (auto t = r.integer(base + "/autoscaling/memory_target")) {
          as.memory_target = static_cast<int>(*t);
        }
        std::string at = base + "/autoscaling";
        if (!as.cpu_target && !as.memory_target) {
          r.error(r.key_at(at), "spec.required", "autoscaling needs cpu_target or memory_target",
                  "add cpu_target: 70");
        }
        if (as.min > as.max) {
          r.error(r.at(at + "/min"), "spec.capacity",
                  "autoscaling.min (" + std::to_string(as.min) + ") is greater than max (" +
                      std::to_string(as.max) + ")",
                  "min <= count <= max");
        } else if (svc.count < as.min || svc.count > as.max) {
          r.error(r.at(r.has(base + "/count") ? base + "/count" : at), "spec.capacity",
                  "count " + std::to_string(svc.count) + " is outside autoscaling min " +
                      std::to_string(as.min) + " to max " + std::to_string(as.max),
                  "min <= count <= max; the plan prices count tasks");
        }
        svc.autoscaling = as;
      }
      svc.log_retention_days = as_int(r.integer(base + "/logs/retention_days"), 30);
      svc.log_ingested_gb = r.num(base + "/logs/ingested_gb");
      s.services.push_back(std::move(svc));
    }
  }

  void health_check(const std::string& base, Service& svc) {
    std::string hc = base + "/health_check";
    if (!r.has(hc)) {
      return;
    }
    HealthCheck h;
    assign(h.command, r.str(hc + "/command"));
    h.interval = as_int(r.integer(hc + "/interval"), h.interval);
    h.timeout = as_int(r.integer(hc + "/timeout"), h.timeout);
    h.retries = as_int(r.integer(hc + "/retries"), h.retries);
    h.start_period = as_int(r.integer(hc + "/start_period"), h.start_period);
    if (h.timeout >= h.interval) {
      r.error(r.at(r.has(hc + "/timeout") ? hc + "/timeout" : hc + "/interval"), "spec.range",
              "health_check.timeout (" + std::to_string(h.timeout) +
                  ") must be less than interval (" + std::to_string(h.interval) + ")",
              "ECS requires timeout < interval");
    }
    svc.health_check = h;
  }

  void environment(const std::string& base, Service& svc) {
    if (const json* env = r.get(base + "/environment")) {
      for (const auto& [key, value] : env->items()) {
        std::string pointer = base + "/environment/" + text::pointer_token(key);
        std::string text = r.str(pointer).value_or("");
        svc.environment[key] = text;
        if (aws::looks_like_secret(key, text)) {
          r.warning(r.at(pointer), "spec.secret-in-environment",
                    "environment variable " + key + " looks like a secret value",
                    "store it in Secrets Manager and reference it under secrets: instead");
        }
      }
    }
    if (const json* secrets = r.get(base + "/secrets")) {
      for (const auto& [key, value] : secrets->items()) {
        std::string pointer = base + "/secrets/" + text::pointer_token(key);
        svc.secrets[key] = r.str(pointer).value_or("");
        if (svc.environment.count(key) != 0) {
          r.error(r.key_at(pointer), "spec.duplicate",
                  key + " is set both in environment and in secrets", "keep it under secrets only");
        }
      }
    }
  }

  /// Which keys of `database:` the engine uses.
  static bool engine_uses(Engine e, const std::string& key) {
    if (key == "engine" || key == "service" || key == "usage") {
      return true;
    }
    if (key == "path") {
      return is_sqlite(e);
    }
    if (key == "replica_bucket" || key == "litestream") {
      return e == Engine::sqlite_litestream;
    }
    if (key == "bucket" || key == "s3_sync") {
      return e == Engine::sqlite_s3_sync;
    }
    if (key == "efs") {
      return e == Engine::sqlite_efs;
    }
    if (key == "purchase") {
      return is_rds(e) || is_aurora(e);
    }
    if (key == "rds") {
      return is_rds(e);
    }
    if (key == "aurora") {
      return is_aurora(e);
    }
    bool rds_key =
        std::find(std::begin(k_rds_keys), std::end(k_rds_keys), key) != std::end(k_rds_keys);
    bool aurora_key = std::find(std::begin(k_aurora_keys), std::end(k_aurora_keys), key) !=
                      std::end(k_aurora_keys);
    return (rds_key && is_rds(e)) || (aurora_key && is_aurora(e));
  }

  static std::string engines_using(const std::string& key) {
    std::string out;
    for (Engine e :
         {Engine::sqlite, Engine::sqlite_efs, Engine::sqlite_s3_sync, Engine::sqlite_litestream,
          Engine::rds_postgres, Engine::rds_mysql, Engine::aurora_postgres, Engine::aurora_mysql}) {
      if (engine_uses(e, key)) {
        out += (out.empty() ? "" : ", ") + std::string(to_string(e));
      }
    }
    return out;
  }

  /// Reads an RDS/Aurora setting given flat (database.KEY) or nested (database.BLOCK.KEY).
  std::string setting(const std::string& block, const std::string& key) {
    std::string flat = "/database/" + key;
    std::string nested = "/database/" + block + "/" + key;
    bool inherited = r.from_scenario(nested) && !r.from_scenario(flat);
    if (r.has(flat) && r.has(nested) && !inherited) {
      r.error(r.key_at(flat), "spec.duplicate",
              "database." + key + " is also given as database." + block + "." + key,
              "give it once");
    }
    return r.has(nested) ? nested : flat;
  }

  void database() {
    Database& d = s.database;
    d.engine = engine_named(r.str("/database/engine").value_or("none")).value_or(Engine::none);
    // An invalid engine is reported once; its keys are not also in conflict with "none".
    const bool bad_engine = r.present("/database/engine") && !r.has("/database/engine");
    if (const json* db = r.get("/database"); db && !bad_engine) {
      for (const auto& [key, value] : db->items()) {
        std::string pointer = "/database/" + key;
        bool inherited = r.from_scenario("/database/engine") && !r.from_scenario(pointer);
        if (!value.is_null() && !engine_uses(d.engine, key) && r.has(pointer) && !inherited) {
          r.error(r.key_at("/database/" + key), "spec.conflict",
                  "database." + key + " does not apply to engine " + to_string(d.engine),
                  "it is used by " + engines_using(key) + "; remove it or change database.engine");
        }
      }
    }
    std::string owner = r.str("/database/service").value_or("");
    if (!owner.empty()) {
      std::vector<std::string> names;
      for (const auto& svc : s.services) {
        names.push_back(svc.name);
      }
      if (std::find(names.begin(), names.end(), owner) == names.end()) {
        r.error(r.at("/database/service"), "spec.reference",
                "database.service names '" + owner + "', which is not a service",
                suggestion_hint(owner, names, "services"));
      }
      d.service = owner;
    } else if (!s.services.empty()) {
      d.service = s.services.front().name;
    }
    database_usage();
    if (is_rds(d.engine) || is_aurora(d.engine)) {
      database_purchase();
    }
    if (is_sqlite(d.engine)) {
      sqlite();
    } else if (is_rds(d.engine)) {
      rds();
    } else if (is_aurora(d.engine)) {
      aurora();
    }
  }

  void database_purchase() {
    DatabasePurchase& p = s.database.purchase;
    const std::string base = "/database/purchase/";
    if (auto model = r.str(base + "model")) {
      p.savings_plan = *model == "database-savings-plan";
    }
    if (!p.savings_plan) {
      for (const char* key : {"term", "payment", "commitment_per_hour"}) {
        reject_unless_inherited(r, base + key, base + "model",
                                "purchase.model: database-savings-plan",
                                "remove it, or set database.purchase.model: database-savings-plan");
      }
    }
    assign(p.term, r.str(base + "term"));
    assign(p.payment, r.str(base + "payment"));
    p.commitment_per_hour = r.money(base + "commitment_per_hour");
  }

  void database_usage() {
    DatabaseUsage& u = s.database.usage;
    const std::string b = "/database/usage/";
    u.size_gb = r.num(b + "size_gb");
    u.writes_per_second = r.num(b + "writes_per_second");
    u.reads_per_second = r.num(b + "reads_per_second");
    u.backup_gb = r.num(b + "backup_gb");
    u.io_requests_per_month = r.num(b + "io_requests_per_month");
    u.average_acu = r.num(b + "average_acu");
    u.restores_per_month = r.num(b + "restores_per_month");
  }

  void sqlite() {
    Database& d = s.database;
    assign(d.path, r.str("/database/path"));
    std::string engine = to_string(d.engine);
    if (s.services.empty()) {
      r.error(r.at("/database/engine"), "spec.requires",
              "engine " + engine + " runs inside a service, but the spec has no services",
              "add a service under services:");
      return;
    }
    const Service* svc = nullptr;
    for (const auto& candidate : s.services) {
      if (candidate.name == d.service) {
        svc = &candidate;
      }
    }
    if (svc != nullptr) {
      int most = svc->autoscaling ? std::max(svc->autoscaling->max, svc->count) : svc->count;
      if (most > 1) {
        r.warning(r.at("/database/engine"), "spec.sqlite-single-writer",
                  "SQLite has one writer, but service '" + svc->name + "' can run " +
                      std::to_string(most) + " tasks",
                  "run one task (count: 1, no autoscaling above 1) or use a server database");
      }
    }
    if (d.engine == Engine::sqlite) {
      r.warning(r.at("/database/engine"), "spec.ephemeral-data",
                "engine sqlite keeps the database on the task's own disk; it is lost whenever "
                "the task is replaced",
                "use sqlite-litestream, sqlite-efs or sqlite-s3-sync to keep the data");
    }
    std::string prefix = s.name + "-" + s.environment;
    if (d.engine == Engine::sqlite_litestream) {
      d.replica_bucket = r.str("/database/replica_bucket").value_or(prefix + "-litestream");
      check_bucket_name(r, d.replica_bucket, "/database/replica_bucket");
      Litestream& l = d.litestream;
      duration("/database/litestream/sync_interval", l.sync_interval);
      duration("/database/litestream/snapshot_interval", l.snapshot_interval);
      duration("/database/litestream/retention", l.retention);
      if (r.has("/database/litestream/validation_interval")) {
        Duration v;
        if (duration("/database/litestream/validation_interval", v)) {
          l.validation_interval = v;
        }
      }
    } else if (d.engine == Engine::sqlite_s3_sync) {
      d.sync_bucket = r.str("/database/bucket").value_or(prefix + "-db");
      check_bucket_name(r, d.sync_bucket, "/database/bucket");
      assign(d.s3_sync.periodic, r.boolean("/database/s3_sync/periodic"));
      duration("/database/s3_sync/interval", d.s3_sync.interval);
      if (auto days = r.integer("/database/s3_sync/backup_retention_days")) {
        d.s3_sync.backup_retention_days = static_cast<int>(*days);
      } else {
        r.warning(r.key_at(r.has("/database/s3_sync") ? "/database/s3_sync" : "/database/engine"),
                  "spec.unbounded-growth",
                  "every upload keeps a timestamped backup and nothing ever deletes them",
                  "set database.s3_sync.backup_retention_days");
      }
    } else if (d.engine == Engine::sqlite_efs) {
      assign(d.efs_throughput_mode, r.str("/database/efs/throughput_mode"));
    }
  }

  bool duration(const std::string& pointer, Duration& out) {
    auto text = r.str(pointer);
    if (!text) {
      return false;
    }
    auto parsed = parse_duration(*text);
    if (!parsed || parsed->millis == 0) {
      r.error(r.at(pointer), "spec.duration", "'" + *text + "' is not a usable duration",
              "write a positive number with a unit: 1s, 5m, 1h, 168h");
      return false;
    }
    out = *parsed;
    return true;
  }

  void rds() {
    Rds& x = s.database.rds;
    x.version =
        r.str(setting("rds", "version")).value_or(std::string(default_version(s.database.engine)));
    std::string class_at = setting("rds", "instance_class");
    if (auto cls = r.str(class_at)) {
      x.instance_class = *cls;
      if (*cls == "db.serverless") {
        r.error(r.at(class_at), "spec.conflict", "db.serverless is an Aurora instance class",
                "use an RDS class such as db.t4g.micro, or engine aurora-postgres");
      }
    } else if (!r.present(class_at)) {
      r.error(r.key_at("/database"), "spec.required",
              "database.instance_class is required for engine " +
                  std::string(to_string(s.database.engine)),
              "add it, e.g. instance_class: db.t4g.micro");
    }
    assign(x.multi_az, r.boolean(setting("rds", "multi_az")));
    std::string storage = setting("rds", "storage");
    assign(x.storage.type, r.str(storage + "/type"));
    x.storage.size_gb = as_int(r.integer(storage + "/size_gb"), x.storage.size_gb);
    if (auto iops = r.integer(storage + "/iops")) {
      x.storage.iops = static_cast<int>(*iops);
    }
    if (auto tp = r.integer(storage + "/throughput_mbps")) {
      x.storage.throughput_mbps = static_cast<int>(*tp);
    }
    const Storage& st = x.storage;
    if ((st.type == "io1" || st.type == "io2") && !st.iops) {
      r.error(r.at(storage + "/type"), "spec.required", st.type + " storage needs iops",
              "add iops, e.g. iops: 3000");
    }
    if (st.type == "io1" && st.iops && *st.iops > 50 * st.size_gb) {
      r.error(r.at(storage + "/iops"), "spec.range",
              "io1 allows at most 50 IOPS per GiB: " + std::to_string(50 * st.size_gb) + " for " +
                  std::to_string(st.size_gb) + " GiB",
              "lower iops or raise size_gb");
    }
    if (st.type == "gp2") {
      reject_if_present(r, storage + "/iops", "gp3, io1 and io2 storage",
                        "gp2 IOPS follow the size; use type: gp3");
      reject_if_present(r, storage + "/throughput_mbps", "gp3 storage",
                        "use type: gp3 to provision throughput");
    }
    if (st.type == "gp3" && st.size_gb < 400) {
      for (const char* key : {"iops", "throughput_mbps"}) {
        if (r.has(storage + "/" + key)) {
          r.error(r.key_at(storage + "/" + key), "spec.range",
                  std::string("RDS gp3 ") + key +
                      " can be set only from 400 GiB; below that it is 3000 IOPS and 125 MiB/s",
                  "remove it or raise size_gb to 400");
        }
      }
    }
    x.backup_retention_days =
        as_int(r.integer(setting("rds", "backup_retention_days")), x.backup_retention_days);
    assign(x.deletion_protection, r.boolean(setting("rds", "deletion_protection")));
  }

  void aurora() {
    Aurora& a = s.database.aurora;
    a.version = r.str(setting("aurora", "version"))
                    .value_or(std::string(default_version(s.database.engine)));
    std::string class_at = setting("aurora", "instance_class");
    std::string sv2 = setting("aurora", "serverless_v2");
    auto cls = r.str(class_at);
    bool has_sv2 = r.has(sv2);
    if (cls) {
      a.instance_class = *cls;
    } else if (has_sv2) {
      a.instance_class = "db.serverless";
    } else if (!r.present(class_at)) {
      r.error(r.key_at("/database"), "spec.required",
              "database.instance_class is required for engine " +
                  std::string(to_string(s.database.engine)),
              "add instance_class: db.t4g.medium, or serverless_v2: {min_acu: 0.5, max_acu: 1}");
    }
    a.serverless = a.instance_class == "db.serverless";
    if (cls && !a.serverless && has_sv2) {
      r.error(r.key_at(sv2), "spec.conflict",
              "serverless_v2 needs instance_class db.serverless, not " + *cls,
              "remove instance_class or serverless_v2");
    }
    if (cls && !a.serverless &&
        (cls->size() > 6 && (cls->compare(cls->size() - 6, 6, ".micro") == 0 ||
                             cls->compare(cls->size() - 6, 6, ".small") == 0))) {
      r.error(r.at(class_at), "spec.db-class", "Aurora does not offer " + *cls,
              "the smallest Aurora classes are db.t4g.medium and db.t3.medium, or use "
              "db.serverless");
    }
    if (auto v = r.num(sv2 + "/min_acu")) {
      a.min_acu = *v;
    }
    if (auto v = r.num(sv2 + "/max_acu")) {
      a.max_acu = *v;
    }
    if (a.min_acu > a.max_acu) {
      r.error(r.at(sv2 + "/min_acu"), "spec.capacity",
              "serverless_v2.min_acu is greater than max_acu", "min_acu <= max_acu");
    }
    a.instances = as_int(r.integer(setting("aurora", "instances")), a.instances);
    assign(a.io_optimized, r.boolean(setting("aurora", "io_optimized")));
    a.backup_retention_days =
        as_int(r.integer(setting("aurora", "backup_retention_days")), a.backup_retention_days);
    assign(a.deletion_protection, r.boolean(setting("aurora", "deletion_protection")));
  }

  Reader r;
  Spec s;
};

}  // namespace

Spec build_spec(const json& value, const text::SourceMap& origins, Diagnostics& diags,
                const std::set<std::string>& bad_paths) {
  Builder builder(value, origins, diags, bad_paths);
  return builder.build();
}

}  // namespace stackplan::spec
