#include "aws/facts.hpp"
#include "aws/secrets.hpp"

#include <catch2/catch.hpp>

using namespace stackplan::aws;

TEST_CASE("architecture follows the instance family", "[aws]") {
  CHECK(architecture_of("t4g.small") == Architecture::arm64);
  CHECK(architecture_of("m7gd.large") == Architecture::arm64);
  CHECK(architecture_of("c6gn.xlarge") == Architecture::arm64);
  CHECK(architecture_of("im4gn.large") == Architecture::arm64);
  CHECK(architecture_of("t3.micro") == Architecture::x86_64);
  CHECK(architecture_of("m7i.large") == Architecture::x86_64);
  CHECK(architecture_of("g5.xlarge") == Architecture::x86_64);
  CHECK(architecture_of("mac2.metal") == Architecture::x86_64);
}

TEST_CASE("Fargate task sizes", "[aws]") {
  CHECK_FALSE(fargate_size_problem(256, 512));
  CHECK_FALSE(fargate_size_problem(512, 1024));
  CHECK_FALSE(fargate_size_problem(1024, 8192));
  CHECK_FALSE(fargate_size_problem(8192, 16384 + 4096));
  CHECK_FALSE(fargate_size_problem(16384, 122880));
  CHECK(fargate_size_problem(256, 4096) == "with cpu 256, memory must be 512, 1024 or 2048");
  CHECK(fargate_size_problem(512, 1536) ==
        "with cpu 512, memory must be 1024 to 4096 in steps of 1024");
  CHECK(fargate_size_problem(8192, 18432));
  CHECK(fargate_size_problem(300, 1024));
}

TEST_CASE("S3 bucket naming rules", "[aws]") {
  CHECK_FALSE(bucket_name_problem("operationcode-litestream-replicas"));
  CHECK_FALSE(bucket_name_problem("logs.example.com"));
  CHECK(bucket_name_problem("a..b"));
  CHECK(bucket_name_problem("a.-b"));
  CHECK(bucket_name_problem("10.0.0.1"));
  CHECK(bucket_name_problem("sthree-data"));
  CHECK(bucket_name_problem("data-s3alias"));
  CHECK(bucket_name_problem("data--x-s3"));
}

TEST_CASE("secret-looking environment values", "[aws]") {
  CHECK(looks_like_secret("DB_PASSWORD", "correct-horse"));
  CHECK(looks_like_secret("STRIPE_API_KEY", "sk_live_abcdefgh"));
  CHECK(looks_like_secret("X", "AKIAIOSFODNN7EXAMPLE"));
  CHECK(looks_like_secret("DATABASE_URL", "postgres://u:pw@db:5432/x"));
  CHECK(looks_like_secret("CERT", "-----BEGIN PRIVATE KEY-----"));
  CHECK_FALSE(looks_like_secret("LOG_LEVEL", "info"));
  CHECK_FALSE(looks_like_secret("DATABASE_URL", "postgres://db:5432/x"));
  CHECK_FALSE(looks_like_secret("TOKEN_TTL", "3600"));
}
