#include "lint/model.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "base/ascii.hpp"

namespace stackplan::lint {

const Value* Value::get(std::string_view key) const {
  if (kind != Kind::object) {
    return nullptr;
  }
  for (const auto& [k, v] : fields) {
    if (k == key) {
      return &v;
    }
  }
  return nullptr;
}

const Value* Value::at(std::initializer_list<std::string_view> path) const {
  const Value* v = this;
  for (auto key : path) {
    if (v == nullptr) {
      return nullptr;
    }
    // A Terraform block that may appear once is a list of one object.
    if (v->kind == Kind::list && v->items.size() == 1) {
      v = &v->items[0];
    }
    v = v->get(key);
  }
  if (v != nullptr && v->kind == Kind::list && v->items.size() == 1 && v->items[0].is_object()) {
    v = &v->items[0];
  }
  return v;
}

std::optional<bool> Value::as_bool() const {
  if (kind != Kind::boolean && kind != Kind::string) {
    return std::nullopt;
  }
  const std::string lower = ascii_lower(text);
  if (lower == "true") {
    return true;
  }
  if (lower == "false") {
    return false;
  }
  return std::nullopt;
}

std::optional<long long> Value::as_int() const {
  if (kind != Kind::number && kind != Kind::string) {
    return std::nullopt;
  }
  long long n = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(first, last, n);
  if (ec != std::errc() || ptr != last || text.empty()) {
    return std::nullopt;
  }
  return n;
}

std::vector<const Value*> Value::as_list() const {
  std::vector<const Value*> out;
  if (kind == Kind::list) {
    for (const auto& item : items) {
      out.push_back(&item);
    }
  } else if (kind != Kind::null) {
    out.push_back(this);
  }
  return out;
}

std::shared_ptr<const SourceFile> Module::shared(const SourceFile* file) const {
  for (const auto& f : files) {
    if (f.get() == file) {
      return f;
    }
  }
  return nullptr;
}

Diagnostic syntax_error(std::shared_ptr<const SourceFile> file, int line, int col,
                        std::string message) {
  Diagnostic d;
  d.loc = SourceLoc{std::move(file), line, col, 0};
  d.code = "syntax-error";
  d.message = std::move(message);
  return d;
}

std::vector<const Resource*> Module::of_type(std::string_view type) const {
  std::vector<const Resource*> out;
  for (const auto& r : resources) {
    if (r.type == type && !r.data_source) {
      out.push_back(&r);
    }
  }
  return out;
}

std::vector<const Resource*> Module::of_types(std::initializer_list<std::string_view> types) const {
  std::vector<const Resource*> out;
  for (auto type : types) {
    for (const Resource* r : of_type(type)) {
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace stackplan::lint
