#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"
#include "base/result.hpp"
#include "spec/spec.hpp"
#include "text/yaml.hpp"

namespace stackplan::spec {

/// One scenario of a spec: its merged JSON, where each value came from, and the typed model.
struct Variant {
  std::string name;  ///< scenario name; "base" when the spec has no scenarios
  nlohmann::json value;
  text::SourceMap origins;
  Spec spec;
  std::vector<std::string> notes;  ///< how a `--compare` variant was made, when not obvious
};

/// A spec file with all its variants, in the order the scenarios are written.
struct LoadedSpec {
  std::string path;
  std::shared_ptr<const SourceFile> file;
  std::vector<Variant> variants;
  nlohmann::json base;  ///< the spec without its scenarios
  text::SourceMap base_origins;

  /// Whether the file defines scenarios (otherwise its one variant is "base").
  bool has_scenarios() const { return !(variants.size() == 1 && variants[0].name == "base"); }
};

/// The note on a problem found in some scenarios only: "in scenario 'a'", "in scenarios 'a', 'b'".
std::string scenarios_note(const std::vector<std::string>& scenarios);

/// Adds a variant made by setting one value of the base spec (`plan --compare`): `path` is
/// dotted ("database.engine"), with list elements by index ("services[0].count", or
/// "services.0.count") or by the value of one of their keys ("services[name=api].cpu"), and
/// `text` is read as YAML reads a plain
/// scalar, except that a value replacing text stays text. The value is treated as a scenario
/// would treat it: base keys that do not apply to it are left alone. When the base with that
/// value alone is invalid (an engine needs settings the base lacks), the object holding the
/// value is taken from the first scenario that sets the same value, and the variant says so
/// in its notes. The variant is validated like a scenario; problems go to `diags` with a note
/// naming `label`. Returns false when it is invalid.
bool add_variant(LoadedSpec& spec, const std::string& name, const std::string& path,
                 const std::string& text, const std::string& label, Diagnostics& diags);

/// Puts the base spec (the spec without its scenarios) first among the variants, as scenario
/// `base`, when the spec has scenarios, none of them is named `base` or equals the base, and the
/// base is complete and valid on its own: `plan` then prices what the file describes before its
/// scenarios change it, and the base is the default baseline. Returns whether it did.
bool add_base_variant(LoadedSpec& spec);

/// Reads, parses and validates a spec file. Every problem goes to `diags`; the result is
/// nullopt when there is any error.
std::optional<LoadedSpec> load_spec(const std::string& path, Diagnostics& diags,
                                    const text::ParseLimits& limits = {});

/// The same from text already in memory (tests, fuzzing).
std::optional<LoadedSpec> load_spec_text(const std::string& path, std::string text,
                                         Diagnostics& diags, const text::ParseLimits& limits = {});

/// Builds and checks the typed model of one merged variant (cross-field rules included).
/// Exposed for tests; `load_spec` calls it for every variant.
Spec build_spec(const nlohmann::json& value, const text::SourceMap& origins, Diagnostics& diags,
                const std::set<std::string>& bad_paths);

/// The variant `render` and `lint --spec` use: the named scenario; without a name, or with the
/// name "base" that no scenario has, the spec as written when it has no scenarios, else its
/// base (which must be complete on its own), as `plan` shows it.
/// A problem is one line, to follow the spec's path.
struct SelectedVariant {
  Spec spec;
  std::string scenario;  ///< its name; empty when the spec has no scenarios or the base was used
};
Result<SelectedVariant> select_variant(const LoadedSpec& loaded, const std::string& name);

}  // namespace stackplan::spec
