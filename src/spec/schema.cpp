#include "spec/schema.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "base/decimal.hpp"
#include "base/spelling.hpp"

namespace stackplan::spec {

using nlohmann::json;

std::string Applies::values_text() const {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i == 0 ? "" : i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

std::string Applies::text() const {
  std::string key = selector.substr(selector.rfind('/') + 1);
  return "only when " + key + " is " + values_text();
}

namespace {

/// Patterns match whole values; every pattern of the schema is anchored with ^...$.
std::shared_ptr<const Pattern> compile(const std::string& pattern) {
  if (pattern.empty()) {
    return nullptr;
  }
  if (pattern.front() != '^' || pattern.back() != '$') {
    throw std::logic_error("schema pattern is not anchored: " + pattern);
  }
  return std::make_shared<const Pattern>(pattern);
}

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "empty";
    case json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case json::value_t::string: {
      std::string s = v.get<std::string>();
      if (s.size() > 40) {
        s = s.substr(0, 37) + "...";
      }
      return "text '" + s + "'";
    }
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "a mapping";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "the number " + v.dump();
    default:
      return "the number " + number_text(v.get<double>());
  }
}

const char* expected(Kind kind) {
  switch (kind) {
    case Kind::string:
      return "text";
    case Kind::integer:
      return "a whole number";
    case Kind::number:
      return "a number";
    case Kind::boolean:
      return "true or false";
    case Kind::scalar:
      return "text, a number or true/false";
    case Kind::object:
    case Kind::map:
    case Kind::any_object:
      return "a mapping";
    case Kind::array:
      return "a list";
  }
  return "a value";
}

bool kind_matches(Kind kind, const json& v, bool accepts_number) {
  switch (kind) {
    case Kind::string:
      return v.is_string() || (accepts_number && v.is_number());
    case Kind::integer:
      return v.is_number_integer() ||
             (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
              std::fabs(v.get<double>()) < 1e15);
    case Kind::number:
      return v.is_number();
    case Kind::boolean:
      return v.is_boolean();
    case Kind::scalar:
      return v.is_string() || v.is_number() || v.is_boolean();
    case Kind::object:
    case Kind::map:
    case Kind::any_object:
      return v.is_object();
    case Kind::array:
      return v.is_array();
  }
  return false;
}

std::string type_hint(Kind kind, const json& v) {
  if (kind == Kind::boolean && v.is_string()) {
    return "write true or false (YAML 1.2 reads yes/no/on/off as text)";
  }
  if ((kind == Kind::integer || kind == Kind::number) && v.is_string()) {
    return "write the number without quotes";
  }
  if (kind == Kind::string && (v.is_number() || v.is_boolean())) {
    return "put the value in quotes to make it text";
  }
  if (kind == Kind::array && !v.is_array()) {
    return "write a list: [a, b] or one '- item' per line";
  }
  return {};
}

}  // namespace

Type text(std::string pattern, std::string help, std::size_t max_length) {
  Type t;
  t.kind = Kind::string;
  t.compiled = compile(pattern);
  t.pattern = std::move(pattern);
  t.pattern_help = std::move(help);
  t.max_length = max_length;
  return t;
}

Type one_of(std::vector<std::string> choices) {
  Type t;
  t.kind = Kind::string;
  t.choices = std::move(choices);
  return t;
}

Type whole(long long minimum, long long maximum) {
  Type t;
  t.kind = Kind::integer;
  t.minimum = static_cast<double>(minimum);
  t.maximum = static_cast<double>(maximum);
  return t;
}

Type int_one_of(std::vector<int> choices) {
  Type t;
  t.kind = Kind::integer;
  for (int c : choices) {
    t.choices.push_back(std::to_string(c));
  }
  return t;
}

Type number(double minimum, double maximum) {
  Type t;
  t.kind = Kind::number;
  t.minimum = minimum;
  t.maximum = maximum;
  return t;
}

