#pragma once

#include <string_view>
#include <vector>

#include "spec/reader.hpp"
#include "spec/schema.hpp"

namespace stackplan::spec {

struct Spec;

/// A top-level section of spec v1 that a kind defines in its own folder
/// (src/kinds/<kind>/spec.cpp): its key, its schema, and how the builder reads it into the
/// typed Spec, with the rules that span its fields.
struct Section {
  std::string_view key;  ///< "cache"
  std::string_view doc;  ///< one line for docs/spec.md and the JSON Schema
  Type (*type)();
  void (*read)(const Reader& r, Spec& s);
};

/// Every section a kind defines, in the order of spec v1's keys (listed in sections.cpp).
const std::vector<const Section*>& kind_sections();

}  // namespace stackplan::spec
