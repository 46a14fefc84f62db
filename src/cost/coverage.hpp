#pragma once

#include <map>
#include <string>
#include <vector>

#include "pricing/catalog.hpp"
#include "pricing/gaps.hpp"

namespace stackplan::cost {

/// What a catalog has for one price in one region: the price (its first tier), or the known
/// gap that explains its absence, or neither (a missing price nothing explains).
struct CoverageCell {
  const pricing::Price* price = nullptr;
  const pricing::KnownGap* gap = nullptr;
};

/// One price the cost model asks for, by region.
struct CoverageRow {
  std::string key;
  std::string term;
  std::map<std::string, CoverageCell> cells;  ///< by region
};

struct Coverage {
  std::vector<std::string> regions;
  std::vector<CoverageRow> rows;  ///< sorted by key and term
  /// Cells with neither a price nor a known gap.
  std::size_t unexplained() const;
};

/// Plans the probe spec (every database engine and configuration, both compute platforms and
/// architectures, every purchase model, and the stack's other resources; see coverage.cpp) in
/// each region against `catalog`, and collects every price the cost model asks for. The keys
/// come from running the kinds, not from a list.
Coverage coverage(const pricing::Catalog& catalog, const std::vector<std::string>& regions);

}  // namespace stackplan::cost
