#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.hpp"
#include "base/result.hpp"

namespace stackplan::pricing {

/// Where prices came from: an AWS offer file (code, version, publication date), a Price List
/// API response, or a public citation; every price names one.
struct Source {
  std::string id;    ///< short stable id used by prices.tsv, e.g. "offer:AmazonRDS:20261006224050"
  std::string kind;  ///< "offer", "api", "citation" or "observation"
  std::string reference;
  std::string date;  ///< YYYY-MM-DD
};

/// One price. `key` names what is priced in stackplan's own terms (see docs/pricing.md), so
/// lookups are exact string matches; tiers are [begin, end) in the unit's quantity.
struct Price {
  std::string region;              ///< region code, or "global"
  std::string key;                 ///< e.g. "ec2/instance/t4g.small", "rds/storage/gp3/multi-az"
  std::string term;                ///< "on-demand", "spot", "reserved/1y/standard/no-upfront", ...
  Decimal begin;                   ///< tier start (0 when untiered)
  std::optional<Decimal> end;      ///< tier end; none = unbounded
  std::string unit;                ///< as AWS states it: Hrs, GB-Mo, Requests, ...
  Decimal usd;                     ///< price per unit
  std::optional<Decimal> upfront;  ///< one-time fee of a reservation or Savings Plan
  std::string source;              ///< Source::id
  std::string sku = {};            ///< AWS SKU of the product, when the source gives one
};

/// When a database engine's major version leaves RDS standard support (and is enrolled in paid
/// Extended Support) and when Extended Support ends.
struct SupportDates {
  std::string engine;         ///< "postgres" or "mysql"
  std::string version;        ///< major version: "13", "8.0"
  std::string standard_ends;  ///< YYYY-MM-DD
  std::string extended_ends;  ///< YYYY-MM-DD
  std::string source;
};

/// A price a newer source replaced (or an older one that arrived after it), kept so the
/// catalog shows what each figure was chosen over.
struct Superseded {
  Price price;
  std::string by;  ///< Source::id of the price that won
};

/// The price catalog: prices and their sources, kept sorted so files and output are stable.
class Catalog {
 public:
  using Regions = std::set<std::string, std::less<>>;
  /// Parses catalog.tsv text; a problem names `name` and the line.
  /// With `regions`, keeps only the prices of those regions (and "global"), and no superseded
  /// ones: what a plan reads, without parsing the rest.
  /// A whole catalog ends with the line "[end]<tab><rows> rows"; with `require_end` text
  /// without it is an error (a file cut short), and the count is checked whenever it is there.
  static Result<Catalog> parse(std::string_view text, const std::string& name,
                               const Regions* regions = nullptr, bool require_end = false);
  /// The snapshot compiled into stackplan (pricing/catalog.tsv of the source tree).
  static const Catalog& snapshot();
  /// The snapshot's prices of `regions` only (and "global"), parsed on each call.
  static Catalog snapshot(const Regions& regions);
  /// Reads DIR/catalog.tsv (only the prices of `regions`, when given). With `read_hash`,
  /// stores the content hash of the bytes it read.
  static Result<Catalog> load(const std::string& dir, const Regions* regions = nullptr,
                              std::string* read_hash = nullptr);

  /// Every tier of one price, ordered by tier start; empty when the catalog lacks it.
  std::vector<const Price*> find(std::string_view region, std::string_view key,
                                 std::string_view term = "on-demand") const;
  /// Every price of (region, key) whose term starts with `term_prefix` ("spot/" gives one
  /// observation per Availability Zone), in catalog order.
  std::vector<const Price*> find_terms(std::string_view region, std::string_view key,
                                       std::string_view term_prefix) const;
  const Source* source(std::string_view id) const;
  /// The regions the catalog prices: every region of its prices but "global", sorted.
  std::vector<std::string> regions() const;

  const std::vector<Price>& prices() const { return m_prices; }
  const std::map<std::string, Source, std::less<>>& sources() const { return m_sources; }
  /// The latest date among the sources ("" for an empty catalog).
  std::string as_of() const;
  const std::vector<Superseded>& superseded() const { return m_superseded; }
  const std::vector<SupportDates>& support() const { return m_support; }
  /// The support dates of an engine's major version, or null.
  const SupportDates* support(std::string_view engine, std::string_view version) const;

  /// Adds prices and their sources. Where both catalogs price the same region, key and term,
  /// the source with the newer date wins (all its tiers together) and the other is recorded as
  /// superseded; a source replaces itself, and of two sources of the same date with the same
  /// figures the merged one is cited. Two sources of the same date that disagree are an error:
  /// the text names both values and nothing is merged.
  std::string merge(const Catalog& other);
  std::string merge(Catalog&& other);
  void add_source(Source source);
  void add_price(Price price);

  /// Replaces every tier of the price's region, key and term with this one price.
  void set_price(Price price);
  /// Calls `change` on every price with its source; where it returns a source, the price now
  /// cites it (and it is added). Sources no price cites any more are dropped.
  void adjust(const std::function<std::optional<Source>(Price&, const Source*)>& change);
  /// The unit the catalog gives `key` in (any region and term); empty when it lacks the key.
  std::string unit_of(std::string_view key) const;

  /// The catalog.tsv text: [sources], [prices], [superseded] and [support] sections, sorted,
  /// and the end line with the count of rows.
  std::string to_tsv() const;

  /// Writes DIR/catalog.tsv atomically (written aside, synced, renamed over the old file), so
  /// a failure leaves the previous catalog byte for byte. Returns an error text, empty on
  /// success. With `written_hash`, stores the content hash of what it wrote.
  std::string write(const std::string& dir, std::string* written_hash = nullptr) const;

 private:
  void sort();

  void drop_unused_sources();

  std::vector<Price> m_prices;
  std::vector<Superseded> m_superseded;
  std::vector<SupportDates> m_support;
  std::map<std::string, Source, std::less<>> m_sources;
};

/// The catalog folder a command uses: --catalog, else $STACKPLAN_CATALOG; empty when neither
/// is given (reading then uses the snapshot; writing needs a folder).
std::string catalog_dir(const std::string& dir_option);

/// The catalog `plan` and `pricing show` read: --catalog, else $STACKPLAN_CATALOG, else the
/// snapshot; a problem when a given folder cannot be read.
Result<Catalog> open_catalog(const std::string& dir_option);
/// The same with the prices of `regions` (and "global") only: what `plan` reads.
Result<Catalog> open_catalog(const std::string& dir_option, const Catalog::Regions& regions);

}  // namespace stackplan::pricing
