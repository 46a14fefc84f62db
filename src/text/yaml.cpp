#include "text/yaml.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace stackplan::text {

using nlohmann::json;

// --- SourceMap ---

void SourceMap::set(const std::string& pointer, NodeOrigin origin) {
  m_entries[pointer] = std::move(origin);
}

const NodeOrigin* SourceMap::find(const std::string& pointer) const {
  auto it = m_entries.find(pointer);
  return it == m_entries.end() ? nullptr : &it->second;
}

SourceLoc SourceMap::value_loc(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (const NodeOrigin* o = find(p)) {
      if (o->value.known()) {
        return o->value;
      }
      if (o->key.known()) {
        return o->key;
      }
    }
    if (p.empty()) {
      return {};
    }
    p.erase(p.rfind('/'));
  }
}

SourceLoc SourceMap::key_loc(const std::string& pointer) const {
  if (const NodeOrigin* o = find(pointer)) {
    if (o->key.known()) {
      return o->key;
    }
  }
  return value_loc(pointer);
}

std::optional<std::string> SourceMap::raw(const std::string& pointer) const {
  const NodeOrigin* o = find(pointer);
  if (o == nullptr || o->raw.empty()) {
    return std::nullopt;
  }
  return o->raw;
}

void SourceMap::erase_below(const std::string& pointer) {
  std::string prefix = pointer + "/";
  auto it = m_entries.lower_bound(prefix);
  while (it != m_entries.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    it = m_entries.erase(it);
  }
}

void SourceMap::overlay(const SourceMap& patch, const std::string& patch_root,
                        const json& patch_value) {
  std::string prefix = patch_root + "/";
  for (auto it = patch.m_entries.lower_bound(prefix);
       it != patch.m_entries.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rel = it->first.substr(patch_root.size());
    const json* value = nullptr;
    try {
      value = &patch_value.at(json::json_pointer(rel));
    } catch (const json::exception&) {
      continue;
    }
    NodeOrigin origin = it->second;
    origin.from_scenario = true;
    if (value->is_object()) {
      if (find(rel) == nullptr) {
        set(rel, origin);
      }
      continue;
    }
    erase_below(rel);
    if (value->is_null()) {
      m_entries.erase(rel);
    } else {
      set(rel, origin);
    }
  }
}

void SourceMap::replace_subtree(const SourceMap& from, const std::string& pointer) {
  erase_below(pointer);
  m_entries.erase(pointer);
  if (const NodeOrigin* o = from.find(pointer)) {
    set(pointer, *o);
  }
  std::string prefix = pointer + "/";
  for (auto it = from.m_entries.lower_bound(prefix);
       it != from.m_entries.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    m_entries.insert(*it);
  }
}

std::string pointer_token(const std::string& key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> pointer_tokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  std::size_t i = 1;
  while (i <= pointer.size() && !pointer.empty()) {
    std::size_t end = pointer.find('/', i);
    if (end == std::string::npos) {
      end = pointer.size();
    }
    std::string key;
    for (std::size_t k = i; k < end; ++k) {
      if (pointer[k] == '~' && k + 1 < end) {
        key += pointer[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        key += pointer[k];
      }
    }
    tokens.push_back(std::move(key));
    i = end + 1;
  }
  return tokens;
}

std::string display_path(const std::string& pointer) {
  if (pointer.empty()) {
    return "the spec";
  }
  std::string out;
  for (const auto& key : pointer_tokens(pointer)) {
    bool index = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
    if (index && !out.empty()) {
      out += '[' + key + ']';
    } else {
      out += (out.empty() ? "" : ".") + key;
    }
  }
  return out;
}

// --- reading and encoding checks ---

std::shared_ptr<const SourceFile> read_source(const std::string& path, Diagnostics& diags,
                                              const ParseLimits& limits) {
  namespace fs = std::filesystem;
  auto unreadable = [&](const std::string& why, const char* code = "input.unreadable") {
    diags.add({Severity::error,
               SourceLoc{std::make_shared<SourceFile>(path, ""), 0, 0, 0},
               code,
               "cannot read spec: " + why,
               {},
               {}});
    return nullptr;
  };
  // "-" is standard input; pipes, process substitutions and devices have no size to trust, so
  // every input is read as a stream up to the limit.
  const bool from_stdin = path == "-";
  std::error_code ec;
  std::uintmax_t size = 0;
  if (!from_stdin) {
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return unreadable("no such file");
    }
    if (fs::is_directory(status)) {
      return unreadable("it is a directory");
    }
    if (fs::is_regular_file(status)) {
      size = fs::file_size(path, ec);
      if (ec) {
        size = 0;
      }
    }
  }
  if (size > limits.max_file_bytes) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.add({Severity::error,
               SourceLoc{file, 0, 0, 0},
               "spec.too-large",
               "spec file is " + std::to_string(size) + " bytes; the limit is " +
                   std::to_string(limits.max_file_bytes) + " bytes",
               "a spec describes one stack and is a few kilobytes; split or check the file",
               {}});
    return nullptr;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (!from_stdin) {
    errno = 0;
    file.open(path, std::ios::binary);
    if (!file) {
      const int error = errno;
      if (error == ENOENT) {
        return unreadable("no such file");
      }
      return unreadable(error != 0 ? std::strerror(error) : "cannot open it", k_unavailable_input);
    }
    in = &file;
  }
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  char buffer[65536];
  while (in->read(buffer, sizeof buffer) || in->gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in->gcount()));
    if (text.size() > limits.max_file_bytes) {
      return unreadable("it is larger than the limit of " + std::to_string(limits.max_file_bytes) +
                        " bytes");
    }
  }
  if (in->bad()) {
    return unreadable(errno != 0 ? std::strerror(errno) : "read error", k_unavailable_input);
  }
  return std::make_shared<SourceFile>(path, std::move(text));
}

