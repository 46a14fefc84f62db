#include "app/support.hpp"

#include <catch2/catch.hpp>

#include "support/test_catalog.hpp"

using namespace stackplan;

namespace {

// Dates as of 2026-10-01 (the catalog's date): 12 in Extended Support, 11's Extended Support
// over, 16 in standard support. Test figures.
const char* k_support = R"([support]
# engine	version	standard_support_ends	extended_support_ends	source
postgres	11	2024-02-29	2026-03-31	t
postgres	12	2025-02-28	2028-02-29	t
postgres	16	2029-02-28	2032-02-29	t
)";

std::vector<Diagnostic> warnings_of(const std::string& body) {
  const auto catalog = testing::test_catalog("", "2026-10-01", k_support);
  Diagnostics diags;
  auto loaded = spec::load_spec_text(
      "t.yaml", "version: 1\nname: t\nregion: us-east-1\nnetwork: {vpc: existing}\n" + body, diags);
  REQUIRE(loaded);
  Diagnostics found;
  app::warn_extended_support(*loaded, catalog, found);
  found.sort();
  return found.all();
}

}  // namespace

TEST_CASE("validate names the end of standard support of an RDS engine version", "[support]") {
  auto in_extended = warnings_of(
      "database: {engine: rds-postgres, rds: {version: \"12.22\", instance_class: "
      "db.t4g.micro}}\n");
  REQUIRE(in_extended.size() == 1);
  CHECK(in_extended[0].severity == Severity::warning);
  CHECK(in_extended[0].code == "spec.extended-support");
  CHECK(in_extended[0].message ==
        "PostgreSQL 12 left RDS standard support on 2025-02-28: AWS bills Extended Support for "
        "every vCPU (the standby's too) until 2028-02-29");
  CHECK(in_extended[0].loc.line == 5);  // at the version
  CHECK(in_extended[0].loc.col == 49);

  auto ended = warnings_of(
      "database: {engine: rds-postgres, rds: {version: \"11\", instance_class: db.t4g.micro}}\n");
  REQUIRE(ended.size() == 1);
  CHECK(ended[0].message.find("RDS Extended Support for PostgreSQL 11 ended on 2026-03-31") == 0);

  CHECK(warnings_of("database: {engine: rds-postgres, rds: {instance_class: db.t4g.micro}}\n")
            .empty());  // the default version, 16
  CHECK(warnings_of("database: {engine: rds-mysql, rds: {instance_class: db.t4g.micro}}\n")
            .empty());  // no dates for MySQL here
}

TEST_CASE("an Extended Support warning names the scenarios it concerns", "[support]") {
  auto w = warnings_of(
      "database: {engine: rds-postgres, rds: {version: \"12\", instance_class: db.t4g.micro}}\n"
      "scenarios:\n  current: {}\n  target: {database: {rds: {version: \"16\"}}}\n");
  REQUIRE(w.size() == 1);
  REQUIRE(w[0].notes.size() == 2);
  CHECK(w[0].notes[1] == "in scenario 'current'");
}
