#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"
#include "base/source.hpp"

namespace stackplan::text {

/// Where one value of a document came from: its key (for map entries) and its value, plus the
/// scalar text exactly as written (so "13.20" and "0.024" stay exact).
struct NodeOrigin {
  SourceLoc key;
  SourceLoc value;
  std::string raw;
  bool from_scenario = false;  ///< written in a scenario's patch, not in the base spec
};

/// JSON pointer ("/compute/min") -> origin. Kept beside a nlohmann::json value so that standard
/// JSON operations (merge patch) can run on the value while every path keeps its source line.
class SourceMap {
 public:
  void set(const std::string& pointer, NodeOrigin origin);
  const NodeOrigin* find(const std::string& pointer) const;

  /// Location of the value at `pointer`, or of its nearest ancestor that has one.
  SourceLoc value_loc(const std::string& pointer) const;
  /// Location of the key of `pointer`, falling back to its value, then to ancestors.
  SourceLoc key_loc(const std::string& pointer) const;
  /// Scalar text as written, when the value at `pointer` was a scalar in the source.
  std::optional<std::string> raw(const std::string& pointer) const;

  /// Applies the origins of a merge patch: entries of `patch` below `patch_root` move to the
  /// same paths below the root of this map, and whatever a non-object patch value replaces
  /// is forgotten. `patch_value` is the JSON value found at `patch_root`.
  void overlay(const SourceMap& patch, const std::string& patch_root,
               const nlohmann::json& patch_value);

  /// Replaces the origins at and below `pointer` with those `from` has there.
  void replace_subtree(const SourceMap& from, const std::string& pointer);

 private:
  void erase_below(const std::string& pointer);
  std::map<std::string, NodeOrigin> m_entries;
};

/// A parsed spec document.
struct Document {
  std::shared_ptr<const SourceFile> file;
  nlohmann::json value;
  SourceMap origins;
};

/// The hint of a spec with nothing usable in it: where a first spec comes from.
inline constexpr const char* k_first_spec_hint =
    "'stackplan init' writes a starter spec; the examples are in share/stackplan/examples "
    "where stackplan is installed";

/// Limits that keep hostile input cheap.
struct ParseLimits {
  std::size_t max_file_bytes = 8u << 20;  ///< 8 MiB
  std::size_t max_depth = 64;
  std::size_t max_nodes = 100'000;  ///< after alias expansion
  std::size_t max_scalar_bytes = 1u << 20;
};

/// Escapes one JSON pointer reference token (RFC 6901).
std::string pointer_token(const std::string& key);
/// The unescaped reference tokens of a JSON pointer: "/tags/a~1b" -> {"tags", "a/b"}.
std::vector<std::string> pointer_tokens(const std::string& pointer);
/// "/services/0/cpu" -> "services[0].cpu", for messages.
std::string display_path(const std::string& pointer);

/// Reads a file with the size limit and encoding checks; null on failure (reported).
std::shared_ptr<const SourceFile> read_source(const std::string& path, Diagnostics& diags,
                                              const ParseLimits& limits = {});

/// Checks that text is UTF-8 without NUL or control bytes; reports the first offending byte.
bool check_text(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags);

/// YAML 1.2 core schema resolution of a plain (unquoted) scalar: booleans, null, integers
/// (decimal, 0x, 0o), floats; anything else stays a string.
nlohmann::json resolve_plain(const std::string& text);

/// Parses YAML (or JSON, its subset) into a Document. Duplicate keys, aliases past the node
/// budget, nesting past the depth limit and syntax errors are reported; nullopt on failure.
std::optional<Document> parse_document(const std::shared_ptr<const SourceFile>& file,
                                       Diagnostics& diags, const ParseLimits& limits = {});

/// Reads and parses a YAML (or JSON) file: read_source, then parse_document.
std::optional<Document> read_document(const std::string& path, Diagnostics& diags,
                                      const ParseLimits& limits = {});

}  // namespace stackplan::text
