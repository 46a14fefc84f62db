#pragma once

#include <optional>
#include <string>

// The `buckets:` section of spec v1: S3 buckets with their encryption, storage class and
// lifecycle.
// This file belongs to the spec layer (src/kinds/<kind>/<layer>.*, see ARCHITECTURE.md).

namespace stackplan::spec {

class Reader;

struct Lifecycle {
  std::optional<int> expire_days;
  std::optional<int> noncurrent_expire_days;
  int abort_incomplete_upload_days = 7;
};

struct Bucket {
  std::string name;
  bool versioning = false;
  std::string encryption = "sse-s3";
  std::string storage_class = "standard";
  Lifecycle lifecycle;
  std::optional<double> storage_gb;
  std::optional<double> put_requests_per_month;
  std::optional<double> get_requests_per_month;
  std::optional<double> retrieved_gb;
  std::optional<double> monitored_objects;
};

/// S3's naming rules for a bucket named at `pointer` (in `buckets:` or as a database's replica
/// or sync bucket): an error for a name S3 refuses, a warning for dots.
void check_bucket_name(const Reader& r, const std::string& name, const std::string& pointer);

}  // namespace stackplan::spec
