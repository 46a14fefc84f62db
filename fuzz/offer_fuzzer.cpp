// Fuzzes the price file importer: offer files, Savings Plans files and GetProducts output.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "pricing/offer_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  stackplan::pricing::Catalog catalog;
  stackplan::pricing::ImportStats stats;
  stackplan::pricing::ImportError error;
  bool ok = stackplan::pricing::import_price_stream(in, "fuzz.json", catalog, stats, error);
  // A failure always says why and where; every price kept cites its source.
  if ((!ok && (error.message.empty() || error.byte > size)) ||
      (ok && stats.prices > 0 && catalog.source(stats.source_id) == nullptr) ||
      (ok && catalog.prices().size() > stats.prices)) {
    __builtin_trap();
  }
  return 0;
}
