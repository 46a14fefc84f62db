#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace stackplan::spec {

/// JSON Schema 2020-12 of spec v1, for editors (yaml-language-server) and other tools.
nlohmann::json spec_json_schema();

/// Markdown reference of every field (docs/spec.md is this text).
std::string spec_reference_markdown();

}  // namespace stackplan::spec
