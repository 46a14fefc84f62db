#include "base/terminal.hpp"

#include <algorithm>

namespace stackplan {

namespace {

std::string_view sgr(Tone tone) {
  switch (tone) {
    case Tone::error:
      return "\033[1;31m";
    case Tone::warning:
      return "\033[1;35m";
    case Tone::note:
      return "\033[1;36m";
    case Tone::hint:
      return "\033[1;32m";
    case Tone::increase:
      return "\033[31m";
    case Tone::decrease:
      return "\033[32m";
    case Tone::missing:
      return "\033[33m";
    case Tone::heading:
      return "\033[1m";
  }
  return "";
}

}  // namespace

std::string paint(std::string_view text, Tone tone, bool on) {
  if (!on || text.empty()) {
    return std::string(text);
  }
  std::string out(sgr(tone));
  out += text;
  out += "\033[0m";
  return out;
}

std::size_t visible_width(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1B && i + 1 < text.size() && text[i + 1] == '[') {
      // CSI: parameters and intermediates up to a final byte in @ to ~.
      i += 2;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) < 0x40 ||
                                 static_cast<unsigned char>(text[i]) > 0x7E)) {
        ++i;
      }
      continue;
    }
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width, std::size_t first) {
  std::vector<std::string> lines;
  if (width == 0 || visible_width(text) + first <= width) {
    lines.emplace_back(text);
    return lines;
  }
  std::string line;
  std::size_t used = first;  // columns taken on the current line
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(at, end - at);
    const std::size_t w = visible_width(word);
    if (!line.empty() && used + 1 + w > width) {
      lines.push_back(line);
      line.clear();
      used = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++used;
    }
    line += word;
    used += w;
    at = end + 1;
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(line);
  }
  return lines;
}

std::string wrap_lines(std::string_view label, std::string_view text, std::size_t width,
                       std::size_t hang) {
  constexpr std::size_t k_least = 20;
  const std::size_t room = width == 0 ? 0 : std::max(width, hang + k_least) - hang;
  const std::size_t label_width = visible_width(label);
  const std::vector<std::string> pieces =
      wrap_words(text, room, label_width > hang ? label_width - hang : 0);
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    out += i == 0 ? std::string(label) : std::string(hang, ' ');
    out += pieces[i];
    out += '\n';
  }
  return out;
}

}  // namespace stackplan
