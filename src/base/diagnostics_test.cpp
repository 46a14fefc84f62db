#include "base/diagnostics.hpp"

#include <memory>

#include <catch2/catch.hpp>

using namespace stackplan;

namespace {
std::shared_ptr<const SourceFile> file(std::string text) {
  return std::make_shared<SourceFile>("spec.yaml", std::move(text));
}
}  // namespace

TEST_CASE("source file lines and positions", "[diagnostics]") {
  SourceFile f("a.yaml", "one\r\ntwo\nthree");
  CHECK(f.line_count() == 3);
  CHECK(f.line(1) == "one");
  CHECK(f.line(3) == "three");
  CHECK(f.line(4).empty());
  CHECK(f.position(0) == std::make_pair(1, 1));
  CHECK(f.position(6) == std::make_pair(2, 2));
}

TEST_CASE("a diagnostic prints gcc-style with the line, a caret and the hint", "[diagnostics]") {
  Diagnostic d{
      Severity::error,          SourceLoc{file("name: shop\nregoin: us-east-1\n"), 2, 1, 0},
      "spec.unknown-key",       "unknown key 'regoin'",
      "did you mean 'region'?", {}};
  CHECK(format_diagnostic(d) ==
        "spec.yaml:2:1: error: unknown key 'regoin' [spec.unknown-key]\n"
        " 2 | regoin: us-east-1\n"
        "   | ^~~~~~\n"
        "hint: did you mean 'region'?\n");
}

TEST_CASE("the caret measures quoted and flow tokens", "[diagnostics]") {
  auto f = file("tags: {a: \"x, y\", b: 2}\n");
  Diagnostic quoted{Severity::warning, SourceLoc{f, 1, 11, 0}, "c", "m", "", {}};
  CHECK(format_diagnostic(quoted).find("   |           ^~~~~~\n") != std::string::npos);
  Diagnostic plain{Severity::warning, SourceLoc{f, 1, 22, 0}, "c", "m", "", {}};
  CHECK(format_diagnostic(plain).find("   |                      ^\n") != std::string::npos);
}

TEST_CASE("multi-byte characters keep the caret aligned", "[diagnostics]") {
  Diagnostic d{
      Severity::error, SourceLoc{file("name: \"Jos\xc3\xa9\" bad\n"), 1, 15, 3}, "c", "m", "", {}};
  CHECK(format_diagnostic(d).find(" 1 | name: \"Jos\xc3\xa9\" bad\n   |              ^~~\n") !=
        std::string::npos);
}

TEST_CASE("without a line only the file is named", "[diagnostics]") {
  Diagnostic d{Severity::error, SourceLoc{file(""), 0, 0, 0}, "input.unreadable", "gone", "", {}};
  CHECK(format_diagnostic(d) == "spec.yaml: error: gone [input.unreadable]\n");
}

TEST_CASE("diagnostics are counted, de-duplicated and sorted by place", "[diagnostics]") {
  auto f = file("a\nb\nc\n");
  Diagnostics diags;
  diags.error(SourceLoc{f, 3, 1, 0}, "x", "third");
  diags.warning(SourceLoc{f, 1, 1, 0}, "y", "first");
  diags.error(SourceLoc{f, 3, 1, 0}, "x", "third");
  CHECK(diags.error_count() == 1);
  CHECK(diags.warning_count() == 1);
  diags.sort();
  CHECK(diags.all().front().message == "first");
  CHECK(format_counts(2, 1) == "2 errors, 1 warning");
  CHECK(format_counts(0, 0).empty());
}
