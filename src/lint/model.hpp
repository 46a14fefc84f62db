#pragma once

// What lint rules read: the resources of a Terraform module or a CloudFormation template as
// trees of values with their source positions. Both formats load into the same shape, so a rule
// is one function with a branch per format over the same helpers.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/source.hpp"

namespace stackplan::lint {

enum class Format { terraform, cloudformation };

struct Field;

/// A value as written: scalars keep their text; what lint cannot know before deployment (a
/// reference, a function call, an intrinsic function) is `unknown`, with its source text.
/// Brackets an unknown interpolation in Value::template_text (U+E000, a private-use character).
inline constexpr std::string_view k_unknown_mark = "\xEE\x80\x80";

struct Value {
  enum class Kind { null, string, number, boolean, list, object, unknown };
  Kind kind = Kind::null;
  std::string text;  ///< scalar text; for unknown, the expression as written
  std::vector<Value> items;
  std::vector<Field> fields;  ///< object entries in source order
  const SourceFile* file = nullptr;
  int line = 0;
  int col = 0;
  int key_line = 0;  ///< object entries in YAML/JSON, declarations: where the key is written
  int key_col = 0;
  /// Where the value came from when it was resolved through a Terraform variable's default or
  /// a CloudFormation parameter's Default ("var.db_password", "DBPassword"); empty otherwise.
  std::string via_default;
  /// For unknown values: the resource address (Terraform, "aws_s3_bucket.assets") or logical
  /// id (CloudFormation, from Ref / Fn::GetAtt) the expression refers to first, if any.
  std::string ref;
  /// Passed to a local Terraform module by its call: it keeps the call's position, so a finding
  /// on it points at the caller's line.
  bool from_call = false;
  /// For an unknown Terraform string template: its text with the known parts filled in and
  /// each unknown interpolation kept as written between k_unknown_mark characters, so that a
  /// JSON policy in a heredoc can be read around the values it leaves open.
  std::string template_text;

  bool is_null() const { return kind == Kind::null; }
  bool is_known() const { return kind != Kind::unknown; }
  bool is_object() const { return kind == Kind::object; }
  bool is_list() const { return kind == Kind::list; }
  bool is_scalar() const {
    return kind == Kind::string || kind == Kind::number || kind == Kind::boolean;
  }

  /// Field `key` of an object (exact name), or null.
  const Value* get(std::string_view key) const;
  /// Follows a path of field names.
  const Value* at(std::initializer_list<std::string_view> path) const;
  /// true/false for booleans and the strings "true"/"false" (any case); nullopt otherwise.
  std::optional<bool> as_bool() const;
  /// Whole numbers, also when written as strings ("5432").
  std::optional<long long> as_int() const;
  /// A list's items, or this value alone (policy fields accept one value or a list).
  std::vector<const Value*> as_list() const;
};

/// One entry of an object value: its key (`first`) and value (`second`).
struct Field {
  Field(std::string key, Value value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  Value second;
};

/// A `stackplan:ignore` comment (Terraform) or Metadata entry (CloudFormation).
struct Suppression {
  std::vector<std::string> rules;
  std::string reason;
  int line = 0;
  int col = 0;
  const SourceFile* file = nullptr;
};

/// One resource (or Terraform data source).
struct Resource {
  std::string type;     ///< aws_s3_bucket / AWS::S3::Bucket
  std::string address;  ///< aws_s3_bucket.assets / the logical id
  std::string name;     ///< the label after the type (Terraform) or the logical id
  bool data_source = false;
  Value body;  ///< Terraform: attributes and blocks (blocks as lists); CloudFormation: Properties
  Value metadata;               ///< CloudFormation Metadata
  std::string deletion_policy;  ///< CloudFormation DeletionPolicy as written (may be empty)
  bool deletion_policy_known = true;
  const SourceFile* file = nullptr;
  int line = 0;  ///< of the block header / logical id
  int col = 0;
  int end_line = 0;
  std::vector<Suppression> suppressions;
};

/// A Terraform module (every .tf file of one folder) or one CloudFormation template.
struct Module {
  Format format = Format::terraform;
  std::string name;  ///< the folder or the template's path
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<Resource> resources;
  /// Suppression comments that cover no resource: checked, but they suppress nothing.
  std::vector<Suppression> unattached;
  /// Terraform variables (the block body) / CloudFormation Parameters (the parameter object);
  /// each value's key position is where the variable or parameter is declared.
  std::map<std::string, Value> parameters;
  /// Terraform module calls whose source is not a local folder (a registry, git, a URL), or
  /// a local folder without .tf files, with where the call is written:
  /// "main.tf:21: module.vpc (terraform-aws-modules/vpc/aws)". Their resources are not checked.
  std::vector<std::string> unchecked_modules;

  std::shared_ptr<const SourceFile> shared(const SourceFile* file) const;
  /// Resources of one type, in source order.
  std::vector<const Resource*> of_type(std::string_view type) const;
  /// Resources of any of `types`, type by type.
  std::vector<const Resource*> of_types(std::initializer_list<std::string_view> types) const;
};

/// A problem that stops a file from being read, as lint reports it (rule `syntax-error`).
Diagnostic syntax_error(std::shared_ptr<const SourceFile> file, int line, int col,
                        std::string message);

/// The .tf files of a folder a module call names (empty when it has none or is unreadable).
using ModuleFiles =
    std::function<std::vector<std::shared_ptr<const SourceFile>>(const std::string& folder)>;

/// Builds a Terraform module from parsed .tf files. Files with syntax errors are reported in
/// `errors` (a problem that stops a file from being read, located) and left out. With
/// `read_module`, calls of local modules (`source = "./..."` or `"../..."`) are expanded: the
/// called folder's resources join the module as `module.NAME.TYPE.LABEL`, its variables bound
/// to the call's arguments (a value the call passes keeps the caller's position), nested calls
/// too; a call with `count = 0` or an empty `for_each` is skipped, any other is read once.
Module load_terraform(const std::string& folder,
                      const std::vector<std::shared_ptr<const SourceFile>>& files,
                      std::vector<Diagnostic>& errors, const ModuleFiles& read_module = {});

/// A template's two readings when its resources use `Fn::If`: every condition taken true (each
/// `Fn::If` is its second element), then every condition false (its third); a branch that is
/// `Ref: AWS::NoValue` removes the property. Rules run over both, so a value either branch
/// gives is checked, and the finding points at that branch. Empty when nothing uses `Fn::If`.
std::vector<Module> condition_readings(const Module& m);

/// Whether a YAML/JSON file is a CloudFormation template and, if it is, its resources.
/// nullopt with no error: not a template (lint skips it). nullopt with an error: unreadable.
std::optional<Module> load_cloudformation(const std::shared_ptr<const SourceFile>& file,
                                          std::vector<Diagnostic>& errors);

}  // namespace stackplan::lint
