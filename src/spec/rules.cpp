#include "spec/rules.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace stackplan::spec {

std::optional<Duration> parse_duration(const std::string& text) {
  static const std::regex part("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
  if (text.empty() || text.size() > 32) {
    return std::nullopt;
  }
  double millis = 0;
  std::size_t consumed = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), part); it != std::sregex_iterator();
       ++it) {
    if (static_cast<std::size_t>(it->position()) != consumed) {
      return std::nullopt;
    }
    consumed += static_cast<std::size_t>(it->length());
    double value = std::stod((*it)[1].str());
    std::string unit = (*it)[2].str();
    double scale = unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60'000 : 3'600'000;
    millis += value * scale;
  }
  if (consumed != text.size() || millis > 1e15) {
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
  static const std::regex ip("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$");
  if (name.find("..") != std::string::npos) {
    return std::string("must not contain two adjacent periods");
  }
  if (name.find(".-") != std::string::npos || name.find("-.") != std::string::npos) {
    return std::string("must not have a period next to a hyphen");
  }
  if (std::regex_match(name, ip)) {
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
  static const std::regex aws_key("(AKIA|ASIA)[0-9A-Z]{16}");
  if (value.find("-----BEGIN") != std::string::npos || std::regex_search(value, aws_key)) {
    return true;
  }
  // A URL with credentials in it: scheme://user:password@host
  static const std::regex url_credentials("^[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");
  return std::regex_search(value, url_credentials);
}

}  // namespace stackplan::spec
