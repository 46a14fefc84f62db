// ECS task definitions and services.

#include <functional>

#include "lint/rules.hpp"

#include "aws/secrets.hpp"
#include "base/pattern.hpp"

namespace stackplan::lint {

namespace {

/// Field of a container definition: Terraform's JSON uses camelCase, CloudFormation PascalCase.
const Value* field(const Value& container, bool tf, std::string_view camel) {
  if (tf) {
    return container.get(camel);
  }
  std::string pascal(camel);
  pascal[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(pascal[0])));
  return container.get(pascal);
}

/// A container's name as findings print it: 'web', or the reference that names it
/// (`!Ref ServiceName`, `var.name`).
std::string container_name(const Value& c, bool tf) {
  const Value* n = field(c, tf, "name");
  if (n == nullptr) {
    return "(unnamed)";
  }
  if (n->is_scalar()) {
    return "'" + n->text + "'";
  }
  if (!n->is_known() && !n->text.empty()) {
    return n->text;  // a Terraform expression, as written
  }
  if (n->is_object() && n->fields.size() == 1 && n->fields[0].second.is_scalar()) {
    const std::string& key = n->fields[0].first;
    const std::string tag = key == "Ref"                ? "!Ref"
                            : key.rfind("Fn::", 0) == 0 ? "!" + key.substr(4)
                                                        : "";
    if (!tag.empty()) {
      return tag + " " + n->fields[0].second.text;
    }
  }
  return "(unnamed)";
}

/// Every container definition the module declares, with its task definition.
void each_container(const Module& m,
                    const std::function<void(const Resource&, const Value& container)>& fn) {
  const bool tf = m.format == Format::terraform;
  for (const Resource* r : m.of_type(tf ? "aws_ecs_task_definition" : "AWS::ECS::TaskDefinition")) {
    const Value* defs = r->body.get(tf ? "container_definitions" : "ContainerDefinitions");
    std::optional<Value> parsed;  // a JSON string (a heredoc or file() output)
    if (defs != nullptr && (parsed = parse_json_string(*defs))) {
      defs = &*parsed;
    }
    if (defs == nullptr || !defs->is_list()) {
      continue;
    }
    for (const auto& c : defs->items) {
      if (c.is_object()) {
        fn(*r, c);
      }
    }
  }
}

void privileged(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  each_container(m, [&](const Resource& r, const Value& c) {
    const Value* v = field(c, tf, "privileged");
    if (is_true(v)) {
      out.at(r, v,
             "container " + container_name(c, tf) + " of " + label(r) +
                 " runs privileged (root on the host)");
    }
  });
}

void plaintext_environment(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  static const Pattern k_access_key("(AKIA|ASIA)[0-9A-Z]{16}");
  static const Pattern k_url_credentials("[a-z][a-z0-9+.-]*://[^/:@\\s]+:[^/@\\s]+@");
  each_container(m, [&](const Resource& r, const Value& c) {
    const Value* env = field(c, tf, "environment");
    if (env == nullptr) {
      return;
    }
    for (const Value* e : env->as_list()) {
      const Value* name = field(*e, tf, "name");
      const Value* value = field(*e, tf, "value");
      if (name == nullptr || !name->is_scalar() || value == nullptr || value->is_null() ||
          (value->is_scalar() && value->text.empty())) {
        continue;
      }
      std::string why;
      if (aws::secret_like_name(name->text)) {
        why = "its name says it holds a secret";
      } else if (value->is_scalar() && k_access_key.search(value->text)) {
        why = "it holds an AWS access key id";
      } else if (value->is_scalar() && k_url_credentials.search(value->text)) {
        why = "it holds a URL with a password";
      }
      if (!why.empty()) {
        out.at(r, value,
               "environment variable " + name->text + " of container " + container_name(c, tf) +
                   " is stored in plain text in the task definition: " + why);
      }
    }
  });
}

void readonly_root(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  each_container(m, [&](const Resource& r, const Value& c) {
    const Value* v = field(c, tf, "readonlyRootFilesystem");
    if (v == nullptr || is_false(v)) {
      out.at(r, v ? v : &c,
             "container " + container_name(c, tf) + " of " + label(r) +
                 " can write to its root file system");
    }
  });
}

void host_namespaces(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : m.of_type(tf ? "aws_ecs_task_definition" : "AWS::ECS::TaskDefinition")) {
    for (const char* key : tf ? std::vector<const char*>{"network_mode", "pid_mode", "ipc_mode"}
                              : std::vector<const char*>{"NetworkMode", "PidMode", "IpcMode"}) {
      const Value* v = r->body.get(key);
      if (v != nullptr && v->is_scalar() && v->text == "host") {
        out.at(*r, v,
               "task definition " + label(*r) + " shares the host's namespace (" + key + " host)");
      }
    }
  }
}

