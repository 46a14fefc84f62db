#include <catch2/catch.hpp>

#include "render/hcl.hpp"

using stackplan::render::format_hcl;
using stackplan::render::hcl_string;

TEST_CASE("hcl_string escapes quotes, backslashes, controls and template sequences", "[hcl]") {
  CHECK(hcl_string("plain") == "plain");
  CHECK(hcl_string("a \"b\" \\c") == "a \\\"b\\\" \\\\c");
  CHECK(hcl_string("line\nnext\ttab\r") == "line\\nnext\\ttab\\r");
  CHECK(hcl_string("${var.x} %{if} $5 100%") == "$${var.x} %%{if} $5 100%");
  CHECK(hcl_string(std::string("\x01", 1)) == "\\u0001");
}

TEST_CASE("format_hcl indents by bracket depth and aligns one-line arguments", "[hcl]") {
  CHECK(format_hcl("resource \"a\" \"b\" {\nname = \"x\"\nlonger_name = 1\n\nblock {\n"
                   "k = [1, 2]\n}\n}\n") ==
        "resource \"a\" \"b\" {\n"
        "  name        = \"x\"\n"
        "  longer_name = 1\n"
        "\n"
        "  block {\n"
        "    k = [1, 2]\n"
        "  }\n"
        "}\n");
}

TEST_CASE("format_hcl: multi-line values break an alignment run", "[hcl]") {
  CHECK(format_hcl("x {\na = 1\npolicy = jsonencode({\nVersion = \"1\"\nStatement = [{\n"
                   "Effect = \"Allow\"\n}]\n})\nbb = 2\n}\n") ==
        "x {\n"
        "  a = 1\n"
        "  policy = jsonencode({\n"
        "    Version = \"1\"\n"
        "    Statement = [{\n"
        "      Effect = \"Allow\"\n"
        "    }]\n"
        "  })\n"
        "  bb = 2\n"
        "}\n");
}

TEST_CASE("format_hcl: objects on one line are not alignment cells", "[hcl]") {
  CHECK(format_hcl(
            "e = [\n{ name = \"A\", value = \"1\" },\n{ name = \"LONG\", value = \"2\" },\n]\n") ==
        "e = [\n"
        "  { name = \"A\", value = \"1\" },\n"
        "  { name = \"LONG\", value = \"2\" },\n"
        "]\n");
}

TEST_CASE("format_hcl: comparison operators, strings and comments are not assignments", "[hcl]") {
  CHECK(format_hcl("a = b == c\nlong_name = \"x = y\" # c = d\n") ==
        "a         = b == c\n"
        "long_name = \"x = y\" # c = d\n");
  CHECK(format_hcl("# only = a comment\nx = \"${a == b ? 1 : 2}\"\n") ==
        "# only = a comment\nx = \"${a == b ? 1 : 2}\"\n");
}

TEST_CASE("format_hcl keeps heredoc bodies exactly", "[hcl]") {
  CHECK(format_hcl("x {\nu = <<-EOT\n   keep   this\n{ not a block\n  EOT\ny = 1\n}\n") ==
        "x {\n"
        "  u = <<-EOT\n"
        "   keep   this\n"
        "{ not a block\n"
        "  EOT\n"
        "  y = 1\n"
        "}\n");
}

TEST_CASE("format_hcl tidies blank lines", "[hcl]") {
  CHECK(format_hcl("\n\na {\n\nb = 1\n\n\n\nc = 2\n\n}\n\n\n") == "a {\n  b = 1\n\n  c = 2\n}\n");
}
