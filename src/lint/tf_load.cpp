// Terraform modules (.tf files of one folder) into lint's model: blocks and attributes become
// values; literals, object and tuple constructors, jsonencode(), variable defaults, locals and
// aws_iam_policy_document data sources are evaluated; anything else stays unknown.

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "lint/model.hpp"
#include "text/hcl_ast.hpp"

namespace stackplan::lint {

namespace hcl = text::hcl;

namespace {

using hcl::Expr;
using hcl::ExprKind;

constexpr int k_max_resolve_depth = 16;
/// Elements `for` expressions may visit in one module (nested loops multiply).
constexpr std::size_t k_max_for_elements = 20000;

Value unknown_value() {
  Value v;
  v.kind = Value::Kind::unknown;
  return v;
}

/// Where a module's converter sits in the tree of module calls.
struct CallSite {
  std::string folder;                 ///< the module's folder, as displayed
  std::string prefix;                 ///< "module.db." for a called module; empty at the root
  std::map<std::string, Value> args;  ///< variable -> the value the call passes
  std::vector<std::string> chain;     ///< folders of the calls above, to stop a cycle
  std::shared_ptr<std::size_t> expanded = std::make_shared<std::size_t>(0);  ///< calls read
};

constexpr std::size_t k_max_module_depth = 8;
constexpr std::size_t k_max_module_calls = 500;  ///< per root module: bounded work on any tree

class Converter {
 public:
  Converter(Module& module, std::vector<std::pair<const SourceFile*, const hcl::File*>> files,
            CallSite site = {}, const ModuleFiles* read_module = nullptr,
            std::vector<Diagnostic>* errors = nullptr)
      : m_module(module),
        m_files(std::move(files)),
        m_site(std::move(site)),
        m_read_module(read_module),
        m_errors(errors) {
    for (const auto& [file, parsed] : m_files) {
      for (const auto& block : parsed->body.blocks) {
        if (block.type == "module" && block.labels.size() == 1) {
          m_calls.emplace_back(file, &block);
        } else if (block.type == "locals") {
          for (const auto& a : block.body.attributes) {
            m_locals[a.name] = {file, a.expr.get()};
          }
        } else if (block.type == "variable" && block.labels.size() == 1) {
          m_variables[block.labels[0]] = {file, &block};
        } else if (block.type == "data" && block.labels.size() == 2) {
          m_data["data." + block.labels[0] + "." + block.labels[1]] = {file, &block};
        }
      }
    }
  }

  void run() {
    // A called module's variables are bound by its call; the rules on inputs (defaults that
    // look like secrets) read the root module's own.
    for (const auto& [name, v] : m_site.prefix.empty() ? m_variables : decltype(m_variables){}) {
      Value& p = m_module.parameters[name] = body(v.first, v.second->body);
      p.key_line = v.second->range.begin.line;
      p.key_col = byte_col(v.first, v.second->range.begin);
    }
    for (const auto& [file, parsed] : m_files) {
      for (const auto& block : parsed->body.blocks) {
        const bool data = block.type == "data";
        if ((block.type != "resource" && !data) || block.labels.size() != 2) {
          continue;
        }
        Resource r;
        r.type = block.labels[0];
        r.name = block.labels[1];
        r.data_source = data;
        r.address = m_site.prefix + (data ? "data." : "") + r.type + "." + r.name;
        r.file = file;
        r.line = block.range.begin.line;
        r.col = byte_col(file, block.range.begin);
        r.end_line = block.range.end.line;
        // count = 0 or an empty for_each, known here: Terraform creates nothing.
        if (never_created(file, block.body)) {
          continue;
        }
        // for_each over a collection known here: one resource per element, with each.key and
        // each.value bound; otherwise one, with them unknown.
        const auto elements = for_each_elements(file, block.body);
        if (elements.empty()) {
          r.body = body(file, block.body);
          m_module.resources.push_back(std::move(r));
          continue;
        }
        for (const auto& [key, value] : elements) {
          Resource one = r;
          one.address += "[\"" + key + "\"]";
          m_each = {key, value};
          one.body = body(file, block.body);
          m_module.resources.push_back(std::move(one));
        }
        m_each.reset();
      }
    }
    for (const auto& [file, block] : m_calls) {
      expand(file, *block);
    }
    // A policy document nothing here uses (an output, or unused) is read as the identity
    // policy it is, unless it names principals (then it is a resource policy).
    for (Resource& r : m_module.resources) {
      const std::string key = "data." + r.type + "." + r.name;
      auto it = m_data.find(key);
      if (!r.data_source || r.type != "aws_iam_policy_document" || it == m_data.end() ||
          m_used_documents.count(key) != 0 || r.address != m_site.prefix + key) {
        continue;
      }
      Value doc = policy_document(it->second.first, it->second.second->body, 0);
      bool principals = false;
      for (const auto& s : doc.get("Statement")->items) {
        principals = principals || s.get("Principal") || s.get("NotPrincipal");
      }
      if (!principals) {
        r.body.fields.emplace_back("__identity_policy", std::move(doc));
      }
    }
  }