Type money(double minimum, double maximum) {
  Type t = number(minimum, maximum);
  t.decimal = true;
  return t;
}

Type flag() {
  Type t;
  t.kind = Kind::boolean;
  return t;
}

Type scalar() {
  Type t;
  t.kind = Kind::scalar;
  t.max_length = 4096;
  return t;
}

Type object(std::string title, std::vector<Field> fields) {
  Type t;
  t.kind = Kind::object;
  t.title = std::move(title);
  t.fields = std::move(fields);
  return t;
}

Type list(Type element, std::size_t max_items) {
  Type t;
  t.kind = Kind::array;
  t.element = std::make_shared<const Type>(std::move(element));
  t.max_items = max_items;
  return t;
}

Type map_of(Type value, std::string key_pattern, std::string key_help, std::size_t key_max_length) {
  Type t;
  t.kind = Kind::map;
  t.element = std::make_shared<const Type>(std::move(value));
  t.key_compiled = compile(key_pattern);
  t.key_pattern = std::move(key_pattern);
  t.key_help = std::move(key_help);
  t.key_max_length = key_max_length;
  t.max_items = 200;
  return t;
}

Type any_object() {
  Type t;
  t.kind = Kind::any_object;
  return t;
}

void validate_value(const Type& type, const json& value, const std::string& pointer,
                    const text::SourceMap& origins, Diagnostics& diags,
                    std::set<std::string>& bad) {
  std::string where = text::display_path(pointer);
  auto fail = [&](SourceLoc loc, const char* code, std::string message, std::string hint = {}) {
    bad.insert(pointer);
    diags.error(std::move(loc), code, std::move(message), std::move(hint));
  };
  SourceLoc at = origins.value_loc(pointer);
  if (!kind_matches(type.kind, value, type.accepts_number)) {
    fail(at, "spec.type", where + " must be " + expected(type.kind) + ", not " + describe(value),
         type_hint(type.kind, value));
    return;
  }
  switch (type.kind) {
    case Kind::string:
    case Kind::scalar: {
      std::string s;
      if (value.is_string()) {
        s = value.get<std::string>();
      } else {
        s = origins.raw(pointer).value_or(value.dump());
      }
      if (s.size() < type.min_length) {
        fail(at, "spec.range",
             where + " is " + std::to_string(s.size()) + " characters long; at least " +
                 std::to_string(type.min_length) + " are needed",
             type.pattern_help.empty() ? std::string() : where + " " + type.pattern_help);
        return;
      }
      if (s.size() > type.max_length) {
        fail(at, "spec.range",
             where + " is " + std::to_string(s.size()) + " characters long; at most " +
                 std::to_string(type.max_length) + " are allowed");
        return;
      }
      if (!type.choices.empty()) {
        bool found = false;
        for (const auto& c : type.choices) {
          found = found || c == s;
        }
        if (!found) {
          fail(at, "spec.enum", "'" + s + "' is not a valid value for " + where,
               suggestion_hint(s, type.choices));
        }
        return;
      }
      if (type.compiled && !type.compiled->search(s)) {
        fail(at, "spec.pattern", "'" + s + "' is not a valid " + where,
             type.pattern_help.empty() ? std::string() : where + " " + type.pattern_help);
      }
      return;
    }
    case Kind::integer:
    case Kind::number: {
      double v = value.get<double>();
      std::string shown = origins.raw(pointer).value_or(value.dump());
      if (!type.choices.empty()) {
        bool found = false;
        for (const auto& c : type.choices) {
          found = found || c == shown || std::stod(c) == v;
        }
        if (!found) {
          std::string all;
          for (const auto& c : type.choices) {
            all += (all.empty() ? "" : ", ") + c;
          }
          fail(at, "spec.enum", shown + " is not an allowed value for " + where, "allowed: " + all);
        }
        return;
      }
      if (type.minimum && v < *type.minimum) {
        fail(at, "spec.range",
             where + " must be at least " + number_text(*type.minimum) + ", not " + shown);
        return;
      }
      if (type.maximum && v > *type.maximum) {
        fail(at, "spec.range",
             where + " must be at most " + number_text(*type.maximum) + ", not " + shown);
        return;
      }
      if (type.multiple_of && std::fmod(v, *type.multiple_of) != 0) {
        fail(at, "spec.range",
             where + " must be a multiple of " + number_text(*type.multiple_of) + ", not " + shown);
        return;
      }
      if (type.decimal && !Decimal::parse(shown)) {
        fail(at, "spec.range", where + " has more than ten decimal places: " + shown);
      }
      return;
    }
    case Kind::boolean:
    case Kind::any_object:
      return;
    case Kind::array: {
      if (value.size() > type.max_items) {
        fail(at, "spec.range",
             where + " has " + std::to_string(value.size()) + " items; at most " +
                 std::to_string(type.max_items) + " are allowed");
        return;
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        validate_value(*type.element, value[i], pointer + "/" + std::to_string(i), origins, diags,
                       bad);
      }
      return;
    }
    case Kind::map: {
      if (value.size() > type.max_items) {
        fail(at, "spec.range",
             where + " has " + std::to_string(value.size()) + " entries; at most " +
                 std::to_string(type.max_items) + " are allowed");
        return;
      }
      for (const auto& [key, item] : value.items()) {
        std::string child = pointer + "/" + text::pointer_token(key);
        if (type.key_compiled &&
            (key.size() > type.key_max_length || !type.key_compiled->search(key))) {
          bad.insert(child);
          diags.error(origins.key_loc(child), "spec.pattern",
                      "'" + key + "' is not a valid key in " + where, "keys " + type.key_help);
          continue;
        }
        if (item.is_null()) {
          bad.insert(child);
          diags.error(origins.key_loc(child), "spec.type",
                      text::display_path(child) + " has no value",
                      "give it a value or remove the key");
          continue;
        }
        validate_value(*type.element, item, child, origins, diags, bad);
      }
      return;
    }
    case Kind::object: {
      std::vector<std::string> names;
      for (const auto& f : type.fields) {
        names.push_back(f.name);
      }
      for (const auto& [key, item] : value.items()) {
        std::string child = pointer + "/" + text::pointer_token(key);
        const Field* field = nullptr;
        for (const auto& f : type.fields) {
          if (f.name == key) {
            field = &f;
          }
        }
        if (field == nullptr) {
          bad.insert(child);
          diags.error(origins.key_loc(child), "spec.unknown-key",
                      "unknown key '" + key + "' in " + where,
                      suggestion_hint(key, names, "known keys"));
          // A misspelt key stands for the key it resembles: do not also report that one
          // as missing.
          std::string meant = closest_match(key, names);
          if (!meant.empty() && !value.contains(meant)) {
            bad.insert(pointer + "/" + text::pointer_token(meant));
          }
          continue;
        }
        if (item.is_null()) {
          continue;  // an empty value is the same as leaving the key out
        }
        validate_value(field->type, item, child, origins, diags, bad);
      }
      for (const auto& f : type.fields) {
        bool misspelt = bad.count(pointer + "/" + text::pointer_token(f.name)) != 0;
        if (f.required && !misspelt && (!value.contains(f.name) || value[f.name].is_null())) {
          bad.insert(pointer + "/" + text::pointer_token(f.name));
          SourceLoc loc = value.contains(f.name) ? origins.key_loc(pointer + "/" + f.name)
                                                 : origins.key_loc(pointer);
          if (pointer.empty()) {
            loc = origins.value_loc("");
          }
          diags.error(loc, "spec.required", where + " is missing the required key '" + f.name + "'",
                      f.example.empty() ? f.doc : "add it, e.g. " + f.name + ": " + f.example);
        }
      }
      return;
    }
  }
}

