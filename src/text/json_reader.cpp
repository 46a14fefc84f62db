#include "text/json_reader.hpp"

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace stackplan::text {

namespace {

constexpr std::size_t k_max_depth = 100000;     // nesting levels, reading or skipping
constexpr std::size_t k_max_number = 1u << 20;  // characters in one number
constexpr std::size_t k_max_kept = 16u << 20;   // bytes of one string read, or of one value()

constexpr std::array<bool, 256> table(bool (*pick)(unsigned)) {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    t[c] = pick(c);
  }
  return t;
}

constexpr auto k_space =
    table([](unsigned c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
/// Bytes that end the fast scan of a string: its end, an escape, a control character, or the
/// first byte of a multi-byte UTF-8 sequence (validated on its own).
constexpr auto k_string_stop =
    table([](unsigned c) { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; });

/// The first byte in [p, e) that is not whitespace, or e.
const char* skip_space(const char* p, const char* e) {
  // Most runs are empty or one space (": "); indentation takes the vector path.
  if (e - p >= 2) {
    if (!k_space[static_cast<unsigned char>(p[0])]) {
      return p;
    }
    if (!k_space[static_cast<unsigned char>(p[1])]) {
      return p + 1;
    }
  }
#if defined(__SSE2__)
  while (e - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i space = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    auto other = static_cast<unsigned>(~_mm_movemask_epi8(space)) & 0xFFFFu;
    if (other != 0) {
      return p + __builtin_ctz(other);
    }
    p += 16;
  }
#endif
  while (p != e && k_space[static_cast<unsigned char>(*p)]) {
    ++p;
  }
  return p;
}

/// The first byte in [p, e) that ends the fast scan of a string (k_string_stop), or e.
const char* scan_plain(const char* p, const char* e) {
#if defined(__SSE2__)
  while (e - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // As signed bytes, "below 0x20 or from 0x80 up" is one comparison: v < 0x20.
    __m128i stop = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
        _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
    auto found = static_cast<unsigned>(_mm_movemask_epi8(stop));
    if (found != 0) {
      return p + __builtin_ctz(found);
    }
    p += 16;
  }
#endif
  while (p != e && !k_string_stop[static_cast<unsigned char>(*p)]) {
    ++p;
  }
  return p;
}

bool is_digit(int c) {
  return c >= '0' && c <= '9';
}

std::string describe(int c) {
  if (c >= 0x21 && c < 0x7f) {
    return std::string("'") + static_cast<char>(c) + "'";
  }
  if (c == ' ') {
    return "a space";
  }
  static const char* hex = "0123456789ABCDEF";
  return std::string("byte 0x") + hex[(c >> 4) & 0xf] + hex[c & 0xf];
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

JsonReader::JsonReader(ReadFn read, std::size_t buffer_size)
    : m_read(std::move(read)), m_buffer(buffer_size < 16 ? 16 : buffer_size) {
  m_pos = m_end = m_buffer.data();
  // A UTF-8 byte order mark is allowed before the document: read at least three bytes to see.
  refill();
  while (!m_eof && m_end - m_pos < 3) {
    auto filled = static_cast<std::size_t>(m_end - m_buffer.data());
    std::size_t n = read_into(m_buffer.data() + filled, m_buffer.size() - filled);
    m_eof = n == 0;
    m_end += n;
  }
  if (m_end - m_pos >= 3 && std::memcmp(m_pos, "\xEF\xBB\xBF", 3) == 0) {
    m_pos += 3;
  }
}

std::size_t JsonReader::read_into(char* at, std::size_t size) {
  while (true) {
    long n = m_read(at, size);
    if (n >= 0) {
      return static_cast<std::size_t>(n);
    }
    if (errno != EINTR) {
      int e = errno;
      throw JsonError{offset(), std::string("read error: ") + std::strerror(e), e};
    }
  }
}

bool JsonReader::refill() {
  if (m_eof) {
    return false;
  }
  m_base += static_cast<std::uint64_t>(m_end - m_buffer.data());
  m_pos = m_end = m_buffer.data();
  std::size_t n = read_into(m_buffer.data(), m_buffer.size());
  m_eof = n == 0;
  m_end += n;
  return n != 0;
}

int JsonReader::peek_byte_slow() {
  while (true) {
    const char* p = skip_space(m_pos, m_end);
    const char* e = m_end;
    m_pos = p;
    if (p != e) {
      return static_cast<unsigned char>(*p);
    }
    if (!refill()) {
      return -1;
    }
  }
}

int JsonReader::peek_raw() {
  if (m_pos == m_end && !refill()) {
    return -1;
  }
  return static_cast<unsigned char>(*m_pos);
}

void JsonReader::fail(const char* expected, const char* where) {
  int c = peek_raw();
  std::string message = c < 0 ? "the file ends early (truncated?): expected " : "expected ";
  message += expected;
  if (*where != '\0') {
    message += ' ';
    message += where;
  }
  if (c >= 0) {
    message += ", found " + describe(c);
  }
  throw JsonError{offset(), std::move(message), 0};
}

void JsonReader::fail_here(const std::string& what) {
  throw JsonError{offset(), what, 0};
}

void JsonReader::expect(char c, const char* where) {
  if (peek_byte() != static_cast<unsigned char>(c)) {
    const char quoted[] = {'\'', c, '\'', '\0'};
    fail(quoted, where);
  }
  ++m_pos;
}

JsonReader::Type JsonReader::peek() {
  switch (peek_byte()) {
    case '{':
      return Type::object;
    case '[':
      return Type::array;
    case '"':
      return Type::string;
    case 't':
    case 'f':
      return Type::boolean;
    case 'n':
      return Type::null;
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      return Type::number;
    default:
      fail("a value", "");
  }
}

void JsonReader::check_depth() {
  if (m_open.size() + m_skipping.size() >= k_max_depth) {
    fail_here("nested deeper than " + std::to_string(k_max_depth) + " levels");
  }
}

void JsonReader::begin_object() {
  expect('{', "");
  check_depth();
  m_open.push_back('O');
}

void JsonReader::key_and_colon(std::string* key) {
  if (peek_byte() != '"') {
    fail("a key (a string)", "in an object");
  }
  ++m_pos;
  if (key != nullptr) {
    key->clear();
    scan_string<true>(key);
  } else {
    scan_string<false>(nullptr);
  }
  expect(':', "after an object key");
}

bool JsonReader::next_key(std::string& key) {
  char& top = m_open.back();
  int c = peek_byte();
  if (c == '}') {
    ++m_pos;
    m_open.pop_back();
    return false;
  }
  if (top == 'O') {
    top = 'o';
    if (c != '"') {
      fail("a key or '}'", "in an object");
    }
  } else if (c == ',') {
    ++m_pos;
  } else {
    fail("',' or '}'", "after an object member");
  }
  key_and_colon(&key);
  return true;
}

void JsonReader::begin_array() {
  expect('[', "");
  check_depth();
  m_open.push_back('A');
}

bool JsonReader::next_element() {
  char& top = m_open.back();
  int c = peek_byte();
  if (c == ']') {
    ++m_pos;
    m_open.pop_back();
    return false;
  }
  if (top == 'A') {
    top = 'a';
  } else if (c == ',') {
    ++m_pos;
  } else {
    fail("',' or ']'", "after an array element");
  }
  return true;
}

void JsonReader::string(std::string& out) {
  if (peek_byte() != '"') {
    fail("a string", "");
  }
  ++m_pos;
  out.clear();
  scan_string<true>(&out);
}

template <bool Keep>
void JsonReader::scan_string(std::string* out) {
  while (true) {
    const char* p = scan_plain(m_pos, m_end);
    const char* e = m_end;
    if constexpr (Keep) {
      out->append(m_pos, p);
    }
    m_pos = p;
    if (Keep && out->size() > k_max_kept) {
      fail_here("string longer than 16 MiB");
    }
    if (p == e) {
      if (!refill()) {
        fail("'\"'", "to close a string");
      }
      continue;
    }
    auto c = static_cast<unsigned char>(*p);
    if (c == '"') {
      ++m_pos;
      return;
    }
    if (c == '\\') {
      ++m_pos;
      escape<Keep>(out);
    } else if (c < 0x20) {
      fail_here("unescaped control character " + describe(c) + " in a string");
    } else {
      utf8<Keep>(c, out);
    }
  }
}

template <bool Keep>
void JsonReader::escape(std::string* out) {
  auto hex4 = [this]() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int c = peek_raw();
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) {
        fail("a hexadecimal digit", "in a \\u escape");
      }
      v = v * 16 + static_cast<std::uint32_t>(d);
      ++m_pos;
    }
    return v;
  };
  int c = peek_raw();
  char plain = 0;
  switch (c) {
    case '"':
    case '\\':
    case '/':
      plain = static_cast<char>(c);
      break;
    case 'b':
      plain = '\b';
      break;
    case 'f':
      plain = '\f';
      break;
    case 'n':
      plain = '\n';
      break;
    case 'r':
      plain = '\r';
      break;
    case 't':
      plain = '\t';
      break;
    case 'u': {
      ++m_pos;
      std::uint32_t cp = hex4();
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fail_here("a \\u escape of a low surrogate must follow one of a high surrogate");
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (peek_raw() != '\\') {
          fail("'\\u' and a low surrogate", "after a high surrogate");
        }
        ++m_pos;
        if (peek_raw() != 'u') {
          fail("'\\u' and a low surrogate", "after a high surrogate");
        }
        ++m_pos;
        std::uint32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) {
          fail_here("a \\u escape of a high surrogate must be followed by one of a low surrogate");
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      if constexpr (Keep) {
        append_utf8(*out, cp);
      }
      return;
    }
    default:
      fail("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)", "after '\\'");
  }
  ++m_pos;
  if constexpr (Keep) {
    out->push_back(plain);
  }
}

template <bool Keep>
void JsonReader::utf8(unsigned char lead, std::string* out) {
  // RFC 3629: the first continuation byte's range depends on the lead byte; no overlong forms,
  // no surrogates, nothing above U+10FFFF.
  int more = 0;
  int lo = 0x80;
  int hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    more = 1;
  } else if (lead == 0xE0) {
    more = 2;
    lo = 0xA0;
  } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    more = 2;
  } else if (lead == 0xED) {
    more = 2;
    hi = 0x9F;
  } else if (lead == 0xF0) {
    more = 3;
    lo = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    more = 3;
  } else if (lead == 0xF4) {
    more = 3;
    hi = 0x8F;
  } else {
    fail_here("invalid UTF-8 in a string: " + describe(lead) + " cannot start a character");
  }
  ++m_pos;
  char bytes[4] = {static_cast<char>(lead), 0, 0, 0};
  for (int i = 1; i <= more; ++i) {
    int c = peek_raw();
    if (c < lo || c > hi) {
      if (c < 0) {
        fail("'\"'", "to close a string");
      }
      fail_here("invalid UTF-8 in a string: " + describe(c) + " cannot follow " +
                describe(bytes[i - 1] & 0xff));
    }
    bytes[i] = static_cast<char>(c);
    ++m_pos;
    lo = 0x80;
    hi = 0xBF;
  }
  if constexpr (Keep) {
    out->append(bytes, static_cast<std::size_t>(more + 1));
  }
}

