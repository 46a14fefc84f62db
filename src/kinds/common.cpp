#include "kinds/common.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace stackplan::kinds {

Decimal dec(std::string_view text) {
  auto value = Decimal::parse(text);
  if (!value) {
    throw std::logic_error("bad decimal constant " + std::string(text));
  }
  return *value;
}

LineItem line(const Resource& r, std::string_view component, std::string description,
              Decimal quantity, std::string unit) {
  LineItem item;
  item.component = std::string(component);
  item.resource = r.address;
  item.description = std::move(description);
  item.quantity = quantity;
  item.unit = std::move(unit);
  return item;
}

LineItem usage_line(const Resource& r, std::string_view component, std::string description,
                    Decimal quantity, std::string unit, std::string assumption) {
  LineItem item = line(r, component, std::move(description), quantity, std::move(unit));
  item.usage_based = true;
  item.assumption = std::move(assumption);
  return item;
}

Decimal seconds_of(const spec::Duration& d) {
  return Decimal::from_int(d.millis) / Decimal::from_int(1000);
}

std::string usd(Decimal amount) {
  return "$" + amount.to_string();
}

}  // namespace stackplan::kinds

namespace stackplan::kinds {

std::string aws_name(const std::string& base, std::size_t max) {
  if (base.size() <= max) {
    return base;
  }
  // FNV-1a: stable across platforms and runs.
  std::uint32_t h = 2166136261u;
  for (unsigned char c : base) {
    h = (h ^ c) * 16777619u;
  }
  char suffix[10];
  std::snprintf(suffix, sizeof suffix, "-%08x", h);
  std::string cut = base.substr(0, max - 9);
  while (!cut.empty() && (cut.back() == '-' || cut.back() == '_')) {
    cut.pop_back();
  }
  return cut + suffix;
}

std::string logical_id(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return out;
}

json base_view(const Resource& r) {
  std::string id = r.address.substr(r.address.rfind('.') + 1);
  return json{{"id", id}, {"logical", logical_id(r.name.empty() ? id : r.name)}, {"name", r.name}};
}

}  // namespace stackplan::kinds

namespace stackplan::kinds {

std::string secret_of(const std::string& ref) {
  std::string text = ref;
  if (text.rfind("arn:", 0) == 0) {
    auto at = text.find(":secret:");
    text = at == std::string::npos ? text : text.substr(at + 8);
  }
  return text.substr(0, text.find(':'));
}

json bucket_view(const spec::Spec& s, const std::string& bucket) {
  spec::Bucket b;
  b.name = bucket;
  b.versioning = true;
  for (const auto& listed : s.buckets) {
    if (listed.name == bucket) {
      b = listed;
    }
  }
  json v;
  v["bucket_id"] = model::resource_name(bucket);
  v["bucket_logical"] = logical_id(bucket);
  v["bucket_name"] = bucket;
  v["versioning"] = b.versioning;
  v["kms"] = b.encryption == "sse-kms";
  v["sse_algorithm"] = b.encryption == "sse-kms" ? "aws:kms" : "AES256";
  v["expire_days"] = b.lifecycle.expire_days ? json(*b.lifecycle.expire_days) : json(nullptr);
  v["noncurrent_expire_days"] = b.versioning && b.lifecycle.noncurrent_expire_days
                                    ? json(*b.lifecycle.noncurrent_expire_days)
                                    : json(nullptr);
  v["abort_days"] = b.lifecycle.abort_incomplete_upload_days;
  v["backup_expire_days"] = nullptr;  // set by the SQLite S3 sync for its copies
  v["object_prefix"] = nullptr;
  return v;
}

json client_groups(const spec::Spec& s) {
  json out = json::array();
  if (s.compute.platform == spec::Platform::ec2) {
    out.push_back({{"id", "instances"}, {"logical", "Instances"}});
    return out;
  }
  for (const auto& svc : s.services) {
    out.push_back({{"id", model::resource_name(svc.name)}, {"logical", logical_id(svc.name)}});
  }
  return out;
}

json database_view(const Resource& r, const spec::Spec& s, int backup_retention_days,
                   bool deletion_protection) {
  json v = base_view(r);
  v["identifier"] = s.name;
  v["port"] = database_port(s.database.engine);
  v["backup_retention_days"] = backup_retention_days;
  v["deletion_protection"] = bool_text(deletion_protection);
  v["final_snapshot"] = s.name + "-final";
  v["clients"] = client_groups(s);
  return v;
}

int database_port(spec::Engine engine) {
  switch (engine) {
    case spec::Engine::rds_postgres:
    case spec::Engine::aurora_postgres:
      return 5432;
    case spec::Engine::rds_mysql:
    case spec::Engine::aurora_mysql:
      return 3306;
    default:
      return 0;
  }
}

}  // namespace stackplan::kinds
