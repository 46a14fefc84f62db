#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stackplan {

/// A loaded text file: the path as the user gave it, its bytes and a line index.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  /// The 1-based line `line` without its line break; empty past the end.
  std::string_view line(int line) const;
  int line_count() const { return static_cast<int>(m_line_starts.size()); }

  /// 1-based line and column (in bytes) of a byte offset.
  std::pair<int, int> position(std::size_t offset) const;

 private:
  std::string m_path;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;
};

/// A place in a source file. Line and column are 1-based; 0 means unknown.
struct SourceLoc {
  std::shared_ptr<const SourceFile> file;
  int line = 0;
  int col = 0;
  /// Width of the offending text in bytes; 0 lets the printer measure the token.
  int length = 0;
  /// A place in input that is not held as a SourceFile (a price file read in chunks, a
  /// template compiled into the program): how to name it, "prices.json: byte 1042". Printed
  /// where a file and line would be.
  std::string where = {};

  bool known() const { return file != nullptr && line > 0; }
};

}  // namespace stackplan
