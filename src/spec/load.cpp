#include "spec/load.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "spec/spec_schema.hpp"

namespace stackplan::spec {

using nlohmann::json;

namespace {

const Type& scenarios_type() {
  for (const auto& f : spec_v1().fields) {
    if (f.name == "scenarios") {
      return f.type;
    }
  }
  return spec_v1();  // unreachable: the schema defines scenarios
}

/// What `plan --compare` assumes for a value that needs settings neither the base spec nor any
/// scenario gives: the configuration of a database engine that costs least.
struct CheapestSettings {
  const char* pointer;
  const char* value;
  json patch;        ///< merged into the object holding the value
  const char* text;  ///< the same, as a note says it
};

const CheapestSettings* cheapest_settings(const std::string& pointer, const json& value) {
  static const std::vector<CheapestSettings> k_table = [] {
    const json rds = {{"instance_class", "db.t4g.micro"}};
    const json aurora = {{"instance_class", "db.serverless"},
                         {"serverless_v2", {{"min_acu", 0.5}, {"max_acu", 1}}}};
    const char* rds_text = "instance_class: db.t4g.micro";
    const char* aurora_text = "serverless_v2: {min_acu: 0.5, max_acu: 1}";
    return std::vector<CheapestSettings>{
        {"/database/engine", "rds-postgres", rds, rds_text},
        {"/database/engine", "rds-mysql", rds, rds_text},
        {"/database/engine", "aurora-postgres", aurora, aurora_text},
        {"/database/engine", "aurora-mysql", aurora, aurora_text},
    };
  }();
  for (const auto& c : k_table) {
    if (pointer == c.pointer && value == c.value) {
      return &c;
    }
  }
  return nullptr;
}

/// Validates one merged variant into its own sink.
Variant check_variant(std::string name, json value, text::SourceMap origins, Diagnostics& diags) {
  std::set<std::string> bad;
  if (!value.is_object()) {
    diags.error(origins.value_loc(""), "spec.type",
                "a spec must be a mapping with keys such as version, name and region",
                text::k_first_spec_hint);
    return Variant{std::move(name), std::move(value), std::move(origins), {}, {}};
  }
  validate_value(spec_v1(), value, "", origins, diags, bad);
  Spec spec = build_spec(value, origins, diags, bad);
  return Variant{std::move(name), std::move(value), std::move(origins), std::move(spec), {}};
}

struct Attributed {
  Diagnostic diagnostic;
  std::vector<std::string> scenarios;
};

std::optional<LoadedSpec> load_document(const std::shared_ptr<const SourceFile>& file,
                                        Diagnostics& diags, const text::ParseLimits& limits) {
  auto doc = text::parse_document(file, diags, limits);
  if (!doc) {
    return std::nullopt;
  }
  LoadedSpec loaded;
  loaded.path = file->path();
  loaded.file = file;

  json base = doc->value;
  json scenarios;
  if (base.is_object() && base.contains("scenarios")) {
    scenarios = base["scenarios"];
    base.erase("scenarios");
  }
  loaded.base = base;
  loaded.base_origins = doc->origins;
  if (scenarios.is_null() || (scenarios.is_object() && scenarios.empty())) {
    loaded.variants.push_back(check_variant("base", std::move(base), doc->origins, diags));
    return diags.has_errors() ? std::nullopt : std::optional<LoadedSpec>(std::move(loaded));
  }

  std::set<std::string> bad;
  validate_value(scenarios_type(), scenarios, "/scenarios", doc->origins, diags, bad);
  if (!scenarios.is_object()) {
    return std::nullopt;
  }
  // Scenarios keep the order they are written in: the first is the default baseline.
  std::vector<std::string> names;
  for (const auto& [name, patch] : scenarios.items()) {
    if (bad.count("/scenarios/" + text::pointer_token(name)) == 0 && patch.is_object()) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    SourceLoc la = doc->origins.key_loc("/scenarios/" + text::pointer_token(a));
    SourceLoc lb = doc->origins.key_loc("/scenarios/" + text::pointer_token(b));
    return std::make_pair(la.line, la.col) < std::make_pair(lb.line, lb.col);
  });

