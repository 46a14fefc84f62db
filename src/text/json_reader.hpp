#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace stackplan::text {

/// Malformed input (or a failed read): the byte offset where it went wrong, and why.
struct JsonError {
  std::uint64_t offset = 0;
  std::string message;  ///< "expected ':' after an object key, found '}'"
  int read_errno = 0;   ///< non-zero when the read function failed, not the JSON
};

/// A pull reader for one JSON document of any size, read in fixed-size chunks: memory follows
/// the nesting depth (at most 100,000 levels) and what the caller keeps (each string or tree at
/// most 16 MiB), never the input's size.
///
/// The caller walks the document: `peek` names the next value, `begin_object` + `next_key`
/// and `begin_array` + `next_element` walk containers, and every value is then either read
/// (`string`, `number`, `boolean`, `null`, `value`) or skipped (`skip`). Skipping does not build
/// anything and runs at memory speed, but validates as strictly as reading: the whole input must
/// be one RFC 8259 JSON text (UTF-8 checked, `\u` escapes paired, no number beyond a double's
/// range), with nothing but whitespace after it. Errors are thrown as JsonError.
class JsonReader {
 public:
  /// Fills a buffer and returns the bytes read, 0 at the end, or -1 with errno set.
  using ReadFn = std::function<long(char*, std::size_t)>;

  enum class Type { object, array, string, number, boolean, null };

  explicit JsonReader(ReadFn read, std::size_t buffer_size = std::size_t{1} << 18);

  /// The type of the next value (not consumed).
  Type peek();

  void begin_object();
  /// The next key of the innermost object into `key`, or false (and the object closed) at its end.
  bool next_key(std::string& key);
  void begin_array();
  /// True when the innermost array has another element, false (and the array closed) at its end.
  bool next_element();

  /// A string's value (at most 16 MiB).
  void string(std::string& out);
  /// A number's text, exactly as written.
  void number(std::string& out);
  bool boolean();
  void null();
  /// One value into a tree (at most 512 levels deep and 16 MiB of input). Integers become numbers;
  /// other numbers keep their text as strings, so that prices stay exact.
  nlohmann::json value();
  /// Skips one value, whole.
  void skip();
  /// Checks that nothing but whitespace follows the document.
  void end();

  /// Offset of the next unread byte.
  std::uint64_t offset() const {
    return m_base + static_cast<std::uint64_t>(m_pos - m_buffer.data());
  }

 private:
  bool refill();
  std::size_t read_into(char* at, std::size_t size);
  /// The next byte after whitespace (not consumed), or -1 at the end of the input.
  int peek_byte() {
    // Fast path: already at a token (whitespace and control bytes are all <= ' ').
    if (m_pos != m_end && static_cast<unsigned char>(*m_pos) > ' ') {
      return static_cast<unsigned char>(*m_pos);
    }
    return peek_byte_slow();
  }
  int peek_byte_slow();
  int peek_raw();  // the next byte as is, whitespace included (not consumed), or -1
  [[noreturn]] void fail(const char* expected, const char* where);
  [[noreturn]] void fail_here(const std::string& what);
  void expect(char c, const char* where);
  template <bool Keep>
  void scan_string(std::string* out);
  template <bool Keep>
  void escape(std::string* out);
  template <bool Keep>
  void utf8(unsigned char lead, std::string* out);
  template <bool Keep>
  void scan_number(std::string* out);
  void literal(const char* word);
  void key_and_colon(std::string* key);
  void check_depth();
  nlohmann::json value_at(int depth);

  ReadFn m_read;
  std::vector<char> m_buffer;
  const char* m_pos = nullptr;
  const char* m_end = nullptr;
  std::uint64_t m_base = 0;  ///< offset of m_buffer[0] in the input
  bool m_eof = false;
  /// Open containers: 'o' or 'a', upper case until their first member has been read.
  std::vector<char> m_open;
  std::vector<char> m_skipping;
  std::string m_number;
  std::uint64_t m_value_start = 0;
};

}  // namespace stackplan::text