 private:
  /// Whether a block's count is known to be 0 or its for_each known to be empty (resources,
  /// data sources, module calls, dynamic blocks).
  bool never_created(const SourceFile* file, const hcl::Body& b) {
    for (const auto& a : b.attributes) {
      if (a.name != "count" && a.name != "for_each") {
        continue;
      }
      const Value v = expr(file, a.expr.get(), 0);
      if (a.name == "count"
              ? v.as_int() == 0
              : ((v.is_list() && v.items.empty()) || (v.is_object() && v.fields.empty()))) {
        return true;
      }
    }
    return false;
  }

  /// The elements of a resource's for_each when its collection is known: a map's keys and
  /// values, a set of strings as keys and values; empty otherwise (or past 100 elements).
  std::vector<std::pair<std::string, Value>> for_each_elements(const SourceFile* file,
                                                               const hcl::Body& b) {
    std::vector<std::pair<std::string, Value>> out;
    for (const auto& a : b.attributes) {
      if (a.name != "for_each") {
        continue;
      }
      Value v = expr(file, a.expr.get(), 0);
      if (v.is_object() && v.fields.size() <= 100) {
        for (const auto& [k, e] : v.fields) {
          out.emplace_back(k, e);
        }
      } else if (v.is_list() && v.items.size() <= 100) {
        for (const auto& e : v.items) {
          if (e.kind != Value::Kind::string) {
            return {};  // for_each takes a set of strings
          }
          out.emplace_back(e.text, e);
        }
      }
    }
    return out;
  }

  /// A module call: a local folder is read and converted in place, its resources prefixed
  /// with the call's address; anything else is listed as not checked.
  void expand(const SourceFile* file, const hcl::Block& call) {
    const std::string address = m_site.prefix + "module." + call.labels[0];
    // Where the call is written, first in what is listed as not checked.
    const std::string at =
        file->path() + ":" + std::to_string(call.range.begin.line) + ": " + address;
    if (never_created(file, call.body)) {
      return;
    }
    const hcl::Attribute* source = nullptr;
    std::map<std::string, Value> args;
    for (const auto& a : call.body.attributes) {
      if (a.name == "source") {
        source = &a;
        continue;
      }
      Value v = expr(file, a.expr.get(), 0);
      if (a.name == "version" || a.name == "count" || a.name == "for_each" ||
          a.name == "providers" || a.name == "depends_on") {
        continue;
      }
      v.from_call = true;
      args[a.name] = std::move(v);
    }
    const Value where = source ? expr(file, source->expr.get(), 0) : Value{};
    const std::string& text = where.text;
    const bool local = where.kind == Value::Kind::string &&
                       (text.rfind("./", 0) == 0 || text.rfind("../", 0) == 0);
    if (!local) {
      m_module.unchecked_modules.push_back(
          at + " (" + (where.kind == Value::Kind::string ? text : "a source not known here") +
          ": not a local folder)");
      return;
    }
    if (m_read_module == nullptr || !*m_read_module) {
      return;
    }
    auto normal = std::filesystem::path(m_site.folder).append(text).lexically_normal();
    if (!normal.has_filename()) {
      normal = normal.parent_path();  // "a/b/" of "./": the folder itself
    }
    const std::string folder = normal.generic_string();
    std::vector<std::string> chain = m_site.chain;
    chain.push_back(m_site.folder);
    if (std::find(chain.begin(), chain.end(), folder) != chain.end()) {
      m_module.unchecked_modules.push_back(at + " (" + text + ": calls itself)");
      return;
    }
    if (chain.size() > k_max_module_depth || ++*m_site.expanded > k_max_module_calls) {
      m_module.unchecked_modules.push_back(at + " (" + text + ": nested too deep)");
      return;
    }
    auto files = (*m_read_module)(folder);
    if (files.empty()) {
      m_module.unchecked_modules.push_back(at + " (" + text + ": no .tf files there)");
      return;
    }
    // The called module's syntax trees live until its resources are converted.
    std::vector<hcl::File> parsed;
    parsed.reserve(files.size());
    std::vector<std::pair<const SourceFile*, const hcl::File*>> good;
    for (auto f : files) {
      // A folder called twice is one set of files: the first reading is kept, and positions
      // point into it.
      auto kept = std::find_if(m_module.files.begin(), m_module.files.end(),
                               [&](const auto& k) { return k->path() == f->path(); });
      if (kept != m_module.files.end()) {
        f = *kept;
      } else {
        m_module.files.push_back(f);
      }
      parsed.push_back(hcl::parse(f->text()));
      const hcl::File& p = parsed.back();
      if (!p.errors.empty()) {
        if (m_errors != nullptr) {
          const auto& e = p.errors.front();
          m_errors->push_back(syntax_error(f, e.range.begin.line,
                                           f->position(e.range.begin.byte).second, e.message));
        }
        continue;
      }
      good.emplace_back(f.get(), &p);
    }
    CallSite site{folder, address + ".", std::move(args), std::move(chain), m_site.expanded};
    Converter(m_module, good, std::move(site), m_read_module, m_errors).run();
  }

