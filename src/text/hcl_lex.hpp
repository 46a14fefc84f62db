#pragma once

// The tokens of HCL2's native syntax and the positions of a file's bytes, for the parser
// (hcl_parse.cpp). Templates are read by the parser itself, from the lexer's cursor: what a
// character means inside a template depends on where the parser is.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "text/hcl_ast.hpp"

namespace stackplan::text::hcl {

enum class Tok {
  eof,
  newline,
  ident,
  number,
  quote,    // opening " of a template
  heredoc,  // <<EOT or <<-EOT with its newline
  lbrace,
  rbrace,
  lbrack,
  rbrack,
  lparen,
  rparen,
  comma,
  dot,
  ellipsis,
  equal,
  colon,
  question,
  arrow,  // =>
  op,     // + - * / % == != < > <= >= && || !
  star,   // * : multiplication, or a splat after '[' or '.'
  tilde,
  invalid,
};

struct Token {
  Tok type = Tok::eof;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;    // identifier, number, operator; heredoc marker
  bool flush = false;  // <<- heredoc
};

struct ParseError {
  std::size_t begin;
  std::size_t end;
  std::string message;
};

/// Whether `c` may start / continue an identifier (letters, digits, '_', '-', any non-ASCII).
bool ident_start(unsigned char c);
bool ident_continue(unsigned char c);

/// One file's tokens, read on demand from a cursor (`at`) the parser may move itself, and the
/// line and column of every byte.
class Lexer {
 public:
  explicit Lexer(const std::string& text);

  /// Line and column (characters, not bytes) of a byte offset.
  Pos pos(std::size_t byte) const;
  Range range(std::size_t begin, std::size_t end) const { return {pos(begin), pos(end)}; }

  [[noreturn]] void fail(std::size_t begin, std::size_t end, std::string message) const;
  [[noreturn]] void fail(const Token& t, std::string message) const;

  /// Skips spaces, tabs, carriage returns before newlines, and comments; line comments stop
  /// before their newline so it still ends the line.
  void skip_space();
  char peek_char(std::size_t ahead) const {
    return at + ahead < src.size() ? src[at + ahead] : '\0';
  }
  /// Reads the next token. Newlines are returned only when `newlines` says they matter here.
  Token lex();
  /// The next token, without moving.
  Token peek();
  /// A token in words, for "expected X, found Y".
  std::string describe(const Token& t) const;

  const std::string& src;
  std::size_t at = 0;    ///< the cursor
  bool newlines = true;  ///< whether newlines are tokens here

 private:
  Token heredoc_start(Token& t);

  std::vector<std::size_t> line_starts_;
  std::vector<std::uint32_t> continuations_;  ///< UTF-8 continuation bytes before each offset
};

}  // namespace stackplan::text::hcl
