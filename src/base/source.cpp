#include "base/source.hpp"

#include <algorithm>

namespace stackplan {

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') {
      m_line_starts.push_back(i + 1);
    }
  }
}

std::string_view SourceFile::line(int line) const {
  if (line < 1 || line > line_count()) {
    return {};
  }
  std::size_t begin = m_line_starts[static_cast<std::size_t>(line - 1)];
  std::size_t end = m_text.find('\n', begin);
  if (end == std::string::npos) {
    end = m_text.size();
  }
  if (end > begin && m_text[end - 1] == '\r') {
    --end;
  }
  return std::string_view(m_text).substr(begin, end - begin);
}

std::pair<int, int> SourceFile::position(std::size_t offset) const {
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  std::size_t index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
  return {static_cast<int>(index) + 1, static_cast<int>(offset - m_line_starts[index]) + 1};
}

}  // namespace stackplan
