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

/// Validates one merged variant into its own sink.
Variant check_variant(std::string name, json value, SourceMap origins, Diagnostics& diags) {
  std::set<std::string> bad;
  if (!value.is_object()) {
    diags.error(origins.value_loc(""), "spec.type",
                "a spec must be a mapping with keys such as version, name and region",
                "start from 'stackplan schema' or an example in examples/");
    return Variant{std::move(name), std::move(value), std::move(origins), {}};
  }
  validate_value(spec_v1(), value, "", origins, diags, bad);
  Spec spec = build_spec(value, origins, diags, bad);
  return Variant{std::move(name), std::move(value), std::move(origins), std::move(spec)};
}

struct Attributed {
  Diagnostic diagnostic;
  std::vector<std::string> scenarios;
};

std::optional<LoadedSpec> load_document(const std::shared_ptr<const SourceFile>& file,
                                        Diagnostics& diags, const ParseLimits& limits) {
  auto doc = parse_document(file, diags, limits);
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
    if (bad.count("/scenarios/" + pointer_token(name)) == 0 && patch.is_object()) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    SourceLoc la = doc->origins.key_loc("/scenarios/" + pointer_token(a));
    SourceLoc lb = doc->origins.key_loc("/scenarios/" + pointer_token(b));
    return std::make_pair(la.line, la.col) < std::make_pair(lb.line, lb.col);
  });

  std::vector<Attributed> collected;
  for (const auto& name : names) {
    std::string root = "/scenarios/" + pointer_token(name);
    const json& patch = scenarios[name];
    if (patch.contains("scenarios")) {
      diags.error(doc->origins.key_loc(root + "/scenarios"), "spec.scenario",
                  "scenario '" + name + "' cannot define scenarios",
                  "scenarios patch the base spec; nest no scenarios in them");
      continue;
    }
    json value = base;
    value.merge_patch(patch);
    SourceMap origins = doc->origins;
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
      std::string list;
      for (const auto& s : a.scenarios) {
        list += (list.empty() ? "'" : ", '") + s + "'";
      }
      a.diagnostic.notes.push_back((a.scenarios.size() == 1 ? "in scenario " : "in scenarios ") +
                                   list);
    }
    diags.add(std::move(a.diagnostic));
  }
  return diags.has_errors() ? std::nullopt : std::optional<LoadedSpec>(std::move(loaded));
}

}  // namespace

bool add_variant(LoadedSpec& spec, const std::string& name, const std::string& path,
                 const std::string& text, const std::string& label, Diagnostics& diags) {
  json merged = spec.base;
  try {
    // A list index must name an existing element; objects on the way are created.
    json* at = &merged;
    std::size_t start = 0;
    while (true) {
      std::size_t dot = path.find('.', start);
      std::string token = path.substr(start, dot == std::string::npos ? dot : dot - start);
      if (at->is_array()) {
        std::size_t i = 0;
        auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
        if (ec != std::errc() || end != token.data() + token.size() || i >= at->size()) {
          throw std::out_of_range("index");
        }
        at = &(*at)[i];
      } else if (at->is_object() || at->is_null()) {
        at = &(*at)[token];
      } else {
        throw std::out_of_range("scalar");
      }
      if (dot == std::string::npos) {
        break;
      }
      start = dot + 1;
    }
    // The text as YAML would read it (numbers, booleans, null, else text), except that a value
    // replacing text stays text ("16" for a version).
    json typed = json::parse(text, nullptr, false);
    bool scalar =
        !typed.is_discarded() && (typed.is_number() || typed.is_boolean() || typed.is_null());
    *at = scalar && !at->is_string() ? typed : json(text);
  } catch (const std::exception&) {
    diags.error(spec.base_origins.value_loc(""), "plan.compare",
                label + ": '" + path + "' does not name a value of the spec",
                "use dotted keys and list indexes, e.g. database.engine or services.0.count");
    return false;
  }
  Diagnostics own;
  Variant v = check_variant(name, std::move(merged), spec.base_origins, own);
  for (auto& d : own.all()) {
    d.notes.push_back("in " + label);
    diags.add(std::move(d));
  }
  if (own.has_errors()) {
    return false;
  }
  spec.variants.push_back(std::move(v));
  return true;
}

std::optional<LoadedSpec> load_spec(const std::string& path, Diagnostics& diags,
                                    const ParseLimits& limits) {
  auto file = read_source(path, diags, limits);
  if (!file) {
    return std::nullopt;
  }
  return load_document(file, diags, limits);
}

std::optional<LoadedSpec> load_spec_text(const std::string& path, std::string text,
                                         Diagnostics& diags, const ParseLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    diags.error(SourceLoc{std::make_shared<SourceFile>(path, ""), 0, 0, 0}, "spec.too-large",
                "spec is " + std::to_string(text.size()) + " bytes; the limit is " +
                    std::to_string(limits.max_file_bytes) + " bytes");
    return std::nullopt;
  }
  return load_document(std::make_shared<SourceFile>(path, std::move(text)), diags, limits);
}

std::optional<Spec> select_variant(const LoadedSpec& loaded, const std::string& name,
                                   std::string& scenario, std::string& error) {
  std::string names;
  for (const auto& v : loaded.variants) {
    names += (names.empty() ? "" : ", ") + v.name;
  }
  const bool has_scenarios = !(loaded.variants.size() == 1 && loaded.variants[0].name == "base");
  scenario.clear();
  if (!name.empty()) {
    for (const auto& v : loaded.variants) {
      if (v.name == name) {
        scenario = has_scenarios ? v.name : "";
        return v.spec;
      }
    }
    error = "has no scenario '" + name + "'; it has: " + names;
    return std::nullopt;
  }
  if (!has_scenarios) {
    return loaded.variants[0].spec;
  }
  Diagnostics base_diags;
  Spec spec = build_spec(loaded.base, loaded.base_origins, base_diags, {});
  if (base_diags.error_count() > 0) {
    error = "is not complete without a scenario; choose one with --scenario (" + names + ")";
    return std::nullopt;
  }
  return spec;
}

}  // namespace stackplan::spec