  /// A resource address as this module's resources are named (with the call's prefix).
  std::string prefixed(const std::string& address) const {
    return address.empty() ? address : m_site.prefix + address;
  }

  static int byte_col(const SourceFile* file, const hcl::Pos& pos) {
    return file->position(pos.byte).second;
  }

  Value located(const SourceFile* file, const hcl::Range& range, Value::Kind kind,
                std::string text = {}) const {
    Value v;
    v.kind = kind;
    v.text = std::move(text);
    v.file = file;
    v.line = range.begin.line;
    v.col = byte_col(file, range.begin);
    return v;
  }

  Value body(const SourceFile* file, const hcl::Body& b) {
    Value v = located(file, b.range, Value::Kind::object);
    for (const auto& a : b.attributes) {
      Value value = expr(file, a.expr.get(), 0);
      v.fields.emplace_back(a.name, std::move(value));
    }
    for (const auto& block : b.blocks) {
      const hcl::Body* content = &block.body;
      std::string type = block.type;
      if (block.type == "dynamic" && block.labels.size() == 1) {
        type = block.labels[0];
        content = nullptr;
        for (const auto& inner : block.body.blocks) {
          if (inner.type == "content") {
            content = &inner.body;
          }
        }
        // A for_each known to be empty makes no block.
        if (content == nullptr || never_created(file, block.body)) {
          continue;
        }
      }
      Value child = body(file, *content);
      child.line = block.range.begin.line;
      child.col = byte_col(file, block.range.begin);
      if (!block.labels.empty() && block.type != "dynamic") {
        child.fields.insert(child.fields.begin(),
                            {"__label", located(file, block.label_ranges[0], Value::Kind::string,
                                                block.labels[0])});
      }
      Value* list = nullptr;
      for (auto& [k, existing] : v.fields) {
        if (k == type && existing.kind == Value::Kind::list) {
          list = &existing;
        }
      }
      if (list == nullptr) {
        v.fields.emplace_back(type, located(file, block.range, Value::Kind::list));
        list = &v.fields.back().second;
      }
      list->items.push_back(std::move(child));
    }
    return v;
  }

  std::string source(const SourceFile* file, const hcl::Range& r) const {
    const std::string& t = file->text();
    if (r.end.byte <= r.begin.byte || r.end.byte > t.size()) {
      return {};
    }
    return t.substr(r.begin.byte, r.end.byte - r.begin.byte);
  }

  /// "aws_s3_bucket.assets.id" for a traversal, empty for anything else.
  static std::string traversal(const Expr* e) {
    if (e == nullptr) {
      return {};
    }
    switch (e->kind) {
      case ExprKind::variable:
        return e->text;
      case ExprKind::get_attr: {
        std::string base = traversal(e->items[0].get());
        return base.empty() ? base : base + "." + e->text;
      }
      case ExprKind::index: {
        std::string base = traversal(e->items[0].get());
        return base.empty() ? base : base + "[]";
      }
      case ExprKind::splat:
        return traversal(e->items[0].get());
      default:
        return {};
    }
  }

  /// "a.b[].c" -> {"a", "b[]", "c"}.
  static std::vector<std::string> path_parts(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      auto dot = path.find('.', start);
      parts.push_back(path.substr(start, dot == std::string::npos ? dot : dot - start));
      if (dot == std::string::npos) {
        return parts;
      }
      start = dot + 1;
    }
  }

