#include "spec/spec.hpp"

#include <algorithm>
#include <cctype>

#include "base/pattern.hpp"

namespace stackplan::spec {

std::optional<Duration> parse_duration(const std::string& text) {
  // A sequence of number + unit: "1h30m", "1.5s", "250ms".
  if (text.empty() || text.size() > 32) {
    return std::nullopt;
  }
  double millis = 0;
  std::size_t i = 0;
  auto digit = [&](std::size_t at) {
    return at < text.size() && text[at] >= '0' && text[at] <= '9';
  };
  while (i < text.size()) {
    std::size_t start = i;
    while (digit(i)) {
      ++i;
    }
    if (i == start) {
      return std::nullopt;
    }
    if (i < text.size() && text[i] == '.') {
      ++i;
      if (!digit(i)) {
        return std::nullopt;
      }
      while (digit(i)) {
        ++i;
      }
    }
    double value = std::stod(text.substr(start, i - start));
    double scale = 0;
    if (text.compare(i, 2, "ms") == 0) {
      scale = 1;
      i += 2;
    } else if (i < text.size() && (text[i] == 's' || text[i] == 'm' || text[i] == 'h')) {
      scale = text[i] == 's' ? 1000 : text[i] == 'm' ? 60'000 : 3'600'000;
      ++i;
    } else {
      return std::nullopt;
    }
    millis += value * scale;
  }
  if (millis > 1e15) {
    return std::nullopt;
  }
  return Duration{text, static_cast<std::int64_t>(millis)};
}

}  // namespace stackplan::spec