bool check_text(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags) {
  const std::string& t = file->text();
  auto report = [&](std::size_t offset, std::string message, std::string hint) {
    auto [line, col] = file->position(offset);
    diags.add({Severity::error,
               SourceLoc{file, line, col, 1},
               "spec.encoding",
               std::move(message),
               std::move(hint),
               {}});
    return false;
  };
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(t[i]); };
  if (t.size() >= 2 && ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF))) {
    return report(0, "spec is UTF-16 encoded", "save the file as UTF-8");
  }
  std::size_t i = (t.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) ? 3 : 0;
  while (i < t.size()) {
    unsigned char c = at(i);
    if (c < 0x80) {
      if (c == 0) {
        return report(i, "spec contains a NUL byte; it is not a text file",
                      "give the path of a YAML or JSON spec");
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        char code[8];
        std::snprintf(code, sizeof code, "%02X", c);
        return report(i, std::string("spec contains the control character U+00") + code,
                      "remove it; YAML allows only printable characters");
      }
      ++i;
      continue;
    }
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    bool valid = length != 0 && c <= 0xF4 && c != 0xC0 && c != 0xC1 && i + length <= t.size();
    std::uint32_t cp = length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; valid && k < length; ++k) {
      unsigned char cc = at(i + k);
      valid = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (valid) {
      valid = !(length == 3 && cp < 0x800) && !(length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
              !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!valid) {
      char code[8];
      std::snprintf(code, sizeof code, "%02X", c);
      return report(i, std::string("invalid UTF-8 (byte 0x") + code + ")",
                    "save the file as UTF-8");
    }
    i += length;
  }
  return true;
}

// --- YAML events to JSON ---

namespace {

struct Abort {};

SourceLoc to_loc(const std::shared_ptr<const SourceFile>& file, const YAML::Mark& mark) {
  if (mark.is_null()) {
    return SourceLoc{file, 0, 0, 0};
  }
  return SourceLoc{file, mark.line + 1, mark.column + 1, 0};
}

class Builder : public YAML::EventHandler {
 public:
  Builder(std::shared_ptr<const SourceFile> file, Diagnostics& diags, const ParseLimits& limits,
          Document& doc)
      : m_file(std::move(file)), m_diags(diags), m_limits(limits), m_doc(doc) {}

