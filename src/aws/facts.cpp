#include "aws/facts.hpp"

#include <algorithm>

#include "base/pattern.hpp"

namespace stackplan::aws {

const char* const k_instance_type_pattern =
    "^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.(nano|micro|small|medium|large|[0-9]*xlarge|metal(-[0-9]+xl)"
    "?)$";
const char* const k_db_class_pattern =
    "^db\\.([a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.(micro|small|medium|large|[0-9]*xlarge)|serverless)$";
const std::vector<std::string>& s3_retrieval_fee_classes() {
  static const std::vector<std::string> classes = {"standard-ia", "one-zone-ia", "glacier-ir"};
  return classes;
}

bool s3_retrieval_fee(std::string_view storage_class) {
  const auto& classes = s3_retrieval_fee_classes();
  return std::find(classes.begin(), classes.end(), storage_class) != classes.end();
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

}  // namespace stackplan::aws
