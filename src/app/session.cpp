#include "app/session.hpp"

#include "base/terminal.hpp"

#include <filesystem>
#include <ostream>

#include "base/diagnostics.hpp"
#include "pricing/price_book.hpp"

namespace stackplan::app {

std::optional<DirectoryLock> lock_directory_for(const std::string& dir, bool exclusive, Io io,
                                                bool& failed) {
  failed = false;
  std::error_code ec;
  const std::filesystem::path path(dir);
  if (!std::filesystem::is_directory(path, ec)) {
    if (!exclusive) {
      return std::nullopt;
    }
    std::filesystem::create_directories(path, ec);
    if (ec) {
      io.err << error_prefix(io) << "cannot create " << dir << ": " << ec.message() << '\n';
      failed = true;
      return std::nullopt;
    }
  }
  LockAttempt attempt = lock_directory(path, exclusive, lock_timeout(), [&] {
    io.err << "stackplan: waiting for another stackplan process using " << dir << " to finish\n";
    io.err.flush();
  });
  if (!attempt.lock) {
    io.err << error_prefix(io) << attempt.error << '\n';
    failed = true;
  }
  return std::move(attempt.lock);
}

std::string catalog_description(const std::string& catalog_option, const std::string& price_book) {
  const std::string dir = pricing::catalog_dir(catalog_option);
  std::string out = dir.empty() ? "built-in snapshot (pricing/catalog.tsv)" : "catalog " + dir;
  return price_book.empty() ? out : out + " with " + price_book;
}

std::string error_prefix(const Io& io) {
  return "stackplan: " + paint("error", Tone::error, io.color_err) + ": ";
}

std::string warning_prefix(const Io& io) {
  return "stackplan: " + paint("warning", Tone::warning, io.color_err) + ": ";
}

void print_diagnostics(Diagnostics& diags, Io io) {
  diags.sort();
  for (const auto& d : diags.all()) {
    io.err << format_diagnostic(d, io.color_err, io.width_err);
  }
}

std::optional<pricing::Catalog> open_priced_catalog(
    const std::string& catalog_option, const std::string& prices_option,
    const std::set<std::string, std::less<>>* regions, std::string& described, Io io) {
  auto catalog = regions != nullptr ? pricing::open_catalog(catalog_option, *regions)
                                    : pricing::open_catalog(catalog_option);
  if (!catalog) {
    io.err << error_prefix(io) << catalog.error() << '\n';
    return std::nullopt;
  }
  std::string path = pricing::price_book_path(prices_option);
  if (path.empty()) {
    return std::move(*catalog);
  }
  Diagnostics diags;
  auto book = pricing::read_price_book(path, pricing::Catalog::snapshot(), diags);
  if (!book) {
    print_diagnostics(diags, io);
    return std::nullopt;
  }
  pricing::apply_price_book(*book, *catalog);
  described = "price book " + path + " (" + std::to_string(book->prices.size()) +
              (book->prices.size() == 1 ? " price, " : " prices, ") +
              std::to_string(book->discounts.size()) +
              (book->discounts.size() == 1 ? " discount)" : " discounts)");
  return std::move(*catalog);
}

}  // namespace stackplan::app
