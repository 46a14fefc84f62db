#include "model/stack.hpp"

namespace stackplan::model {

std::vector<Resource> resources_of(const spec::Spec& spec) {
  std::vector<Resource> out;
  for (const Kind* kind : kinds()) {
    for (Resource& r : kind->expand(spec)) {
      r.kind = kind;
      out.push_back(std::move(r));
    }
  }
  return out;
}

std::string resource_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) {
    out.insert(out.begin(), '_');
  }
  return out;
}

}  // namespace stackplan::model
