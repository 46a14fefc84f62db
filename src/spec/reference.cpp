#include "spec/reference.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "spec/spec_schema.hpp"

namespace stackplan::spec {

using nlohmann::json;

json spec_json_schema() {
  json schema = json_schema(spec_v1());
  json patch = json_schema(spec_v1(), true);
  patch["properties"].erase("scenarios");
  patch["description"] =
      "A JSON Merge Patch (RFC 7386) over the base spec: keys replace, null removes";
  schema["properties"]["scenarios"]["anyOf"][0]["additionalProperties"] = {
      {"$ref", "#/$defs/patch"}};
  json out = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://stackplan.dev/schema/spec-v1.json"},
      {"title", "stackplan spec v1"},
      {"description",
       "One declarative spec of an AWS application: compute, services, database, buckets and "
       "the scenarios to compare"},
  };
  for (auto& [key, value] : schema.items()) {
    out[key] = value;
  }
  out["$defs"] = {{"patch", patch}};
  return out;
}

namespace {

std::string escape_cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string type_cell(const Type& t) {
  const Type* shown = &t;
  std::string prefix;
  if (t.kind == Kind::array && t.element) {
    prefix = "list of ";
    shown = t.element.get();
  } else if (t.kind == Kind::map && t.element) {
    prefix = "map of ";
    shown = t.element.get();
  }
  std::string out = prefix + type_name(*shown);
  if (!prefix.empty()) {
    out = type_name(t);
  }
  if (!shown->choices.empty()) {
    std::string values;
    for (const auto& c : shown->choices) {
      values += (values.empty() ? "" : ", ") + ("`" + c + "`");
    }
    out += ": " + values;
  }
  return out;
}

void section(std::ostringstream& md, const std::string& path, const Type& type, int depth,
             std::vector<std::pair<std::string, const Type*>>& pending) {
  md << std::string(static_cast<std::size_t>(std::min(depth, 4)), '#') << " `" << path << "`\n\n";
  md << "| key | type | default | description |\n|---|---|---|---|\n";
  for (const auto& f : type.fields) {
    std::string def = f.required               ? "**required**"
                      : f.default_text.empty() ? ""
                                               : "`" + f.default_text + "`";
    std::string doc = f.doc;
    if (!f.applies.empty()) {
      doc += " (" + f.applies.text() + ")";
    }
    if (!f.type.pattern_help.empty()) {
      doc += "; " + f.type.pattern_help;
    }
    if (!f.example.empty()) {
      doc += ". Example: `" + f.example + "`";
    }
    md << "| `" << f.name << "` | " << escape_cell(type_cell(f.type)) << " | " << escape_cell(def)
       << " | " << escape_cell(doc) << " |\n";
    const Type* nested = &f.type;
    std::string child = path == "spec" ? f.name : path + "." + f.name;
    if (nested->kind == Kind::array && nested->element) {
      nested = nested->element.get();
      child += "[]";
    }
    if (nested->kind == Kind::object) {
      pending.emplace_back(child, nested);
    }
  }
  md << '\n';
}

}  // namespace

std::string spec_reference_markdown() {
  std::ostringstream md;
  md << "# Spec v1 reference\n\n"
        "Generated from the schema built into stackplan (`stackplan schema --format markdown`); "
        "`stackplan schema` prints the same as JSON Schema for editors. A test keeps this file "
        "in step with the code.\n\n"
        "Keys not listed are errors. An empty value (`key:`) is the same as leaving the key "
        "out. Usage-based keys (`usage:`) only feed the cost plan.\n\n";
  std::vector<std::pair<std::string, const Type*>> queue = {{"spec", &spec_v1()}};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    std::vector<std::pair<std::string, const Type*>> children;
    int depth = 2 + static_cast<int>(std::count(queue[i].first.begin(), queue[i].first.end(), '.'));
    section(md, queue[i].first, *queue[i].second, depth, children);
    queue.insert(queue.begin() + static_cast<std::ptrdiff_t>(i) + 1, children.begin(),
                 children.end());
  }
  return md.str();
}

}  // namespace stackplan::spec