  bool has_root() const { return m_has_root; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    scalar(mark, anchor, nullptr, "");
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
      fail(mark, "spec.syntax", "alias of an unknown anchor", {});
    }
    m_alias_values += it->second.nodes;
    count(mark, it->second.nodes);
    json copy = it->second.value;
    emit(std::move(copy), to_loc(m_file, mark), "");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    json v;
    if (tag == "?") {
      v = resolve_plain(value);
    } else if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      v = value;
    } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
               tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
      v = resolve_plain(value);
    } else {
      fail(mark, "spec.syntax", "unsupported YAML tag '" + tag + "'",
           "specs use plain YAML values; remove the tag");
    }
    scalar(mark, anchor, std::move(v), value);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    start(mark, tag, anchor, json::array());
  }
  void OnSequenceEnd() override { end(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    start(mark, tag, anchor, json::object());
  }
  void OnMapEnd() override { end(); }

 private:
  struct Frame {
    json value;
    std::string pointer;
    SourceLoc loc;
    YAML::anchor_t anchor = 0;
    std::size_t nodes_before = 0;
    bool expecting_key = true;
    std::string key;
    SourceLoc key_loc;
    bool discard_value = false;  ///< the value of a duplicate key: the first one stays
    std::unordered_map<std::string, SourceLoc> seen;
  };

  [[noreturn]] void fail(const YAML::Mark& mark, const char* code, std::string message,
                         std::string hint) {
    m_diags.add(
        {Severity::error, to_loc(m_file, mark), code, std::move(message), std::move(hint), {}});
    throw Abort{};
  }

  void count(const YAML::Mark& mark, std::size_t n) {
    m_nodes += n;
    if (m_nodes > m_limits.max_nodes) {
      const std::string limit = std::to_string(m_limits.max_nodes);
      if (m_alias_values * 2 > m_nodes) {
        fail(mark, "spec.too-large", "spec expands to more than " + limit + " values",
             "most of them are copies made by YAML aliases (*name); a spec needs far fewer "
             "values");
      }
      fail(mark, "spec.too-large",
           "spec has more than " + limit + " values (keys, list items and scalars)",
           "the largest stack spec needs a few hundred; is this the right file?");
    }
  }

  /// Pointer of the value about to be added to the innermost container.
  std::string child_pointer() const {
    if (m_stack.empty()) {
      return "";
    }
    const Frame& top = m_stack.back();
    if (top.value.is_array()) {
      return top.pointer + "/" + std::to_string(top.value.size());
    }
    return top.pointer + "/" + pointer_token(top.key);
  }

  bool at_key() const {
    return !m_stack.empty() && m_stack.back().value.is_object() && m_stack.back().expecting_key;
  }

  void scalar(const YAML::Mark& mark, YAML::anchor_t anchor, json value, const std::string& raw) {
    count(mark, 1);
    SourceLoc loc = to_loc(m_file, mark);
    if (at_key()) {
      Frame& top = m_stack.back();
      std::string key = value.is_string() ? value.get<std::string>() : raw;
      if (value.is_null() && raw.empty()) {
        fail(mark, "spec.syntax", "empty mapping key", {});
      }
      auto [it, inserted] = top.seen.emplace(key, loc);
      if (!inserted) {
        m_diags.add({Severity::error,
                     loc,
                     "spec.duplicate-key",
                     "duplicate key '" + key + "' in " + display_path(top.pointer),
                     "the first '" + key + "' is on line " + std::to_string(it->second.line) +
                         "; YAML keys must be unique, so keep one",
                     {}});
        top.discard_value = true;
      }
      top.key = key;
      top.key_loc = loc;
      top.expecting_key = false;
      if (anchor != 0) {
        m_anchors[anchor] = {json(key), 1};
      }
      return;
    }
    if (anchor != 0) {
      m_anchors[anchor] = {value, 1};
    }
    emit(std::move(value), loc, raw);
  }

  void start(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, json empty) {
    if (at_key()) {
      fail(mark, "spec.syntax", "a mapping key must be a plain value, not a collection", {});
    }
    if (tag != "?" && tag != "!" && !tag.empty() && tag != "tag:yaml.org,2002:map" &&
        tag != "tag:yaml.org,2002:seq") {
      fail(mark, "spec.syntax", "unsupported YAML tag '" + tag + "'",
           "specs use plain YAML values; remove the tag");
    }
    if (m_stack.size() >= m_limits.max_depth) {
      fail(mark, "spec.too-deep",
           "values are nested more than " + std::to_string(m_limits.max_depth) + " levels deep",
           "a spec is at most a few levels deep; check the brackets and indentation");
    }
    count(mark, 1);
    Frame frame;
    frame.pointer = child_pointer();
    frame.loc = to_loc(m_file, mark);
    frame.value = std::move(empty);
    frame.anchor = anchor;
    frame.nodes_before = m_nodes;
    m_stack.push_back(std::move(frame));
  }

  void end() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.anchor != 0) {
      m_anchors[frame.anchor] = {frame.value, m_nodes - frame.nodes_before + 1};
    }
    emit(std::move(frame.value), frame.loc, "");
  }

  void emit(json value, SourceLoc loc, const std::string& raw) {
    std::string pointer = child_pointer();
    NodeOrigin origin;
    origin.value = loc;
    if (value.is_number() || value.is_boolean() || value.is_string()) {
      origin.raw = raw;
    }
    if (m_stack.empty()) {
      m_doc.origins.set(pointer, std::move(origin));
      m_doc.value = std::move(value);
      m_has_root = true;
      return;
    }
    Frame& top = m_stack.back();
    if (top.value.is_array()) {
      m_doc.origins.set(pointer, std::move(origin));
      top.value.push_back(std::move(value));
      return;
    }
    top.expecting_key = true;
    if (top.discard_value) {
      top.discard_value = false;
      return;
    }
    origin.key = top.key_loc;
    m_doc.origins.set(pointer, std::move(origin));
    top.value[top.key] = std::move(value);
  }

  struct Anchored {
    json value;
    std::size_t nodes = 0;
  };

  std::shared_ptr<const SourceFile> m_file;
  Diagnostics& m_diags;
  const ParseLimits& m_limits;
  Document& m_doc;
  std::vector<Frame> m_stack;
  std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
  std::size_t m_nodes = 0;
  std::size_t m_alias_values = 0;  ///< values copied by aliases
  bool m_has_root = false;
};

