#include "spec/rules.hpp"

#include <algorithm>
#include <cctype>

#include "util/pattern.hpp"

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

Architecture architecture_of(const std::string& instance_type) {
  std::string family = instance_type.substr(0, instance_type.find('.'));
  // The letters after the generation digit carry the processor: 'g' is Graviton.
  std::size_t digit = family.find_first_of("0123456789");
  if (digit == std::string::npos || family.rfind("mac", 0) == 0) {
    return Architecture::x86_64;
  }
  std::size_t after = family.find_first_not_of("0123456789", digit);
  if (after == std::string::npos) {
    return Architecture::x86_64;
  }
  std::string suffix = family.substr(after);
  return suffix.find('g') != std::string::npos ? Architecture::arm64 : Architecture::x86_64;
}

std::optional<std::string> fargate_size_problem(int cpu, int memory) {
  struct Range {
    int cpu, low, high, step;
  };
  static const Range ranges[] = {
      {256, 512, 2048, 0},          {512, 1024, 4096, 1024},   {1024, 2048, 8192, 1024},
      {2048, 4096, 16384, 1024},    {4096, 8192, 30720, 1024}, {8192, 16384, 61440, 4096},
      {16384, 32768, 122880, 8192},
  };
  for (const auto& r : ranges) {
    if (r.cpu != cpu) {
      continue;
    }
    if (r.step == 0) {
      if (memory == 512 || memory == 1024 || memory == 2048) {
        return std::nullopt;
      }
      return std::string("with cpu 256, memory must be 512, 1024 or 2048");
    }
    if (memory >= r.low && memory <= r.high && (memory - r.low) % r.step == 0) {
      return std::nullopt;
    }
    return "with cpu " + std::to_string(cpu) + ", memory must be " + std::to_string(r.low) +
           " to " + std::to_string(r.high) + " in steps of " + std::to_string(r.step);
  }
  return std::string("Fargate cpu must be 256, 512, 1024, 2048, 4096, 8192 or 16384");
}

std::optional<std::string> bucket_name_problem(const std::string& name) {
  static const Pattern ip("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$");
  if (name.find("..") != std::string::npos) {
    return std::string("must not contain two adjacent periods");
  }
  if (name.find(".-") != std::string::npos || name.find("-.") != std::string::npos) {
    return std::string("must not have a period next to a hyphen");
  }
  if (ip.search(name)) {
    return std::string("must not look like an IP address");
  }
  for (const char* prefix : {"xn--", "sthree-", "amzn-s3-demo-"}) {
    if (name.rfind(prefix, 0) == 0) {
      return std::string("must not start with '") + prefix + "' (reserved by S3)";
    }
  }
  for (const char* suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
    std::string s(suffix);
    if (name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      return "must not end with '" + s + "' (reserved by S3)";
    }
  }
  return std::nullopt;
}

bool looks_like_secret(const std::string& key, const std::string& value) {
  if (value.size() < 8) {
    return false;
  }
  std::string upper = key;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const char* word : {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY",
                           "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"}) {
    if (upper.find(word) != std::string::npos) {
      return true;
    }
  }
  static const Pattern aws_key("(AKIA|ASIA)[0-9A-Z]{16}");
  if (value.find("-----BEGIN") != std::string::npos || aws_key.search(value)) {
    return true;
  }
  // A URL with credentials in it: scheme://user:password@host
  static const Pattern url_credentials("^[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");
  return url_credentials.search(value);
}

}  // namespace stackplan::spec
