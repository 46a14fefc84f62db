#include <fstream>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "kinds/common.hpp"
#include "kinds/kinds.hpp"
#include "render/templates.hpp"
#include "spec/load.hpp"

TEST_CASE("docs/usage.md is generated from the kinds", "[usage-doc][golden]") {
  stackplan::testing::enter_source_dir();
  CHECK(stackplan::testing::check_golden("docs/usage.md", stackplan::kinds::usage_reference())
            .empty());
}

TEST_CASE("every kind is registered once, with a unique name", "[kinds]") {
  std::set<std::string_view> names;
  for (const auto* kind : stackplan::kinds::all()) {
    CHECK(names.insert(kind->name).second);
    CHECK_FALSE(kind->summary.empty());
    CHECK(kind->expand != nullptr);
    // Every kind is priced, rendered, or both; a rendered kind has its templates.
    CHECK((kind->cost != nullptr || kind->rendering.has_value()));
    if (kind->rendering) {
      INFO(kind->name);
      stackplan::render::TemplateSet templates;
      CHECK(kind->rendering->view != nullptr);
      CHECK(templates.shipped("terraform/" + std::string(kind->rendering->template_name) + ".tf"));
      for (auto app : kind->rendering->app_files) {
        CHECK(templates.shipped("app/" + std::string(app)));
      }
    }
  }
  CHECK(names.size() == 22);
}

TEST_CASE("each kind's documented address matches the resources it makes", "[kinds]") {
  stackplan::testing::enter_source_dir();
  std::size_t checked = 0;
  for (const char* spec : {"examples/operationcode/stack.yaml", "examples/pantrypal/stack.yaml",
                           "examples/dynamiccloudarchitect/stack.yaml",
                           "examples/effect-app/stack.yaml", "examples/zooid-relay/stack.yaml"}) {
    stackplan::Diagnostics diags;
    auto loaded = stackplan::spec::load_spec(spec, diags);
    REQUIRE(loaded);
    for (const auto& v : loaded->variants) {
      for (const auto& r : stackplan::kinds::resources_of(v.spec)) {
        INFO(r.address << " of kind " << r.kind->name);
        std::string type = r.address.substr(0, r.address.rfind('.') + 1);
        CHECK(r.kind->address.find(type) != std::string_view::npos);
        ++checked;
      }
    }
  }
  CHECK(checked > 50);
}

TEST_CASE("DB instance class vCPUs follow the size, as AWS's pricing pages list them", "[kinds]") {
  CHECK(stackplan::kinds::db_class_vcpus("db.t4g.micro") == 2);
  CHECK(stackplan::kinds::db_class_vcpus("db.r7g.xlarge") == 4);
  CHECK(stackplan::kinds::db_class_vcpus("db.m6i.24xlarge") == 96);
  CHECK(stackplan::kinds::db_class_vcpus("db.serverless") == 0);
  // Every class of the RDS PostgreSQL page in the snapshot's inputs, with its stated vCPU.
  std::ifstream in(std::string(STACKPLAN_SOURCE_DIR) +
                   "/pricing/sources/pages/awspricewatcher-processed-rds-postgresql-ondemand.json");
  REQUIRE(in);
  auto page = nlohmann::json::parse(in);
  std::size_t checked = 0;
  for (const auto& [location, entries] : page["regions"].items()) {
    for (const auto& [label, entry] : entries.items()) {
      if (entry.contains("Instance Type") && entry.contains("vCPU")) {
        INFO(entry["Instance Type"]);
        CHECK(stackplan::kinds::db_class_vcpus(entry["Instance Type"]) ==
              std::stoi(entry["vCPU"].get<std::string>()));
        ++checked;
      }
    }
  }
  CHECK(checked > 1000);
}
