#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "base/decimal.hpp"
#include "base/diagnostics.hpp"
#include "text/yaml.hpp"

namespace stackplan::spec {

struct Type;

/// Typed, located access to a validated JSON value. Paths that failed schema validation read
/// as absent, so cross-field checks never pile a second error on a bad value.
class Reader {
 public:
  Reader(const nlohmann::json& root, const text::SourceMap& origins, Diagnostics& diags,
         const std::set<std::string>& bad)
      : m_root(root), m_origins(origins), m_diags(diags), m_bad(bad) {}

  /// The value at `pointer`, or null when absent, empty (YAML `key:`) or invalid.
  const nlohmann::json* get(const std::string& pointer) const;
  bool has(const std::string& pointer) const { return get(pointer) != nullptr; }
  /// Whether the value at `pointer` was written in a scenario rather than the base spec.
  bool from_scenario(const std::string& pointer) const {
    const text::NodeOrigin* o = m_origins.find(pointer);
    return o != nullptr && o->from_scenario;
  }
  /// Whether the spec gives the key at all, valid or not.
  bool present(const std::string& pointer) const;

  std::optional<std::string> str(const std::string& pointer) const;
  std::optional<std::int64_t> integer(const std::string& pointer) const;
  std::optional<double> num(const std::string& pointer) const;
  std::optional<bool> boolean(const std::string& pointer) const;
  std::optional<Decimal> money(const std::string& pointer) const;

  SourceLoc at(const std::string& pointer) const { return m_origins.value_loc(pointer); }
  SourceLoc key_at(const std::string& pointer) const { return m_origins.key_loc(pointer); }

  void error(const SourceLoc& loc, std::string code, std::string message,
             std::string hint = {}) const {
    m_diags.error(loc, std::move(code), std::move(message), std::move(hint));
  }
  void warning(const SourceLoc& loc, std::string code, std::string message,
               std::string hint = {}) const {
    m_diags.warning(loc, std::move(code), std::move(message), std::move(hint));
  }

 private:
  const nlohmann::json* lookup(const std::string& pointer) const;

  const nlohmann::json& m_root;
  const text::SourceMap& m_origins;
  Diagnostics& m_diags;
  const std::set<std::string>& m_bad;
};

/// Sets `target` to `value` when the spec gives one; leaves the default otherwise.
template <class T>
void assign(T& target, const std::optional<T>& value) {
  if (value) {
    target = *value;
  }
}

inline int as_int(std::optional<std::int64_t> v, int fallback) {
  return v ? static_cast<int>(*v) : fallback;
}

/// Reports `name` at `pointer` when `seen` already holds it (`what` names the thing: "bucket");
/// empty names are skipped.
void check_unique(const Reader& r, std::set<std::string>& seen, const std::string& name,
                  const std::string& pointer, const std::string& what);

/// Rejects every field of the value at `pointer` (of schema `type`) given where its `Applies`
/// says it does not apply (another platform, engine, purchase model or option), as `spec.conflict`
/// at its key, naming the selector, the values it needs and the value it has. A field a scenario
/// inherits from the base is not in conflict with a selector the scenario changed (it is ignored
/// there), and an invalid selector rejects nothing (it has its own error). Fields inside a rejected
/// one are not looked at.
void check_applies(const Reader& r, const Type& type, const std::string& pointer);

}  // namespace stackplan::spec
