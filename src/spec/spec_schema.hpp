#pragma once

#include <string>
#include <vector>

#include "spec/schema.hpp"

namespace stackplan::spec {

/// The schema of spec v1, built once.
const Type& spec_v1();

}  // namespace stackplan::spec
