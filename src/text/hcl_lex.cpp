// The tokens of HCL2's native syntax (HashiCorp's hclsyntax/spec.md): identifiers, numbers,
// punctuation and operators, heredoc markers, comments skipped; and byte positions as lines and
// character columns.

#include "text/hcl_lex.hpp"

#include <algorithm>
#include <cctype>

namespace stackplan::text::hcl {

bool ident_start(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool ident_continue(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c >= 0x80;
}

Lexer::Lexer(const std::string& text) : src(text) {
  line_starts_.push_back(0);
  continuations_.reserve(src.size() + 1);
  std::uint32_t continuations = 0;
  for (std::size_t i = 0; i < src.size(); ++i) {
    continuations_.push_back(continuations);
    // Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
    continuations += (static_cast<unsigned char>(src[i]) & 0xC0) == 0x80;
    if (src[i] == '\n') {
      line_starts_.push_back(i + 1);
    }
  }
  continuations_.push_back(continuations);
}

Pos Lexer::pos(std::size_t byte) const {
  byte = std::min(byte, src.size());
  std::size_t line = static_cast<std::size_t>(
      std::upper_bound(line_starts_.begin(), line_starts_.end(), byte) - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  const std::size_t chars = byte - start - (continuations_[byte] - continuations_[start]);
  return {static_cast<int>(line), static_cast<int>(chars) + 1, byte};
}

void Lexer::fail(std::size_t begin, std::size_t end, std::string message) const {
  throw ParseError{begin, end, std::move(message)};
}
void Lexer::fail(const Token& t, std::string message) const {
  fail(t.begin, t.end, std::move(message));
}

void Lexer::skip_space() {
  while (at < src.size()) {
    char c = src[at];
    if (c == ' ' || c == '\t' || (c == '\r' && peek_char(1) == '\n')) {
      ++at;
    } else if (c == '#' || (c == '/' && peek_char(1) == '/')) {
      while (at < src.size() && src[at] != '\n') {
        ++at;
      }
    } else if (c == '/' && peek_char(1) == '*') {
      std::size_t close = src.find("*/", at + 2);
      if (close == std::string::npos) {
        fail(at, src.size(), "unterminated comment");
      }
      at = close + 2;
    } else {
      break;
    }
  }
}

Token Lexer::lex() {
  for (;;) {
    skip_space();
    if (at < src.size() && src[at] == '\n' && !newlines) {
      ++at;
      continue;
    }
    break;
  }
  Token t;
  t.begin = at;
  if (at >= src.size()) {
    t.type = Tok::eof;
    t.end = at;
    return t;
  }
  const unsigned char c = static_cast<unsigned char>(src[at]);
  auto one = [&](Tok type, std::size_t n = 1) {
    t.type = type;
    t.text = src.substr(at, n);
    at += n;
    t.end = at;
    return t;
  };
  if (c == '\n') {
    return one(Tok::newline);
  }
  if (ident_start(c)) {
    std::size_t e = at + 1;
    while (e < src.size() && ident_continue(static_cast<unsigned char>(src[e]))) {
      ++e;
    }
    return one(Tok::ident, e - at);
  }
  if (std::isdigit(c)) {
    std::size_t e = at;
    while (e < src.size() && std::isdigit(static_cast<unsigned char>(src[e]))) {
      ++e;
    }
    if (e + 1 < src.size() && src[e] == '.' &&
        std::isdigit(static_cast<unsigned char>(src[e + 1]))) {
      ++e;
      while (e < src.size() && std::isdigit(static_cast<unsigned char>(src[e]))) {
        ++e;
      }
    }
    if (e < src.size() && (src[e] == 'e' || src[e] == 'E')) {
      std::size_t x = e + 1;
      if (x < src.size() && (src[x] == '+' || src[x] == '-')) {
        ++x;
      }
      if (x < src.size() && std::isdigit(static_cast<unsigned char>(src[x]))) {
        while (x < src.size() && std::isdigit(static_cast<unsigned char>(src[x]))) {
          ++x;
        }
        e = x;
      }
    }
    return one(Tok::number, e - at);
  }
  switch (c) {
    case '"':
      return one(Tok::quote);
    case '{':
      return one(Tok::lbrace);
    case '}':
      return one(Tok::rbrace);
    case '[':
      return one(Tok::lbrack);
    case ']':
      return one(Tok::rbrack);
    case '(':
      return one(Tok::lparen);
    case ')':
      return one(Tok::rparen);
    case ',':
      return one(Tok::comma);
    case '?':
      return one(Tok::question);
    case ':':
      return one(Tok::colon);
    case '~':
      return one(Tok::tilde);
    case '.':
      return peek_char(1) == '.' && peek_char(2) == '.' ? one(Tok::ellipsis, 3) : one(Tok::dot);
    case '=':
      if (peek_char(1) == '=')
        return one(Tok::op, 2);
      if (peek_char(1) == '>')
        return one(Tok::arrow, 2);
      return one(Tok::equal);
    case '!':
      return peek_char(1) == '=' ? one(Tok::op, 2) : one(Tok::op);
    case '<':
      if (peek_char(1) == '<')
        return heredoc_start(t);
      return peek_char(1) == '=' ? one(Tok::op, 2) : one(Tok::op);
    case '>':
      return peek_char(1) == '=' ? one(Tok::op, 2) : one(Tok::op);
    case '&':
      if (peek_char(1) == '&')
        return one(Tok::op, 2);
      break;
    case '|':
      if (peek_char(1) == '|')
        return one(Tok::op, 2);
      break;
    case '*':
      return one(Tok::star);
    case '+':
    case '-':
    case '/':
    case '%':
      return one(Tok::op);
    default:
      break;
  }
  t.type = Tok::invalid;
  t.end = at + 1;
  return t;
}

Token Lexer::heredoc_start(Token& t) {
  std::size_t e = at + 2;
  bool flush = false;
  if (e < src.size() && src[e] == '-') {
    flush = true;
    ++e;
  }
  std::size_t name_begin = e;
  if (e >= src.size() || !ident_start(static_cast<unsigned char>(src[e]))) {
    fail(at, e, "invalid heredoc: a marker name must follow <<");
  }
  while (e < src.size() && ident_continue(static_cast<unsigned char>(src[e]))) {
    ++e;
  }
  t.text = src.substr(name_begin, e - name_begin);
  if (e < src.size() && src[e] == '\r') {
    ++e;
  }
  if (e >= src.size() || src[e] != '\n') {
    fail(at, e, "invalid heredoc: the marker must be followed by a newline");
  }
  t.type = Tok::heredoc;
  t.flush = flush;
  at = e + 1;
  t.end = at;
  return t;
}

Token Lexer::peek() {
  std::size_t saved = at;
  Token t = lex();
  at = saved;
  return t;
}
std::string Lexer::describe(const Token& t) const {
  switch (t.type) {
    case Tok::eof:
      return "the end of the file";
    case Tok::newline:
      return "a newline";
    case Tok::quote:
      return "a string";
    case Tok::heredoc:
      return "a heredoc";
    case Tok::invalid:
      return "an invalid character";
    default:
      return "'" + src.substr(t.begin, t.end - t.begin) + "'";
  }
}

}  // namespace stackplan::text::hcl
