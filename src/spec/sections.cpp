#include "spec/section.hpp"

namespace stackplan::spec {

// Each defined in src/kinds/<folder>/spec.cpp.
extern const Section k_network_section;
extern const Section k_compute_section;
extern const Section k_services_section;
extern const Section k_database_section;
extern const Section k_buckets_section;
extern const Section k_load_balancer_section;
extern const Section k_secrets_section;
extern const Section k_dns_section;
extern const Section k_cache_section;
extern const Section k_external_costs_section;
extern const Section k_security_section;  // spec/security.cpp

const std::vector<const Section*>& sections() {
  static const std::vector<const Section*> all = {
      &k_network_section, &k_compute_section,        &k_services_section, &k_database_section,
      &k_buckets_section, &k_load_balancer_section,  &k_secrets_section,  &k_dns_section,
      &k_cache_section,   &k_external_costs_section, &k_security_section,
  };
  return all;
}

}  // namespace stackplan::spec
