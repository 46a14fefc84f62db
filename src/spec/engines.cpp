#include <algorithm>

#include "spec/spec.hpp"

namespace stackplan::spec {

const std::vector<std::pair<Engine, std::string_view>>& engine_names() {
  static const std::vector<std::pair<Engine, std::string_view>> names = {
      {Engine::none, "none"},
      {Engine::sqlite, "sqlite"},
      {Engine::sqlite_efs, "sqlite-efs"},
      {Engine::sqlite_s3_sync, "sqlite-s3-sync"},
      {Engine::sqlite_litestream, "sqlite-litestream"},
      {Engine::rds_postgres, "rds-postgres"},
      {Engine::rds_mysql, "rds-mysql"},
      {Engine::aurora_postgres, "aurora-postgres"},
      {Engine::aurora_mysql, "aurora-mysql"},
  };
  return names;
}

const char* to_string(Engine engine) {
  for (const auto& [e, name] : engine_names()) {
    if (e == engine) {
      return name.data();  // the table's literals end in NUL
    }
  }
  return "none";
}

std::optional<Engine> engine_named(std::string_view name) {
  const auto& names = engine_names();
  auto found = std::find_if(names.begin(), names.end(),
                            [&](const auto& entry) { return entry.second == name; });
  return found == names.end() ? std::nullopt : std::optional<Engine>(found->first);
}

std::string major_version(Engine engine, const std::string& version) {
  const bool postgres = engine == Engine::rds_postgres || engine == Engine::aurora_postgres;
  std::size_t dot = version.find('.');
  if (postgres || dot == std::string::npos) {
    return version.substr(0, dot);
  }
  return version.substr(0, version.find('.', dot + 1));
}

std::string_view default_version(Engine engine) {
  switch (engine) {
    case Engine::rds_postgres:
      return "16";
    case Engine::rds_mysql:
      return "8.4";
    case Engine::aurora_postgres:
      return "16.4";
    case Engine::aurora_mysql:
      return "8.0";
    default:
      return {};
  }
}

}  // namespace stackplan::spec
