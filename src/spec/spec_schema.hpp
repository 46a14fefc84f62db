#pragma once

#include <string>
#include <vector>

#include "spec/schema.hpp"

namespace stackplan::spec {

/// The schema of spec v1, built once.
const Type& spec_v1();

/// Every AWS commercial region code stackplan knows.
const std::vector<std::string>& known_regions();

/// Patterns shared by the schema and the cross-field checks.
extern const char* const k_instance_type_pattern;
extern const char* const k_db_class_pattern;

}  // namespace stackplan::spec
