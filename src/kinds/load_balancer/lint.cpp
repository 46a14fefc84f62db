// Application Load Balancers and their listeners: HTTPS only, modern TLS, no invalid headers.

#include "lint/rules.hpp"

namespace stackplan::lint {

namespace {

std::vector<const Resource*> listeners(const Module& m, bool tf) {
  return tf ? m.of_types({"aws_lb_listener", "aws_alb_listener"})
            : m.of_type("AWS::ElasticLoadBalancingV2::Listener");
}

void http_redirect(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : listeners(m, tf)) {
    const Value* protocol = r->body.get(tf ? "protocol" : "Protocol");
    if (protocol == nullptr || !protocol->is_scalar() || protocol->text != "HTTP") {
      continue;
    }
    const Value* actions = r->body.get(tf ? "default_action" : "DefaultActions");
    bool redirects = false;
    bool unknown = actions != nullptr && !actions->is_list();
    if (actions != nullptr) {
      for (const Value* a : actions->as_list()) {
        const Value* type = a->get(tf ? "type" : "Type");
        const Value* to = a->at({tf ? "redirect" : "RedirectConfig", tf ? "protocol" : "Protocol"});
        if (type && type->is_scalar() && type->text == "redirect" && to && to->text == "HTTPS") {
          redirects = true;
        }
        if (type && !type->is_known()) {
          unknown = true;
        }
      }
    }
    if (!redirects && !unknown) {
      out.at(*r, protocol,
             "HTTP listener " + label(*r) +
                 " serves traffic unencrypted instead "
                 "of redirecting to HTTPS");
    }
  }
}

void tls_policy(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : listeners(m, tf)) {
    const Value* protocol = r->body.get(tf ? "protocol" : "Protocol");
    if (protocol == nullptr || !protocol->is_scalar() ||
        (protocol->text != "HTTPS" && protocol->text != "TLS")) {
      continue;
    }
    const Value* policy = r->body.get(tf ? "ssl_policy" : "SslPolicy");
    if (policy != nullptr && !policy->is_known()) {
      continue;
    }
    std::string name = policy ? policy->text : "ELBSecurityPolicy-2016-08";
    bool modern =
        name.find("TLS13") != std::string::npos || name.find("TLS-1-2") != std::string::npos ||
        name.find("FS-1-2") != std::string::npos || name.find("TLS-1-3") != std::string::npos;
    if (!modern) {
      out.at(*r, policy ? policy : protocol,
             "listener " + label(*r) + " accepts TLS 1.0 and 1.1 (" + name +
                 (policy ? "" : ", the default") + ")");
    }
  }
}

void drop_invalid_headers(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  const auto lbs = tf ? m.of_types({"aws_lb", "aws_alb"})
                      : m.of_type("AWS::ElasticLoadBalancingV2::LoadBalancer");
  for (const Resource* r : lbs) {
    const Value* type = r->body.get(tf ? "load_balancer_type" : "Type");
    if (type != nullptr && (!type->is_scalar() || type->text != "application")) {
      continue;
    }
    const Value* v = nullptr;
    if (tf) {
      v = r->body.get("drop_invalid_header_fields");
    } else if (const Value* attrs = r->body.get("LoadBalancerAttributes")) {
      for (const Value* a : attrs->as_list()) {
        const Value* key = a->get("Key");
        if (key && key->text == "routing.http.drop_invalid_header_fields.enabled") {
          v = a->get("Value");
        }
      }
    }
    if (v != nullptr && !v->is_known()) {
      continue;
    }
    if (!is_true(v)) {
      out.at(*r, v,
             "load balancer " + label(*r) +
                 " passes requests with invalid HTTP headers to the targets");
    }
  }
}

}  // namespace

// Listed in lint/rules.cpp.
void add_load_balancer_rules(std::vector<Rule>& out) {
  out.push_back({"alb-http-redirect", Severity::warning, "HTTP listeners redirect to HTTPS",
                 "A listener that forwards plain HTTP serves users' traffic unencrypted.",
                 "make the HTTP listener's default_action a redirect to HTTPS (status HTTP_301) "
                 "and serve on an HTTPS listener with an ACM certificate",
                 "make the HTTP listener's DefaultActions a redirect to HTTPS (HTTP_301) and "
                 "serve on an HTTPS listener with an ACM certificate",
                 "CKV2_AWS_20, CKV_AWS_2", "CT.ELASTICLOADBALANCING.PR.1",
                 "cfn_nag W56; AVD-AWS-0054", http_redirect});
  out.push_back({"alb-tls-policy", Severity::warning, "HTTPS listeners refuse TLS 1.0 and 1.1",
                 "The default policy ELBSecurityPolicy-2016-08 still accepts TLS 1.0 and 1.1.",
                 "set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"",
                 "set SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06", "CKV_AWS_103", "",
                 "cfn_nag W55; AVD-AWS-0047", tls_policy});
  out.push_back({"alb-drop-invalid-headers", Severity::warning,
                 "Application load balancers drop invalid headers",
                 "Passing malformed headers to targets enables request smuggling against "
                 "servers that parse them differently.",
                 "set drop_invalid_header_fields = true",
                 "add LoadBalancerAttributes Key routing.http.drop_invalid_header_fields.enabled "
                 "Value \"true\"",
                 "CKV_AWS_131", "CT.ELASTICLOADBALANCING.PR.4", "AVD-AWS-0052",
                 drop_invalid_headers});
}

}  // namespace stackplan::lint
