#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.hpp"
#include "model/line_item.hpp"
#include "model/stack.hpp"
#include "pricing/catalog.hpp"
#include "spec/spec.hpp"

namespace stackplan::model {

/// Usage figures from a --usage file: resource address -> usage key -> value.
using UsageOverrides =
    std::map<std::string, std::map<std::string, double, std::less<>>, std::less<>>;

/// A usage figure and the words that say where it came from.
struct Usage {
  Decimal value;
  std::string assumption;  ///< "size_gb = 0.1 (spec)", "lcu = 1 (default)"
};

/// A price looked up in the catalog. `usd` is empty when the catalog lacks it.
struct Rate {
  std::optional<Decimal> usd;
  std::optional<Decimal> upfront;
  std::string ref;  ///< "AmazonRDS us-east-2 rds/storage/gp2/multi-az on-demand (source, date)"
};

/// A price the cost model asked the catalog for, and the row it found (the first tier), if any.
struct PriceLookup {
  std::string region;
  std::string key;
  std::string term;  ///< "spot" for the Spot observations of an instance type
  const pricing::Price* found = nullptr;
};

/// Usage that a Savings Plan may cover, registered by compute resources and priced by the
/// Savings Plan resource (which is costed after them).
struct Eligible {
  std::string resource;
  std::string description;
  Decimal hours;  ///< usage units per month (instance-hours, vCPU-hours, GB-hours)
  std::string unit;
  Rate on_demand;
  Rate plan_rate;                ///< the Savings Plan rate for the same usage
  std::string pool = "compute";  ///< the plans that may cover it: "compute" or "database"
};

/// Everything a resource kind needs to cost itself: the spec variant, the catalog, usage
/// figures, and the place its line items, warnings and notes go.
class Context {
 public:
  Context(const pricing::Catalog& catalog, const spec::Spec& spec, const UsageOverrides& usage);

  const spec::Spec& spec() const { return m_spec; }
  const std::string& region() const { return m_spec.region; }
  /// The date the plan prices for (the catalog's newest source date): what decides, for
  /// instance, which year of RDS Extended Support an engine version is in.
  const std::string& as_of() const { return m_as_of; }
  /// When an engine's major version leaves standard support; null when the catalog has no
  /// dates for it.
  const pricing::SupportDates* support(std::string_view engine, std::string_view version) const {
    return m_catalog.support(engine, version);
  }

  /// One untiered price (the first tier when there are several).
  Rate rate(std::string_view key, std::string_view term = "on-demand");
  /// Every tier of a price, ordered; empty (and reported missing) when the catalog lacks it.
  std::vector<const pricing::Price*> tiers(std::string_view key,
                                           std::string_view term = "on-demand");
  /// Spot observations of an instance type in this region, one per Availability Zone.
  std::vector<const pricing::Price*> spot_observations(std::string_view key) const;
  std::string describe(const pricing::Price& price) const;
  /// The price_ref of a line whose price the catalog lacks.
  std::string missing_ref(std::string_view key, std::string_view term) const;

  /// A usage figure of resource `r`: the --usage file, else the spec's own value (`spec_path`
  /// names it in the assumption), else the default its kind declares for `key` (a kind must
  /// declare every figure it reads). The value returned is divided by `per` (1e6 for a figure
  /// billed per million), so large counts stay in range.
  Usage usage(const Resource& r, std::string_view key, std::optional<double> from_spec,
              std::string_view spec_path, double per = 1);
  /// The same for a figure whose default depends on the spec (declared with `fallback_doc`).
  Usage usage_or(const Resource& r, std::string_view key, std::optional<double> from_spec,
                 std::string_view spec_path, double fallback, double per = 1);

  /// Adds a line at `rate` (times `scale`, e.g. 1000 for a price per request billed per 1k);
  /// a missing rate makes a visible "price missing" line.
  LineItem& add(LineItem item, const Rate& rate, Decimal scale = Decimal::from_int(1));
  /// Adds a line whose unit price is already set (from the spec, or derived).
  LineItem& add_priced(LineItem item);
  /// Adds one line per tier that `item.quantity` reaches (tiered prices such as S3 storage).
  void add_tiered(const LineItem& item, std::string_view key, Decimal scale = Decimal::from_int(1));

  void warn(std::string code, std::string message, std::string hint = {});
  void add_warning(Warning w);  ///< once per message
  void note(std::string text);  ///< once per text

  std::vector<LineItem>& items() { return m_items; }
  std::vector<Warning>& warnings() { return m_warnings; }
  std::vector<std::string>& notes() { return m_notes; }
  std::vector<Eligible>& eligible() { return m_eligible; }
  /// Every price looked up, in order (repeats included).
  std::vector<PriceLookup>& lookups() { return m_lookups; }

 private:
  std::string region_of(std::string_view key) const;
  void report_missing(std::string_view key, std::string_view term);

  const pricing::Catalog& m_catalog;
  std::string m_as_of;
  const spec::Spec& m_spec;
  const UsageOverrides& m_usage;
  std::vector<LineItem> m_items;
  std::vector<Warning> m_warnings;
  std::vector<std::string> m_notes;
  std::vector<Eligible> m_eligible;
  mutable std::vector<PriceLookup> m_lookups;
};

/// The hint of a missing price: the command that fetches it, and the price book that gives it.
std::string fetch_hint(std::string_view service, std::string_view region);

/// Text of a Decimal usage figure for descriptions: "0.1", "1,000,000".
std::string format_quantity(Decimal value);
/// The same for a usage figure as given (which may be beyond Decimal's range).
std::string format_number(double value);

}  // namespace stackplan::model