  /// The resource or data source a traversal starts from, indexes dropped.
  static std::string resource_ref(const std::string& path) {
    std::vector<std::string> parts = path_parts(path);
    for (auto& part : parts) {
      if (part.size() > 2 && part.compare(part.size() - 2, 2, "[]") == 0) {
        part.resize(part.size() - 2);
      }
    }
    if (parts.size() >= 3 && parts[0] == "data") {
      return parts[0] + "." + parts[1] + "." + parts[2];
    }
    if (parts.size() >= 2 && parts[0] != "var" && parts[0] != "local" && parts[0] != "each" &&
        parts[0] != "count" && parts[0] != "path" && parts[0] != "module" && parts[0] != "self") {
      return parts[0] + "." + parts[1];
    }
    return {};
  }

  Value expr(const SourceFile* file, const Expr* e, int depth) {
    if (e == nullptr) {
      return Value{};
    }
    switch (e->kind) {
      case ExprKind::number:
        return located(file, e->range, Value::Kind::number, e->text);
      case ExprKind::string:
        return located(file, e->range, Value::Kind::string, e->text);
      case ExprKind::boolean:
        return located(file, e->range, Value::Kind::boolean, e->text);
      case ExprKind::null:
        return located(file, e->range, Value::Kind::null);
      case ExprKind::paren:
        return expr(file, e->items[0].get(), depth);
      case ExprKind::template_: {
        // "${x}" alone is x.
        if (e->items.size() == 1 && e->items[0] && e->items[0]->kind != ExprKind::string &&
            e->items[0]->kind != ExprKind::template_if &&
            e->items[0]->kind != ExprKind::template_for && !e->heredoc) {
          Value inner = expr(file, e->items[0].get(), depth);
          inner.line = e->range.begin.line;
          inner.col = byte_col(file, e->range.begin);
          return inner;
        }
        bool literal = true;
        std::string text;
        for (const auto& part : e->items) {
          if (part && part->kind == ExprKind::string) {
            text += part->text;
          } else {
            literal = false;
          }
        }
        if (literal) {
          return located(file, e->range, Value::Kind::string, text);
        }
        Value v = located(file, e->range, Value::Kind::unknown, source(file, e->range));
        for (const auto& part : e->items) {
          if (!part) {
            continue;
          }
          if (part->kind == ExprKind::string) {
            v.template_text += part->text;
            continue;
          }
          Value inner = part->kind == ExprKind::template_if || part->kind == ExprKind::template_for
                            ? Value{}
                            : expr(file, part.get(), depth + 1);
          if (inner.is_scalar()) {
            v.template_text += inner.text;
          } else {
            v.template_text += std::string(k_unknown_mark) + "${" + source(file, part->range) +
                               "}" + std::string(k_unknown_mark);
          }
          if (v.ref.empty()) {
            v.ref = prefixed(resource_ref(traversal(part.get())));
          }
        }
        if (v.template_text.find(k_unknown_mark) == std::string::npos) {
          return located(file, e->range, Value::Kind::string, v.template_text);
        }
        return v;
      }
      case ExprKind::tuple: {
        Value v = located(file, e->range, Value::Kind::list);
        for (const auto& item : e->items) {
          v.items.push_back(expr(file, item.get(), depth));
        }
        return v;
      }
      case ExprKind::object: {
        Value v = located(file, e->range, Value::Kind::object);
        for (std::size_t i = 0; i + 1 < e->items.size(); i += 2) {
          const Expr* key = e->items[i].get();
          std::string name;
          if (key->kind == ExprKind::variable && key->bare_key) {
            name = key->text;
          } else {
            Value k = expr(file, key, depth);
            if (!k.is_scalar()) {
              continue;
            }
            name = k.text;
          }
          v.fields.emplace_back(name, expr(file, e->items[i + 1].get(), depth));
        }
        return v;
      }
      case ExprKind::call: {
        // compact([...]): the list without its empty strings and nulls.
        if (e->text == "compact" && e->items.size() == 1 && !e->expand_final) {
          Value list = expr(file, e->items[0].get(), depth);
          if (list.is_list()) {
            std::erase_if(list.items, [](const Value& item) {
              return item.is_null() || (item.kind == Value::Kind::string && item.text.empty());
            });
            return list;
          }
        }
        // Functions that hand their argument on as it is (for what rules read).
        if ((e->text == "jsonencode" || e->text == "base64encode" || e->text == "tostring" ||
             e->text == "nonsensitive" || e->text == "toset" || e->text == "tolist" ||
             e->text == "tomap") &&
            e->items.size() == 1 && !e->expand_final) {
          Value inner = expr(file, e->items[0].get(), depth);
          if (inner.is_known() || e->text != "jsonencode") {
            if (!inner.is_known()) {
              inner.text = source(file, e->range);
            }
            return inner;
          }
        }
        Value v = located(file, e->range, Value::Kind::unknown, source(file, e->range));
        return v;
      }
      case ExprKind::variable:
      case ExprKind::get_attr:
      case ExprKind::index:
      case ExprKind::splat: {
        std::string path = traversal(e);
        Value resolved = reference(path, depth);
        if (resolved.from_call) {
          return resolved;  // written in the call: found there
        }
        if (resolved.kind != Value::Kind::unknown || !resolved.via_default.empty()) {
          resolved.file = file;
          resolved.line = e->range.begin.line;
          resolved.col = byte_col(file, e->range.begin);
          return resolved;
        }
        Value v = located(file, e->range, Value::Kind::unknown, source(file, e->range));
        v.ref = prefixed(resource_ref(path));
        return v;
      }
      case ExprKind::for_tuple:
      case ExprKind::for_object:
        return for_expression(file, e, depth);
      case ExprKind::unary:
      case ExprKind::binary:
      case ExprKind::conditional:
        return operation(file, e, depth);
      default: {
        Value v = located(file, e->range, Value::Kind::unknown, source(file, e->range));
        return v;
      }
    }
  }

