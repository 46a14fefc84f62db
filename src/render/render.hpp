#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/templates.hpp"
#include "spec/spec.hpp"

namespace stackplan::render {

/// One generated file: its path under the output folder ("terraform/database.tf") and bytes.
struct File {
  std::string path;
  std::string content;
};

struct Rendered {
  std::vector<File> files;         ///< sorted by path
  std::vector<Diagnostic> errors;  ///< template problems; files are incomplete when any
  std::vector<std::string> notes;  ///< things the user should know (nothing to deploy, ...)
};

/// What to generate: a Terraform root module, a CloudFormation template, or both. The app files
/// (Litestream configuration, sync scripts) come with either.
enum class Target { terraform, cloudformation, all };

/// Where a render comes from, for the comment each file starts with.
struct Origin {
  std::string spec;      ///< the spec's file name (see `spec_name`)
  std::string scenario;  ///< empty for the base spec
};

/// How generated files name the spec they came from: its file name only ("stack.yaml";
/// "standard input" for "-"), so the same spec renders the same bytes whatever the working
/// directory or the path it was given by.
std::string spec_name(const std::string& spec_path);

/// The target-neutral view data of one stack variant: "stack" (name, region, tags, origin)
/// and, for each kind with resources, a list of its resources' views under the kind's name.
nlohmann::json stack_view(const spec::Spec& spec, const Origin& origin);

/// Renders a stack variant for `target`, every template found in `templates` by name:
/// terraform/<concern>.tf, cloudformation/<stack>.yaml and app/<file> as the spec needs.
Rendered render(const spec::Spec& spec, const Origin& origin, const TemplateSet& templates,
                Target target);

/// The folders a target's files live in, which a render of it owns: "terraform/", "app/", ...
std::vector<std::string> owned_folders(Target target);

/// The comment every generated file starts with (without comment markers).
std::string generated_notice(const Origin& origin);

}  // namespace stackplan::render
