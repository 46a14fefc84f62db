// The `dns:` section of spec v1: its schema, its reading and the rule that records need a load
// balancer to point at.

#include "kinds/dns_zone/spec.hpp"

#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

Type type() {
  static const Dns k_dns;
  return object(
      "dns", {
                 Field{"zone",
                       text("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z]+$",
                            "is a domain name such as example.com", 253),
                       "Route 53 hosted zone"}
                     .require()
                     .ex("example.com"),
                 Field{"create_zone", flag(), "Create the hosted zone (otherwise it must exist)"}
                     .def_value(k_dns.create_zone),
                 Field{"records",
                       list(text("^(\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-"
                                 "z0-9])?)*$|^@$",
                                 "is a record name relative to the zone, or @ for the apex", 253),
                            100),
                       "Alias records pointing at the load balancer"}
                     .ex("[api]"),
             });
}

void read(const Reader& r, Spec& s) {
  if (!r.has("/dns")) {
    return;
  }
  Dns d;
  assign(d.zone, r.str("/dns/zone"));
  assign(d.create_zone, r.boolean("/dns/create_zone"));
  if (const nlohmann::json* records = r.get("/dns/records")) {
    for (std::size_t i = 0; i < records->size(); ++i) {
      d.records.push_back(r.str("/dns/records/" + std::to_string(i)).value_or(""));
    }
    if (!d.records.empty() && !r.has("/load_balancer")) {
      r.error(r.key_at("/dns/records"), "spec.requires",
              "dns.records are aliases of the load balancer, but there is no load_balancer",
              "add load_balancer: or remove the records");
    }
  }
  s.dns = d;
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_dns_section{"dns", "Route 53 records", type, read};

}  // namespace stackplan::spec
