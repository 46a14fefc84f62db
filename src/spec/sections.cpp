#include "spec/section.hpp"

namespace stackplan::spec {

// Each defined in src/kinds/<kind>/spec.cpp.
extern const Section k_buckets_section;
extern const Section k_load_balancer_section;
extern const Section k_secrets_section;
extern const Section k_dns_section;
extern const Section k_cache_section;
extern const Section k_external_costs_section;

const std::vector<const Section*>& kind_sections() {
  static const std::vector<const Section*> all = {
      &k_buckets_section, &k_load_balancer_section, &k_secrets_section,
      &k_dns_section,     &k_cache_section,         &k_external_costs_section,
  };
  return all;
}

}  // namespace stackplan::spec