  std::vector<Attributed> collected;
  for (const auto& name : names) {
    std::string root = "/scenarios/" + text::pointer_token(name);
    const json& patch = scenarios[name];
    if (patch.contains("scenarios")) {
      diags.error(doc->origins.key_loc(root + "/scenarios"), "spec.scenario",
                  "scenario '" + name + "' cannot define scenarios",
                  "scenarios patch the base spec; nest no scenarios in them");
      continue;
    }
    json value = base;
    value.merge_patch(patch);
    text::SourceMap origins = doc->origins;
    origins.overlay(doc->origins, root, patch);
    Diagnostics own;
    loaded.variants.push_back(check_variant(name, std::move(value), std::move(origins), own));
    for (auto& d : own.all()) {
      auto same = std::find_if(collected.begin(), collected.end(), [&](const Attributed& a) {
        return a.diagnostic.loc.line == d.loc.line && a.diagnostic.loc.col == d.loc.col &&
               a.diagnostic.code == d.code && a.diagnostic.message == d.message;
      });
      if (same == collected.end()) {
        collected.push_back({d, {name}});
      } else {
        same->scenarios.push_back(name);
      }
    }
  }
  for (auto& a : collected) {
    if (a.scenarios.size() < names.size()) {
      a.diagnostic.notes.push_back(scenarios_note(a.scenarios));
    }
    diags.add(std::move(a.diagnostic));
  }
  return diags.has_errors() ? std::nullopt : std::optional<LoadedSpec>(std::move(loaded));
}

}  // namespace

std::string scenarios_note(const std::vector<std::string>& scenarios) {
  std::string list;
  for (const auto& s : scenarios) {
    list += (list.empty() ? "'" : ", '") + s + "'";
  }
  return (scenarios.size() == 1 ? "in scenario " : "in scenarios ") + list;
}

bool add_base_variant(LoadedSpec& spec) {
  if (spec.variants.empty() || !spec.has_scenarios()) {
    return false;
  }
  for (const Variant& v : spec.variants) {
    if (v.name == "base" || v.value == spec.base) {
      return false;
    }
  }
  Diagnostics diags;
  Variant base = check_variant("base", spec.base, spec.base_origins, diags);
  if (diags.has_errors()) {
    return false;
  }
  spec.variants.insert(spec.variants.begin(), std::move(base));
  return true;
}

namespace {

/// One step of a --compare path: a key, a list index (`services.0`, `services[0]`) or the
/// element of a list whose key has a value (`services[name=api]`).
struct PathStep {
  std::string key;    ///< a key; for a selector, the key the element is chosen by
  std::string value;  ///< a selector's value
  enum { key_step, index_step, select_step } kind = key_step;
};

/// The steps of a dotted path with optional [index] and [key=value] selectors, or nullopt.
std::optional<std::vector<PathStep>> path_steps(const std::string& path) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  bool need_key = true;  // after a dot, or at the start
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1 || steps.empty()) {
        return std::nullopt;
      }
      const std::string inside = path.substr(i + 1, close - i - 1);
      const std::size_t eq = inside.find('=');
      PathStep step;
      if (eq == std::string::npos) {
        if (inside.find_first_not_of("0123456789") != std::string::npos) {
          return std::nullopt;
        }
        step.key = inside;
        step.kind = PathStep::index_step;
      } else {
        if (eq == 0 || eq + 1 == inside.size()) {
          return std::nullopt;
        }
        step.key = inside.substr(0, eq);
        step.value = inside.substr(eq + 1);
        step.kind = PathStep::select_step;
      }
      steps.push_back(step);
      i = close + 1;
      need_key = false;
      continue;
    }
    if (path[i] == '.') {
      if (need_key) {
        return std::nullopt;  // an empty key
      }
      need_key = true;
      ++i;
      continue;
    }
    if (!need_key) {
      return std::nullopt;  // text right after a ]
    }
    const std::size_t end = path.find_first_of(".[", i);
    steps.push_back(
        {path.substr(i, end == std::string::npos ? end : end - i), {}, PathStep::key_step});
    i = end == std::string::npos ? path.size() : end;
    need_key = false;
  }
  if (need_key || steps.empty()) {
    return std::nullopt;
  }
  return steps;
}

