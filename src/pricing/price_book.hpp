#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/decimal.hpp"
#include "base/diagnostics.hpp"
#include "pricing/catalog.hpp"

namespace stackplan::pricing {

/// A team's own prices: quotes and private pricing by catalog key, region and term, and
/// percentage discounts by service. Read from YAML:
///
///     prices:
///       - {key: ec2/instance/t4g.small, region: us-east-2,
///          term: savings-plan/compute/1y/no-upfront, usd: 0.0118, note: "console quote"}
///     discounts: {AmazonEC2: 8%}
struct PriceBook {
  struct Entry {
    std::string key, region, term;
    Decimal usd;
    std::optional<Decimal> upfront;
    std::string note;
  };
  std::string name;  ///< the file as given
  std::vector<Entry> prices;
  std::vector<std::pair<std::string, Decimal>> discounts;  ///< service code -> percent off
};

/// Reads and checks a price book. Unknown keys, regions, terms and services, malformed or
/// negative figures and discounts outside 0-100% are located errors in `diags`; nullopt then.
/// Keys are checked against `known` (the snapshot): a key it prices, or an instance key of a
/// family it prices.
std::optional<PriceBook> read_price_book(const std::string& path, const Catalog& known,
                                         Diagnostics& diags);

/// Applies a price book to `catalog`: each discount lowers every price (and upfront fee) of its
/// service, citing the original source and the book; then each price of the book replaces the
/// catalog's for its region, key and term (all tiers), citing "price book: NAME" and its note.
void apply_price_book(const PriceBook& book, Catalog& catalog);

/// --prices, else $STACKPLAN_PRICES; empty when neither is given.
std::string price_book_path(const std::string& option);

}  // namespace stackplan::pricing