  /// `-x`, `!x`, comparisons, `&&`, `||` and `c ? a : b` on values known here; unknown
  /// otherwise (arithmetic is left unknown: no rule reads a computed number).
  Value operation(const SourceFile* file, const Expr* e, int depth) {
    Value unknown = located(file, e->range, Value::Kind::unknown, source(file, e->range));
    auto boolean = [&](bool b) {
      return located(file, e->range, Value::Kind::boolean, b ? "true" : "false");
    };
    if (depth > k_max_resolve_depth || e->items.empty() || !e->items[0]) {
      return unknown;
    }
    Value first = expr(file, e->items[0].get(), depth + 1);
    if (e->kind == ExprKind::unary) {
      if (e->text == "-" && first.kind == Value::Kind::number) {
        return located(file, e->range, Value::Kind::number,
                       first.text.rfind('-', 0) == 0 ? first.text.substr(1) : "-" + first.text);
      }
      if (e->text == "!" && first.as_bool()) {
        return boolean(!*first.as_bool());
      }
      return unknown;
    }
    if (e->kind == ExprKind::conditional) {
      const auto cond = first.as_bool();
      if (!cond || e->items.size() < 3) {
        return unknown;
      }
      return expr(file, e->items[*cond ? 1 : 2].get(), depth + 1);
    }
    if (e->items.size() < 2 || !e->items[1]) {
      return unknown;
    }
    Value second = expr(file, e->items[1].get(), depth + 1);
    const std::string& op = e->text;
    if (op == "&&" || op == "||") {
      const auto a = first.as_bool();
      const auto b = second.as_bool();
      if (op == "&&" && ((a && !*a) || (b && !*b))) {
        return boolean(false);
      }
      if (op == "||" && ((a && *a) || (b && *b))) {
        return boolean(true);
      }
      return a && b ? boolean(op == "&&" ? *a && *b : *a || *b) : unknown;
    }
    if ((op == "==" || op == "!=") && first.is_scalar() && second.is_scalar()) {
      bool same = first.text == second.text;
      if (first.kind == Value::Kind::number && second.kind == Value::Kind::number) {
        same = first.as_int() && second.as_int() ? *first.as_int() == *second.as_int() : same;
      } else if (first.kind != second.kind) {
        same = false;  // "1" == 1 is false in Terraform
      }
      return boolean(op == "==" ? same : !same);
    }
    if ((op == "<" || op == "<=" || op == ">" || op == ">=") && first.as_int() && second.as_int() &&
        first.kind == Value::Kind::number && second.kind == Value::Kind::number) {
      const long long a = *first.as_int();
      const long long b = *second.as_int();
      return boolean(op == "<" ? a < b : op == "<=" ? a <= b : op == ">" ? a > b : a >= b);
    }
    return unknown;
  }

