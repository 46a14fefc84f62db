#include "app/support.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace stackplan::app {

void warn_extended_support(const spec::LoadedSpec& loaded, const pricing::Catalog& catalog,
                           Diagnostics& diags) {
  const std::string today = catalog.as_of();
  // One warning per place and message, with the scenarios it concerns.
  std::map<std::tuple<int, int, std::string>, std::pair<Diagnostic, std::vector<std::string>>>
      found;
  for (const spec::Variant& v : loaded.variants) {
    const spec::Spec& s = v.spec;
    if (!spec::is_rds(s.database.engine)) {
      continue;
    }
    const bool postgres = s.database.engine == spec::Engine::rds_postgres;
    const std::string major = spec::major_version(s.database.engine, s.database.rds.version);
    const pricing::SupportDates* dates = catalog.support(postgres ? "postgres" : "mysql", major);
    if (dates == nullptr || today < dates->standard_ends) {
      continue;
    }
    const std::string name = (postgres ? "PostgreSQL " : "MySQL ") + major;
    Diagnostic d;
    d.severity = Severity::warning;
    d.code = "spec.extended-support";
    // The version as written (under database.rds or, flat, under database), else the engine.
    d.loc = v.origins.value_loc("/database/engine");
    for (const char* pointer : {"/database/version", "/database/rds/version"}) {
      if (v.origins.find(pointer) != nullptr) {
        d.loc = v.origins.value_loc(pointer);
      }
    }
    if (today >= dates->extended_ends) {
      d.message = "RDS Extended Support for " + name + " ended on " + dates->extended_ends +
                  "; AWS upgrades the database to a supported major version";
      d.hint = "set database.rds.version to a supported major version such as " +
               std::string(spec::default_version(s.database.engine));
    } else {
      d.message = name + " left RDS standard support on " + dates->standard_ends +
                  ": AWS bills Extended Support for every vCPU (the standby's too) until " +
                  dates->extended_ends;
      d.hint = "'stackplan plan' prices it; upgrading to " +
               std::string(spec::default_version(s.database.engine)) + " ends the charge";
    }
    d.notes.push_back("on " + today + ", the price data's date; support dates from source " +
                      dates->source);
    auto key = std::make_tuple(d.loc.line, d.loc.col, d.message);
    auto& entry = found[key];
    if (entry.second.empty()) {
      entry.first = d;
    }
    entry.second.push_back(v.name);
  }
  for (auto& [key, entry] : found) {
    auto& [d, scenarios] = entry;
    if (loaded.has_scenarios() && scenarios.size() < loaded.variants.size()) {
      d.notes.push_back(spec::scenarios_note(scenarios));
    }
    diags.add(std::move(d));
  }
}

void warn_extended_support(const spec::LoadedSpec& loaded, Diagnostics& diags) {
  const bool rds = std::any_of(loaded.variants.begin(), loaded.variants.end(),
                               [](const auto& v) { return spec::is_rds(v.spec.database.engine); });
  if (rds) {
    // No prices: the sources and the support dates of the snapshot, parsed once per process.
    static const pricing::Catalog calendar = pricing::Catalog::snapshot({});
    warn_extended_support(loaded, calendar, diags);
  }
}

}  // namespace stackplan::app
