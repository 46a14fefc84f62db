#include "base/diagnostics.hpp"

#include "base/terminal.hpp"

#include <algorithm>
#include <string_view>

namespace stackplan {

namespace {

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.loc.file == b.loc.file && a.loc.line == b.loc.line &&
         a.loc.col == b.loc.col && a.code == b.code && a.message == b.message;
}

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Width in bytes of the token starting at byte `start` of `line`: a quoted string, a flow
/// collection opener, or a plain scalar up to the next separator.
std::size_t token_width(std::string_view line, std::size_t start) {
  if (start >= line.size()) {
    return 1;
  }
  char first = line[start];
  if (first == '"' || first == '\'') {
    for (std::size_t i = start + 1; i < line.size(); ++i) {
      if (first == '"' && line[i] == '\\') {
        ++i;
        continue;
      }
      if (line[i] == first) {
        return i - start + 1;
      }
    }
    return line.size() - start;
  }
  if (first == '{' || first == '[' || first == '-' || first == '&' || first == '*' ||
      first == '|' || first == '>') {
    return 1;
  }
  std::size_t end = start;
  while (end < line.size()) {
    char c = line[end];
    if (c == ',' || c == ']' || c == '}' || c == '\t') {
      break;
    }
    if ((c == ':' || c == '#') && (end + 1 == line.size() || line[end + 1] == ' ')) {
      if (c == ':' || (end > start && line[end - 1] == ' ')) {
        break;
      }
    }
    ++end;
  }
  while (end > start && line[end - 1] == ' ') {
    --end;
  }
  return std::max<std::size_t>(1, end - start);
}

/// Makes a source line safe and aligned for a terminal: tabs, control bytes and bytes that
/// are not valid UTF-8 become one column each, so the caret lines up.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    auto u = static_cast<unsigned char>(line[i]);
    if (u < 0x80) {
      out += (u < 0x20 || u == 0x7F) ? (u == '\t' ? ' ' : '?') : line[i];
      ++i;
      continue;
    }
    std::size_t length = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC2 ? 2 : 0;
    bool valid = length != 0 && u <= 0xF4 && i + length <= line.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = is_utf8_continuation(line[i + k]);
    }
    if (valid) {
      out.append(line.substr(i, length));
      i += length;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

/// Columns a terminal shows for `text`, counting an invalid byte as one column like printable().
std::size_t display_columns(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto u = static_cast<unsigned char>(text[i]);
    std::size_t length = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC2 ? 2 : 1;
    bool valid = i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = is_utf8_continuation(text[i + k]);
    }
    i += valid ? length : 1;
    ++n;
  }
  return n;
}

}  // namespace

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

void Diagnostics::add(Diagnostic diagnostic) {
  for (const auto& existing : m_items) {
    if (same(existing, diagnostic)) {
      return;
    }
  }
  if (diagnostic.severity == Severity::error) {
    ++m_errors;
  } else if (diagnostic.severity == Severity::warning) {
    ++m_warnings;
  }
  m_items.push_back(std::move(diagnostic));
}

void Diagnostics::error(SourceLoc loc, std::string code, std::string message, std::string hint) {
  add({Severity::error, std::move(loc), std::move(code), std::move(message), std::move(hint), {}});
}

void Diagnostics::warning(SourceLoc loc, std::string code, std::string message, std::string hint) {
  add({Severity::warning,
       std::move(loc),
       std::move(code),
       std::move(message),
       std::move(hint),
       {}});
}

bool Diagnostics::has_environment_failure() const {
  for (const auto& d : m_items) {
    if (d.severity == Severity::error && d.code == k_unavailable_input) {
      return true;
    }
  }
  return false;
}

void Diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    std::string_view pa = a.loc.file ? std::string_view(a.loc.file->path()) : std::string_view();
    std::string_view pb = b.loc.file ? std::string_view(b.loc.file->path()) : std::string_view();
    if (pa != pb) {
      return pa < pb;
    }
    if (a.loc.line != b.loc.line) {
      return a.loc.line < b.loc.line;
    }
    return a.loc.col < b.loc.col;
  });
}

void Diagnostics::append(Diagnostics&& other) {
  for (auto& d : other.m_items) {
    add(std::move(d));
  }
  other.m_items.clear();
  other.m_errors = 0;
  other.m_warnings = 0;
}

std::string format_diagnostic(const Diagnostic& d, bool color, std::size_t columns) {
  std::string out;
  if (d.loc.file) {
    out += d.loc.file->path();
    if (d.loc.line > 0) {
      out += ':' + std::to_string(d.loc.line) + ':' + std::to_string(std::max(d.loc.col, 1));
    }
    out += ": ";
  } else if (!d.loc.where.empty()) {
    out += d.loc.where + ": ";
  } else {
    out += "stackplan: ";
  }
  const Tone tone = d.severity == Severity::error     ? Tone::error
                    : d.severity == Severity::warning ? Tone::warning
                                                      : Tone::note;
  out += paint(severity_name(d.severity), tone, color) + ": ";
  out = wrap_lines(out, d.message + (d.code.empty() ? "" : " [" + d.code + "]"), columns, 2);
  if (d.loc.known()) {
    std::string_view line = d.loc.file->line(d.loc.line);
    std::size_t col = static_cast<std::size_t>(std::max(d.loc.col, 1) - 1);
    col = std::min(col, line.size());
    std::size_t width =
        d.loc.length > 0 ? static_cast<std::size_t>(d.loc.length) : token_width(line, col);
    // Long lines are shown as a window around the column, narrower on a narrow terminal.
    const std::size_t margin = std::to_string(d.loc.line).size() + 10;  // gutter and "..."s
    const std::size_t window =
        columns == 0 ? 100
                     : std::clamp<std::size_t>(columns > margin ? columns - margin : 0, 20, 100);
    std::size_t begin = 0;
    if (line.size() > window && col > window / 2) {
      begin = std::min(col - window / 4, line.size() > window ? line.size() - window : 0);
      while (begin > 0 && begin < line.size() && is_utf8_continuation(line[begin])) {
        --begin;
      }
    }
    std::string_view shown = line.substr(begin, window);
    std::string number = std::to_string(d.loc.line);
    std::string gutter(number.size(), ' ');
    out += ' ' + number + " | " + (begin > 0 ? "..." : "") + printable(shown) +
           (begin + shown.size() < line.size() ? "..." : "") + '\n';
    std::size_t pad = display_columns(line.substr(begin, col - begin)) + (begin > 0 ? 3 : 0);
    std::size_t span =
        std::max<std::size_t>(1, display_columns(line.substr(col, std::min(width, window))));
    out += ' ' + gutter + " | " + std::string(pad, ' ') +
           paint('^' + std::string(span - 1, '~'), Tone::hint, color) + '\n';
  }
  for (const auto& note : d.notes) {
    out += wrap_lines(paint("note", Tone::note, color) + ": ", note, columns, 2);
  }
  if (!d.hint.empty()) {
    out += wrap_lines(paint("hint", Tone::hint, color) + ": ", d.hint, columns, 2);
  }
  return out;
}

std::string format_counts(std::size_t errors, std::size_t warnings) {
  std::string out;
  auto part = [&out](std::size_t n, const char* word) {
    if (n == 0) {
      return;
    }
    if (!out.empty()) {
      out += ", ";
    }
    out += std::to_string(n) + ' ' + word + (n == 1 ? "" : "s");
  };
  part(errors, "error");
  part(warnings, "warning");
  return out;
}

}  // namespace stackplan
