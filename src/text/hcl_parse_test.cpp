#include <catch2/catch.hpp>

#include "text/hcl_ast.hpp"

using namespace stackplan::text::hcl;

namespace {

/// The S-expression of attribute `a` in `text`, which must parse.
std::string expr_of(const std::string& text) {
  File f = parse("a = " + text + "\n");
  if (!f.errors.empty()) {
    return "error " + std::to_string(f.errors[0].range.begin.line) + ":" +
           std::to_string(f.errors[0].range.begin.column) + ": " + f.errors[0].message;
  }
  REQUIRE(f.body.attributes.size() == 1);
  return sexpr(f.body.attributes[0].expr.get());
}

std::string error_of(const std::string& text) {
  File f = parse(text);
  if (f.errors.empty()) {
    return "ok";
  }
  return std::to_string(f.errors[0].range.begin.line) + ":" +
         std::to_string(f.errors[0].range.begin.column) + ": " + f.errors[0].message;
}

}  // namespace

TEST_CASE("HCL bodies: attributes and blocks with positions", "[hcl]") {
  File f = parse(
      "# comment\n"
      "resource \"aws_s3_bucket\" \"data\" {\n"
      "  bucket = \"x\" // trailing\n"
      "\n"
      "  versioning {\n"
      "    enabled = true\n"
      "  }\n"
      "}\n"
      "locals { a = 1 }\n"
      "empty {}\n");
  REQUIRE(f.errors.empty());
  REQUIRE(f.body.blocks.size() == 3);
  const Block& r = f.body.blocks[0];
  CHECK(r.type == "resource");
  CHECK(r.labels == std::vector<std::string>{"aws_s3_bucket", "data"});
  CHECK(r.type_range.begin.line == 2);
  CHECK(r.label_ranges[1].begin.column == 26);
  REQUIRE(r.body.attributes.size() == 1);
  CHECK(r.body.attributes[0].name == "bucket");
  CHECK(r.body.attributes[0].name_range.begin.line == 3);
  CHECK(r.body.attributes[0].name_range.begin.column == 3);
  CHECK(r.body.attributes[0].expr->range.begin.column == 12);
  REQUIRE(r.body.blocks.size() == 1);
  CHECK(r.body.blocks[0].body.attributes[0].expr->text == "true");
  CHECK(f.body.blocks[1].body.attributes[0].name == "a");
  CHECK(f.body.blocks[2].body.attributes.empty());
}

TEST_CASE("HCL expressions: operators, precedence and conditionals", "[hcl]") {
  CHECK(expr_of("1 + 2 * 3") == "(binary + (number 1) (binary * (number 2) (number 3)))");
  CHECK(expr_of("1 - 2 - 3") == "(binary - (binary - (number 1) (number 2)) (number 3))");
  CHECK(expr_of("a || b && !c") == "(binary || (var a) (binary && (var b) (unary ! (var c))))");
  CHECK(expr_of("a == 1 ? \"x\" : \"y\"") ==
        "(cond (binary == (var a) (number 1)) (string \"x\") (string \"y\"))");
  CHECK(expr_of("x < 1 == y >= 2") ==
        "(binary == (binary < (var x) (number 1)) (binary >= (var y) (number 2)))");
  CHECK(expr_of("-x % 2") == "(binary % (unary - (var x)) (number 2))");
  CHECK(expr_of("(1 + 2) * 3") == "(binary * (paren (binary + (number 1) (number 2))) (number 3))");
  CHECK(expr_of("1.5e3") == "(number 1.5e3)");
  CHECK(expr_of("null") == "(null)");
}

TEST_CASE("HCL expressions: traversals, indexes and splats", "[hcl]") {
  CHECK(expr_of("aws_s3_bucket.data.arn") == "(attr arn (attr data (var aws_s3_bucket)))");
  CHECK(expr_of("a[0].b[\"k\"]") == "(index (attr b (index (var a) (number 0))) (string \"k\"))");
  CHECK(expr_of("a.0.b") == "(attr b (index (var a) (number 0)))");
  CHECK(expr_of("aws_subnet.private[*].id") ==
        "(splat [*] (attr private (var aws_subnet)) (attr id (item)))");
  CHECK(expr_of("a[*]") == "(splat [*] (var a) _)");
  CHECK(expr_of("a.*.b.c") == "(splat .* (var a) (attr c (attr b (item))))");
  CHECK(expr_of("f(x)[1]") == "(index (call f (var x)) (number 1))");
  CHECK(expr_of("a.0.1").find("error 1:7: the legacy index syntax") == 0);
}

