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
  std::vector<File> files;            ///< sorted by path
  std::vector<TemplateError> errors;  ///< template problems; files are incomplete when any
};

/// Where a render comes from, for the comment each file starts with.
struct Origin {
  std::string spec;      ///< the spec's path as given (relative), or its file name
  std::string scenario;  ///< empty for the base spec
};

/// The target-neutral view data of one stack variant: "stack" (name, region, tags, origin)
/// and, for each kind with resources, a list of its resources' views under the kind's name.
nlohmann::json stack_view(const spec::Spec& spec, const Origin& origin);

/// Renders the Terraform root module (and app files) of a stack variant, every template found
/// in `templates` by name.
Rendered render_terraform(const spec::Spec& spec, const Origin& origin,
                          const TemplateSet& templates);

/// The comment every generated file starts with (without comment markers).
std::string generated_notice(const Origin& origin);

}  // namespace stackplan::render
