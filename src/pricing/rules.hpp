#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/decimal.hpp"

namespace stackplan::pricing {

/// Named string attributes, as a product or a pricing-page entry carries them.
using Attributes = std::vector<std::pair<std::string, std::string>>;

/// The value of attribute `name`, or empty.
std::string_view attribute_of(const Attributes& attributes, std::string_view name);

/// The parts of a Price List product that decide what it prices.
struct Product {
  std::string sku;
  std::string service;  ///< servicecode
  std::string family;   ///< productFamily
  Attributes attributes;

  std::string_view attribute(std::string_view name) const;
};

/// What a product is in stackplan's terms: the catalog key and region of its prices.
struct Mapping {
  std::string region;
  std::string key;
  std::string sku = {};  ///< the product's SKU, kept with its prices
};

/// A catalog key from its parts: price_key({"ec2/instance", "t4g.small"}) ->
/// "ec2/instance/t4g.small". Each folder's pricing.hpp builds its keys with it, so the kind
/// that looks a price up and the rule that imports it name it the same way.
std::string price_key(std::initializer_list<std::string_view> parts);

/// Maps a product to a catalog key, or nullopt when the cost model does not use it: the rule of
/// the service that owns the product (`ServicePricing::key_of`, in its kind's folder).
std::optional<Mapping> map_product(const Product& product);

/// Whether a price dimension's description marks the rate of usage a reservation covers
/// ("Valkey, cache.t4g.micro reserved instance applied"): in an on-demand term that is a $0
/// line beside the on-demand rate, not a price of its own.
bool covered_by_reservation(std::string_view description);

/// A usage type without its region prefix: "USE2-InstanceUsage:db.t4g.micro" ->
/// "InstanceUsage:db.t4g.micro".
std::string_view strip_region_prefix(std::string_view usage_type);

/// Term name of a Reserved offer term from its attributes ("1yr", "standard", "No Upfront") ->
/// "reserved/1y/standard/no-upfront"; nullopt when an attribute is not one stackplan knows.
std::optional<std::string> reserved_term(std::string_view length, std::string_view offering_class,
                                         std::string_view purchase_option);

/// Term name of a Savings Plan ("ComputeSavingsPlans", "1yr", "No Upfront") ->
/// "savings-plan/compute/1y/no-upfront".
std::optional<std::string> savings_plan_term(std::string_view family, std::string_view term,
                                             std::string_view purchase_option);

/// Catalog key of a Savings Plan rate's discounted usage, or nullopt when stackplan does not
/// price it ("BoxUsage:t4g.small" with RunInstances -> "ec2/instance/t4g.small").
std::optional<std::string> savings_plan_rate_key(std::string_view usage_type,
                                                 std::string_view operation);

/// One entry of an AWS pricing-page file (the JSON the pricing pages load from
/// b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/<service>/USD/current/<file>.json): the page
/// (`manifest.source`, e.g. "rds-storage"), the entry's label and its string attributes
/// ("Instance Type", "LeaseContractLength", "riupfront:PricePerUnit", ...).
struct PageEntry {
  std::string page;
  std::string label;
  Attributes attributes;

  std::string_view attribute(std::string_view name) const;
};

/// A pricing-page label priced as it stands: page, label, keys (one or two), unit and tier
/// (empty begin = 0, empty end = unbounded), and the divisor from the page's unit to the
/// catalog's.
struct PageRule {
  std::string_view page;
  std::string label;
  std::vector<std::string> keys;
  std::string_view unit;
  std::string_view begin = {};
  std::string_view end = {};
  std::int64_t divisor = 1;
};

/// What a pricing-page entry is in stackplan's terms. A label can feed several keys (Aurora's
/// storage and I/O prices are the same for both engines); `divisor` converts the page's unit to
/// the catalog's (gp3 throughput is listed per GiBps-month, priced per MiBps-month).
struct PageMapping {
  std::vector<std::string> keys;
  std::string term = "on-demand";
  std::string unit;
  Decimal begin;
  std::optional<Decimal> end;
  std::int64_t divisor = 1;
};

/// Maps a pricing-page entry to catalog keys, or nullopt when the cost model does not use it.
/// The rules are each service's own (`ServicePricing::page_rules` and `page_entry`), beside
/// its offer-file rule.
std::optional<PageMapping> map_page_entry(const PageEntry& entry);

/// One key in one unit, on demand: the mapping most page entries have.
PageMapping page_mapping(std::string key, std::string unit);

}  // namespace stackplan::pricing
