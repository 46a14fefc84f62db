#pragma once

#include "base/diagnostics.hpp"
#include "pricing/catalog.hpp"
#include "spec/load.hpp"

namespace stackplan::app {

/// Warns, at the spec's version (or engine) of every scenario that runs it, of an RDS engine
/// version past the end of standard support on the catalog's date: AWS enrolls it in Extended
/// Support, billed per vCPU-hour until the date it names, or, past that, upgrades it.
void warn_extended_support(const spec::LoadedSpec& loaded, const pricing::Catalog& catalog,
                           Diagnostics& diags);
/// The same with the built-in snapshot's support dates, read only when a variant runs RDS.
void warn_extended_support(const spec::LoadedSpec& loaded, Diagnostics& diags);

}  // namespace stackplan::app
