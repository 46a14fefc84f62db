// The `services:` section of spec v1: the containers to run as ECS services, with their
// sizes, environment, secrets, health checks, routes and autoscaling.

#include <algorithm>

#include "aws/facts.hpp"
#include "aws/secrets.hpp"
#include "spec/reader.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

using nlohmann::json;

namespace {

const char* const k_env_key = "^[A-Za-z_][A-Za-z0-9_]*$";

Type service_type() {
  static const HealthCheck k_health_check;
  static const LoadBalanced k_load_balanced;
  static const Service k_service;
  return object(
      "service",
      {
          Field{"name",
                text("^[a-z][a-z0-9-]*$", "starts with a letter and has only a-z, 0-9, '-'", 32),
                "Service name"}
              .require()
              .ex("api"),
          Field{"image", text("^[^\\s]+$", "is a container image reference without spaces", 512),
                "Container image"}
              .require()
              .ex("123456789012.dkr.ecr.us-east-1.amazonaws.com/api:latest"),
          Field{"cpu", whole(128, 16384), "CPU units (1024 = 1 vCPU)"}.def_value(k_service.cpu),
          Field{"memory", whole(128, 122880), "Memory in MiB"}.def_value(k_service.memory),
          Field{"count", whole(0, 1000), "Tasks to run; the plan prices this many"}.def_value(
              k_service.count),
          Field{"port", whole(1, 65535), "Container port"},
          Field{"command", list(text({}, {}, 1024), 64), "Overrides the image's command"},
          Field{
              "health_check",
              object("health_check",
                     {
                         Field{"command", text({}, {}, 1024), "Shell command run in the container"}
                             .require()
                             .ex("\"curl -f http://localhost:8000/health\""),
                         Field{"interval", whole(5, 300), "Seconds between checks"}.def_value(
                             k_health_check.interval),
                         Field{"timeout", whole(2, 120), "Seconds before a check fails"}.def_value(
                             k_health_check.timeout),
                         Field{"retries", whole(1, 10), "Failures before unhealthy"}.def_value(
                             k_health_check.retries),
                         Field{"start_period", whole(0, 300), "Grace period in seconds"}.def_value(
                             k_health_check.start_period),
                     }),
              "Container health check"},
          Field{"environment", map_of(scalar(), k_env_key, "are environment variable names"),
                "Plain environment variables (never secrets)"}
              .ex("{NODE_ENV: production}"),
          Field{"secrets",
                map_of(text("^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:)?"
                            "[A-Za-z0-9/_+=.@-]+(:[A-Za-z0-9_.-]+)?$",
                            "is a Secrets Manager reference: NAME, NAME:JSON_KEY or a secret ARN",
                            2048),
                       k_env_key, "are environment variable names"),
                "Environment variables filled from Secrets Manager, by reference"}
              .ex("{JWT_SECRET: \"app/prod/jwt:JWT_SECRET\"}"),
          Field{
              "load_balanced",
              object("load_balanced",
                     {
                         Field{"path", text("^/[^\\s]*$", "is a URL path pattern such as /*", 128),
                               "Path pattern routed to the service"}
                             .def_value(k_load_balanced.path),
                         Field{"health_check_path",
                               text("^/[^\\s]*$", "is a URL path such as /health", 128),
                               "Target group health check path"}
                             .def_value(k_load_balanced.health_check_path),
                         Field{"priority", whole(1, 50000), "Listener rule priority"},
                     }),
              "Route load balancer traffic to this service (needs load_balancer)"},
          Field{"autoscaling",
                object("autoscaling",
                       {
                           Field{"min", whole(0, 1000), "Minimum tasks"}.def("count"),
                           Field{"max", whole(1, 1000), "Maximum tasks"}.require().ex("4"),
                           Field{"cpu_target", whole(1, 100), "Target average CPU %"},
                           Field{"memory_target", whole(1, 100), "Target average memory %"},
                       }),
                "Target-tracking scaling of the task count"},
          Field{"logs",
                object("logs",
                       {Field{"retention_days",
                              int_one_of({1,    3,    5,    7,    14,   30,  60,  90,
                                          120,  150,  180,  365,  400,  545, 731, 1096,
                                          1827, 2192, 2557, 2922, 3288, 3653}),
                              "CloudWatch Logs retention"}
                            .def_value(k_service.log_retention_days),
                        Field{"ingested_gb", number(0, 1e7), "Usage: GB of logs written a month"}}),
                "CloudWatch Logs settings"},
      });
}

/// Reads the section into the typed spec; the rules across its fields report through `r`.
struct ServicesReader {
  const Reader& r;
  Spec& s;

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
};

Type type() {
  return list(service_type(), 50);
}

void read(const Reader& r, Spec& s) {
  ServicesReader{r, s}.services();
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_services_section{"services", "Containers to run as ECS services", type,
                                        read};

}  // namespace stackplan::spec
