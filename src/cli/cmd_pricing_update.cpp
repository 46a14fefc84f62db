#include <memory>
#include <ostream>
#include <string>

#include "app/progress.hpp"
#include "cli/app.hpp"
#include "pricing/catalog.hpp"
#include "pricing/http_loader.hpp"
#include "pricing/update.hpp"

namespace stackplan::cli {

int cmd_pricing_update(const PricingUpdateOptions& o, Io io) {
  pricing::UpdateOptions options;
  options.regions = o.regions;
  options.services = o.services;
  options.source = o.source;
  options.endpoint = o.endpoint;
  options.catalog_dir = pricing::catalog_dir(o.catalog);
  if (std::string problem = pricing::options_problem(options); !problem.empty()) {
    io.err << error_prefix(io) << problem << '\n';
    return k_exit_invalid;
  }
  if (options.catalog_dir.empty()) {
    io.err << error_prefix(io)
           << "say which catalog to write: --catalog DIR or STACKPLAN_CATALOG "
              "(the built-in snapshot is read-only; a new catalog starts from it)\n";
    return k_exit_invalid;
  }
  // A status line redrawn on a terminal; elsewhere a line per file and one per stall.
  app::UpdateProgress progress(io, io.width_err > 0);
  options.on_fetch = [&](const std::string& what) { progress.fetch(what); };
  options.on_line = [&](const std::string& line) { progress.line(line); };
  pricing::HttpPolicy policy;
  policy.attempts = o.retries + 1;
  policy.on_progress = [&](const pricing::TransferProgress& p) { progress.transfer(p); };
  auto client = pricing::make_http_client(policy);
  if (!client) {
    io.err << error_prefix(io) << client.error() << '\n';
    return k_exit_environment;
  }
  bool lock_failed = false;
  auto lock = app::lock_directory_for(options.catalog_dir, true, io, lock_failed);
  if (lock_failed) {
    return k_exit_environment;
  }
  pricing::UpdateReport report = pricing::update_catalog(options, **client);
  if (!report.error.empty()) {
    io.err << error_prefix(io) << report.error << "\nstackplan: the catalog in "
           << options.catalog_dir << " is unchanged\n";
    return report.invalid_catalog ? k_exit_invalid : k_exit_environment;
  }
  io.out << "catalog: " << options.catalog_dir
         << (report.changed ? "/catalog.tsv updated\n"
                            : "/catalog.tsv unchanged: every file is as it was when imported\n");
  return k_exit_ok;
}

}  // namespace stackplan::cli
