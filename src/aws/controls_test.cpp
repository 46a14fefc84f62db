#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "aws/controls.hpp"

using stackplan::aws::checkov_check;

TEST_CASE("controls: the checkov check of a Control Tower control, where one tests the same",
          "[aws][controls]") {
  CHECK(checkov_check("CT.ECS.PR.2") == "CKV_AWS_65");
  CHECK(checkov_check("CT.RDS.PR.2") == "CKV_AWS_118");
  CHECK(checkov_check("CT.S3.PR.4") == "CKV2_AWS_62");
  // No checkov check asks for a database port other than the default.
  CHECK(checkov_check("CT.RDS.PR.20").empty());
  CHECK(checkov_check("CT.RDS.PR").empty());
  CHECK(checkov_check("").empty());
  const std::regex id("CKV2?_AWS_[0-9]+");
  for (const char* control :
       {"CT.CLOUDWATCH.PR.2", "CT.CLOUDWATCH.PR.3", "CT.ECS.PR.6", "CT.ELASTICLOADBALANCING.PR.1",
        "CT.ELASTICLOADBALANCING.PR.5", "CT.ELASTICLOADBALANCING.PR.6", "CT.RDS.PR.1",
        "CT.RDS.PR.13", "CT.RDS.PR.14", "CT.RDS.PR.25", "CT.S3.PR.2", "CT.S3.PR.10",
        "CT.S3.PR.11"}) {
    INFO(control);
    CHECK(std::regex_match(std::string(checkov_check(control)), id));
  }
}