std::string type_name(const Type& t) {
  auto range = [&]() -> std::string {
    if (t.minimum && t.maximum) {
      return " (" + number_text(*t.minimum) + " to " + number_text(*t.maximum) + ")";
    }
    return {};
  };
  switch (t.kind) {
    case Kind::string:
      if (!t.choices.empty()) {
        return "enum";
      }
      return t.accepts_number ? "string or number" : "string";
    case Kind::integer:
      return t.choices.empty() ? "integer" + range() : "integer (enum)";
    case Kind::number:
      return (t.decimal ? "decimal" : "number") + range();
    case Kind::boolean:
      return "boolean";
    case Kind::scalar:
      return "string, number or boolean";
    case Kind::object:
      return t.title.empty() ? "mapping" : t.title;
    case Kind::any_object:
      return "mapping";
    case Kind::array:
      return "list of " + type_name(*t.element);
    case Kind::map:
      return "map of " + type_name(*t.element);
  }
  return "value";
}

json json_schema(const Type& t, bool patch) {
  json s = json::object();
  switch (t.kind) {
    case Kind::string:
      if (!t.choices.empty()) {
        s["enum"] = t.choices;
      } else {
        s["type"] = t.accepts_number ? json::array({"string", "number"}) : json("string");
        if (!t.pattern.empty()) {
          s["pattern"] = t.pattern;
        }
        if (t.min_length > 0) {
          s["minLength"] = t.min_length;
        }
        s["maxLength"] = t.max_length;
      }
      break;
    case Kind::integer:
      s["type"] = "integer";
      if (!t.choices.empty()) {
        json values = json::array();
        for (const auto& c : t.choices) {
          values.push_back(std::stoll(c));
        }
        s["enum"] = values;
      }
      break;
    case Kind::number:
      s["type"] = "number";
      break;
    case Kind::boolean:
      s["type"] = "boolean";
      break;
    case Kind::scalar:
      s["type"] = json::array({"string", "number", "boolean"});
      break;
    case Kind::any_object:
      s["type"] = "object";
      break;
    case Kind::array:
      s["type"] = "array";
      s["items"] = json_schema(*t.element, patch);
      s["maxItems"] = t.max_items;
      break;
    case Kind::map:
      s["type"] = "object";
      if (!t.key_pattern.empty()) {
        s["propertyNames"] = {{"pattern", t.key_pattern}, {"maxLength", t.key_max_length}};
      }
      s["additionalProperties"] = json_schema(*t.element, false);
      s["maxProperties"] = t.max_items;
      break;
    case Kind::object: {
      s["type"] = "object";
      s["additionalProperties"] = false;
      json properties = json::object();
      json required = json::array();
      for (const auto& f : t.fields) {
        json p = json_schema(f.type, patch && f.type.kind == Kind::object);
        if (!f.doc.empty()) {
          p["description"] = f.doc + (f.applies.empty() ? "" : " (" + f.applies.text() + ")");
        }
        if (!f.default_text.empty()) {
          json d = json::parse(f.default_text, nullptr, false);
          if (!d.is_discarded()) {
            p["default"] = d;
          }
        }
        if (patch || !f.required) {
          // Optional members may be left empty (`key:`), which YAML reads as null.
          json alternatives = json::array({p, {{"type", "null"}}});
          p = {{"anyOf", alternatives}};
          if (!f.doc.empty()) {
            p["description"] = alternatives[0]["description"];
          }
        }
        properties[f.name] = p;
        if (f.required && !patch) {
          required.push_back(f.name);
        }
      }
      s["properties"] = properties;
      if (!required.empty()) {
        s["required"] = required;
      }
      break;
    }
  }
  if ((t.kind == Kind::integer || t.kind == Kind::number) && t.choices.empty()) {
    if (t.minimum) {
      s["minimum"] = *t.minimum;
    }
    if (t.maximum) {
      s["maximum"] = *t.maximum;
    }
    if (t.multiple_of) {
      s["multipleOf"] = *t.multiple_of;
    }
  }
  return s;
}

}  // namespace stackplan::spec
