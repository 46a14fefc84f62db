#pragma once

// The syntax tree of an HCL2 native-syntax file (Terraform's .tf), with the position of every
// node, as `lint` rules read it.

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace stackplan::text::hcl {

/// A position in the source: 1-based line and column (in characters), 0-based byte offset.
struct Pos {
  int line = 1;
  int column = 1;
  std::size_t byte = 0;
};

struct Range {
  Pos begin;
  Pos end;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// Every kind of expression. Children are in `Expr::items` in the order given per kind.
enum class ExprKind {
  number,        ///< text: the literal as written
  string,        ///< text: the value (a template without interpolation folds to this)
  boolean,       ///< text: "true" or "false"
  null,          ///< -
  template_,     ///< items: parts (string literals, interpolated expressions, directives)
  template_if,   ///< items: condition, then (template), else (template or absent)
  template_for,  ///< text: key variable (may be empty), name: value variable; items: collection,
                 ///< body (template)
  variable,      ///< text: the root name (`var`, `aws_s3_bucket`, `count`, ...)
  get_attr,      ///< text: attribute name; items: object
  index,         ///< items: collection, key
  splat,         ///< text: "[*]" or ".*"; items: source, then the traversal applied to each
                 ///< element as an expression over `splat_item` (absent when there is none)
  splat_item,    ///< the element a splat's traversal starts from
  call,          ///< text: function name; items: arguments; expand_final: `f(x...)`
  tuple,         ///< items: elements
  object,        ///< items: key, value, key, value, ...; a bare identifier key is a `variable`
                 ///< with `bare_key` set
  unary,         ///< text: "-" or "!"; items: operand
  binary,        ///< text: the operator; items: left, right
  conditional,   ///< items: condition, true result, false result
  for_tuple,     ///< text: key variable (may be empty), name: value variable; items:
                 ///< collection, value, condition (absent when none)
  for_object,    ///< as for_tuple; items: collection, key, value, condition; grouping: `...`
  paren,         ///< items: the expression in parentheses
};

struct Expr {
  ExprKind kind = ExprKind::null;
  Range range;
  std::string text;
  std::string name;
  std::vector<ExprPtr> items;  ///< absent optional children are null
  bool expand_final = false;
  bool bare_key = false;
  bool grouping = false;
  bool heredoc = false;  ///< a template written as a heredoc
};

struct Block;

struct Attribute {
  std::string name;
  Range name_range;
  ExprPtr expr;
  Range range;
};

struct Body {
  std::vector<Attribute> attributes;  ///< in source order
  std::vector<Block> blocks;          ///< in source order
  Range range;
};

struct Block {
  std::string type;
  Range type_range;
  std::vector<std::string> labels;
  std::vector<Range> label_ranges;
  Body body;
  Range range;
};

/// A syntax error: a diagnostic (the message) with its range in the parsed text, in lines and
/// characters as HashiCorp's parser reports them; the caller that holds the file gives it a
/// place (`loc`) in it.
struct Error : Diagnostic {
  Range range;
};

struct File {
  Body body;
  std::vector<Error> errors;  ///< empty when the file is valid HCL
};

/// Parses `text` (the contents of a .tf file). Stops at the first syntax error.
File parse(const std::string& text);

/// An expression as an S-expression, `(binary + (number 1) (var a))`, for tests and messages.
std::string sexpr(const Expr* e);

}  // namespace stackplan::text::hcl