/// A --compare path that names nothing, with what to say about it.
struct PathError {
  std::string message;
  std::string hint;
};

}  // namespace

bool add_variant(LoadedSpec& spec, const std::string& name, const std::string& path,
                 const std::string& text, const std::string& label, Diagnostics& diags) {
  json merged = spec.base;
  std::string pointer;  // JSON pointer of the value set
  json value;
  try {
    const auto steps = path_steps(path);
    if (!steps) {
      throw std::out_of_range("syntax");
    }
    // A list index must name an existing element; objects on the way are created.
    json* at = &merged;
    for (const PathStep& step : *steps) {
      const bool digits =
          !step.key.empty() && step.key.find_first_not_of("0123456789") == std::string::npos;
      if (step.kind == PathStep::select_step) {
        if (!at->is_array()) {
          throw std::out_of_range("not a list");
        }
        std::vector<std::string> values;
        json* found = nullptr;
        std::size_t index = 0;
        for (std::size_t n = 0; n < at->size(); ++n) {
          json& element = (*at)[n];
          if (!element.is_object() || !element.contains(step.key)) {
            continue;
          }
          const json& v = element[step.key];
          const std::string shown = v.is_string() ? v.get<std::string>() : v.dump();
          values.push_back(shown);
          if (found == nullptr && shown == step.value) {
            found = &element;
            index = n;
          }
        }
        if (found == nullptr) {
          std::string list;
          for (const auto& v : values) {
            list += (list.empty() ? "" : ", ") + v;
          }
          throw PathError{
              label + ": '" + path + "' names no element: none has " + step.key + " " + step.value,
              values.empty() ? "no element of that list has " + step.key
                             : "the " + step.key + "s there: " + list};
        }
        at = found;
        pointer += "/" + std::to_string(index);
      } else if (at->is_array() && (step.kind == PathStep::index_step || digits)) {
        std::size_t i = 0;
        auto [end, ec] = std::from_chars(step.key.data(), step.key.data() + step.key.size(), i);
        if (ec != std::errc() || end != step.key.data() + step.key.size() || i >= at->size()) {
          throw std::out_of_range("index");
        }
        at = &(*at)[i];
        pointer += "/" + step.key;
      } else if (step.kind == PathStep::key_step && (at->is_object() || at->is_null())) {
        at = &(*at)[step.key];
        pointer += "/" + text::pointer_token(step.key);
      } else {
        throw std::out_of_range("scalar");
      }
    }
    // The text as YAML would read it (numbers, booleans, null, else text), except that a value
    // replacing text stays text ("16" for a version).
    json typed = json::parse(text, nullptr, false);
    bool scalar =
        !typed.is_discarded() && (typed.is_number() || typed.is_boolean() || typed.is_null());
    value = scalar && !at->is_string() ? typed : json(text);
    *at = value;
  } catch (const PathError& e) {
    diags.error(spec.base_origins.value_loc(""), "plan.compare", e.message, e.hint);
    return false;
  } catch (const std::exception&) {
    diags.error(spec.base_origins.value_loc(""), "plan.compare",
                label + ": '" + path + "' does not name a value of the spec",
                "use dotted keys, list indexes and elements by name, e.g. database.engine, "
                "services[0].count or services[name=api].cpu");
    return false;
  }
  // The value is the variant's own, as a scenario's would be: it is read exactly as given (not
  // as the base spelled the value it replaces), and base keys that do not apply to it are
  // left alone. Diagnostics about it point at the value it replaces.
  text::SourceMap origins = spec.base_origins;
  text::NodeOrigin own_origin{origins.key_loc(pointer), origins.value_loc(pointer), text, true};
  origins.replace_subtree(text::SourceMap(), pointer);
  origins.set(pointer, own_origin);

  Diagnostics own;
  Variant v = check_variant(name, merged, origins, own);
  const std::string parent = pointer.substr(0, pointer.rfind('/'));
  const std::string parent_path = path.substr(0, path.rfind('.'));
  bool adapted = false;
  // Another variant of the same value, kept when it is valid and the plain one is not.
  auto try_instead = [&](json value_instead, text::SourceMap origins_instead, std::string note) {
    Diagnostics tried;
    Variant candidate =
        check_variant(name, std::move(value_instead), std::move(origins_instead), tried);
    if (tried.has_errors()) {
      return;
    }
    candidate.notes.push_back(std::move(note));
    v = std::move(candidate);
    own = std::move(tried);
    adapted = true;
  };
  if (own.has_errors() && !parent.empty()) {
    // The settings a scenario gives this value: the whole object that holds it.
    const json::json_pointer at(pointer);
    const json::json_pointer holder(parent);
    for (const Variant& scenario : spec.variants) {
      if (adapted || !scenario.value.contains(at) || scenario.value.at(at) != value) {
        continue;
      }
      json instead = spec.base;
      instead[holder] = scenario.value.at(holder);
      text::SourceMap origins_instead = spec.base_origins;
      origins_instead.replace_subtree(scenario.origins, parent);
      try_instead(std::move(instead), std::move(origins_instead),
                  parent_path + " as in scenario '" + scenario.name + "', which sets " + path +
                      ": " + text);
    }
    // Else the cheapest configuration of the value, when it has one.
    if (const CheapestSettings* cheapest = cheapest_settings(pointer, value);
        !adapted && cheapest) {
      json instead = merged;
      instead[holder].merge_patch(cheapest->patch);
      try_instead(std::move(instead), origins,
                  "no scenario sets " + path + ": " + text + "; priced at its cheapest " +
                      "configuration, " + cheapest->text);
    }
  }
  for (auto& d : own.all()) {
    d.notes.push_back("in " + label);
    if (d.code == "spec.required" && !parent.empty()) {
      d.notes.push_back("--compare sets " + path + " alone; the rest of " + parent_path +
                        " is the base spec's, and no scenario that sets " + path + ": " + text +
                        " could lend its own");
    }
    diags.add(std::move(d));
  }
  if (own.has_errors()) {
    return false;
  }
  spec.variants.push_back(std::move(v));
  return true;
}

