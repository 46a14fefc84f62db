#include <set>

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "kinds/kinds.hpp"

TEST_CASE("docs/usage.md is generated from the kinds", "[usage-doc][golden]") {
  stackplan::testing::enter_source_dir();
  CHECK(stackplan::testing::check_golden("docs/usage.md", stackplan::kinds::usage_reference())
            .empty());
}

TEST_CASE("every kind is registered once, with a unique name", "[kinds]") {
  std::set<std::string_view> names;
  for (const auto* kind : stackplan::model::kinds()) {
    CHECK(names.insert(kind->name).second);
    CHECK_FALSE(kind->summary.empty());
    CHECK(kind->expand != nullptr);
    CHECK(kind->cost != nullptr);
  }
  CHECK(names.size() == 17);
}
