#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <string>

#include "base/diagnostics.hpp"
#include "pricing/catalog.hpp"

namespace stackplan::pricing {

/// What one import read and kept.
struct ImportStats {
  std::string layout;  ///< "offer", "savings-plan", "get-products" or "pages"
  std::string source_id;
  std::string offer_code;  ///< the file's offerCode (offer files), empty when it has none
  std::uint64_t bytes = 0;
  std::uint64_t products = 0;       ///< products (or Savings Plan rates) read
  std::uint64_t products_used = 0;  ///< of those, the ones the cost model prices
  std::uint64_t prices = 0;         ///< prices kept
  /// Pricing pages: labels (or locations) that no rule maps, with how often each was seen.
  std::map<std::string, std::uint64_t> unmapped;
};

/// An import that failed: a diagnostic at "FILE: byte N" (price files are read in chunks, not
/// held), with the file and the byte offset where it went wrong kept apart for callers.
struct ImportError : Diagnostic {
  std::string file;
  std::uint64_t byte = 0;
};

/// The ImportError of `file` at `byte`.
ImportError import_error(std::string file, std::uint64_t byte, std::string message);

/// Streams an AWS price file into `out`: a bulk offer file (all-region or regional:
/// `products` + `terms.OnDemand/Reserved`), a Savings Plans file (`products` array +
/// `terms.savingsPlan[].rates`), GetProducts output (`PriceList` of items or of JSON strings),
/// or a pricing-page file (`manifest` + `regions` of location -> label -> {rateCode, price}).
/// Only what the cost model uses is kept (pricing/rules.cpp). Memory stays bounded: one
/// product or term is held at a time. Returns false and fills `error` on malformed, truncated
/// or unrecognised input.
bool import_price_file(const std::string& path, Catalog& out, ImportStats& stats,
                       ImportError& error);
/// The same, citing `origin` (the URL it was downloaded from) instead of the file's name.
bool import_price_file(const std::string& path, Catalog& out, ImportStats& stats,
                       ImportError& error, const std::string& origin);

/// The same from a stream (tests, fuzzing); `name` is used in messages.
bool import_price_stream(std::istream& in, const std::string& name, Catalog& out,
                         ImportStats& stats, ImportError& error);

}  // namespace stackplan::pricing
