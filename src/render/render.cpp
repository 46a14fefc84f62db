#include "render/render.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "kinds/kinds.hpp"
#include "model/stack.hpp"
#include "render/hcl.hpp"

#include <yaml-cpp/yaml.h>

namespace stackplan::render {

using nlohmann::json;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Quoting for a value placed inside '...' in a POSIX shell script.
std::string shell_single_quoted(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out;
}

/// Quoting for a value placed inside "..." in YAML (JSON string escapes are valid YAML).
std::string yaml_double_quoted(const std::string& text) {
  std::string quoted = json(text).dump();
  return quoted.substr(1, quoted.size() - 2);
}

std::function<std::string(const std::string&)> escaper_for(const std::string& path) {
  if (ends_with(path, ".tf")) {
    return [](const std::string& s) { return hcl_string(s); };
  }
  if (ends_with(path, ".sh")) {
    return shell_single_quoted;
  }
  return yaml_double_quoted;
}

/// The lines of `text` split at '\n': n newlines give n + 1 pieces (the last one empty when
/// the text ends with a newline).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string_view::npos;
       end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  lines.push_back(text.substr(start));
  return lines;
}

/// Prepends the generated-file comment, after a shebang line when there is one.
std::string with_notice(const std::string& body, const Origin& origin) {
  const std::string text = generated_notice(origin);
  std::string notice;
  for (std::string_view line : split_lines(text)) {
    notice += "# " + std::string(line) + "\n";
  }
  if (body.rfind("#!", 0) == 0) {
    std::size_t eol = body.find('\n');
    return body.substr(0, eol + 1) + notice + body.substr(eol + 1);
  }
  return notice + "\n" + body;
}

class Renderer {
 public:
  Renderer(const TemplateSet& templates, Rendered& out) : templates_(templates), out_(out) {}

  /// Where template `name` comes from, for messages: the override's path or the shipped file.
  std::string origin(const std::string& name) const {
    auto tmpl = templates_.find(name);
    return tmpl ? tmpl->origin : "templates/" + name + ".mustache";
  }

  /// Renders template `name` with `data`; empty text when it is missing or fails.
  std::string run(const std::string& name, const std::string& output_path, const json& data) {
    auto tmpl = templates_.find(name);
    if (!tmpl) {
      out_.errors.push_back(text_problem("templates/" + name + ".mustache", "", std::string::npos,
                                         "template not found"));
      return {};
    }
    RenderResult r = render_template(*tmpl, data, escaper_for(output_path), known_names(name));
    if (r.error) {
      out_.errors.push_back(*r.error);
      return {};
    }
    return r.text;
  }

 private:
  /// The names the shipped template of `name` uses, read once per render.
  const std::set<std::string>& known_names(const std::string& name) {
    auto [it, inserted] = known_.try_emplace(name);
    if (inserted) {
      if (auto shipped = templates_.shipped(name)) {
        it->second = names_used(*shipped);
      }
    }
    return it->second;
  }

  const TemplateSet& templates_;
  Rendered& out_;
  std::map<std::string, std::set<std::string>> known_;
};

/// Every rendered resource of a variant with its view, computed once.
struct ResourceView {
  model::Resource resource;
  json view;
};

std::vector<ResourceView> resource_views(const spec::Spec& spec) {
  std::vector<ResourceView> out;
  for (model::Resource& r : kinds::resources_of(spec)) {
    if (r.kind->rendering) {
      json view = r.kind->rendering->view(r, spec);
      out.push_back({std::move(r), std::move(view)});
    }
  }
  return out;
}

json stack_view(const spec::Spec& spec, const Origin& origin,
                const std::vector<ResourceView>& views) {
  json tags = json::array();
  std::map<std::string, std::string> all = spec.tags;
  all.emplace("Environment", spec.environment);
  all.emplace("ManagedBy", "stackplan");
  for (const auto& [k, v] : all) {
    tags.push_back({{"key", k}, {"value", v}});
  }
  json view;
  view["stack"] = {{"stack_name", spec.name},         {"region", spec.region},
                   {"environment", spec.environment}, {"spec", origin.spec},
                   {"scenario", origin.scenario},     {"tags", tags}};
  for (const ResourceView& rv : views) {
    json& list = view[std::string(rv.resource.kind->name)];
    if (list.is_null()) {
      list = json::array();
    }
    list.push_back(rv.view);
  }
  return view;
}

void render_terraform_files(Renderer& renderer, const std::vector<ResourceView>& views,
                            const json& view, const Origin& origin,
                            std::map<std::string, std::string>& files) {
  std::map<std::string, std::string> parts;
  for (const ResourceView& rv : views) {
    const model::Rendering& how = *rv.resource.kind->rendering;
    json data = view;
    data.update(rv.view);
    const std::string path = "terraform/" + std::string(how.concern) + ".tf";
    parts[path] +=
        renderer.run("terraform/" + std::string(how.template_name) + ".tf", path, data) + "\n";
  }
  for (const char* stack_file : {"versions", "variables", "outputs"}) {
    const std::string path = std::string("terraform/") + stack_file + ".tf";
    parts[path] = renderer.run(path, path, view);
  }
  for (const auto& [path, text] : parts) {
    files[path] = format_hcl(with_notice(text, origin));
  }
}

/// The top-level keys of a YAML fragment written at column 0 ("LogicalId:" lines).
std::vector<std::string> top_level_keys(const std::string& text) {
  std::vector<std::string> keys;
  for (std::string_view line : split_lines(text)) {
    const std::size_t colon = line.find(':');
    if (!line.empty() && line[0] != ' ' && line[0] != '#' && colon != std::string_view::npos) {
      keys.emplace_back(line.substr(0, colon));
    }
  }
  return keys;
}

