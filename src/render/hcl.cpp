#include "render/hcl.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

namespace stackplan::render {

std::string hcl_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool opens_template = i + 1 < text.size() && text[i + 1] == '{';
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
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
      case '$':
      case '%':
        out += c;
        if (opens_template) {
          out += c;
        }
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

namespace {

/// What the formatter needs to know about one line of HCL.
struct Line {
  std::string text;                    ///< without indentation or trailing spaces
  bool raw = false;                    ///< inside a heredoc or block comment: kept exactly
  int net = 0;                         ///< bracket change over the line
  std::size_t eq = std::string::npos;  ///< the aligned `=`, when the line is a one-line argument
  int indent = 0;
};

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) {
    return {};
  }
  std::size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

bool is_ident(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

/// Scans one line outside heredocs. Tracks open quoted strings and template interpolations
/// across the line (`"${` ... `}"`), block comments, and a heredoc opener.
class Scanner {
 public:
  std::string heredoc_marker;  ///< set when the line opens a heredoc
  bool in_block_comment = false;

  void scan(Line& line) {
    const std::string& t = line.text;
    int net = 0;
    std::size_t first_eq = std::string::npos;
    int depth_at_eq = 0;
    int tokens_before = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      const char n = i + 1 < t.size() ? t[i + 1] : '\0';
      if (in_block_comment) {
        if (c == '*' && n == '/') {
          in_block_comment = false;
          ++i;
        }
        continue;
      }
      if (in_string()) {
        if (c == '\\') {
          ++i;
        } else if ((c == '$' || c == '%') && n == '{') {
          if (i + 2 < t.size() && t[i + 2] == c) {
            i += 1;  // "$${" is a literal
          } else {
            stack_.push_back('{');
            ++net;
            ++i;
          }
        } else if ((c == '$' || c == '%') && n == c) {
          ++i;
        } else if (c == '"') {
          stack_.pop_back();
        }
        continue;
      }
      if (c == '"') {
        stack_.push_back('"');
        ++tokens_before;
        continue;
      }
      if (c == '#' || (c == '/' && n == '/')) {
        break;
      }
      if (c == '/' && n == '*') {
        in_block_comment = true;
        ++i;
        continue;
      }
      if (c == '<' && n == '<') {
        std::size_t j = i + 2;
        if (j < t.size() && t[j] == '-') {
          ++j;
        }
        std::size_t k = j;
        while (k < t.size() && is_ident(t[k])) {
          ++k;
        }
        if (k > j && k == t.size()) {
          heredoc_marker = t.substr(j, k - j);
          break;
        }
      }
      if (c == '{' || c == '[' || c == '(') {
        stack_.push_back(c);
        ++net;
        ++tokens_before;
        continue;
      }
      if (c == '}' || c == ']' || c == ')') {
        if (!stack_.empty()) {
          stack_.pop_back();
        }
        --net;
        ++tokens_before;
        continue;
      }
      if (c == '=') {
        const char p = i > 0 ? t[i - 1] : '\0';
        const bool op = n == '=' || n == '>' || p == '=' || p == '!' || p == '<' || p == '>';
        if (!op && first_eq == std::string::npos && tokens_before > 0) {
          first_eq = i;
          depth_at_eq = net;
        }
        if (n == '=' || n == '>') {  // skip the second character of == and =>
          ++i;
        }
        continue;
      }
      if (c != ' ' && c != '\t') {
        ++tokens_before;
      }
    }
    line.net = net;
    // A one-line argument: the `=` opens a value whose brackets close on the same line.
    if (first_eq != std::string::npos && net == depth_at_eq) {
      line.eq = first_eq;
    }
  }

 private:
  bool in_string() const { return !stack_.empty() && stack_.back() == '"'; }
  std::vector<char> stack_;
};

bool opens(const Line& l) {
  return !l.raw && !l.text.empty() &&
         (l.text.back() == '{' || l.text.back() == '[' || l.text.back() == '(');
}

bool closes(const Line& l) {
  return !l.raw && !l.text.empty() &&
         (l.text.front() == '}' || l.text.front() == ']' || l.text.front() == ')');
}

}  // namespace

std::string format_hcl(std::string_view text) {
  // Split into lines; heredoc bodies and block comments stay raw.
  std::vector<Line> lines;
  Scanner scanner;
  std::size_t pos = 0;
  std::string heredoc;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    Line line;
    if (!heredoc.empty() || scanner.in_block_comment) {
      line.raw = true;
      line.text = std::string(raw);
      if (!heredoc.empty() && trim(raw) == heredoc) {
        heredoc.clear();
        line.raw = false;
        line.text = trim(raw);
      } else if (scanner.in_block_comment) {
        line.text = trim(raw);
        scanner.scan(line);
        line.net = 0;
        line.eq = std::string::npos;
      }
      lines.push_back(std::move(line));
      if (end == text.size()) {
        break;
      }
      continue;
    }
    line.text = trim(raw);
    scanner.heredoc_marker.clear();
    scanner.scan(line);
    heredoc = scanner.heredoc_marker;
    lines.push_back(std::move(line));
    if (end == text.size()) {
      break;
    }
  }

  // Blank lines: none at the start or end, none after an opener or before a closer, at most
  // one in a row.
  std::vector<Line> kept;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (!l.raw && l.text.empty()) {
      if (kept.empty() || opens(kept.back()) || (!kept.back().raw && kept.back().text.empty())) {
        continue;
      }
      std::size_t j = i + 1;
      while (j < lines.size() && !lines[j].raw && lines[j].text.empty()) {
        ++j;
      }
      if (j == lines.size() || closes(lines[j])) {
        continue;
      }
    }
    kept.push_back(std::move(l));
  }

  // Indentation: a line with more openers than closers indents what follows; one with more
  // closers outdents itself.
  std::vector<int> indents;
  for (Line& l : kept) {
    if (l.raw || l.text.empty()) {
      continue;
    }
    if (l.net < 0) {
      int closed = -l.net;
      while (closed > 0 && !indents.empty()) {
        if (closed >= indents.back()) {
          closed -= indents.back();
          indents.pop_back();
        } else {
          indents.back() -= closed;
          closed = 0;
        }
      }
    }
    l.indent = 2 * static_cast<int>(indents.size());
    if (l.net > 0) {
      indents.push_back(l.net);
    }
  }

  // Alignment: consecutive one-line arguments put their `=` one column after the longest name.
  std::string out;
  std::size_t i = 0;
  while (i < kept.size()) {
    if (kept[i].raw || kept[i].eq == std::string::npos) {
      const Line& l = kept[i];
      if (l.raw) {
        out += l.text;
      } else if (!l.text.empty()) {
        out.append(static_cast<std::size_t>(l.indent), ' ');
        out += l.text;
      }
      out += '\n';
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t width = 0;
    while (j < kept.size() && !kept[j].raw && kept[j].eq != std::string::npos) {
      std::string lead = trim(std::string_view(kept[j].text).substr(0, kept[j].eq));
      width = std::max(width, static_cast<std::size_t>(kept[j].indent) + lead.size());
      ++j;
    }
    for (; i < j; ++i) {
      const Line& l = kept[i];
      std::string lead = trim(std::string_view(l.text).substr(0, l.eq));
      std::string value = trim(std::string_view(l.text).substr(l.eq + 1));
      std::string row(static_cast<std::size_t>(l.indent), ' ');
      row += lead;
      row.append(width - row.size() + 1, ' ');
      row += "=";
      if (!value.empty()) {
        row += " " + value;
      }
      out += row + '\n';
    }
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  if (out == "\n") {
    out.clear();
  }
  return out;
}

}  // namespace stackplan::render
