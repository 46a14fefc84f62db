#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace stackplan {

/// A regular expression compiled on first use with the C library's POSIX extended regex
/// (regcomp), whose compilation is far cheaper than std::regex's: the spec schema's patterns
/// are compiled on every run. Accepted syntax: POSIX ERE, plus `\s`/`\S` (also inside
/// brackets) and one leading negative lookahead of literal text, `^(?!aws:)...`, so the same
/// text serves as an ECMAScript pattern in the JSON Schema.
class Pattern {
 public:
  explicit Pattern(std::string ecma);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  /// Whether the pattern matches anywhere in `text` (anchors make it a whole match). Safe to
  /// call from several threads at once.
  bool search(const std::string& text) const;
  const std::string& text() const { return m_text; }

 private:
  struct Compiled;
  void compile() const;

  std::string m_text;
  mutable std::once_flag m_once;
  mutable std::unique_ptr<Compiled> m_compiled;
};

}  // namespace stackplan
