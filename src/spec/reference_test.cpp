#include "spec/reference.hpp"

#include <catch2/catch.hpp>

#include "../../tests/golden.hpp"
#include "spec/spec_schema.hpp"

using namespace stackplan::spec;

TEST_CASE("docs/spec.md and docs/spec-v1.schema.json are in step with the schema",
          "[reference][golden]") {
  stackplan::testing::enter_source_dir();
  CHECK(stackplan::testing::check_golden("docs/spec.md", spec_reference_markdown()).empty());
  CHECK(stackplan::testing::check_golden("docs/spec-v1.schema.json",
                                         spec_json_schema().dump(2) + "\n")
            .empty());
}

TEST_CASE("the JSON Schema describes every top-level key", "[reference]") {
  auto schema = spec_json_schema();
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  for (const auto& f : spec_v1().fields) {
    INFO(f.name);
    CHECK(schema["properties"].contains(f.name));
  }
  CHECK(schema["required"] == nlohmann::json::array({"version", "name", "region"}));
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["$defs"]["patch"]["properties"].contains("compute"));
  CHECK_FALSE(schema["$defs"]["patch"]["properties"].contains("scenarios"));
}

TEST_CASE("the reference documents every field", "[reference]") {
  std::string md = spec_reference_markdown();
  CHECK(md.find("### `compute.purchase`") != std::string::npos);
  CHECK(md.find("| `commitment_per_hour` |") != std::string::npos);
  CHECK(md.find("## `services[]`") != std::string::npos);
}
