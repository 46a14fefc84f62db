#include "spec/reader.hpp"

#include <cmath>

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

void reject_if_present(const Reader& r, const std::string& pointer, const std::string& what,
                       const std::string& hint) {
  if (r.has(pointer)) {
    r.error(r.key_at(pointer), "spec.conflict",
            text::display_path(pointer) + " applies only to " + what, hint);
  }
}

void reject_unless_inherited(const Reader& r, const std::string& pointer,
                             const std::string& selector, const std::string& what,
                             const std::string& hint) {
  if (r.has(pointer) && !(r.from_scenario(selector) && !r.from_scenario(pointer))) {
    reject_if_present(r, pointer, what, hint);
  }
}

}  // namespace stackplan::spec
