#include <catch2/catch.hpp>

#include "render/templates.hpp"

using namespace stackplan::render;

namespace {

std::string render(const std::string& text, const nlohmann::json& data) {
  auto r = render_template({"t", "t.mustache", text}, data,
                           [](const std::string& s) { return "<" + s + ">"; }, {});
  REQUIRE(!r.error);
  return r.text;
}

}  // namespace

TEST_CASE("standalone section lines vanish whether or not the section renders", "[templates]") {
  const std::string text = "a {\n  {{#on}}\n\n  x = 1\n  {{/on}}\n{{^on}}\n\ny = 2\n{{/on}}\n}\n";
  CHECK(render(text, {{"on", true}}) == "a {\n\n  x = 1\n}\n");
  CHECK(render(text, {{"on", false}}) == "a {\n\ny = 2\n}\n");
}

TEST_CASE("lists repeat their lines; every string goes through the target's escaping",
          "[templates]") {
  CHECK(render("{{#items}}\n- {{name}}\n{{/items}}\nend {{n}}\n",
               {{"items", {{{"name", "a"}}, {{"name", "b"}}}}, {"n", 3}}) ==
        "- <a>\n- <b>\nend 3\n");
}

TEST_CASE("template errors name the line and column", "[templates]") {
  auto unknown = render_template({"t", "dir/t.mustache", "a\n  b = {{nmae}}\n"}, {{"name", "x"}},
                                 [](const std::string& s) { return s; }, {});
  REQUIRE(unknown.error);
  CHECK(unknown.error->loc.file->path() == "dir/t.mustache");
  CHECK(unknown.error->loc.line == 2);
  CHECK(unknown.error->loc.col == 7);
  CHECK(unknown.error->message == "unknown name 'nmae'; did you mean 'name'?");

  auto known = render_template({"t", "t", "{{#extra}}x{{/extra}}"}, nlohmann::json::object(),
                               [](const std::string& s) { return s; }, {"extra"});
  CHECK(!known.error);

  auto partial = render_template({"t", "t", "\n{{> other}}"}, nlohmann::json::object(),
                                 [](const std::string& s) { return s; }, {});
  REQUIRE(partial.error);
  CHECK(partial.error->loc.line == 2);
  CHECK(partial.error->message == "partials are not supported: '{{>other}}'");

  auto open = render_template({"t", "t", "x {{y"}, nlohmann::json::object(),
                              [](const std::string& s) { return s; }, {});
  REQUIRE(open.error);
  CHECK(open.error->message == "unclosed tag '{{'");
  CHECK(open.error->loc.col == 3);
}