template <bool Keep>
void JsonReader::scan_number(std::string* out) {
  std::uint64_t start = offset();
  m_number.clear();
  bool plain_integer = true;
  int c = peek_raw();
  auto take = [&]() {
    if (m_number.size() >= k_max_number) {
      fail_here("number longer than " + std::to_string(k_max_number) + " characters");
    }
    m_number.push_back(static_cast<char>(c));
    ++m_pos;
    c = peek_raw();
  };
  if (c == '-') {
    take();
  }
  if (c == '0') {
    take();
  } else if (c >= '1' && c <= '9') {
    while (is_digit(c)) {
      take();
    }
  } else {
    fail("a digit", "in a number");
  }
  if (c == '.') {
    plain_integer = false;
    take();
    if (!is_digit(c)) {
      fail("a digit", "after a decimal point");
    }
    while (is_digit(c)) {
      take();
    }
  }
  if (c == 'e' || c == 'E') {
    plain_integer = false;
    take();
    if (c == '+' || c == '-') {
      take();
    }
    if (!is_digit(c)) {
      fail("a digit", "in an exponent");
    }
    while (is_digit(c)) {
      take();
    }
  }
  // Numbers are kept as text, but one no double can hold is refused, as other strict parsers do.
  if ((!plain_integer || m_number.size() > 300) &&
      !std::isfinite(std::strtod(m_number.c_str(), nullptr))) {
    throw JsonError{start, "number out of range: " + m_number.substr(0, 40), 0};
  }
  if constexpr (Keep) {
    *out = m_number;
  }
}

