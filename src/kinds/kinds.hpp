#pragma once

#include <string>
#include <vector>

#include "model/stack.hpp"

// One definition per kind of AWS resource, in the folder of its kind or section
// (kinds/<folder>/kinds.cpp or kinds_<name>.cpp, see docs/adding-a-kind.md); registry.cpp
// declares and lists them all.

namespace stackplan::kinds {

/// Every kind, in the order resources are listed and costed (the registry).
const std::vector<const model::Kind*>& all();

/// The resources of one spec variant, in registry order.
std::vector<model::Resource> resources_of(const spec::Spec& spec);

/// What security.profile strict adds to a stack, in words ("a KMS key", "Container
/// Insights", ...): nothing when the stack has no services and no RDS or Aurora database, which
/// is when strict renders no key either. Defined in kinds/kms_key/kinds.cpp.
std::vector<std::string> strict_additions(const spec::Spec& spec);

/// docs/usage.md: every usage figure of every kind, with its default.
std::string usage_reference();

}  // namespace stackplan::kinds