/// YAML forbids tabs in indentation; report the first one (JSON files may use them freely).
bool check_tabs(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags) {
  const std::string& t = file->text();
  std::size_t first = t.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (t[first] == '{' || t[first] == '[')) {
    return true;  // flow style (JSON): tabs are whitespace there
  }
  bool at_line_start = true;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\n') {
      at_line_start = true;
    } else if (at_line_start && c == '\t') {
      auto [line, col] = file->position(i);
      diags.add({Severity::error,
                 SourceLoc{file, line, col, 1},
                 "spec.tab",
                 "tab character in indentation",
                 "YAML indents with spaces only; replace the tab",
                 {}});
      return false;
    } else if (c != ' ') {
      at_line_start = false;
    }
  }
  return true;
}

}  // namespace

json resolve_plain(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") {
    return true;
  }
  if (s == "false" || s == "False" || s == "FALSE") {
    return false;
  }
  if (s == "null" || s == "Null" || s == "NULL" || s == "~" || s.empty()) {
    return nullptr;
  }
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  auto all_of = [&](std::size_t from, const char* set) {
    return from < s.size() && s.find_first_not_of(set, from) == std::string::npos;
  };
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    bool hex = s[1] == 'x';
    if (all_of(2, hex ? "0123456789abcdefABCDEF" : "01234567")) {
      std::int64_t v = 0;
      auto r = std::from_chars(begin + 2, end, v, hex ? 16 : 8);
      if (r.ec == std::errc() && r.ptr == end) {
        return v;
      }
    }
    return s;
  }
  std::size_t digits_from = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (all_of(digits_from, "0123456789")) {
    std::int64_t v = 0;
    auto r = std::from_chars(begin + (s[0] == '+' ? 1 : 0), end, v);
    if (r.ec == std::errc() && r.ptr == end) {
      return v;
    }
  }
  // float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  {
    std::size_t i = digits_from;
    std::size_t int_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
      ++int_digits;
    }
    std::size_t frac_digits = 0;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        ++i;
        ++frac_digits;
      }
    }
    bool ok = int_digits + frac_digits > 0;
    if (ok && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        ++i;
      }
      std::size_t exp_digits = 0;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        ++i;
        ++exp_digits;
      }
      ok = exp_digits > 0;
    }
    if (ok && i == s.size()) {
      double v = std::strtod(s.c_str(), nullptr);
      if (std::isfinite(v)) {
        return v;
      }
    }
  }
  return s;
}

std::optional<Document> parse_document(const std::shared_ptr<const SourceFile>& file,
                                       Diagnostics& diags, const ParseLimits& limits) {
  if (!check_text(file, diags) || !check_tabs(file, diags)) {
    return std::nullopt;
  }
  Document doc;
  doc.file = file;
  std::istringstream in(file->text());
  try {
    YAML::Parser parser(in);
    Builder builder(file, diags, limits, doc);
    parser.HandleNextDocument(builder);
    if (!builder.has_root()) {
      diags.add({Severity::error,
                 SourceLoc{file, 1, 1, 1},
                 "spec.empty",
                 "spec is empty",
                 k_first_spec_hint,
                 {}});
      return std::nullopt;
    }
    Document extra;
    Builder second(file, diags, limits, extra);
    if (parser.HandleNextDocument(second) && second.has_root()) {
      SourceLoc loc = extra.origins.value_loc("");
      diags.add({Severity::error,
                 loc,
                 "spec.syntax",
                 "a spec file holds one YAML document",
                 "remove the second document (after '---')",
                 {}});
      return std::nullopt;
    }
  } catch (const Abort&) {
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    std::string message = e.msg;
    diags.add(
        {Severity::error, to_loc(file, e.mark), "spec.syntax", "invalid YAML: " + message, {}, {}});
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.add({Severity::error,
               to_loc(file, e.mark),
               "spec.syntax",
               std::string("invalid YAML: ") + e.msg,
               {},
               {}});
    return std::nullopt;
  }
  return doc;
}

std::optional<Document> read_document(const std::string& path, Diagnostics& diags,
                                      const ParseLimits& limits) {
  auto file = read_source(path, diags, limits);
  if (!file) {
    return std::nullopt;
  }
  return parse_document(file, diags, limits);
}

}  // namespace stackplan::text
