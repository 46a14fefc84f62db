#pragma once

// The database engines of spec v1 and the durations their settings use: facts every section
// and kind that deals with a database reads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stackplan::spec {

/// A duration as written ("1h30m") and in milliseconds.
struct Duration {
  std::string text;
  std::int64_t millis = 0;
};

/// Parses Go-style durations: a sequence of number+unit with units ms, s, m, h.
std::optional<Duration> parse_duration(const std::string& text);

enum class Engine {
  none,
  sqlite,
  sqlite_efs,
  sqlite_s3_sync,
  sqlite_litestream,
  rds_postgres,
  rds_mysql,
  aurora_postgres,
  aurora_mysql,
};

/// The spec's name of each engine ("sqlite-litestream"), in the order the schema lists them:
/// the one list of engine names.
const std::vector<std::pair<Engine, std::string_view>>& engine_names();
const char* to_string(Engine engine);
std::optional<Engine> engine_named(std::string_view name);
/// The version a new database of a server engine gets when the spec names none ("16" for
/// rds-postgres); empty for the SQLite engines and none.
std::string_view default_version(Engine engine);
/// The major version of an engine version, as AWS's support calendar names it: "13.20" -> "13"
/// for PostgreSQL; "8.0.35" -> "8.0" for MySQL.
std::string major_version(Engine engine, const std::string& version);
bool is_sqlite(Engine engine);
bool is_rds(Engine engine);
bool is_aurora(Engine engine);

}  // namespace stackplan::spec
