// Differential fuzzing of the streaming JSON reader the price file importer runs on: for any
// input it must accept exactly what nlohmann's strict parser accepts, report the same error
// however the input is split into reads, and read the same values.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "text/json_reader.hpp"

namespace {

using stackplan::text::JsonError;
using stackplan::text::JsonReader;

JsonReader::ReadFn serve(const std::string& text, std::size_t step) {
  return [&text, step, at = std::size_t{0}](char* buffer, std::size_t size) mutable -> long {
    std::size_t n = std::min({size, step, text.size() - at});
    std::copy_n(text.data() + at, n, buffer);
    at += n;
    return static_cast<long>(n);
  };
}

/// "" when the reader accepts the text by skipping it, else "offset: message".
std::string skip_verdict(const std::string& text, std::size_t step, std::size_t buffer) {
  try {
    JsonReader in(serve(text, step), buffer);
    in.skip();
    in.end();
  } catch (const JsonError& e) {
    if (e.offset > text.size() || e.message.empty()) {
      __builtin_trap();
    }
    return std::to_string(e.offset) + ": " + e.message;
  }
  return "";
}

/// Ours keeps non-integer numbers as text; nlohmann holds them as doubles.
bool same(const nlohmann::json& ours, const nlohmann::json& theirs) {
  if (theirs.is_number_float()) {
    return ours.is_string() &&
           std::strtod(ours.get<std::string>().c_str(), nullptr) == theirs.get<double>();
  }
  if (theirs.is_object()) {
    if (!ours.is_object() || ours.size() != theirs.size()) {
      return false;
    }
    for (const auto& [key, value] : theirs.items()) {
      auto it = ours.find(key);
      if (it == ours.end() || !same(*it, value)) {
        return false;
      }
    }
    return true;
  }
  if (theirs.is_array()) {
    if (!ours.is_array() || ours.size() != theirs.size()) {
      return false;
    }
    for (std::size_t i = 0; i < theirs.size(); ++i) {
      if (!same(ours[i], theirs[i])) {
        return false;
      }
    }
    return true;
  }
  return ours == theirs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // nlohmann's lexer takes a NUL byte between tokens for the end of the input; RFC 8259 (and
  // this reader) do not, so a text with NUL bytes is only checked for consistency.
  bool comparable = text.find('\0') == std::string::npos;
  bool valid = comparable && nlohmann::json::accept(text);
  std::string whole = skip_verdict(text, text.size() + 1, std::size_t{1} << 18);
  std::size_t step = size == 0 ? 1 : 1 + data[size - 1] % 13;
  std::string pieces = skip_verdict(text, step, 16);
  if ((comparable && valid != whole.empty()) || whole != pieces) {
    __builtin_trap();
  }
  try {
    JsonReader in(serve(text, step), 16);
    nlohmann::json ours = in.value();
    in.end();
    if (!whole.empty() || (comparable && !same(ours, nlohmann::json::parse(text)))) {
      __builtin_trap();
    }
  } catch (const JsonError& e) {
    // value() builds trees at most 512 levels deep; skipping has no such limit.
    if (whole.empty() && e.message.rfind("nested deeper than 512", 0) != 0) {
      __builtin_trap();
    }
  }
  return 0;
}
