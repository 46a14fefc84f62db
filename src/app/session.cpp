#include "app/session.hpp"

#include <ostream>

#include "base/diagnostics.hpp"
#include "pricing/price_book.hpp"

namespace stackplan::app {

void print_diagnostics(Diagnostics& diags, Io io) {
  diags.sort();
  for (const auto& d : diags.all()) {
    io.err << format_diagnostic(d);
  }
}

std::optional<pricing::Catalog> open_priced_catalog(
    const std::string& catalog_option, const std::string& prices_option,
    const std::set<std::string, std::less<>>* regions, std::string& described, Io io) {
  std::string error;
  auto catalog = regions != nullptr ? pricing::open_catalog(catalog_option, error, *regions)
                                    : pricing::open_catalog(catalog_option, error);
  if (!catalog) {
    io.err << "stackplan: error: " << error << '\n';
    return std::nullopt;
  }
  std::string path = pricing::price_book_path(prices_option);
  if (path.empty()) {
    return catalog;
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
  return catalog;
}

}  // namespace stackplan::app
