#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "base/diagnostics.hpp"

namespace stackplan::render {

/// A template's text and where it came from ("templates/terraform/s3_bucket.tf.mustache" for a
/// shipped one, the user's path for an override).
struct Template {
  std::string name;    ///< "terraform/s3_bucket.tf"
  std::string origin;  ///< path shown in messages
  std::string text;
};

/// The shipped templates (compiled in), overridable file by file from a folder.
class TemplateSet {
 public:
  /// `override_dir`: a folder laid out like templates/ (terraform/<name>.mustache, ...), or empty.
  explicit TemplateSet(std::string override_dir = {});

  /// The template `name` ("terraform/versions.tf"): the override when there is one, else the
  /// shipped one; nullopt when neither exists.
  std::optional<Template> find(const std::string& name) const;
  /// The shipped template only.
  std::optional<Template> shipped(const std::string& name) const;

  /// Names of the shipped templates under a target folder ("terraform").
  std::set<std::string> shipped_names(const std::string& target) const;

  /// Override files that match no shipped template (a misspelt file name, say).
  std::vector<std::string> unknown_overrides() const;

  const std::string& override_dir() const { return override_dir_; }

 private:
  std::string override_dir_;
};

/// The code of a template problem (a syntax error, an unknown name, a missing template).
inline constexpr const char* k_template_error = "render.template";

/// A problem located in `text`, shown as `origin` (a template, or the text rendered from them):
/// at line and column from a byte offset, or at the whole file when `offset` is npos.
Diagnostic text_problem(const std::string& origin, const std::string& text, std::size_t offset,
                        std::string message);

/// Renders `tmpl` with `data`. Every string of `data` goes through `escape` (the target's
/// quoting: HCL or YAML), so templates never escape; HTML escaping is off. Names a template uses
/// must exist in `data` or in `known` (the names the shipped template of the same name uses), so
/// a misspelt section is an error rather than silently empty output.
struct RenderResult {
  std::string text;
  std::optional<Diagnostic> error;  ///< located in the template
};
RenderResult render_template(const Template& tmpl, const nlohmann::json& data,
                             const std::function<std::string(const std::string&)>& escape,
                             const std::set<std::string>& known);

/// Every name a template's tags use (sections, variables), for the check above.
std::set<std::string> names_used(const Template& tmpl);

}  // namespace stackplan::render