  /// `[for k, v in c : x if cond]` and `{for k, v in c : key => x}` over a collection known
  /// here (at most 100 elements); unknown when the collection, a condition or a key is not.
  Value for_expression(const SourceFile* file, const Expr* e, int depth) {
    const bool object = e->kind == ExprKind::for_object;
    Value unknown = located(file, e->range, Value::Kind::unknown, source(file, e->range));
    if (depth > k_max_resolve_depth || e->items.empty() || !e->items[0]) {
      return unknown;
    }
    Value collection = expr(file, e->items[0].get(), depth + 1);
    std::vector<std::pair<Value, Value>> elements;  // key, value
    if (collection.is_list() && collection.items.size() <= 100) {
      for (std::size_t i = 0; i < collection.items.size(); ++i) {
        elements.emplace_back(located(file, e->range, Value::Kind::number, std::to_string(i)),
                              collection.items[i]);
      }
    } else if (collection.is_object() && collection.fields.size() <= 100) {
      for (const auto& [k, v] : collection.fields) {
        elements.emplace_back(located(file, e->range, Value::Kind::string, k), v);
      }
    } else {
      return unknown;
    }
    const Expr* key_expr = object && e->items.size() > 1 ? e->items[1].get() : nullptr;
    const Expr* value_expr =
        e->items.size() > (object ? 2U : 1U) ? e->items[object ? 2 : 1].get() : nullptr;
    const Expr* condition =
        e->items.size() > (object ? 3U : 2U) ? e->items[object ? 3 : 2].get() : nullptr;
    Value out = located(file, e->range, object ? Value::Kind::object : Value::Kind::list);
    // Nested for expressions multiply: past a budget per module they are left unknown.
    if (m_for_elements + elements.size() > k_max_for_elements) {
      return unknown;
    }
    m_for_elements += elements.size();
    for (auto& [key, value] : elements) {
      std::map<std::string, Value> scope;
      if (!e->text.empty()) {
        scope[e->text] = key;
      }
      scope[e->name] = value;
      m_scopes.push_back(std::move(scope));
      std::optional<bool> keep = true;
      if (condition != nullptr) {
        keep = expr(file, condition, depth + 1).as_bool();
      }
      Value k = key_expr ? expr(file, key_expr, depth + 1) : Value{};
      Value v = expr(file, value_expr, depth + 1);
      m_scopes.pop_back();
      if (!keep) {
        return unknown;
      }
      if (!*keep) {
        continue;
      }
      if (!object) {
        out.items.push_back(std::move(v));
      } else if (k.is_scalar()) {
        out.fields.emplace_back(k.text, std::move(v));
      } else {
        return unknown;
      }
    }
    return out;
  }

  Value reference(const std::string& path, int depth) {
    if (depth > k_max_resolve_depth || path.empty()) {
      return unknown_value();
    }
    auto parts = path_parts(path);
    for (auto scope = m_scopes.rbegin(); scope != m_scopes.rend(); ++scope) {
      if (auto it = scope->find(parts[0]); it != scope->end()) {
        const Value* v = &it->second;
        for (std::size_t i = 1; i < parts.size() && v != nullptr; ++i) {
          v = v->get(parts[i]);
        }
        return v != nullptr ? *v : unknown_value();
      }
    }
    if (parts.size() == 2 && parts[0] == "var") {
      if (auto arg = m_site.args.find(parts[1]); arg != m_site.args.end()) {
        return arg->second;
      }
      auto it = m_variables.find(parts[1]);
      if (it != m_variables.end()) {
        for (const auto& a : it->second.second->body.attributes) {
          if (a.name == "default") {
            Value v = expr(it->second.first, a.expr.get(), depth + 1);
            v.via_default = "var." + parts[1];
            return v;
          }
        }
      }
      return unknown_value();
    }
    if (!parts.empty() && parts[0] == "each" && m_each && parts.size() >= 2) {
      if (parts[1] == "key" && parts.size() == 2) {
        Value key;
        key.kind = Value::Kind::string;
        key.text = m_each->first;
        return key;
      }
      if (parts[1] == "value") {
        const Value* v = &m_each->second;
        for (std::size_t i = 2; i < parts.size() && v != nullptr; ++i) {
          v = v->get(parts[i]);
        }
        return v != nullptr ? *v : unknown_value();
      }
      return unknown_value();
    }
    if (parts.size() == 2 && parts[0] == "local") {
      auto it = m_locals.find(parts[1]);
      if (it != m_locals.end() && m_resolving.insert(path).second) {
        Value v = expr(it->second.first, it->second.second, depth + 1);
        m_resolving.erase(path);
        return v;
      }
      return unknown_value();
    }
    if (parts.size() == 4 && parts[0] == "data" && parts[1] == "aws_iam_policy_document" &&
        (parts[3] == "json" || parts[3] == "minified_json")) {
      // data.aws_iam_policy_document.x[0].json: a counted document reads as its one body.
      std::string name = parts[2];
      if (name.size() > 2 && name.compare(name.size() - 2, 2, "[]") == 0) {
        name.resize(name.size() - 2);
      }
      auto it = m_data.find("data." + parts[1] + "." + name);
      if (it != m_data.end()) {
        m_used_documents.insert(it->first);
        return policy_document(it->second.first, it->second.second->body, depth);
      }
    }
    return unknown_value();
  }

