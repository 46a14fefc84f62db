#pragma once

// The --usage file of `plan` (and `plan --diff`): resource address -> usage key -> number.

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.hpp"
#include "model/context.hpp"
#include "model/stack.hpp"
#include "text/yaml.hpp"

namespace stackplan::app {

/// Reads a --usage file: resource address -> usage key -> number. Structure errors go to
/// `diags`; addresses and keys are checked against the planned resources later.
struct UsageFile {
  model::UsageOverrides values;
  text::SourceMap origins;
  std::shared_ptr<const SourceFile> file;
};

/// Reads a usage file; structure errors go to `diags` (nullopt then).
std::optional<UsageFile> read_usage(const std::string& path, Diagnostics& diags);

/// Every usage key of the file must belong to a resource some planned variant has
/// (`kinds`: address -> kind over every variant of every spec).
void check_usage(const UsageFile& usage, const std::map<std::string, const model::Kind*>& kinds,
                 Diagnostics& diags);

}  // namespace stackplan::app
