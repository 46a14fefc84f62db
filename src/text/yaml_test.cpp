#include "text/yaml.hpp"

#include <catch2/catch.hpp>

using namespace stackplan;
using namespace stackplan::text;

namespace {
std::optional<Document> parse(const std::string& text, Diagnostics& diags,
                              const ParseLimits& limits = {}) {
  return parse_document(std::make_shared<SourceFile>("t.yaml", text), diags, limits);
}
}  // namespace

TEST_CASE("scalars resolve with the YAML 1.2 core schema", "[document]") {
  Diagnostics diags;
  auto doc =
      parse("a: 12\nb: 1.50\nc: true\nd: yes\ne: ~\nf: '12'\ng: 0x1F\nh: 1e3\ni: \"true\"\nj: .5\n",
            diags);
  REQUIRE(doc);
  const auto& v = doc->value;
  CHECK(v["a"] == 12);
  CHECK(v["b"] == 1.5);
  CHECK(v["c"] == true);
  CHECK(v["d"] == "yes");
  CHECK(v["e"].is_null());
  CHECK(v["f"] == "12");
  CHECK(v["g"] == 31);
  CHECK(v["h"] == 1000.0);
  CHECK(v["i"] == "true");
  CHECK(v["j"] == 0.5);
  CHECK(doc->origins.raw("/b") == "1.50");
}

TEST_CASE("every value keeps the place it was written", "[document]") {
  Diagnostics diags;
  auto doc = parse("name: shop\ncompute:\n  min: 2\nlist:\n  - a\n  - {k: v}\n", diags);
  REQUIRE(doc);
  CHECK(doc->origins.value_loc("/compute/min").line == 3);
  CHECK(doc->origins.value_loc("/compute/min").col == 8);
  CHECK(doc->origins.key_loc("/compute/min").col == 3);
  CHECK(doc->origins.value_loc("/list/1/k").line == 6);
  // Missing paths fall back to the nearest ancestor.
  CHECK(doc->origins.value_loc("/compute/max").line == 3);
}

TEST_CASE("JSON documents parse with positions", "[document]") {
  Diagnostics diags;
  auto doc = parse("{\n\t\"name\": \"shop\",\n\t\"n\": [1, 2]\n}\n", diags);
  REQUIRE(doc);
  CHECK(doc->value["n"][1] == 2);
  CHECK(doc->origins.value_loc("/n/1").line == 3);
}

TEST_CASE("duplicate keys are errors and the first value stays", "[document]") {
  Diagnostics diags;
  auto doc = parse("a: 1\nb: 2\na: 3\n", diags);
  REQUIRE(doc);
  CHECK(doc->value["a"] == 1);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].code == "spec.duplicate-key");
  CHECK(diags.all()[0].loc.line == 3);
}

TEST_CASE("aliases expand within the node budget only", "[document]") {
  Diagnostics ok;
  auto doc = parse("base: &b {x: 1}\ncopy: *b\n", ok);
  REQUIRE(doc);
  CHECK(doc->value["copy"]["x"] == 1);

  Diagnostics diags;
  ParseLimits small;
  small.max_nodes = 50;
  std::string bomb = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a, *a, *a, *a, *a]\n";
  CHECK_FALSE(parse(bomb, diags, small));
  CHECK(diags.all().at(0).code == "spec.too-large");
}

TEST_CASE("too many plain values say so in their own words, without aliases", "[document]") {
  std::string text;
  for (int i = 0; i < 60'000; ++i) {
    text.append("k").append(std::to_string(i)).append(": 1\n");
  }
  Diagnostics diags;
  CHECK_FALSE(parse(text, diags));
  REQUIRE(diags.all().size() == 1);
  const auto& d = diags.all().at(0);
  CHECK(d.code == "spec.too-large");
  CHECK(d.message == "spec has more than 100000 values (keys, list items and scalars)");
  CHECK(d.hint == "the largest stack spec needs a few hundred; is this the right file?");
}

TEST_CASE("nesting stops at the depth limit without recursion", "[document]") {
  Diagnostics diags;
  std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']');
  CHECK_FALSE(parse(deep, diags));
  CHECK(diags.all().at(0).code == "spec.too-deep");
}

TEST_CASE("syntax errors are located", "[document]") {
  Diagnostics diags;
  CHECK_FALSE(parse("a: [1, 2\nb: 3\n", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].code == "spec.syntax");
  CHECK(diags.all()[0].loc.line >= 1);
}

TEST_CASE("encoding problems are found before parsing", "[document]") {
  Diagnostics a;
  CHECK_FALSE(parse(std::string("a: b\0c", 6), a));
  CHECK(a.all().at(0).message.find("NUL") != std::string::npos);
  Diagnostics b;
  CHECK_FALSE(parse("a: \xed\xa0\x80\n", b));  // a UTF-16 surrogate encoded as UTF-8
  CHECK(b.all().at(0).code == "spec.encoding");
  Diagnostics c;
  CHECK_FALSE(
      parse("\xff\xfe"
            "a\0:\0",
            c));
  CHECK(c.all().at(0).message == "spec is UTF-16 encoded");
  Diagnostics d;
  CHECK(
      parse("\xef\xbb\xbf"
            "a: 1\n",
            d));  // a UTF-8 byte order mark is fine
}

TEST_CASE("merge-patch origins follow the patch", "[document]") {
  Diagnostics diags;
  auto doc = parse(
      "compute: {platform: ec2, purchase: {model: spot, spot: {on_demand_base: 1}}}\n"
      "scenarios:\n"
      "  s:\n"
      "    compute: {purchase: {model: savings-plan, spot: null}}\n",
      diags);
  REQUIRE(doc);
  SourceMap map = doc->origins;
  map.overlay(doc->origins, "/scenarios/s", doc->value["scenarios"]["s"]);
  CHECK(map.value_loc("/compute/purchase/model").line == 4);
  CHECK(map.find("/compute/purchase/model")->from_scenario);
  CHECK(map.find("/compute/purchase/spot") == nullptr);
  CHECK(map.find("/compute/purchase/spot/on_demand_base") == nullptr);
  CHECK(map.value_loc("/compute/platform").line == 1);
  CHECK_FALSE(map.find("/compute/platform")->from_scenario);
}

TEST_CASE("a subtree of origins is replaced whole", "[document]") {
  Diagnostics diags;
  auto base = parse("database: {engine: sqlite, path: /data/db}\nregion: us-east-1\n", diags);
  auto other = parse("\n\ndatabase:\n  engine: rds-postgres\n  multi_az: true\n", diags);
  REQUIRE(base);
  REQUIRE(other);
  SourceMap map = base->origins;
  map.replace_subtree(other->origins, "/database");
  CHECK(map.value_loc("/database/engine").line == 4);
  CHECK(map.value_loc("/database/multi_az").line == 5);
  CHECK(map.find("/database/path") == nullptr);
  CHECK(map.key_loc("/database").line == 3);
  CHECK(map.value_loc("/region").line == 2);  // outside the subtree: untouched
  map.replace_subtree(SourceMap(), "/database");
  CHECK(map.find("/database") == nullptr);
  CHECK(map.find("/database/engine") == nullptr);
}

TEST_CASE("display paths", "[document]") {
  CHECK(display_path("") == "the spec");
  CHECK(display_path("/services/0/cpu") == "services[0].cpu");
  CHECK(display_path("/tags/a~1b") == "tags.a/b");
  CHECK(pointer_token("a/b~c") == "a~1b~0c");
}
