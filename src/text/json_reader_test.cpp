#include "text/json_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <string>

#include <catch2/catch.hpp>

using stackplan::text::JsonError;
using stackplan::text::JsonReader;

namespace {

/// Serves `text` in reads of at most `step` bytes, so tokens straddle chunk boundaries.
JsonReader::ReadFn serve(const std::string& text, std::size_t step) {
  return [text, step, at = std::size_t{0}](char* buffer, std::size_t size) mutable -> long {
    std::size_t n = std::min({size, step, text.size() - at});
    std::copy_n(text.data() + at, n, buffer);
    at += n;
    return static_cast<long>(n);
  };
}

/// Skips (or with `build`, reads into a tree) the whole document; returns the error as
/// "offset: message", or "" when it is valid JSON.
std::string walk(const std::string& text, std::size_t step, std::size_t buffer, bool build) {
  try {
    JsonReader in(serve(text, step), buffer);
    if (build) {
      in.value();
    } else {
      in.skip();
    }
    in.end();
  } catch (const JsonError& e) {
    return std::to_string(e.offset) + ": " + e.message;
  }
  return "";
}

std::string skip_all(const std::string& text, std::size_t step = 1 << 20,
                     std::size_t buffer = 1 << 18) {
  return walk(text, step, buffer, false);
}

std::string read_all(const std::string& text, std::size_t step = 1 << 20) {
  return walk(text, step, 16, true);
}

}  // namespace

TEST_CASE("the reader accepts exactly the JSON texts a strict parser accepts", "[json]") {
  const char* valid[] = {"{}",
                         "[]",
                         " \t\r\n[ ]\n",
                         "0",
                         "-0",
                         "-0.0e-0",
                         "1.5E+3",
                         "123456789012345678901234567890",
                         "\"\"",
                         "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"",
                         "true",
                         "false",
                         "null",
                         "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}",
                         "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"",
                         "\xEF\xBB\xBF{\"bom\": true}",
                         "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"deep\"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                         "{\"a\":1,\"a\":2}",
                         "1e308",
                         "1e-400"};
  const char* invalid[] = {"",
                           " ",
                           "{",
                           "}",
                           "[1,]",
                           "{\"a\":1,}",
                           "{,}",
                           "[,1]",
                           "{\"a\" 1}",
                           "{a:1}",
                           "{'a':1}",
                           "[01]",
                           "[1.]",
                           "[.5]",
                           "[1e]",
                           "[+1]",
                           "[-]",
                           "[0x1]",
                           "[NaN]",
                           "[Infinity]",
                           "[tru]",
                           "[nul]",
                           "[True]",
                           "\"abc",
                           "\"\\x\"",
                           "\"\\u12G4\"",
                           "\"\\uDE00\"",
                           "\"\\uD800\"",
                           "\"\\uD800\\u0041\"",
                           "\"tab\there\"",
                           "\"\xC0\xAF\"",
                           "\"\xED\xA0\x80\"",
                           "\"\xF4\x90\x80\x80\"",
                           "\"\x80\"",
                           "\"\xE2\x82\"",
                           "[1] [2]",
                           "{} x",
                           "[1e400]",
                           "[-1e400]",
                           "[1 2]",
                           "{\"a\":1 \"b\":2}",
                           "[\"a\":1]",
                           "{\"a\"}",
                           "\xEF\xBB{}"};
  for (const char* text : valid) {
    INFO(text);
    CHECK(nlohmann::json::accept(text));
    CHECK(skip_all(text) == "");
    CHECK(skip_all(text, 1, 16) == "");
    CHECK(read_all(text, 3) == "");
  }
  for (const char* text : invalid) {
    INFO(text);
    CHECK_FALSE(nlohmann::json::accept(text));
    CHECK(skip_all(text) != "");
    CHECK(skip_all(text, 1, 16) != "");
    CHECK(read_all(text, 3) != "");
  }
}

TEST_CASE("errors name the byte and what was expected", "[json]") {
  CHECK(skip_all("{\"a\": 1,}") == "8: expected a key (a string) in an object, found '}'");
  CHECK(skip_all("{\"a\": 1 ]") == "8: expected ',' or '}' after an object member, found ']'");
  CHECK(skip_all("[1, 2}") == "5: expected ',' or ']' after an array element, found '}'");
  CHECK(skip_all("{\"a\" 1}") == "5: expected ':' after an object key, found '1'");
  CHECK(skip_all("[1, ]") == "4: expected a value, found ']'");
  CHECK(skip_all("{\"key\": \"val") ==
        "12: the file ends early (truncated?): expected '\"' to close a string");
  CHECK(skip_all("{\"a\": [1, 2") ==
        "11: the file ends early (truncated?): expected ',' or ']' after an array element");
  CHECK(skip_all("[\"a\nb\"]") == "3: unescaped control character byte 0x0A in a string");
  CHECK(skip_all("[\"\\q\"]") ==
        "3: expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u) after '\\', found 'q'");
  CHECK(skip_all("[\"\xC3\x28\"]") == "3: invalid UTF-8 in a string: '(' cannot follow byte 0xC3");
  CHECK(skip_all("[\"\xFF\"]") ==
        "2: invalid UTF-8 in a string: byte 0xFF cannot start a character");
  CHECK(skip_all("[1, 2e999]") == "4: number out of range: 2e999");
  CHECK(skip_all("[1] x") == "4: expected the end of the file after the document, found 'x'");
  CHECK(skip_all("[tr ]") == "3: expected 'true', found a space");
  // The same offsets when every byte arrives on its own and the buffer is tiny.
  CHECK(skip_all("{\"a\": 1,}", 1, 16) == "8: expected a key (a string) in an object, found '}'");
  CHECK(skip_all("{\"key\": \"val", 1, 16) ==
        "12: the file ends early (truncated?): expected '\"' to close a string");
}

TEST_CASE("reading walks a document and keeps strings and numbers exact", "[json]") {
  std::string text = R"({"sku": "ABC", "price": {"USD": "0.0960000000"}, "n": 1.50,
      "list": [true, false, null, -7], "esc": "a\"b\\c\u00e9\ud83d\ude00", "skip": {"x": [1, {}]}})";
  for (std::size_t step : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
    INFO(step);
    JsonReader in(serve(text, step), 16);
    REQUIRE(in.peek() == JsonReader::Type::object);
    in.begin_object();
    std::string key;
    std::string value;
    REQUIRE(in.next_key(key));
    CHECK(key == "sku");
    in.string(value);
    CHECK(value == "ABC");
    REQUIRE(in.next_key(key));
    CHECK(key == "price");
    nlohmann::json price = in.value();
    CHECK(price == nlohmann::json{{"USD", "0.0960000000"}});
    REQUIRE(in.next_key(key));
    CHECK(key == "n");
    CHECK(in.peek() == JsonReader::Type::number);
    in.number(value);
    CHECK(value == "1.50");
    REQUIRE(in.next_key(key));
    CHECK(key == "list");
    in.begin_array();
    REQUIRE(in.next_element());
    CHECK(in.boolean());
    REQUIRE(in.next_element());
    CHECK_FALSE(in.boolean());
    REQUIRE(in.next_element());
    CHECK(in.peek() == JsonReader::Type::null);
    in.null();
    REQUIRE(in.next_element());
    CHECK(in.value() == -7);
    CHECK_FALSE(in.next_element());
    REQUIRE(in.next_key(key));
    CHECK(key == "esc");
    in.string(value);
    CHECK(value == "a\"b\\c\xC3\xA9\xF0\x9F\x98\x80");
    REQUIRE(in.next_key(key));
    CHECK(key == "skip");
    in.skip();
    CHECK_FALSE(in.next_key(key));
    in.end();
    CHECK(in.offset() == text.size());
  }
}

