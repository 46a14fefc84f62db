// The `load_balancer:` section of spec v1: its schema, its reading, and the rules across it and
// the services it routes to.

#include "kinds/load_balancer/spec.hpp"

#include <map>

#include "base/pattern.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

Type type() {
  static const LoadBalancer k_load_balancer;
  return object(
      "load_balancer",
      {
          Field{"type", one_of({"application"}), "Load balancer type"}.def_value(
              k_load_balancer.type),
          Field{"https", flag(), "HTTPS listener (with HTTP redirected to it)"}.def_value(
              k_load_balancer.https),
          Field{
              "certificate_arn",
              text("^arn:aws[a-z-]*:acm:.+$", "is an ACM certificate ARN (arn:aws:acm:...)", 2048),
              "ACM certificate; when absent it becomes a Terraform variable"}
              .only("https", {"true"}, "remove it or set https: true"),
          Field{"idle_timeout", whole(1, 4000), "Idle timeout in seconds"}.def_value(
              k_load_balancer.idle_timeout),
          Field{"usage",
                object("load balancer usage",
                       {
                           Field{"lcu", number(0, 1e6), "Average load balancer capacity units"},
                           Field{"processed_gb", number(0, 1e9), "GB processed a month"},
                       }),
                "Usage assumptions"},
      });
}

void read(const Reader& r, Spec& s) {
  if (!r.has("/load_balancer")) {
    return;
  }
  LoadBalancer lb;
  assign(lb.type, r.str("/load_balancer/type"));
  assign(lb.https, r.boolean("/load_balancer/https"));
  lb.certificate_arn = r.str("/load_balancer/certificate_arn");
  static const Pattern exact_arn(
      "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]+:certificate/[A-Za-z0-9-]+$");
  if (lb.certificate_arn && !exact_arn.search(*lb.certificate_arn)) {
    r.warning(r.at("/load_balancer/certificate_arn"), "spec.placeholder",
              "'" + *lb.certificate_arn + "' is not a complete ACM certificate ARN",
              "expected arn:aws:acm:REGION:ACCOUNT:certificate/ID");
  }
  lb.idle_timeout = as_int(r.integer("/load_balancer/idle_timeout"), lb.idle_timeout);
  lb.lcu = r.num("/load_balancer/usage/lcu");
  lb.processed_gb = r.num("/load_balancer/usage/processed_gb");
  if (!lb.https) {
    r.warning(r.at("/load_balancer/https"), "spec.plain-http",
              "the load balancer serves plain HTTP", "set https: true and give certificate_arn");
  }
  bool routed = false;
  std::map<std::string, std::string> paths;
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    const auto& svc = s.services[i];
    if (!svc.load_balanced) {
      continue;
    }
    routed = true;
    auto [it, inserted] = paths.emplace(svc.load_balanced->path, svc.name);
    if (!inserted) {
      std::string at = "/services/" + std::to_string(i) + "/load_balanced";
      r.error(r.has(at + "/path") ? r.at(at + "/path") : r.key_at(at), "spec.duplicate",
              "services '" + it->second + "' and '" + svc.name + "' both route path " +
                  svc.load_balanced->path,
              "give each load-balanced service its own path");
    }
  }
  if (!routed) {
    r.warning(r.key_at("/load_balancer"), "spec.unused",
              "no service is load_balanced, so the load balancer has no targets",
              "add load_balanced: {} to a service or remove load_balancer");
  }
  s.load_balancer = lb;
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_load_balancer_section{"load_balancer", "Application Load Balancer", type,
                                             read};

}  // namespace stackplan::spec
