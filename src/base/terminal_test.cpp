#include <catch2/catch.hpp>

#include "base/terminal.hpp"

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

TEST_CASE("terminal: words wrapped to a width, none cut", "[terminal]") {
  using stackplan::wrap_words;
  using V = std::vector<std::string>;
  CHECK(wrap_words("short", 0) == V{"short"});
  CHECK(wrap_words("short", 10) == V{"short"});
  CHECK(wrap_words("one two three four", 9) == V{"one two", "three", "four"});
  CHECK(wrap_words("one two three", 9, 4) == V{"one", "two three"});
  CHECK(wrap_words("a verylongword b", 5) == V{"a", "verylongword", "b"});
  // Escapes take no room.
  CHECK(wrap_words("\033[1mab\033[0m cd", 5) == V{"\033[1mab\033[0m cd"});
}

TEST_CASE("terminal: a label and its text as lines, continuations under a hang", "[terminal]") {
  using stackplan::wrap_lines;
  CHECK(wrap_lines("note: ", "short", 0, 2) == "note: short\n");
  CHECK(wrap_lines("note: ", "one two three", 0, 2) == "note: one two three\n");
  // 30 columns: the first line has 30 - 6 for text, the others 30 - 2.
  CHECK(wrap_lines("note: ", "aaaa bbbb cccc dddd eeee ffff gggg", 30, 2) ==
        "note: aaaa bbbb cccc dddd eeee\n  ffff gggg\n");
  CHECK(wrap_lines("note: ", "aaaa bbbb cccc dddd eeeee ffff", 30, 2) ==
        "note: aaaa bbbb cccc dddd\n  eeeee ffff\n");
  // Too narrow: 20 columns of text are kept.
  CHECK(wrap_lines("[1] ", "aaaa bbbb cccc dddd eeee", 10, 4) ==
        "[1] aaaa bbbb cccc dddd\n    eeee\n");
}