void JsonReader::number(std::string& out) {
  int c = peek_byte();
  if (c != '-' && !is_digit(c)) {
    fail("a number", "");
  }
  scan_number<true>(&out);
}

void JsonReader::literal(const char* word) {
  for (const char* w = word; *w != '\0'; ++w) {
    if (peek_raw() != static_cast<unsigned char>(*w)) {
      const std::string quoted = std::string("'") + word + "'";
      fail(quoted.c_str(), "");
    }
    ++m_pos;
  }
}

bool JsonReader::boolean() {
  int c = peek_byte();
  if (c == 't') {
    literal("true");
    return true;
  }
  if (c != 'f') {
    fail("'true' or 'false'", "");
  }
  literal("false");
  return false;
}

void JsonReader::null() {
  if (peek_byte() != 'n') {
    fail("'null'", "");
  }
  literal("null");
}

void JsonReader::skip() {
  std::size_t base = m_skipping.size();
  while (true) {
    // A value.
    int c = peek_byte();
    switch (c) {
      case '{':
      case '[':
        ++m_pos;
        if (peek_byte() == (c == '{' ? '}' : ']')) {
          ++m_pos;
          break;  // empty
        }
        check_depth();
        m_skipping.push_back(c == '{' ? 'o' : 'a');
        if (c == '{') {
          key_and_colon(nullptr);
        }
        continue;
      case '"':
        ++m_pos;
        scan_string<false>(nullptr);
        break;
      case 't':
        literal("true");
        break;
      case 'f':
        literal("false");
        break;
      case 'n':
        literal("null");
        break;
      default:
        if (c == '-' || is_digit(c)) {
          scan_number<false>(nullptr);
          break;
        }
        fail("a value", "");
    }
    // After a value: close containers until one continues.
    while (true) {
      if (m_skipping.size() == base) {
        return;
      }
      char top = m_skipping.back();
      c = peek_byte();
      if (c == ',') {
        ++m_pos;
        if (top == 'o') {
          key_and_colon(nullptr);
        }
        break;
      }
      if ((top == 'o' && c == '}') || (top == 'a' && c == ']')) {
        ++m_pos;
        m_skipping.pop_back();
        continue;
      }
      if (top == 'o') {
        fail("',' or '}'", "after an object member");
      }
      fail("',' or ']'", "after an array element");
    }
  }
}