void logging(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  each_container(m, [&](const Resource& r, const Value& c) {
    if (field(c, tf, "logConfiguration") == nullptr) {
      out.at(r, &c,
             "container " + container_name(c, tf) + " of " + label(r) + " sends its logs nowhere");
    }
  });
}

void public_ip(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : m.of_type(tf ? "aws_ecs_service" : "AWS::ECS::Service")) {
    const Value* v =
        tf ? r->body.at({"network_configuration", "assign_public_ip"})
           : r->body.at({"NetworkConfiguration", "AwsvpcConfiguration", "AssignPublicIp"});
    if (is_true(v) || (v && v->is_scalar() && v->text == "ENABLED")) {
      out.at(*r, v, "tasks of service " + label(*r) + " get public IP addresses");
    }
  }
}

}  // namespace

// Listed in lint/rules.cpp.
void add_ecs_rules(std::vector<Rule>& out) {
  out.push_back({"ecs-privileged", Severity::error, "Containers do not run privileged",
                 "A privileged container has root access to the host and every other task on "
                 "it.",
                 "remove privileged = true from the container definition; grant the specific "
                 "linuxParameters capabilities it needs",
                 "remove Privileged: true from the container definition; grant the specific "
                 "LinuxParameters capabilities it needs",
                 "CKV_AWS_334", "CT.ECS.PR.11", "", privileged,
                 "checkov's fixtures fail a container that sets `privilege = true`; ECS has no "
                 "such field (it is `privileged`) and drops it, so the container does not run "
                 "privileged and lint passes it."});
  out.push_back({"ecs-plaintext-secret", Severity::error, "Container environments hold no secrets",
                 "Environment values are stored in plain text in the task definition, visible "
                 "to anyone who can describe it.",
                 "move the value to Secrets Manager or SSM and reference it under secrets "
                 "(valueFrom)",
                 "move the value to Secrets Manager or SSM and reference it under Secrets "
                 "(ValueFrom)",
                 "", "CT.ECS.PR.12", "AVD-AWS-0036", plaintext_environment});
  out.push_back({"ecs-readonly-root", Severity::note,
                 "Containers mount their root file system read-only",
                 "A read-only root file system stops an intruder from changing the container's "
                 "programs; write to volumes instead.",
                 "set readonlyRootFilesystem = true and mount volumes where the app writes",
                 "set ReadonlyRootFilesystem: true and mount volumes where the app writes",
                 "CKV_AWS_336", "CT.ECS.PR.6", "", readonly_root});
  out.push_back({"ecs-host-namespace", Severity::warning,
                 "Tasks do not share the host's network, process or IPC namespace",
                 "host network, PID or IPC mode lets a container see and reach everything on "
                 "the instance.",
                 "use network_mode awsvpc or bridge and leave pid_mode / ipc_mode unset",
                 "use NetworkMode awsvpc or bridge and leave PidMode / IpcMode unset",
                 "CKV_AWS_335", "CT.ECS.PR.10, CT.ECS.PR.4", "", host_namespaces,
                 "checkov reads `pidMode` inside a container definition; ECS takes the PID mode "
                 "of the task (pid_mode, PidMode) and ignores it there, which is where lint "
                 "reads it."});
  out.push_back({"ecs-logging", Severity::warning, "Containers send their logs somewhere",
                 "Without a log configuration, container output is lost when the task stops.",
                 "add logConfiguration with the awslogs driver and a log group",
                 "add LogConfiguration with the awslogs driver and a log group", "", "CT.ECS.PR.5",
                 "cfn-lint E3046", logging});
  out.push_back({"ecs-public-ip", Severity::warning, "Service tasks have no public IP address",
                 "Tasks with public addresses are reachable from the internet wherever their "
                 "security group allows; private subnets with a NAT gateway or VPC endpoints "
                 "avoid that.",
                 "set assign_public_ip = false and run the tasks in private subnets",
                 "set AssignPublicIp: DISABLED and run the tasks in private subnets", "CKV_AWS_333",
                 "CT.ECS.PR.9", "", public_ip});
}

}  // namespace stackplan::lint
