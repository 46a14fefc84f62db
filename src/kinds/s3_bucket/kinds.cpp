// S3 buckets of the spec: storage by class (tiered) and Tier 1 / Tier 2 requests. The bucket a
// SQLite engine replicates to is priced by that engine's kind instead.

#include "aws/facts.hpp"
#include "kinds/common.hpp"
#include "kinds/s3_bucket/pricing.hpp"

namespace stackplan::kinds {
namespace {

bool used_by_database(const spec::Spec& s, const std::string& name) {
  return (s.database.engine == spec::Engine::sqlite_litestream &&
          s.database.replica_bucket == name) ||
         (s.database.engine == spec::Engine::sqlite_s3_sync && s.database.sync_bucket == name);
}

std::vector<Resource> expand(const spec::Spec& s) {
  std::vector<Resource> out;
  for (std::size_t i = 0; i < s.buckets.size(); ++i) {
    const auto& b = s.buckets[i];
    if (!used_by_database(s, b.name)) {
      out.push_back(
          {nullptr, "aws_s3_bucket." + model::resource_name(b.name), b.name, static_cast<int>(i)});
    }
  }
  return out;
}

void cost(const Resource& r, Context& ctx) {
  const spec::Bucket& b = ctx.spec().buckets[static_cast<std::size_t>(r.index)];
  const std::string path = "buckets[" + std::to_string(r.index) + "].usage.";
  model::Usage storage = ctx.usage(r, "storage_gb", b.storage_gb, path + "storage_gb");
  model::Usage puts = ctx.usage(r, "put_requests_per_month", b.put_requests_per_month,
                                path + "put_requests_per_month");
  model::Usage gets = ctx.usage(r, "get_requests_per_month", b.get_requests_per_month,
                                path + "get_requests_per_month");
  ctx.add_tiered(
      usage_line(
          r, "storage", "S3 " + b.storage_class + " storage, " + b.name, storage.value, "GB-months",
          storage.assumption +
              (b.versioning ? "; versioning is on: noncurrent versions count as stored" : "")),
      pricing::s3_storage_key(b.storage_class));
  // Requests are priced by the storage class they touch (Standard-IA PUTs cost twice
  // Standard's, its GETs 2.5 times).
  const std::string class_text = b.storage_class == "standard" ? "" : " (" + b.storage_class + ")";
  ctx.add(usage_line(r, "storage", "S3 PUT, COPY, POST, LIST requests" + class_text,
                     puts.value / whole(1000), "1k requests", puts.assumption),
          ctx.rate(pricing::s3_requests_key(b.storage_class, "tier1")), whole(1000));
  ctx.add(usage_line(r, "storage", "S3 GET and other requests" + class_text,
                     gets.value / whole(1000), "1k requests", gets.assumption),
          ctx.rate(pricing::s3_requests_key(b.storage_class, "tier2")), whole(1000));
  // Reading from the infrequent-access classes is billed per GB; Intelligent-Tiering bills a
  // monitoring fee per object of 128 KB or more instead.
  if (aws::s3_retrieval_fee(b.storage_class)) {
    model::Usage retrieved = ctx.usage_or(r, "retrieved_gb", b.retrieved_gb, path + "retrieved_gb",
                                          storage.value.to_double());
    ctx.add(usage_line(r, "storage", "S3 data retrieval (" + b.storage_class + ")", retrieved.value,
                       "GB", retrieved.assumption),
            ctx.rate(pricing::s3_retrieval_key(b.storage_class)));
  }
  if (b.storage_class == "intelligent-tiering") {
    model::Usage objects =
        ctx.usage(r, "monitored_objects", b.monitored_objects, path + "monitored_objects");
    ctx.add(usage_line(r, "storage", "S3 Intelligent-Tiering monitoring and automation",
                       objects.value / whole(1000), "1k objects", objects.assumption),
            ctx.rate(pricing::k_s3_monitoring_key), whole(1000));
  }
}

json view(const Resource& r, const spec::Spec& s) {
  json v = base_view(r);
  v.update(bucket_view(s, r.name));
  v["purpose"] = "application data";
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_s3_bucket{
    "s3_bucket",
    "storage",
    "aws_s3_bucket.<name>",
    "S3 bucket: storage by class and tier, Tier 1 (PUT/LIST) and Tier 2 (GET) requests",
    {{"storage_gb", "GB", 1, "Average stored volume, noncurrent versions included"},
     {"put_requests_per_month", "requests", 1000, "PUT, COPY, POST and LIST requests a month"},
     {"get_requests_per_month", "requests", 10000, "GET and other requests a month"},
     {"retrieved_gb", "GB", 1,
      "GB read back a month from Standard-IA, One Zone-IA or Glacier Instant Retrieval",
      "storage_gb (all of it read once a month)"},
     {"monitored_objects", "objects", 1000,
      "Intelligent-Tiering objects of 128 KB or more (smaller ones are not monitored)"}},
    expand,
    cost,
    model::Rendering{"s3_bucket", "storage", {}, view},
};

}  // namespace stackplan::kinds
