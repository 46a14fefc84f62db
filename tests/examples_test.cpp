// Every example spec is a golden case: it loads without errors, every scenario is checked,
// and the full `validate` output (including warnings) is pinned.

#include <filesystem>

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "spec/load.hpp"

namespace fs = std::filesystem;

TEST_CASE("every example validates and matches its golden output", "[examples][golden]") {
  stackplan::testing::enter_source_dir();
  std::vector<std::string> specs;
  for (const auto& entry : fs::directory_iterator("examples")) {
    if (fs::exists(entry.path() / "stack.yaml")) {
      specs.push_back((entry.path() / "stack.yaml").generic_string());
    }
  }
  std::sort(specs.begin(), specs.end());
  REQUIRE(specs.size() == 5);
  for (const auto& spec : specs) {
    INFO(spec);
    stackplan::Diagnostics diags;
    auto loaded = stackplan::spec::load_spec(spec, diags);
    REQUIRE(loaded);
    CHECK(diags.error_count() == 0);
    REQUIRE(loaded->variants.size() >= 2);
    CHECK(loaded->variants[0].name == "current");
    CHECK(loaded->variants[1].name == "target");
    std::string golden = fs::path(spec).parent_path().generic_string() + "/validate.golden";
    CHECK(stackplan::testing::check_golden(golden, stackplan::testing::run_cli({"validate", spec}))
              .empty());
  }
}

TEST_CASE("the spec example of the product contract validates", "[examples][golden]") {
  stackplan::testing::enter_source_dir();
  std::string spec = "tests/contract/product-example.yaml";
  stackplan::Diagnostics diags;
  auto loaded = stackplan::spec::load_spec(spec, diags);
  REQUIRE(loaded);
  CHECK(loaded->variants.size() == 2);
  CHECK(loaded->variants[0].spec.database.engine == stackplan::spec::Engine::rds_postgres);
  CHECK(loaded->variants[0].spec.database.rds.version == "13.20");
  CHECK(stackplan::testing::check_golden("tests/contract/product-example.golden",
                                         stackplan::testing::run_cli({"validate", spec}))
            .empty());
}
