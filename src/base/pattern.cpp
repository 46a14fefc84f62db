#include "base/pattern.hpp"

#include <regex.h>

#include <stdexcept>

namespace stackplan {

struct Pattern::Compiled {
  regex_t regex{};
  std::string forbidden_prefix;  ///< from a leading ^(?!literal)
};

namespace {

/// ECMAScript subset -> POSIX ERE: \s and \S become classes; \. \- \* etc. stay escapes
/// outside brackets and become plain characters inside them.
std::string to_posix(const std::string& in) {
  std::string out;
  bool in_bracket = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\\' && i + 1 < in.size()) {
      char n = in[++i];
      if (n == 's') {
        out += in_bracket ? "[:space:]" : "[[:space:]]";
      } else if (n == 'S') {
        out += "[^[:space:]]";
      } else if (n == 'd') {
        out += in_bracket ? "0-9" : "[0-9]";
      } else if (in_bracket) {
        out += n;
      } else {
        out += '\\';
        out += n;
      }
      continue;
    }
    if (c == '[' && !in_bracket) {
      in_bracket = true;
      out += c;
      if (i + 1 < in.size() && in[i + 1] == '^') {
        out += in[++i];
      }
      if (i + 1 < in.size() && in[i + 1] == ']') {
        out += in[++i];
      }
      continue;
    }
    if (c == ']' && in_bracket) {
      in_bracket = false;
    }
    out += c;
  }
  return out;
}

}  // namespace

Pattern::Pattern(std::string ecma) : m_text(std::move(ecma)) {}

Pattern::~Pattern() {
  if (m_compiled) {
    regfree(&m_compiled->regex);
  }
}

void Pattern::compile() const {
  auto compiled = std::make_unique<Compiled>();
  std::string body = m_text;
  if (body.rfind("^(?!", 0) == 0) {
    std::size_t close = body.find(')');
    compiled->forbidden_prefix = body.substr(4, close - 4);
    body = "^" + body.substr(close + 1);
  }
  std::string posix = to_posix(body);
  if (regcomp(&compiled->regex, posix.c_str(), REG_EXTENDED | REG_NOSUB) != 0) {
    throw std::logic_error("bad pattern " + m_text);
  }
  m_compiled = std::move(compiled);
}

bool Pattern::search(const std::string& text) const {
  std::call_once(m_once, [this] { compile(); });  // patterns are shared between threads
  if (!m_compiled->forbidden_prefix.empty() && text.rfind(m_compiled->forbidden_prefix, 0) == 0) {
    return false;
  }
  if (text.find('\0') != std::string::npos) {
    return false;
  }
  return regexec(&m_compiled->regex, text.c_str(), 0, nullptr, 0) == 0;
}

}  // namespace stackplan
