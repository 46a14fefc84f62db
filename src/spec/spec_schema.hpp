#pragma once

#include <string>
#include <vector>

#include "spec/schema.hpp"

namespace stackplan::spec {

/// The type of an S3 bucket name (in `buckets:` and where a database names a bucket).
Type bucket_name();

/// The schema of spec v1, built once.
const Type& spec_v1();

}  // namespace stackplan::spec
