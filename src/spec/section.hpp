#pragma once

#include <string_view>
#include <vector>

#include "spec/reader.hpp"
#include "spec/schema.hpp"

namespace stackplan::spec {

struct Spec;

/// A top-level section of spec v1, defined in the folder of its kind
/// (src/kinds/<kind>/spec.cpp) or, when several kinds share it, in spec/<section>.cpp: its key,
/// its schema, and how the builder reads it into the typed Spec, with the rules that span its
/// fields.
struct Section {
  std::string_view key;  ///< "cache"
  std::string_view doc;  ///< one line for docs/spec.md and the JSON Schema
  Type (*type)();
  void (*read)(const Reader& r, Spec& s);
};

/// Every section of spec v1, in the order of its keys and in the order the builder reads them
/// (a section may read what the ones before it built: services read compute); listed in
/// sections.cpp.
const std::vector<const Section*>& sections();

}  // namespace stackplan::spec