  /// The JSON policy an aws_iam_policy_document data source produces, as far as it is known.
  Value policy_document(const SourceFile* file, const hcl::Body& b, int depth) {
    Value doc = located(file, b.range, Value::Kind::object);
    Value statements = located(file, b.range, Value::Kind::list);
    // source_policy_documents and override_policy_documents: the statements of the documents
    // they name (known ones) join this document's.
    for (const auto& a : b.attributes) {
      if (a.name != "source_policy_documents" && a.name != "override_policy_documents") {
        continue;
      }
      Value sources = expr(file, a.expr.get(), depth + 1);
      for (const Value* source :
           sources.is_list() ? sources.as_list() : std::vector<const Value*>{}) {
        const Value* included = source->is_object() ? source->get("Statement") : nullptr;
        for (const Value* s : included ? included->as_list() : std::vector<const Value*>{}) {
          statements.items.push_back(*s);
        }
      }
    }
    for (const auto& block : b.blocks) {
      if (block.type != "statement") {
        continue;
      }
      Value s = located(file, block.range, Value::Kind::object);
      std::string effect = "Allow";
      for (const auto& a : block.body.attributes) {
        Value v = expr(file, a.expr.get(), depth + 1);
        static const std::pair<const char*, const char*> k_names[] = {
            {"effect", "Effect"},
            {"actions", "Action"},
            {"not_actions", "NotAction"},
            {"resources", "Resource"},
            {"not_resources", "NotResource"},
            {"sid", "Sid"}};
        for (const auto& [tf, json] : k_names) {
          if (a.name == tf) {
            s.fields.emplace_back(json, std::move(v));
            break;
          }
        }
      }
      if (s.get("Effect") == nullptr) {
        s.fields.emplace_back("Effect", located(file, block.range, Value::Kind::string, effect));
      }
      for (const auto& inner : block.body.blocks) {
        if (inner.type == "principals" || inner.type == "not_principals") {
          const char* key = inner.type == "principals" ? "Principal" : "NotPrincipal";
          Value type;
          Value ids;
          for (const auto& a : inner.body.attributes) {
            if (a.name == "type") {
              type = expr(file, a.expr.get(), depth + 1);
            } else if (a.name == "identifiers") {
              ids = expr(file, a.expr.get(), depth + 1);
            }
          }
          Value* principal = nullptr;
          for (auto& [k, v] : s.fields) {
            if (k == key) {
              principal = &v;
            }
          }
          if (principal == nullptr) {
            s.fields.emplace_back(key, located(file, inner.range, Value::Kind::object));
            principal = &s.fields.back().second;
          }
          principal->fields.emplace_back(type.is_scalar() ? type.text : "?", std::move(ids));
        } else if (inner.type == "condition") {
          Value c = located(file, inner.range, Value::Kind::object);
          for (const auto& a : inner.body.attributes) {
            c.fields.emplace_back(a.name, expr(file, a.expr.get(), depth + 1));
          }
          Value* cond = nullptr;
          for (auto& [k, v] : s.fields) {
            if (k == "Condition") {
              cond = &v;
            }
          }
          if (cond == nullptr) {
            s.fields.emplace_back("Condition", located(file, inner.range, Value::Kind::list));
            cond = &s.fields.back().second;
          }
          cond->items.push_back(std::move(c));
        }
      }
      statements.items.push_back(std::move(s));
    }
    doc.fields.emplace_back("Statement", std::move(statements));
    return doc;
  }

