// Fuzzes the HCL native-syntax parser `lint` reads Terraform files with.

#include <cstddef>
#include <cstdint>
#include <string>

#include "text/hcl_ast.hpp"

namespace {

using namespace stackplan::text::hcl;

bool in_bounds(const Range& r, std::size_t size) {
  return r.begin.byte <= r.end.byte && r.end.byte <= size && r.begin.line >= 1 &&
         r.begin.column >= 1;
}

bool check(const Expr* e, std::size_t size) {
  if (e == nullptr) {
    return true;
  }
  if (!in_bounds(e->range, size)) {
    return false;
  }
  for (const ExprPtr& item : e->items) {
    if (!check(item.get(), size)) {
      return false;
    }
  }
  return true;
}

bool check(const Body& b, std::size_t size) {
  for (const Attribute& a : b.attributes) {
    if (a.name.empty() || !in_bounds(a.name_range, size) || !check(a.expr.get(), size)) {
      return false;
    }
  }
  for (const Block& blk : b.blocks) {
    if (blk.type.empty() || blk.labels.size() != blk.label_ranges.size() ||
        !in_bounds(blk.type_range, size) || !check(blk.body, size)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  File f = parse(text);
  // An error says what and where; a parsed file's every node lies inside the input.
  if (!f.errors.empty()) {
    if (f.errors[0].message.empty() || f.errors[0].range.begin.byte > size) {
      __builtin_trap();
    }
  } else if (!check(f.body, size)) {
    __builtin_trap();
  }
  return 0;
}
