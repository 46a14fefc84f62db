#include "base/result.hpp"

#include <memory>

#include <catch2/catch.hpp>

using namespace stackplan;

namespace {
Result<int> half(int n) {
  if (n % 2 != 0) {
    return failure(std::to_string(n) + " is odd", "test.odd");
  }
  return n / 2;
}
}  // namespace

TEST_CASE("a result holds a value or the problem that kept it from being made", "[result]") {
  auto ok = half(8);
  REQUIRE(ok);
  CHECK(*ok == 4);
  CHECK(ok.error().empty());

  auto odd = half(3);
  CHECK_FALSE(odd);
  CHECK(odd.error() == "3 is odd");
  CHECK(odd.problem().code == "test.odd");
  CHECK(odd.problem().severity == Severity::error);
  CHECK(format_diagnostic(odd.problem()) == "stackplan: error: 3 is odd [test.odd]\n");

  // A value that can only be moved comes out by moving the result.
  Result<std::unique_ptr<int>> owned = std::make_unique<int>(7);
  std::unique_ptr<int> taken = *std::move(owned);
  CHECK(*taken == 7);
}

TEST_CASE("a problem outside a held file is printed with its name in place of a line", "[result]") {
  Diagnostic d = failure("malformed JSON: expected ','");
  d.loc.where = "offer.json: byte 1042";
  CHECK(format_diagnostic(d) == "offer.json: byte 1042: error: malformed JSON: expected ','\n");
}
