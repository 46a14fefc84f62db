// Security groups.

#include <functional>
#include <optional>

#include "lint/rules.hpp"

#include "base/ascii.hpp"

namespace stackplan::lint {

namespace {

/// One ingress or egress rule, from any of the ways Terraform and CloudFormation write them.
struct SgRule {
  const Resource* resource;
  const Value* at;  ///< the rule's value (block or object) or the resource body
  bool ingress;
  std::string protocol;  ///< "-1" for all; empty when unknown
  std::optional<long long> from;
  std::optional<long long> to;
  std::vector<const Value*> world;  ///< 0.0.0.0/0 or ::/0 sources
  const Value* description;
  /// CloudFormation leaves both ports out: for TCP and UDP, EC2 opens every port.
  bool no_ports = false;
};

std::optional<long long> port(const Value* v) {
  return v ? v->as_int() : std::nullopt;
}

std::string protocol_of(const Value* v) {
  if (v == nullptr) {
    return "-1";
  }
  if (!v->is_scalar()) {
    return "";
  }
  // EC2 takes protocol names in any case ("TCP", "All").
  std::string p = ascii_lower(v->text);
  return p == "all" ? "-1" : p;
}

void add_world(SgRule& rule, const Value* v) {
  for (const Value* c : strings(v)) {
    if (whole_internet(c->text)) {
      rule.world.push_back(c);
    }
  }
}

void each_sg_rule(const Module& m, const std::function<void(const SgRule&)>& fn) {
  if (m.format == Format::terraform) {
    for (const Resource* r : m.of_type("aws_security_group")) {
      for (const char* dir : {"ingress", "egress"}) {
        if (const Value* blocks = r->body.get(dir)) {
          for (const Value* b : blocks->as_list()) {
            SgRule rule{r,
                        b,
                        dir[0] == 'i',
                        protocol_of(b->get("protocol")),
                        port(b->get("from_port")),
                        port(b->get("to_port")),
                        {},
                        b->get("description")};
            add_world(rule, b->get("cidr_blocks"));
            add_world(rule, b->get("ipv6_cidr_blocks"));
            fn(rule);
          }
        }
      }
    }
    for (const Resource* r : m.of_type("aws_security_group_rule")) {
      const Value* type = r->body.get("type");
      SgRule rule{r,
                  &r->body,
                  type && type->text == "ingress",
                  protocol_of(r->body.get("protocol")),
                  port(r->body.get("from_port")),
                  port(r->body.get("to_port")),
                  {},
                  r->body.get("description")};
      add_world(rule, r->body.get("cidr_blocks"));
      add_world(rule, r->body.get("ipv6_cidr_blocks"));
      fn(rule);
    }
    for (const char* type :
         {"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"}) {
      for (const Resource* r : m.of_type(type)) {
        SgRule rule{r,
                    &r->body,
                    std::string_view(type).find("ingress") != std::string_view::npos,
                    protocol_of(r->body.get("ip_protocol")),
                    port(r->body.get("from_port")),
                    port(r->body.get("to_port")),
                    {},
                    r->body.get("description")};
        add_world(rule, r->body.get("cidr_ipv4"));
        add_world(rule, r->body.get("cidr_ipv6"));
        fn(rule);
      }
    }
    return;
  }
  auto from_object = [&](const Resource* r, const Value* o, bool ingress) {
    SgRule rule{r,
                o,
                ingress,
                protocol_of(o->get("IpProtocol")),
                port(o->get("FromPort")),
                port(o->get("ToPort")),
                {},
                o->get("Description"),
                o->get("FromPort") == nullptr && o->get("ToPort") == nullptr};
    add_world(rule, o->get("CidrIp"));
    add_world(rule, o->get("CidrIpv6"));
    fn(rule);
  };
  for (const Resource* r : m.of_type("AWS::EC2::SecurityGroup")) {
    for (const char* key : {"SecurityGroupIngress", "SecurityGroupEgress"}) {
      if (const Value* list = r->body.get(key)) {
        for (const Value* o : list->as_list()) {
          if (o->is_object()) {
            from_object(r, o, key[13] == 'I');
          }
        }
      }
    }
  }
  for (const Resource* r : m.of_type("AWS::EC2::SecurityGroupIngress")) {
    from_object(r, &r->body, true);
  }
  for (const Resource* r : m.of_type("AWS::EC2::SecurityGroupEgress")) {
    from_object(r, &r->body, false);
  }
}

bool tcp_or_udp(const SgRule& rule) {
  return rule.protocol == "tcp" || rule.protocol == "6" || rule.protocol == "udp" ||
         rule.protocol == "17";
}

/// Whether a rule opens every port: every protocol, ports -1 to -1, 0 (or 1) to 65535, or (in
/// CloudFormation) TCP or UDP without ports.
bool every_port(const SgRule& rule) {
  if (rule.protocol == "-1") {
    return true;
  }
  if (!tcp_or_udp(rule)) {
    return false;
  }
  if (rule.no_ports) {
    return true;
  }
  return rule.from && rule.to &&
         ((*rule.from == -1 && *rule.to == -1) || (*rule.from <= 1 && *rule.to >= 65535));
}

/// Whether a rule opens `p` (tcp/udp port) or everything.
bool opens(const SgRule& rule, long long p) {
  if (every_port(rule)) {
    return true;
  }
  if (!tcp_or_udp(rule) || !rule.from || !rule.to) {
    return false;
  }
  return *rule.from <= p && p <= *rule.to;
}

std::string where(const SgRule& rule) {
  return "security group rule in " + label(*rule.resource);
}

void world_ports(const Module& m, Reporter& out,
                 std::initializer_list<std::pair<long long, const char*>> ports) {
  each_sg_rule(m, [&](const SgRule& rule) {
    if (!rule.ingress || rule.world.empty() || every_port(rule)) {
      return;
    }
    for (const auto& [p, name] : ports) {
      if (opens(rule, p)) {
        out.at(*rule.resource, rule.world.front(),
               where(rule) + " opens port " + std::to_string(p) + " (" + name + ") to " +
                   rule.world.front()->text);
        return;
      }
    }
  });
}

void admin_ports(const Module& m, Reporter& out) {
  world_ports(m, out, {{22, "SSH"}, {3389, "RDP"}});
}

void database_ports(const Module& m, Reporter& out) {
  world_ports(m, out,
              {{3306, "MySQL"},
               {5432, "PostgreSQL"},
               {1433, "SQL Server"},
               {1521, "Oracle"},
               {6379, "Redis"},
               {11211, "Memcached"},
               {27017, "MongoDB"},
               {9200, "OpenSearch"},
               {5439, "Redshift"},
               {2049, "NFS"}});
}

void all_ports(const Module& m, Reporter& out) {
  each_sg_rule(m, [&](const SgRule& rule) {
    if (!rule.ingress || rule.world.empty()) {
      return;
    }
    if (every_port(rule)) {
      out.at(*rule.resource, rule.world.front(),
             where(rule) + " opens every port to " + rule.world.front()->text);
    }
  });
}

void descriptions(const Module& m, Reporter& out) {
  each_sg_rule(m, [&](const SgRule& rule) {
    if (rule.description == nullptr ||
        (rule.description->is_scalar() && rule.description->text.empty())) {
      out.at(*rule.resource, rule.at == &rule.resource->body ? nullptr : rule.at,
             std::string(rule.ingress ? "ingress" : "egress") + " " + where(rule) +
                 " has no description");
    }
  });
}

}  // namespace

void add_network_rules(std::vector<Rule>& out) {
  out.push_back(
      {"sg-public-admin-port", Severity::error, "SSH and RDP are not open to the internet",
       "Ports 22 and 3389 open to 0.0.0.0/0 or ::/0 are scanned and brute-forced "
       "within minutes.",
       "allow only known addresses, or use SSM Session Manager instead of SSH",
       "allow only known addresses, or use SSM Session Manager instead of SSH",
       "CKV_AWS_24, CKV_AWS_25", "CT.EC2.PR.4", "cfn_nag W2, W9; AVD-AWS-0107", admin_ports,
       "checkov reads a TCP rule from port 0 to port 0 as every port; AWS opens port 0 only, "
       "so lint passes it (protocol -1 or all ports is sg-public-all-ports)."});
  out.push_back({"sg-public-database-port", Severity::error,
                 "Database and cache ports are not open to the internet",
                 "MySQL, PostgreSQL, SQL Server, Oracle, Redis, Memcached, MongoDB, OpenSearch, "
                 "Redshift and NFS ports open to the world expose data stores to everyone.",
                 "allow the application's security group (referenced_security_group_id / "
                 "source_security_group_id) instead of a CIDR",
                 "allow the application's security group (SourceSecurityGroupId) instead of a "
                 "CIDR",
                 "", "CT.EC2.PR.4", "cfn_nag W2; AVD-AWS-0107", database_ports});
  out.push_back({"sg-public-all-ports", Severity::error,
                 "Security groups do not open every port to the internet",
                 "Every protocol or the whole port range open to the world exposes whatever "
                 "listens on the instance.",
                 "open only the ports the service listens on",
                 "open only the ports the service "
                 "listens on",
                 "CKV_AWS_277", "CT.EC2.PR.3", "cfn_nag W27, W42; AVD-AWS-0107", all_ports});
  out.push_back({"sg-rule-description", Severity::note,
                 "Security group rules say what they are for",
                 "A description lets a reviewer tell a needed rule from a forgotten one.",
                 "add description = \"...\" to the rule", "add Description to the rule",
                 "CKV_AWS_23", "", "cfn_nag W36; AVD-AWS-0124", descriptions});
}

}  // namespace stackplan::lint