nlohmann::json JsonReader::value() {
  m_value_start = offset();
  return value_at(0);
}

nlohmann::json JsonReader::value_at(int depth) {
  if (depth > 512) {
    fail_here("nested deeper than 512 levels");
  }
  if (offset() - m_value_start > k_max_kept) {
    fail_here("value larger than 16 MiB");
  }
  switch (peek()) {
    case Type::object: {
      begin_object();
      nlohmann::json o = nlohmann::json::object();
      std::string key;
      while (next_key(key)) {
        o[key] = value_at(depth + 1);
      }
      return o;
    }
    case Type::array: {
      begin_array();
      nlohmann::json a = nlohmann::json::array();
      while (next_element()) {
        a.push_back(value_at(depth + 1));
      }
      return a;
    }
    case Type::string: {
      std::string s;
      string(s);
      return s;
    }
    case Type::number: {
      std::string text;
      number(text);
      const char* first = text.data();
      const char* last = first + text.size();
      if (text.find_first_of(".eE") == std::string::npos) {
        std::int64_t i = 0;
        if (auto r = std::from_chars(first, last, i); r.ec == std::errc() && r.ptr == last) {
          return i;
        }
        std::uint64_t u = 0;
        if (auto r = std::from_chars(first, last, u); r.ec == std::errc() && r.ptr == last) {
          return u;
        }
      }
      return text;
    }
    case Type::boolean:
      return boolean();
    case Type::null:
      null();
      return nullptr;
  }
  return nullptr;
}

void JsonReader::end() {
  if (peek_byte() != -1) {
    fail("the end of the file", "after the document");
  }
}

}  // namespace stackplan::text
