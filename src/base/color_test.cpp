#include <catch2/catch.hpp>

#include "base/color.hpp"

using stackplan::paint;
using stackplan::Tone;
using stackplan::visible_width;

TEST_CASE("color: painted only when asked, and measured without its escapes", "[color]") {
  CHECK(paint("error", Tone::error, false) == "error");
  CHECK(paint("error", Tone::error, true) == "\033[1;31merror\033[0m");
  CHECK(paint("+$5.06", Tone::increase, true) == "\033[31m+$5.06\033[0m");
  CHECK(paint("", Tone::error, true).empty());
  CHECK(visible_width(paint("price missing", Tone::missing, true)) == 13);
  CHECK(visible_width("caf\xc3\xa9") == 4);
  CHECK(visible_width("a\033[1;31mb\033[0mc") == 3);
  CHECK(visible_width("\033[") == 0);  // a cut escape counts nothing, and reads no further
}