/// `text` with every non-empty line indented by `spaces`.
std::string indented(std::string_view text, int spaces) {
  std::string out;
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (lines[i].empty() ? std::string() : pad + std::string(lines[i])) +
           (i + 1 < lines.size() ? "\n" : "");
  }
  return out;
}

/// Trailing spaces removed, runs of blank lines cut to one, one final newline.
std::string tidy_yaml(const std::string& text) {
  std::string out;
  bool blank_before = false;
  for (std::string_view line : split_lines(text)) {
    line = line.substr(0, line.find_last_not_of(' ') + 1);
    if (line.empty()) {
      blank_before = true;
      continue;
    }
    if (blank_before && !out.empty()) {
      out += '\n';
    }
    blank_before = false;
    out += std::string(line) + '\n';
  }
  return out;
}

void render_cloudformation_file(Renderer& renderer, const std::vector<ResourceView>& views,
                                const json& view, const spec::Spec& spec, const Origin& origin,
                                bool check_yaml, std::map<std::string, std::string>& files,
                                Rendered& out) {
  const std::string path = "cloudformation/" + spec.name + ".yaml";
  std::string resources;
  std::map<std::string, std::string> defined;  // logical id -> template that defines it
  for (const ResourceView& rv : views) {
    const std::string name =
        "cloudformation/" + std::string(rv.resource.kind->rendering->template_name) + ".yaml";
    json data = view;
    data.update(rv.view);
    const std::string part = renderer.run(name, path, data);
    for (const std::string& key : top_level_keys(part)) {
      auto [it, inserted] = defined.emplace(key, name);
      if (!inserted) {
        out.errors.push_back(text_problem(renderer.origin(name), "", std::string::npos,
                                          "resource " + key + " is also defined by " +
                                              renderer.origin(it->second) +
                                              "; logical ids must be unique"));
      }
    }
    resources += part + "\n";
  }
  if (defined.empty()) {
    out.notes.push_back(
        "CloudFormation: nothing to create for " +
        (origin.scenario.empty() ? std::string("the base spec") : "scenario " + origin.scenario) +
        " (no AWS resources besides an existing VPC), so no template is written");
    return;
  }
  std::string text = renderer.run("cloudformation/header.yaml", path, view) + "\n";
  auto section = [&](const std::string& key, const std::string& entries) {
    if (!top_level_keys(entries).empty()) {
      text += "\n" + key + ":\n" +
              indented(std::string_view(entries).substr(entries.find_first_not_of('\n')), 2) + "\n";
    }
  };
  section("Parameters", renderer.run("cloudformation/parameters.yaml", path, view));
  section("Conditions", renderer.run("cloudformation/conditions.yaml", path, view));
  section("Resources", resources);
  section("Outputs", renderer.run("cloudformation/outputs.yaml", path, view));
  text = tidy_yaml(with_notice(text, origin));
  // The shipped templates are known to compose into valid YAML (the golden-file tests parse
  // every example back); overridden ones are checked here, before anything is written.
  if (check_yaml) {
    try {
      (void)YAML::Load(text);
    } catch (const YAML::Exception& e) {
      out.errors.push_back(text_problem(
          path, text, e.mark.pos >= 0 ? static_cast<std::size_t>(e.mark.pos) : std::string::npos,
          "the rendered template is not valid YAML: " + e.msg +
              " (check the cloudformation templates' indentation)"));
    }
  }
  files[path] = std::move(text);
}

}  // namespace

std::string spec_name(const std::string& spec_path) {
  if (spec_path == "-") {
    return "standard input";
  }
  return std::filesystem::path(spec_path).filename().generic_string();
}

std::string generated_notice(const Origin& origin) {
  return "Generated by stackplan from " + origin.spec +
         (origin.scenario.empty() ? std::string(" (base spec)")
                                  : " (scenario " + origin.scenario + ")") +
         ".\nChange the spec and run `stackplan render` again rather than editing this file.";
}

json stack_view(const spec::Spec& spec, const Origin& origin) {
  return stack_view(spec, origin, resource_views(spec));
}

std::vector<std::string> owned_folders(Target target) {
  switch (target) {
    case Target::terraform:
      return {"app/", "terraform/"};
    case Target::cloudformation:
      return {"app/", "cloudformation/"};
    case Target::all:
      break;
  }
  return {"app/", "cloudformation/", "terraform/"};
}

Rendered render(const spec::Spec& spec, const Origin& origin, const TemplateSet& templates,
                Target target) {
  Rendered out;
  Renderer renderer(templates, out);
  const std::vector<ResourceView> views = resource_views(spec);
  const json view = stack_view(spec, origin, views);
  std::map<std::string, std::string> files;

  // App files: whatever the target, the containers need them.
  for (const ResourceView& rv : views) {
    json data = view;
    data.update(rv.view);
    for (std::string_view app : rv.resource.kind->rendering->app_files) {
      const std::string app_path = "app/" + std::string(app);
      files[app_path] =
          with_notice(renderer.run("app/" + std::string(app), app_path, data), origin);
    }
  }
  if (target != Target::cloudformation) {
    render_terraform_files(renderer, views, view, origin, files);
  }
  if (target != Target::terraform) {
    render_cloudformation_file(renderer, views, view, spec, origin,
                               !templates.override_dir().empty(), files, out);
  }
  for (auto& [path, text] : files) {
    out.files.push_back({path, std::move(text)});
  }
  return out;
}

}  // namespace stackplan::render