TEST_CASE("value() keeps integers as numbers and other numbers as their text", "[json]") {
  JsonReader in(serve(R"([1, -2, 18446744073709551615, 18446744073709551616, 0.10, 1e2])", 5));
  nlohmann::json v = in.value();
  CHECK(v == nlohmann::json::parse(R"([1, -2, 18446744073709551615, "18446744073709551616",
                                      "0.10", "1e2"])"));
  std::string deep(600, '[');
  deep += std::string(600, ']');
  CHECK(read_all(deep) == "513: nested deeper than 512 levels");
  CHECK(skip_all(deep) == "");
}

TEST_CASE("a failed read is reported as such, at its offset", "[json]") {
  int calls = 0;
  JsonReader in(
      [&calls](char* buffer, std::size_t) -> long {
        if (calls++ == 0) {
          std::copy_n("[1, 2, ", 7, buffer);
          return 7;
        }
        errno = EIO;
        return -1;
      },
      16);
  try {
    in.skip();
    FAIL("no error");
  } catch (const JsonError& e) {
    CHECK(e.read_errno == EIO);
    CHECK(e.offset == 7);
    CHECK(e.message == "read error: Input/output error");
  }
}

TEST_CASE("what a caller keeps is bounded, what it skips is not", "[json]") {
  std::string big = "[\"" + std::string((16u << 20) + 1, 'x') + "\"]";
  CHECK(skip_all(big) == "");
  // 16 MiB + 1 characters: the limit is passed by the last one, before the closing quote.
  CHECK(read_all(big, 1 << 20) == "16777219: string longer than 16 MiB");
  std::string many = "[";
  for (int i = 0; i < 1200000; ++i) {
    many += "\"abcdefghijklm\",";
  }
  many += "0]";
  CHECK(skip_all(many) == "");
  std::string error = read_all(many, 1 << 20);
  CHECK(error.find(": value larger than 16 MiB") != std::string::npos);
}