  Module& m_module;
  std::vector<std::pair<const SourceFile*, const hcl::File*>> m_files;
  CallSite m_site;
  const ModuleFiles* m_read_module;
  std::vector<Diagnostic>* m_errors;
  std::vector<std::pair<const SourceFile*, const hcl::Block*>> m_calls;
  std::optional<std::pair<std::string, Value>> m_each;  ///< each.key, each.value
  std::set<std::string> m_used_documents;  ///< policy documents a resource or call reads
  std::vector<std::map<std::string, Value>> m_scopes;  ///< the variables of `for` expressions
  std::size_t m_for_elements = 0;                      ///< elements `for` expressions have visited
  std::map<std::string, std::pair<const SourceFile*, const Expr*>> m_locals;
  std::map<std::string, std::pair<const SourceFile*, const hcl::Block*>> m_variables;
  std::map<std::string, std::pair<const SourceFile*, const hcl::Block*>> m_data;
  std::set<std::string> m_resolving;
};

/// `# stackplan:ignore rule[,rule] reason` (or `//`) comments, and the resource each one
/// covers: the block it is written in, or the block whose header follows its comment lines.
void attach_suppressions(Module& m, const SourceFile* file) {
  static const std::string k_marker = "stackplan:ignore";
  for (int line = 1; line <= file->line_count(); ++line) {
    std::string_view text = file->line(line);
    auto at = text.find(k_marker);
    if (at == std::string_view::npos) {
      continue;
    }
    auto hash = text.find('#');
    auto slashes = text.find("//");
    auto comment = std::min(hash, slashes);
    if (comment == std::string_view::npos || comment > at) {
      continue;
    }
    Suppression s;
    s.file = file;
    s.line = line;
    s.col = static_cast<int>(at) + 1;
    std::string_view rest = text.substr(at + k_marker.size());
    if (!rest.empty() && (rest[0] == ' ' || rest[0] == '=' || rest[0] == ':')) {
      rest.remove_prefix(1);
    }
    while (!rest.empty() && rest[0] == ' ') {
      rest.remove_prefix(1);
    }
    auto space = rest.find(' ');
    std::string_view list = rest.substr(0, space);
    std::size_t start = 0;
    while (start < list.size()) {
      auto comma = list.find(',', start);
      auto one = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
      if (!one.empty()) {
        s.rules.emplace_back(one);
      }
      if (comma == std::string_view::npos) {
        break;
      }
      start = comma + 1;
    }
    if (space != std::string_view::npos) {
      std::string_view reason = rest.substr(space + 1);
      while (!reason.empty() && (reason.front() == ' ' || reason.front() == '-')) {
        reason.remove_prefix(1);
      }
      while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\r')) {
        reason.remove_suffix(1);
      }
      s.reason = reason;
    }
    // The covered resource: the one containing the line, else the next header after a run
    // of comment lines.
    Resource* target = nullptr;
    for (auto& r : m.resources) {
      if (r.file == file && r.line <= line && line <= r.end_line) {
        target = &r;
      }
    }
    if (target == nullptr) {
      int next = line + 1;
      while (next <= file->line_count()) {
        std::string_view t = file->line(next);
        auto first = t.find_first_not_of(" \t");
        if (first != std::string_view::npos && (t[first] == '#' || t.substr(first, 2) == "//")) {
          ++next;
          continue;
        }
        break;
      }
      for (auto& r : m.resources) {
        if (r.file == file && r.line == next) {
          target = &r;
        }
      }
    }
    if (target != nullptr) {
      target->suppressions.push_back(std::move(s));
    } else {
      m.unattached.push_back(std::move(s));
    }
  }
}

}  // namespace

Module load_terraform(const std::string& folder,
                      const std::vector<std::shared_ptr<const SourceFile>>& files,
                      std::vector<Diagnostic>& errors, const ModuleFiles& read_module) {
  Module m;
  m.format = Format::terraform;
  m.name = folder;
  std::vector<hcl::File> parsed;
  parsed.reserve(files.size());
  std::vector<std::pair<const SourceFile*, const hcl::File*>> good;
  for (const auto& f : files) {
    parsed.push_back(hcl::parse(f->text()));
    const hcl::File& p = parsed.back();
    if (!p.errors.empty()) {
      const auto& e = p.errors.front();
      errors.push_back(
          syntax_error(f, e.range.begin.line, f->position(e.range.begin.byte).second, e.message));
      continue;
    }
    m.files.push_back(f);
    good.emplace_back(f.get(), &p);
  }
  CallSite root;
  root.folder = folder;
  Converter(m, good, std::move(root), &read_module, &errors).run();
  for (const auto& f : m.files) {
    attach_suppressions(m, f.get());
  }
  return m;
}

}  // namespace stackplan::lint
