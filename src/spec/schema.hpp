#pragma once

#include <charconv>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"
#include "base/pattern.hpp"
#include "text/yaml.hpp"

namespace stackplan::spec {

enum class Kind { string, integer, number, boolean, scalar, object, map, array, any_object };

struct Field;

/// The shape of one value in a spec: enough to validate it, describe it in JSON Schema and
/// document it. Cross-field rules live in checks.cpp, not here.
struct Type {
  Kind kind = Kind::string;
  std::vector<std::string> choices;         ///< allowed values (strings, or integers as text)
  std::string pattern;                      ///< ECMAScript regex the whole value must match
  std::string pattern_help;                 ///< what the pattern means, in words
  std::shared_ptr<const Pattern> compiled;  ///< compiled on first use
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::optional<double> multiple_of;
  std::size_t max_length = 256;
  std::size_t min_length = 0;
  bool accepts_number = false;  ///< a string field that also takes a bare number (version: 16)
  bool decimal = false;         ///< a number kept exact (money); at most ten fractional digits
  std::vector<Field> fields;    ///< object members
  std::shared_ptr<const Type> element;  ///< array items, map values
  std::string key_pattern;              ///< map keys
  std::string key_help;
  std::shared_ptr<const Pattern> key_compiled;
  std::size_t key_max_length = 256;
  std::size_t max_items = 1000;
  std::string title;  ///< name of an object type in docs ("service", "bucket")
};

/// When a field applies: while its selector, a key of the field's own object (or, after each
/// leading "../", of the object around it), has one of `values`: shell patterns such as
/// "rds-*"; a flag reads as "true" or "false", an absent selector as its default. The docs, the
/// JSON Schema and the builder (`check_applies`) all read this one record.
struct Applies {
  std::string selector;             ///< "platform", "../storage_class", "../../platform"
  std::vector<std::string> values;  ///< "ec2"; "rds-*", "aurora-*"
  std::string hint = {};            ///< the fix; default: remove it, or change the selector

  bool empty() const { return selector.empty(); }
  /// "only when engine is rds-* or aurora-*", for the docs and the JSON Schema.
  std::string text() const;
  /// "ec2", "rds-* or aurora-*".
  std::string values_text() const;
};

/// One member of an object type.
struct Field {
  Field(std::string name_, Type type_, std::string doc_)
      : name(std::move(name_)), type(std::move(type_)), doc(std::move(doc_)) {}

  std::string name;
  Type type;
  std::string doc;
  bool required = false;
  std::string default_text;  ///< as written in docs; JSON text when it parses as JSON
  std::string example;       ///< YAML snippet of the value
  Applies applies;           ///< when the field applies; empty: always

  Field& require() {
    required = true;
    return *this;
  }
  /// A default in words, for a default that is not one value ("count", "the engine's").
  Field& def(std::string text) {
    default_text = std::move(text);
    return *this;
  }
  /// The default, taken from the member of the typed model the builder starts from, so that
  /// each default is written once (in spec.hpp) and the docs and JSON Schema read it.
  Field& def_value(bool value) { return def(value ? "true" : "false"); }
  Field& def_value(int value) { return def(std::to_string(value)); }
  Field& def_value(double value) {
    char text[32];
    auto end = std::to_chars(text, text + sizeof text, value).ptr;  // shortest: 1, 0.5
    return def(std::string(text, end));
  }
  Field& def_value(const std::string& value) { return def(nlohmann::json(value).dump()); }
  Field& def_value(const char* value) = delete;  // a literal: write it in spec.hpp instead
  Field& ex(std::string text) {
    example = std::move(text);
    return *this;
  }
  Field& only(std::string selector, std::vector<std::string> values, std::string hint = {}) {
    applies = Applies{std::move(selector), std::move(values), std::move(hint)};
    return *this;
  }
};

// Type constructors.
Type text(std::string pattern = {}, std::string help = {}, std::size_t max_length = 256);
Type one_of(std::vector<std::string> choices);
Type whole(long long minimum, long long maximum);
Type int_one_of(std::vector<int> choices);
Type number(double minimum, double maximum);
Type money(double minimum, double maximum);
Type flag();
Type scalar();
Type object(std::string title, std::vector<Field> fields);
Type list(Type element, std::size_t max_items = 1000);
Type map_of(Type value, std::string key_pattern, std::string key_help,
            std::size_t key_max_length = 256);
Type any_object();

/// Checks `value` against `type`; reports unknown keys (with "did you mean"), wrong types,
/// values out of range or not allowed. Every path that fails is added to `bad`.
void validate_value(const Type& type, const nlohmann::json& value, const std::string& pointer,
                    const text::SourceMap& origins, Diagnostics& diags, std::set<std::string>& bad);

/// JSON Schema (2020-12) of an object type; `patch` makes every member optional and nullable.
nlohmann::json json_schema(const Type& type, bool patch = false);

/// Human-readable type name: "integer (1 to 65535)", "list of service", ...
std::string type_name(const Type& type);

}  // namespace stackplan::spec
