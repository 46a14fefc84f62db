#include <filesystem>
#include <ostream>

#include "cli/app.hpp"
#include "pricing/catalog.hpp"
#include "pricing/offer_import.hpp"

namespace stackplan::cli {

int cmd_pricing_import(const PricingImportOptions& o, Io io) {
  std::string dir = pricing::catalog_dir(o.catalog);
  if (dir.empty()) {
    io.err << error_prefix(io)
           << "say which catalog to write: --catalog DIR or STACKPLAN_CATALOG "
              "(the built-in snapshot is read-only; a new catalog starts from it)\n";
    return k_exit_invalid;
  }
  // One writer at a time: a second import or update waits for this one, then reads its result.
  bool lock_failed = false;
  auto lock = app::lock_directory_for(dir, true, io, lock_failed);
  if (lock_failed) {
    return k_exit_environment;
  }
  // Start from the catalog in DIR, or from the snapshot when DIR has none yet.
  pricing::Catalog catalog;
  if (std::filesystem::exists(std::filesystem::path(dir) / "catalog.tsv")) {
    auto existing = pricing::Catalog::load(dir);
    if (!existing) {
      io.err << error_prefix(io) << existing.error() << '\n';
      return k_exit_invalid;
    }
    catalog = std::move(*existing);
  } else {
    catalog = pricing::Catalog::snapshot();
  }
  // Import everything first; the catalog on disk changes only when every file imported.
  std::vector<std::string> lines;
  for (const auto& file : o.files) {
    pricing::ImportStats stats;
    pricing::ImportError failure;
    if (!pricing::import_price_file(file, catalog, stats, failure)) {
      io.err << format_diagnostic(failure, io.color_err) << "stackplan: nothing imported; " << dir
             << " is unchanged\n";
      return k_exit_invalid;
    }
    const char* what = stats.layout == "savings-plan" ? "rates"
                       : stats.layout == "pages"      ? "entries"
                       : stats.layout == "catalog"    ? "catalog prices"
                                                      : "products";
    lines.push_back(file + ": " + std::to_string(stats.prices) + " prices from " +
                    std::to_string(stats.products_used) + " of " + std::to_string(stats.products) +
                    " " + what + " (" + stats.source_id + ")");
    if (!stats.unmapped.empty()) {
      std::uint64_t total = 0;
      for (const auto& [label, count] : stats.unmapped) {
        total += count;
      }
      lines.push_back("  " + std::to_string(total) + " entries under " +
                      std::to_string(stats.unmapped.size()) +
                      " labels match no rule and were left out" +
                      (o.verbose ? ":" : " (--verbose lists them)"));
      if (o.verbose) {
        for (const auto& [label, count] : stats.unmapped) {
          lines.push_back("    " + label + " (" + std::to_string(count) + ")");
        }
      }
    }
  }
  if (std::string why = catalog.write(dir); !why.empty()) {
    io.err << error_prefix(io) << why << '\n';
    return k_exit_environment;
  }
  for (const auto& line : lines) {
    io.out << line << '\n';
  }
  io.out << "catalog: " << (std::filesystem::path(dir) / "catalog.tsv").string() << ", "
         << catalog.prices().size() << " prices from " << catalog.sources().size() << " sources\n";
  return k_exit_ok;
}

}  // namespace stackplan::cli
