// hcl_dump prints the structure of HCL files as stackplan's parser sees it, in the canonical form
// of tests/validators/hcldump (HashiCorp's parser), so the two can be compared file by file:
// HashiCorp's lowering of template directives (conditionals and joined for expressions),
// traversals as nested steps, adjacent template literals merged, numbers in shortest fixed
// notation. A file that does not parse prints "error".
// Usage: hcl_dump FILE...

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "base/file.hpp"
#include "text/hcl_ast.hpp"

using namespace stackplan::text::hcl;

namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string number(const std::string& text) {
  double v = std::strtod(text.c_str(), nullptr);
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

std::string expr(const Expr* e);

std::string opt(const Expr* e) {
  return e == nullptr ? "_" : expr(e);
}

std::string template_of(const Expr* t) {
  std::vector<std::string> out;
  std::string pending;
  bool all_literal = true;
  for (const ExprPtr& part : t->items) {
    if (part->kind == ExprKind::string) {
      pending += part->text;
      continue;
    }
    if (!pending.empty()) {
      out.push_back("(string " + quote(pending) + ")");
    }
    pending.clear();
    all_literal = false;
    out.push_back(expr(part.get()));
  }
  if (all_literal) {
    return "(string " + quote(pending) + ")";
  }
  if (!pending.empty()) {
    out.push_back("(string " + quote(pending) + ")");
  }
  std::string s = "(template";
  for (const auto& o : out) {
    s += " " + o;
  }
  return s + ")";
}

std::string name(const std::string& s) {
  return s.empty() ? "_" : s;
}

std::string expr(const Expr* e) {
  const auto item = [&](std::size_t i) { return e->items[i].get(); };
  switch (e->kind) {
    case ExprKind::number:
      return "(number " + number(e->text) + ")";
    case ExprKind::string:
      return "(string " + quote(e->text) + ")";
    case ExprKind::boolean:
      return e->bare_key ? "(key " + e->text + ")" : "(bool " + e->text + ")";
    case ExprKind::null:
      return e->bare_key ? "(key null)" : "(null)";
    case ExprKind::template_:
      return template_of(e);
    case ExprKind::template_if:
      return "(cond " + expr(item(0)) + " " + template_of(item(1)) + " " +
             (item(2) ? template_of(item(2)) : std::string("(string \"\")")) + ")";
    case ExprKind::template_for:
      return "(join (for[] " + name(e->text) + " " + e->name + " " + expr(item(0)) + " " +
             template_of(item(1)) + " _))";
    case ExprKind::variable:
      return (e->bare_key ? "(key " : "(var ") + e->text + ")";
    case ExprKind::get_attr:
      return "(attr " + e->text + " " + expr(item(0)) + ")";
    case ExprKind::index:
      return "(index " + expr(item(0)) + " " + expr(item(1)) + ")";
    case ExprKind::splat:
      return "(splat " + expr(item(0)) + " " + (item(1) ? expr(item(1)) : "(item)") + ")";
    case ExprKind::splat_item:
      return "(item)";
    case ExprKind::call: {
      std::string s = "(call " + e->text + (e->expand_final ? " ..." : "");
      for (const ExprPtr& a : e->items) {
        s += " " + expr(a.get());
      }
      return s + ")";
    }
    case ExprKind::tuple:
    case ExprKind::object: {
      std::string s = e->kind == ExprKind::tuple ? "(tuple" : "(object";
      for (const ExprPtr& a : e->items) {
        s += " " + expr(a.get());
      }
      return s + ")";
    }
    case ExprKind::unary:
      return "(unary " + e->text + " " + expr(item(0)) + ")";
    case ExprKind::binary:
      return "(binary " + e->text + " " + expr(item(0)) + " " + expr(item(1)) + ")";
    case ExprKind::conditional:
      return "(cond " + expr(item(0)) + " " + expr(item(1)) + " " + expr(item(2)) + ")";
    case ExprKind::paren:
      return "(paren " + expr(item(0)) + ")";
    case ExprKind::for_tuple:
      return "(for[] " + name(e->text) + " " + e->name + " " + expr(item(0)) + " " + expr(item(1)) +
             " " + opt(item(2)) + ")";
    case ExprKind::for_object:
      return "(for{} " + name(e->text) + " " + e->name + " " + (e->grouping ? "..." : "-") + " " +
             expr(item(0)) + " " + expr(item(1)) + " " + expr(item(2)) + " " + opt(item(3)) + ")";
  }
  return "(unknown)";
}

std::string body(const Body& b, const std::string& indent) {
  std::vector<std::pair<std::size_t, std::string>> items;
  for (const Attribute& a : b.attributes) {
    items.emplace_back(a.name_range.begin.byte, indent + "attr " + a.name + " " +
                                                    std::to_string(a.name_range.begin.line) + ":" +
                                                    std::to_string(a.name_range.begin.column) +
                                                    " " + expr(a.expr.get()) + "\n");
  }
  for (const Block& blk : b.blocks) {
    std::string s = indent + "block " + blk.type;
    for (const auto& l : blk.labels) {
      s += " " + quote(l);
    }
    s += " " + std::to_string(blk.type_range.begin.line) + ":" +
         std::to_string(blk.type_range.begin.column) + " {\n";
    s += body(blk.body, indent + "  ");
    s += indent + "}\n";
    items.emplace_back(blk.type_range.begin.byte, s);
  }
  std::sort(items.begin(), items.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string out;
  for (const auto& it : items) {
    out += it.second;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    auto text = stackplan::read_file_bytes(argv[i]);
    if (!text) {
      std::cerr << argv[i] << ": cannot read\n";
      status = 2;
      continue;
    }
    File f = parse(*text);
    std::cout << "== " << argv[i] << "\n";
    if (!f.errors.empty()) {
      std::cout << "error\n";
      continue;
    }
    std::cout << body(f.body, "");
  }
  return status;
}