TEST_CASE("HCL expressions: calls, collections and for expressions", "[hcl]") {
  CHECK(expr_of("max(1, 2,)") == "(call max (number 1) (number 2))");
  CHECK(expr_of("concat(a, b...)") == "(call concat ... (var a) (var b))");
  CHECK(expr_of("[\n  1,\n  2\n]") == "(tuple (number 1) (number 2))");
  CHECK(expr_of("{\n  a = 1\n  \"b\" = 2, c: 3\n  (d) = 4\n}") ==
        "(object (var a bare) (number 1) (string \"b\") (number 2) (var c bare) (number 3) "
        "(paren (var d)) (number 4))");
  CHECK(expr_of("[for s in var.list : upper(s) if s != \"\"]") ==
        "(for[] s (attr list (var var)) (call upper (var s)) (binary != (var s) (string \"\")))");
  CHECK(expr_of("{for k, v in m : v => k...}") == "(for{} k v ... (var m) (var v) (var k) _)");
  CHECK(expr_of("jsonencode({\n  Version = \"2012-10-17\"\n  Statement = [{\n    Effect = "
                "\"Allow\"\n  }]\n})") ==
        "(call jsonencode (object (var Version bare) (string \"2012-10-17\") (var Statement "
        "bare) (tuple (object (var Effect bare) (string \"Allow\")))))");
}

TEST_CASE("HCL templates: escapes, interpolation, directives, strip markers, heredocs", "[hcl]") {
  CHECK(expr_of(R"("a\"b\\c\n\u00e9")") == "(string \"a\\\"b\\c\\n\xc3\xa9\")");
  CHECK(expr_of(R"("$${x} %%{y}")") == "(string \"${x} %{y}\")");
  CHECK(expr_of(R"("${var.a}-x")") == "(template (attr a (var var)) (string \"-x\"))");
  CHECK(expr_of(R"("a %{ if x }yes%{ else }no%{ endif }")") ==
        "(template (string \"a \") (%if (var x) (template (string \"yes\")) (template (string "
        "\"no\"))))");
  CHECK(expr_of(R"("%{ for i, v in xs ~} ${v} %{~ endfor }")") ==
        "(template (%for i v (var xs) (template (var v))))");
  CHECK(expr_of("<<EOT\nhello\n  ${name}\nEOT") ==
        "(template (string \"hello\\n\") (string \"  \") (var name) (string \"\\n\"))");
  CHECK(expr_of("<<-EOT\n    a\n      b\n\n    c\n    EOT") == "(string \"a\\n  b\\n\\nc\\n\")");
  CHECK(expr_of("<<EOT\nEOT") == "(string \"\")");
}

TEST_CASE("HCL syntax errors are located", "[hcl]") {
  CHECK(error_of("a = \n") == "1:5: expected an expression, found a newline");
  CHECK(error_of("a = 1 b = 2\n") ==
        "1:7: expected a newline after the argument or block, found 'b'");
  CHECK(error_of("a = 1\na = 2\n") == "2:1: argument \"a\" was already set in this body");
  CHECK(error_of("b {\n  c = 1\n") ==
        "3:1: expected '}' to close the block, found the end of the file");
  CHECK(error_of("b { c {} }\n") ==
        "1:7: a single-line block can hold only one argument, not a nested block");
  CHECK(error_of("b { x = 1, y = 2 }\n") ==
        "1:10: a single-line block can hold only one argument; expected '}', found ','");
  CHECK(error_of("a = \"abc\n").find("1:5: unterminated string") == 0);
  CHECK(error_of("a = \"\\q\"\n").find("1:6: invalid escape sequence \\q") == 0);
  CHECK(error_of("a = <<EOT\nno end\n").find("1:5: unterminated heredoc") == 0);
  CHECK(error_of("a = \"%{ if x }y\"\n") == "1:6: this %{if} has no matching %{endif}");
  CHECK(error_of("a = \"%{ endfor }\"\n") == "1:6: %{endfor} without a matching %{for}");
  CHECK(error_of("b \"${x}\" {}\n").find("1:3: block labels cannot contain") == 0);
  CHECK(error_of("a = f(1 2)\n") == "1:9: expected ',' or ')' in the arguments of f(), found '2'");
  CHECK(error_of("a = [for x in y]\n") == "1:16: expected ':' in a for expression, found ']'");
  CHECK(error_of("a = 1 /* open\n") == "1:7: unterminated comment");
  CHECK(error_of("= 1\n") == "1:1: expected an argument or block definition, found '='");
  CHECK(error_of("a = x.\n") == "1:7: an attribute name is required after a dot");
}

TEST_CASE("HCL nesting is bounded, so hostile input cannot exhaust the stack", "[hcl]") {
  CHECK(error_of("a = " + std::string(100000, '[') + "\n").find("nested deeper than 500") !=
        std::string::npos);
  CHECK(error_of("a = " + std::string(100000, '-') + "1\n").find("nested deeper than 500") !=
        std::string::npos);
  std::string blocks;
  for (int i = 0; i < 100000; ++i) {
    blocks += "b {\n";
  }
  CHECK(error_of(blocks).find("nested deeper than 500") != std::string::npos);
  CHECK(error_of("a = " + std::string(100, '[') + std::string(100, ']') + "\n") == "ok");
}
