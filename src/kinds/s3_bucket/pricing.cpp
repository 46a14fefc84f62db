// Which of AWS's S3 products stackplan prices: storage by class (tiered), requests, retrieval
// and Intelligent-Tiering monitoring.

#include "kinds/s3_bucket/pricing.hpp"

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::optional<std::string> key_of(const Product& p, std::string_view usage) {
  if (p.family == "Storage" && usage == "TimedStorage-ByteHrs") {
    std::string_view v = p.attribute("volumeType");
    if (v == "Standard") {
      return s3_storage_key("standard");
    }
    if (v == "Standard - Infrequent Access") {
      return s3_storage_key("standard-ia");
    }
    if (v == "One Zone - Infrequent Access") {
      return s3_storage_key("one-zone-ia");
    }
  }
  if (p.family == "API Request" && usage == "Requests-Tier1") {
    return s3_requests_key("standard", "tier1");
  }
  if (p.family == "API Request" && usage == "Requests-Tier2") {
    return s3_requests_key("standard", "tier2");
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_s3_bucket_pricing{
    "AmazonS3",
    {"s3/"},
    key_of,
    {},
    {"s3/USD/current/s3.json"},
    {
        // clang-format off
    {"s3", "Standard Storage First 50 TB per GB Mo", {s3_storage_key("standard")}, "GB-Mo", "0", "51200"},
    {"s3", "Standard Storage Next 450 TB per GB Mo", {s3_storage_key("standard")}, "GB-Mo", "51200", "512000"},
    {"s3", "Standard Storage Over 500 TB per GB Mo", {s3_storage_key("standard")}, "GB-Mo", "512000"},
    {"s3", "Standard Infrequent Access Storage per GB-Mo", {s3_storage_key("standard-ia")}, "GB-Mo"},
    {"s3", "One Zone Infrequent Access Storage Inf per GB-Mo", {s3_storage_key("one-zone-ia")}, "GB-Mo"},
    {"s3", "Intelligent Tiering Frequent Access First 50 TB per GB Mo", {s3_storage_key("intelligent-tiering")}, "GB-Mo", "0", "51200"},
    {"s3", "Intelligent Tiering Frequent Access Next 450 TB per GB Mo", {s3_storage_key("intelligent-tiering")}, "GB-Mo", "51200", "512000"},
    {"s3", "Intelligent Tiering Frequent Access Over 500 TB per GB Mo", {s3_storage_key("intelligent-tiering")}, "GB-Mo", "512000"},
    {"s3", "Glacier Instant Retrieval Storage", {s3_storage_key("glacier-ir")}, "GB-Mo"},
    {"s3", "PUT COPY/POST or LIST requests to Standard Infrequent Access per Requests", {s3_requests_key("standard-ia", "tier1")}, "Requests"},
    {"s3", "GET and all other requests to Standard Infrequent Access per Requests", {s3_requests_key("standard-ia", "tier2")}, "Requests"},
    {"s3", "PUT COPY/POST or LIST requests to One Zone Infrequent Access per Requests", {s3_requests_key("one-zone-ia", "tier1")}, "Requests"},
    {"s3", "GET and all other requests to One Zone Infrequent Access per Requests", {s3_requests_key("one-zone-ia", "tier2")}, "Requests"},
    {"s3", "PUT COPY/POST or LIST requests to Glacier Instant Retrieval per Requests", {s3_requests_key("glacier-ir", "tier1")}, "Requests"},
    {"s3", "GET and all other requests to Glacier Instant Retrieval per Requests", {s3_requests_key("glacier-ir", "tier2")}, "Requests"},
    {"s3", "PUT COPY/POST or LIST requests to Intelligent Tiering per Requests", {s3_requests_key("intelligent-tiering", "tier1")}, "Requests"},
    {"s3", "GET and all other requests to Intelligent Tiering per Requests", {s3_requests_key("intelligent-tiering", "tier2")}, "Requests"},
    {"s3", "Object Retrieval in Standard Infrequent Access per GB", {s3_retrieval_key("standard-ia")}, "GB"},
    {"s3", "Object Retrieval in One Zone Infrequent Access per GB", {s3_retrieval_key("one-zone-ia")}, "GB"},
    {"s3", "Object Retrieval in Glacier Instant Retrieval per GB", {s3_retrieval_key("glacier-ir")}, "GB"},
    {"s3", "Per object per month monitoring and automation fee for objects in Intelligent Tiering", {std::string(k_s3_monitoring_key)}, "Objects"},
    {"s3", "PUT COPY/POST or LIST requests per Requests", {s3_requests_key("standard", "tier1")}, "Requests"},
    {"s3", "GET and all other requests per Requests", {s3_requests_key("standard", "tier2")}, "Requests"},
        // clang-format on
    },
};

}  // namespace stackplan::pricing
