#include "app/usage.hpp"

#include <algorithm>

#include "base/spelling.hpp"

namespace stackplan::app {

std::optional<UsageFile> read_usage(const std::string& path, Diagnostics& diags) {
  auto doc = text::read_document(path, diags);
  if (!doc) {
    return std::nullopt;
  }
  UsageFile out;
  out.origins = doc->origins;
  out.file = doc->file;
  if (doc->value.is_null()) {
    return out;
  }
  if (!doc->value.is_object()) {
    diags.error(doc->origins.value_loc(""), "usage.type",
                "a usage file maps resource addresses to usage figures",
                "e.g. 'aws_db_instance.main: {backup_gb: 5}'");
    return std::nullopt;
  }
  for (const auto& [address, figures] : doc->value.items()) {
    std::string at = "/" + text::pointer_token(address);
    if (!figures.is_object()) {
      diags.error(doc->origins.value_loc(at), "usage.type",
                  "usage of '" + address + "' must be a mapping of usage keys to numbers");
      continue;
    }
    for (const auto& [key, value] : figures.items()) {
      std::string where = at + "/" + text::pointer_token(key);
      if (!value.is_number() || value.get<double>() < 0) {
        diags.error(doc->origins.value_loc(where), "usage.type",
                    "usage figure '" + key + "' must be a number of zero or more");
        continue;
      }
      out.values[address][key] = value.get<double>();
    }
  }
  if (diags.has_errors()) {
    return std::nullopt;
  }
  return out;
}

void check_usage(const UsageFile& usage, const std::map<std::string, const model::Kind*>& kinds,
                 Diagnostics& diags) {
  std::vector<std::string> addresses;
  for (const auto& [a, k] : kinds) {
    addresses.push_back(a);
  }
  for (const auto& [address, figures] : usage.values) {
    std::string at = "/" + text::pointer_token(address);
    auto kind = kinds.find(address);
    if (kind == kinds.end()) {
      diags.error(usage.origins.key_loc(at), "usage.unknown-resource",
                  "no resource '" + address + "' in the planned specs",
                  suggestion_hint(address, addresses, "resources"));
      continue;
    }
    std::vector<std::string> keys;
    for (const auto& p : kind->second->usage) {
      keys.emplace_back(p.key);
    }
    for (const auto& [key, value] : figures) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        std::string hint = keys.empty() ? "'" + address + "' reads no usage figures"
                                        : suggestion_hint(key, keys, "usage keys of this resource");
        diags.error(usage.origins.key_loc(at + "/" + text::pointer_token(key)), "usage.unknown-key",
                    "'" + key + "' is not a usage figure of '" + address + "'", hint);
      }
    }
  }
}

}  // namespace stackplan::app
