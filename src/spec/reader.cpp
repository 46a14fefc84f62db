#include "spec/reader.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>

#include "spec/schema.hpp"

namespace stackplan::spec {

using nlohmann::json;

bool Reader::present(const std::string& pointer) const {
  return lookup(pointer) != nullptr || m_bad.count(pointer) != 0;
}

const json* Reader::get(const std::string& pointer) const {
  for (std::string p = pointer;; p.erase(p.rfind('/'))) {
    if (m_bad.count(p) != 0) {
      return nullptr;
    }
    if (p.empty()) {
      break;
    }
  }
  return lookup(pointer);
}

const json* Reader::lookup(const std::string& pointer) const {
  const json* node = &m_root;
  for (const auto& key : text::pointer_tokens(pointer)) {
    if (node->is_object()) {
      auto it = node->find(key);
      if (it == node->end()) {
        return nullptr;
      }
      node = &*it;
    } else if (node->is_array()) {
      if (key.empty() || key.size() > 9 ||
          key.find_first_not_of("0123456789") != std::string::npos) {
        return nullptr;
      }
      std::size_t index = std::stoul(key);
      if (index >= node->size()) {
        return nullptr;
      }
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node->is_null() ? nullptr : node;
}

std::optional<std::string> Reader::str(const std::string& pointer) const {
  const json* v = get(pointer);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (v->is_string()) {
    return v->get<std::string>();
  }
  if (v->is_number() || v->is_boolean()) {
    // Scalars read as text keep the spelling of the source ("13.20", not 13.2).
    return m_origins.raw(pointer).value_or(v->dump());
  }
  return std::nullopt;
}

std::optional<std::int64_t> Reader::integer(const std::string& pointer) const {
  const json* v = get(pointer);
  if (v == nullptr || !v->is_number()) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::llround(v->get<double>()));
}

std::optional<double> Reader::num(const std::string& pointer) const {
  const json* v = get(pointer);
  if (v == nullptr || !v->is_number()) {
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> Reader::boolean(const std::string& pointer) const {
  const json* v = get(pointer);
  if (v == nullptr || !v->is_boolean()) {
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<Decimal> Reader::money(const std::string& pointer) const {
  const json* v = get(pointer);
  if (v == nullptr || !v->is_number()) {
    return std::nullopt;
  }
  return Decimal::parse(m_origins.raw(pointer).value_or(v->dump()));
}

void check_unique(const Reader& r, std::set<std::string>& seen, const std::string& name,
                  const std::string& pointer, const std::string& what) {
  if (!name.empty() && !seen.insert(name).second) {
    r.error(r.at(pointer), "spec.duplicate", what + " '" + name + "' is already defined",
            what + " names must be unique");
  }
}

namespace {

struct Level {
  const Type* type;
  std::string pointer;
};

bool matches_any(const std::vector<std::string>& patterns, const std::string& value) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
    return ::fnmatch(p.c_str(), value.c_str(), 0) == 0;
  });
}

/// The value a selector has, as text: the spec's, or its default. nullopt when the spec gives
/// an invalid one.
std::optional<std::string> selector_value(const Reader& r, const Level& level,
                                          const std::string& key, const std::string& pointer) {
  if (const json* v = r.get(pointer)) {
    return v->is_string() ? v->get<std::string>() : v->dump();
  }
  if (r.present(pointer)) {
    return std::nullopt;
  }
  for (const Field& f : level.type->fields) {
    if (f.name == key && !f.default_text.empty()) {
      json parsed = json::parse(f.default_text, nullptr, false);
      return parsed.is_string() ? parsed.get<std::string>() : f.default_text;
    }
  }
  return std::string();
}

void walk(const Reader& r, std::vector<Level>& levels, const Type& type,
          const std::string& pointer) {
  const json* value = r.get(pointer);
  if (value == nullptr) {
    return;
  }
  if (type.kind == Kind::array && type.element && value->is_array()) {
    for (std::size_t i = 0; i < value->size(); ++i) {
      walk(r, levels, *type.element, pointer + "/" + std::to_string(i));
    }
    return;
  }
  if (type.kind == Kind::map && type.element && value->is_object()) {
    for (const auto& [key, item] : value->items()) {
      walk(r, levels, *type.element, pointer + "/" + text::pointer_token(key));
    }
    return;
  }
  if (type.kind != Kind::object) {
    return;
  }
  levels.push_back({&type, pointer});
  for (const Field& f : type.fields) {
    const std::string field = pointer + "/" + text::pointer_token(f.name);
    if (!r.has(field)) {
      continue;
    }
    if (!f.applies.empty()) {
      std::string key = f.applies.selector;
      std::size_t up = 0;
      while (key.rfind("../", 0) == 0) {
        key.erase(0, 3);
        ++up;
      }
      const Level& holder = levels[levels.size() - 1 - std::min(up, levels.size() - 1)];
      const std::string selector = holder.pointer + "/" + key;
      auto has = selector_value(r, holder, key, selector);
      if (!has) {
        continue;
      }
      if (!matches_any(f.applies.values, *has)) {
        if (!(r.from_scenario(selector) && !r.from_scenario(field))) {
          const std::string where = text::display_path(selector);
          r.error(r.key_at(field), "spec.conflict",
                  text::display_path(field) + " applies only when " + where + " is " +
                      f.applies.values_text() + (has->empty() ? "" : " (it is " + *has + ")"),
                  f.applies.hint.empty() ? "remove it, or change " + where : f.applies.hint);
        }
        continue;
      }
    }
    walk(r, levels, f.type, field);
  }
  levels.pop_back();
}

}  // namespace

void check_applies(const Reader& r, const Type& type, const std::string& pointer) {
  std::vector<Level> levels;
  walk(r, levels, type, pointer);
}

}  // namespace stackplan::spec
