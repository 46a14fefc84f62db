#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// AWS's own rules about names and sizes, each written once; spec validation and lint read them.

namespace stackplan::aws {

/// The shapes of an EC2 instance type ("t4g.small") and an RDS instance class
/// ("db.t4g.micro", "db.serverless"), as regular expressions.
extern const char* const k_instance_type_pattern;
extern const char* const k_db_class_pattern;
/// Whether reading from an S3 storage class (the spec's name: "standard-ia") is billed per GB
/// retrieved: Standard-IA, One Zone-IA and Glacier Instant Retrieval.
bool s3_retrieval_fee(std::string_view storage_class);
/// Those storage classes, by the spec's names.
const std::vector<std::string>& s3_retrieval_fee_classes();

enum class Architecture { x86_64, arm64 };

/// arm64 for Graviton families (t4g, m7g, c6gn, r8g, x2gd, im4gn, ...), x86_64 otherwise.
Architecture architecture_of(const std::string& instance_type);

/// Fargate's CPU/memory combinations; an explanation of the valid memory values for `cpu`
/// when the pair is not one of them, nullopt when it is.
std::optional<std::string> fargate_size_problem(int cpu, int memory);

/// S3's bucket naming rules beyond the character set; a description of the first rule
/// broken, nullopt when the name is fine.
std::optional<std::string> bucket_name_problem(const std::string& name);

}  // namespace stackplan::aws
