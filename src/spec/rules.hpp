#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spec/spec.hpp"

namespace stackplan::spec {

/// arm64 for Graviton families (t4g, m7g, c6gn, r8g, x2gd, im4gn, ...), x86_64 otherwise.
Architecture architecture_of(const std::string& instance_type);

/// Fargate's CPU/memory combinations; an explanation of the valid memory values for `cpu`
/// when the pair is not one of them, nullopt when it is.
std::optional<std::string> fargate_size_problem(int cpu, int memory);

/// S3's bucket naming rules beyond the character set; a description of the first rule
/// broken, nullopt when the name is fine.
std::optional<std::string> bucket_name_problem(const std::string& name);

/// Whether an environment variable looks like it carries a secret value (a password, key or
/// token written in the spec) rather than configuration.
bool looks_like_secret(const std::string& key, const std::string& value);

}  // namespace stackplan::spec
