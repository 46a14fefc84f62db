#pragma once

#include <string>

#include "pricing/catalog.hpp"
#include "pricing/offer_import.hpp"

namespace stackplan::testing {

/// A catalog for formula tests: `prices` are rows of catalog.tsv's [prices] section (region,
/// key, term, begin, end, unit, usd, upfront, source "t"), all cited to one test source dated
/// `date` (which decides a plan's date); `after` holds any later section ([support]). Throws
/// when the text does not parse, so a broken fixture fails its test.
pricing::Catalog test_catalog(const std::string& prices, const std::string& date = "2026-10-01",
                              const std::string& after = "");

/// Price-file text imported as `pricing import` reads it.
struct ImportOutcome {
  bool ok = false;
  pricing::Catalog catalog;
  pricing::ImportStats stats;
  pricing::ImportError error;
};
ImportOutcome import_text(const std::string& text);

}  // namespace stackplan::testing
