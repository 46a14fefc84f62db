// The `security:` section of spec v1: its schema and its reading.

#include "spec/security.hpp"

#include <string>

#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

const std::vector<std::pair<SecurityProfile, std::string_view>>& security_profile_names() {
  static const std::vector<std::pair<SecurityProfile, std::string_view>> names = {
      {SecurityProfile::baseline, "baseline"},
      {SecurityProfile::strict, "strict"},
  };
  return names;
}

std::string_view to_string(SecurityProfile profile) {
  for (const auto& [p, name] : security_profile_names()) {
    if (p == profile) {
      return name;
    }
  }
  return "baseline";
}

std::optional<SecurityProfile> security_profile_named(std::string_view name) {
  for (const auto& [p, n] : security_profile_names()) {
    if (n == name) {
      return p;
    }
  }
  return std::nullopt;
}

namespace {

Type type() {
  std::vector<std::string> names;
  for (const auto& [p, name] : security_profile_names()) {
    names.emplace_back(name);
  }
  return object(
      "security",
      {
          Field{"profile", one_of(names),
                "baseline: every AWS Control Tower control that costs nothing, the billed ones "
                "recorded as exceptions; strict: also a customer managed KMS key for logs and "
                "databases, Container Insights, RDS Enhanced Monitoring and database log "
                "exports, each priced by plan"}
              .def_value(std::string(to_string(Security{}.profile))),
      });
}

void read(const Reader& r, Spec& s) {
  if (auto name = r.str("/security/profile")) {
    if (auto profile = security_profile_named(*name)) {
      s.security.profile = *profile;
    }
  }
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_security_section{
    "security", "Which AWS Control Tower controls the rendered stack meets", type, read};

}  // namespace stackplan::spec
