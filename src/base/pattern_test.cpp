#include "base/pattern.hpp"

#include <catch2/catch.hpp>

using stackplan::Pattern;

TEST_CASE("Pattern matches the schema's ECMAScript subset", "[pattern]") {
  Pattern name("^[a-z][a-z0-9-]*$");
  CHECK(name.search("operationcode"));
  CHECK_FALSE(name.search("Operationcode"));
  CHECK_FALSE(name.search("a b"));

  Pattern no_space("^[^\\s]+$");
  CHECK(no_space.search("nginx:1.25"));
  CHECK_FALSE(no_space.search("nginx 1"));
  CHECK_FALSE(no_space.search("a\tb"));

  Pattern version("^[0-9]+(\\.[0-9]+){0,2}$");
  CHECK(version.search("15.4"));
  CHECK(version.search("13.20"));
  CHECK_FALSE(version.search("15.4.1.2"));
  CHECK_FALSE(version.search("15x4"));  // the dot is escaped

  Pattern cidr("^([0-9]{1,3}\\.){3}[0-9]{1,3}/(1[6-9]|2[0-8])$");
  CHECK(cidr.search("10.0.0.0/16"));
  CHECK_FALSE(cidr.search("10.0.0.0/29"));

  Pattern records("^(\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^@$");
  CHECK(records.search("*.api"));
  CHECK(records.search("@"));
  CHECK_FALSE(records.search("-api"));
}

TEST_CASE("Pattern supports a leading negative lookahead of literal text", "[pattern]") {
  Pattern tag("^(?!aws:)[A-Za-z0-9 _.:/=+@-]+$");
  CHECK(tag.search("Project"));
  CHECK(tag.search("team:web"));
  CHECK_FALSE(tag.search("aws:cloudformation"));
  CHECK_FALSE(tag.search("bad!"));
}

TEST_CASE("Pattern searches when not anchored", "[pattern]") {
  Pattern key("(AKIA|ASIA)[0-9A-Z]{16}");
  CHECK(key.search("value AKIAABCDEFGHIJKLMNOP here"));
  CHECK_FALSE(key.search("AKIAshort"));
}
