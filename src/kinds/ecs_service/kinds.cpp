// ECS services: task definition, service, IAM roles, security group, load balancer target and
// autoscaling. On Fargate each task is billed by vCPU-hours and GB-hours (on-demand, Fargate
// Spot, or registered as usage a Compute Savings Plan covers); on EC2 the instances are.

#include <algorithm>
#include <set>

#include "kinds/common.hpp"
#include "kinds/ecs_service/pricing.hpp"
#include "kinds/network/pricing.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  return per_element(s.services, "aws_ecs_service",
                     [](const spec::Service& svc) { return svc.name; });
}

void cost(const Resource& r, Context& ctx) {
  const spec::Spec& s = ctx.spec();
  if (s.compute.platform != spec::Platform::fargate) {
    return;  // on EC2 the Auto Scaling Group's instances are what is billed
  }
  const spec::Service& svc = s.services[static_cast<std::size_t>(r.index)];
  const spec::PurchaseModel model = s.compute.purchase.model;
  const std::string arch = s.compute.architecture == spec::Architecture::arm64 ? "arm64" : "x86_64";
  int count = svc.count;
  int max = count;
  if (svc.autoscaling) {
    count = std::max(svc.autoscaling->min, std::min(count, svc.autoscaling->max));
    max = svc.autoscaling->max;
  }
  const Decimal vcpu = whole(svc.cpu) / whole(1024);
  const Decimal gb = whole(svc.memory) / whole(1024);
  const Decimal tasks = whole(count);
  const std::string what = "Fargate " + svc.name + " (" + std::to_string(count) + " task" +
                           (count == 1 ? "" : "s") + ", " + vcpu.to_string() + " vCPU, " +
                           gb.to_string() + " GB, " + arch + ")";

  // Every task with a public IP holds a public IPv4 address, billed hourly since 2024-02.
  if (s.compute.public_ip) {
    LineItem& ip =
        ctx.add(line(r, "network",
                     "Public IPv4 address per task, " + svc.name + " x " + std::to_string(count),
                     tasks * hours_per_month(), "hours"),
                ctx.rate(pricing::k_public_ipv4_key));
    if (max > count && ip.unit_price) {
      ip.monthly_at_max = whole(max) * hours_per_month() * *ip.unit_price;
      ip.assumption = "autoscaling " + std::to_string(svc.autoscaling->min) + " to " +
                      std::to_string(max) + " tasks; priced at " + std::to_string(count);
    }
  }

  const bool spot = model == spec::PurchaseModel::spot;
  // Fargate Spot is x86_64 only: the spec rejects it with arm64.
  const std::string how = spot ? ", Fargate Spot" : ", on-demand";
  const Decimal vcpu_hours = tasks * vcpu * hours_per_month();
  const Decimal gb_hours = tasks * gb * hours_per_month();
  const std::string vcpu_key = pricing::fargate_vcpu_key(spot, arch);
  const std::string mem_key = pricing::fargate_memory_key(spot, arch);

  if (model == spec::PurchaseModel::savings_plan) {
    const spec::SavingsPlan& sp = s.compute.purchase.savings_plan;
    std::string term = "savings-plan/" + sp.type + "/" + sp.term + "/" + sp.payment;
    ctx.eligible().push_back({r.address, what + " vCPU", vcpu_hours, "vCPU-hours",
                              ctx.rate(vcpu_key), ctx.rate(vcpu_key, term)});
    ctx.eligible().push_back({r.address, what + " memory", gb_hours, "GB-hours", ctx.rate(mem_key),
                              ctx.rate(mem_key, term)});
    return;
  }
  LineItem& v = ctx.add(line(r, "compute", what + " vCPU" + how, vcpu_hours, "vCPU-hours"),
                        ctx.rate(vcpu_key));
  if (max > count && v.unit_price) {
    v.monthly_at_max = whole(max) * vcpu * hours_per_month() * *v.unit_price;
    v.assumption = "autoscaling " + std::to_string(svc.autoscaling->min) + " to " +
                   std::to_string(max) + " tasks; priced at " + std::to_string(count);
  }
  LineItem& m =
      ctx.add(line(r, "compute", what + " memory" + how, gb_hours, "GB-hours"), ctx.rate(mem_key));
  if (max > count && m.unit_price) {
    m.monthly_at_max = whole(max) * gb * hours_per_month() * *m.unit_price;
    m.assumption = "autoscaling " + std::to_string(svc.autoscaling->min) + " to " +
                   std::to_string(max) + " tasks; priced at " + std::to_string(count);
  }
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Service& svc = s.services[static_cast<std::size_t>(r.index)];
  const bool fargate = s.compute.platform == spec::Platform::fargate;
  json v = base_view(r);
  const std::string full = s.name + "-" + svc.name;
  v["service_name"] = svc.name;
  v["family"] = full;
  v["image"] = svc.image;
  v["cpu"] = svc.cpu;
  v["memory"] = svc.memory;
  v["count"] = svc.count;
  v["fargate"] = fargate;
  v["ec2"] = !fargate;
  v["network_mode"] = fargate ? "awsvpc" : "bridge";
  v["compatibility"] = fargate ? "FARGATE" : "EC2";
  v["cpu_architecture"] = s.compute.architecture == spec::Architecture::arm64 ? "ARM64" : "X86_64";
  v["public_ip"] = bool_text(s.compute.public_ip);
  v["public"] = s.compute.public_ip;
  v["subnets"] = subnets_view(s);
  v["capacity_provider"] =
      s.compute.purchase.model == spec::PurchaseModel::spot ? "FARGATE_SPOT" : "FARGATE";
  v["execution_role_name"] = aws_name(full + "-execution", 64);
  v["task_role_name"] = aws_name(full + "-task", 64);
  v["security_group_name"] = aws_name(full, 255);
  v["port"] = svc.port ? json(*svc.port) : json(nullptr);
  v["host_port"] = fargate && svc.port ? json(*svc.port) : json(0);
  json command = json::array();
  for (const auto& arg : svc.command) {
    command.push_back({{"arg", arg}});
  }
  v["command"] = command;
  v["has_command"] = !command.empty();
  if (svc.health_check) {
    const auto& h = *svc.health_check;
    v["health_check"] = {{"command", h.command},
                         {"interval", h.interval},
                         {"timeout", h.timeout},
                         {"retries", h.retries},
                         {"start_period", h.start_period}};
  } else {
    v["health_check"] = nullptr;
  }
  json env = json::array();
  for (const auto& [key, value] : svc.environment) {
    env.push_back({{"key", key}, {"value", value}});
  }
  v["environment"] = env;

  // Secrets: the value is never in the task definition, only a reference to a Secrets Manager
  // secret the execution role may read, by exact ARN.
  std::set<std::string> declared;
  for (const auto& sec : s.secrets) {
    declared.insert(sec.name);
  }
  json secrets = json::array();
  json readable = json::array();
  std::set<std::string> seen;
  for (const auto& [key, ref] : svc.secrets) {
    const std::string name = secret_of(ref);
    const bool arn = secret_by_arn(ref);
    json e{{"key", key},
           {"secret_id", model::resource_name(name)},
           {"secret_logical", logical_id(name)},
           {"secret_name", name}};
    e["literal"] = arn;
    e["declared"] = !arn && declared.count(name) > 0;
    e["referenced"] = !arn && declared.count(name) == 0;
    // An ARN reference keeps what it names; ECS wants "<arn>:<json key>:<stage>:<version>",
    // so a JSON key alone gets the two empty fields after it.
    std::string value_from = ref;
    if (arn) {
      std::size_t name_end = ref.find(':', ref.find(":secret:") + 8);
      if (name_end != std::string::npos) {
        auto fields =
            std::count(ref.begin() + static_cast<std::ptrdiff_t>(name_end), ref.end(), ':');
        value_from.append(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, 3 - fields)), ':');
      }
    }
    e["value_from"] = value_from;
    const auto colon = arn ? std::string::npos : ref.find(':');
    e["json_key"] = colon == std::string::npos ? json(nullptr) : json(ref.substr(colon + 1));
    secrets.push_back(e);
    const std::string secret_arn =
        arn ? ref.substr(0, ref.find(':', ref.find(":secret:") + 8)) : std::string();
    if (seen.insert(arn ? secret_arn : name).second) {
      json g = e;
      g["arn"] = secret_arn;
      readable.push_back(g);
    }
  }
  v["secrets"] = secrets;
  v["readable_secrets"] = readable;

  if (svc.load_balanced) {
    const auto& lb = *svc.load_balanced;
    int priority = lb.priority ? *lb.priority : 100 * (r.index + 1);
    v["load_balanced"] = {{"path", lb.path},
                          {"health_check_path", lb.health_check_path},
                          {"priority", priority},
                          {"target_group_name", aws_name(full, 32)},
                          {"target_type", fargate ? "ip" : "instance"},
                          {"https", s.load_balancer && s.load_balancer->https},
                          {"http", !(s.load_balancer && s.load_balancer->https)}};
  } else {
    v["load_balanced"] = nullptr;
  }
  if (svc.autoscaling) {
    const auto& a = *svc.autoscaling;
    v["autoscaling"] = {{"min", a.min}, {"max", a.max}};
    v["autoscaling"]["cpu_target"] = a.cpu_target ? json(*a.cpu_target) : json(nullptr);
    v["autoscaling"]["memory_target"] = a.memory_target ? json(*a.memory_target) : json(nullptr);
  } else {
    v["autoscaling"] = nullptr;
  }
  v["log_group_id"] = model::resource_name(svc.name);

  // What the task itself uses of the database: its bucket, or its file system mounted. (The
  // network paths to what the services reach are the reached kinds' own: each writes both
  // sides of its rules for every client in `client_groups`.)
  const spec::Database& db = s.database;
  const bool owner = db.service.empty() || db.service == svc.name;
  std::string bucket;
  if (owner && db.engine == spec::Engine::sqlite_litestream) {
    bucket = db.replica_bucket;
  } else if (owner && db.engine == spec::Engine::sqlite_s3_sync) {
    bucket = db.sync_bucket;
  }
  v["bucket"] = bucket.empty() ? json(nullptr)
                               : json{{"bucket_id", model::resource_name(bucket)},
                                      {"bucket_logical", logical_id(bucket)}};
  v["efs"] = owner && db.engine == spec::Engine::sqlite_efs;
  v["efs_mount"] = db.path.substr(0, db.path.rfind('/'));
  // What the service gets from what it reaches (the database's connection: every service
  // reaches RDS and Aurora, a SQLite file is its owning service's).
  const json reach = reach_of(s, svc);
  const json& connection_env = reach["environment"];
  const json& connection_secrets = reach["secrets"];
  v["connection_environment"] = connection_env;
  v["connection_secrets"] = connection_secrets;
  v["connection_readable"] = reach["readable"];
  v["has_environment"] = !env.empty() || !connection_env.empty();
  v["has_secrets"] = !readable.empty() || !connection_secrets.empty();
  // The S3 sync uploads the database when the task stops: give it the longest stop timeout.
  v["stop_timeout"] =
      owner && db.engine == spec::Engine::sqlite_s3_sync ? json(120) : json(nullptr);
  v["has_task_policy"] = !bucket.empty() || (owner && db.engine == spec::Engine::sqlite_efs);
  std::vector<ControlException> task = {
      {"CT.ECS.PR.3",
       "the image decides which user its process runs as; give it a non-root USER in its "
       "Dockerfile"},
      {"CT.ECS.PR.6",
       "applications write temporary files and caches to their file system, which a read-only "
       "root would break"},
  };
  if (!fargate) {
    task.push_back({"CT.ECS.PR.4",
                    "on EC2 tasks use bridge networking so that several share an instance; "
                    "awsvpc would give each task a network interface of the few an instance has"});
  }
  v["task_exceptions"] = exceptions_view(task);
  std::vector<ControlException> service;
  if (fargate && s.compute.public_ip) {
    service.push_back({"CT.ECS.PR.9",
                       "compute.public_ip is true: tasks and instances run in public subnets with "
                       "public addresses, so the stack needs no NAT gateway"});
  }
  v["service_exceptions"] = exceptions_view(service);
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_ecs_service{
    "ecs_service",
    "compute",
    "aws_ecs_service.<service>",
    "ECS services (task definition, service, roles); on Fargate, vCPU-hours and GB-hours per "
    "task (on-demand, Fargate Spot, or covered by a Savings Plan)",
    {},
    expand,
    cost,
    model::Rendering{"ecs_service", "services", {}, view},
};

}  // namespace stackplan::kinds
