// The `buckets:` section of spec v1: its schema, its reading and S3's naming rules.

#include "kinds/s3_bucket/spec.hpp"

#include <set>

#include "aws/facts.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"
#include "spec/spec_schema.hpp"

namespace stackplan::spec {

void check_bucket_name(const Reader& r, const std::string& name, const std::string& pointer) {
  if (auto problem = aws::bucket_name_problem(name)) {
    r.error(r.at(pointer), "spec.bucket-name", "bucket name '" + name + "' " + *problem,
            "S3 bucket names follow S3's naming rules");
  } else if (name.find('.') != std::string::npos && r.has(pointer)) {
    r.warning(r.at(pointer), "spec.bucket-name",
              "bucket name '" + name + "' has dots, which break virtual-hosted HTTPS access",
              "use hyphens instead of dots");
  }
}

namespace {

Type bucket_type() {
  static const Bucket k_bucket;
  static const Lifecycle k_lifecycle;
  return object(
      "bucket",
      {
          Field{"name", bucket_name(), "Bucket name (globally unique)"}.require().ex(
              "myapp-backups"),
          Field{"versioning", flag(), "Keep previous versions of objects"}.def_value(
              k_bucket.versioning),
          Field{"encryption", one_of({"sse-s3", "sse-kms"}), "Default encryption"}.def_value(
              k_bucket.encryption),
          Field{"storage_class",
                one_of({"standard", "intelligent-tiering", "standard-ia", "one-zone-ia",
                        "glacier-ir"}),
                "Storage class objects are written in"}
              .def_value(k_bucket.storage_class),
          Field{"lifecycle",
                object("lifecycle",
                       {
                           Field{"expire_days", whole(1, 36500), "Delete objects after N days"},
                           Field{"noncurrent_expire_days", whole(1, 36500),
                                 "Delete previous versions N days after they are replaced"},
                           Field{"abort_incomplete_upload_days", whole(1, 365),
                                 "Clean up unfinished multipart uploads"}
                               .def_value(k_lifecycle.abort_incomplete_upload_days),
                       }),
                "Lifecycle rules"},
          Field{"usage",
                object("bucket usage",
                       {
                           Field{"storage_gb", number(0, 1e9), "GB stored"},
                           Field{"put_requests_per_month", number(0, 1e15),
                                 "PUT, COPY, POST and LIST requests a month"},
                           Field{"get_requests_per_month", number(0, 1e15),
                                 "GET and other requests a month"},
                           Field{"retrieved_gb", number(0, 1e12),
                                 "GB read back a month (billed per GB in these classes)"}
                               .only("../storage_class", aws::s3_retrieval_fee_classes(),
                                     "reads from this class are not billed per GB; remove it"),
                           Field{"monitored_objects", number(0, 1e15),
                                 "Objects of 128 KB or more, each billed a monthly monitoring "
                                 "fee"}
                               .only("../storage_class", {"intelligent-tiering"},
                                     "only Intelligent-Tiering bills monitoring; remove it"),
                       }),
                "Usage assumptions"},
      });
}

Type type() {
  return list(bucket_type(), 100);
}

void read(const Reader& r, Spec& s) {
  const nlohmann::json* list = r.get("/buckets");
  if (list == nullptr) {
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string base = "/buckets/" + std::to_string(i);
    Bucket b;
    assign(b.name, r.str(base + "/name"));
    if (!b.name.empty()) {
      check_bucket_name(r, b.name, base + "/name");
    }
    check_unique(r, seen, b.name, base + "/name", "bucket");
    assign(b.versioning, r.boolean(base + "/versioning"));
    assign(b.encryption, r.str(base + "/encryption"));
    assign(b.storage_class, r.str(base + "/storage_class"));
    if (auto d = r.integer(base + "/lifecycle/expire_days")) {
      b.lifecycle.expire_days = static_cast<int>(*d);
    }
    if (auto d = r.integer(base + "/lifecycle/noncurrent_expire_days")) {
      b.lifecycle.noncurrent_expire_days = static_cast<int>(*d);
      if (!b.versioning) {
        r.warning(r.key_at(base + "/lifecycle/noncurrent_expire_days"), "spec.unused",
                  "noncurrent_expire_days has no effect without versioning",
                  "set versioning: true or remove it");
      }
    }
    b.lifecycle.abort_incomplete_upload_days =
        as_int(r.integer(base + "/lifecycle/abort_incomplete_upload_days"),
               b.lifecycle.abort_incomplete_upload_days);
    b.storage_gb = r.num(base + "/usage/storage_gb");
    b.put_requests_per_month = r.num(base + "/usage/put_requests_per_month");
    b.get_requests_per_month = r.num(base + "/usage/get_requests_per_month");
    b.retrieved_gb = r.num(base + "/usage/retrieved_gb");
    b.monitored_objects = r.num(base + "/usage/monitored_objects");
    s.buckets.push_back(std::move(b));
  }
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_buckets_section{"buckets", "S3 buckets", type, read};

}  // namespace stackplan::spec