std::optional<LoadedSpec> load_spec(const std::string& path, Diagnostics& diags,
                                    const text::ParseLimits& limits) {
  auto file = text::read_source(path, diags, limits);
  if (!file) {
    return std::nullopt;
  }
  return load_document(file, diags, limits);
}

std::optional<LoadedSpec> load_spec_text(const std::string& path, std::string text,
                                         Diagnostics& diags, const text::ParseLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    diags.error(SourceLoc{std::make_shared<SourceFile>(path, ""), 0, 0, 0}, "spec.too-large",
                "spec is " + std::to_string(text.size()) + " bytes; the limit is " +
                    std::to_string(limits.max_file_bytes) + " bytes");
    return std::nullopt;
  }
  return load_document(std::make_shared<SourceFile>(path, std::move(text)), diags, limits);
}

Result<SelectedVariant> select_variant(const LoadedSpec& loaded, const std::string& name) {
  std::string names;
  for (const auto& v : loaded.variants) {
    names += (names.empty() ? "" : ", ") + v.name;
  }
  const bool has_scenarios = loaded.has_scenarios();
  if (!name.empty()) {
    for (const auto& v : loaded.variants) {
      if (v.name == name) {
        return SelectedVariant{v.spec, has_scenarios ? v.name : ""};
      }
    }
    // `plan` shows a complete base spec as scenario "base" (add_base_variant): the same name
    // selects it here.
    if (name != "base") {
      return failure("has no scenario '" + name + "'; it has: " + names);
    }
  }
  if (!has_scenarios) {
    return SelectedVariant{loaded.variants[0].spec, ""};
  }
  Diagnostics base_diags;
  Spec spec = build_spec(loaded.base, loaded.base_origins, base_diags, {});
  if (base_diags.error_count() > 0) {
    return failure(
        name.empty()
            ? "is not complete without a scenario; choose one with --scenario (" + names + ")"
            : "has no scenario 'base', and its base spec is not complete without a scenario; it "
              "has: " +
                  names);
  }
  return SelectedVariant{std::move(spec), ""};
}

}  // namespace stackplan::spec
