#include "pricing/rules.hpp"

#include <algorithm>
#include <cctype>

#include "aws/regions.hpp"
#include "pricing/services.hpp"

namespace stackplan::pricing {

std::string_view attribute_of(const Attributes& attributes, std::string_view name) {
  for (const auto& [k, v] : attributes) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

std::string_view Product::attribute(std::string_view name) const {
  return attribute_of(attributes, name);
}

namespace {

std::optional<std::string> region_of(const Product& p) {
  std::string_view code = p.attribute("regionCode");
  if (!code.empty()) {
    return aws::is_region(code) ? std::optional<std::string>(code) : std::nullopt;
  }
  return aws::region_of_location(p.attribute("location"));
}

/// "No Upfront" -> "no-upfront", ...; empty when unknown.
std::string payment_of(std::string_view option) {
  return option == "No Upfront"        ? "no-upfront"
         : option == "Partial Upfront" ? "partial-upfront"
         : option == "All Upfront"     ? "all-upfront"
                                       : "";
}

/// "1yr" -> "1y", "3yr" -> "3y"; empty when unknown.
std::string years_of(std::string_view length) {
  return length == "1yr" ? "1y" : length == "3yr" ? "3y" : "";
}

}  // namespace

std::string_view strip_region_prefix(std::string_view usage_type) {
  std::size_t dash = usage_type.find('-');
  if (dash == std::string_view::npos || dash < 2 || dash > 6) {
    return usage_type;
  }
  for (std::size_t i = 0; i < dash; ++i) {
    char c = usage_type[i];
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)))) {
      return usage_type;
    }
  }
  // "EBS:..." has no dash before its colon; "USE2-EBS:..." and "EU-BoxUsage:..." have a prefix.
  std::string_view rest = usage_type.substr(dash + 1);
  return rest.empty() ? usage_type : rest;
}

bool covered_by_reservation(std::string_view description) {
  constexpr std::string_view k_marker = "reserved instance applied";
  return description.size() >= k_marker.size() &&
         description.substr(description.size() - k_marker.size()) == k_marker;
}

std::string price_key(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view part : parts) {
    if (!key.empty()) {
      key += '/';
    }
    key.append(part);
  }
  return key;
}

std::optional<Mapping> map_product(const Product& p) {
  std::string_view location_type = p.attribute("locationType");
  const bool in_region = location_type != "AWS Outposts" && location_type != "AWS Local Zone" &&
                         location_type != "AWS Wavelength Zone";
  std::string_view usage = strip_region_prefix(p.attribute("usagetype"));
  for (const ServicePricing* service : kind_services()) {
    if (service->service != p.service) {
      continue;
    }
    auto key = service->key_of(p, usage);
    if (!key) {
      continue;
    }
    if (service->global) {
      return Mapping{"global", *key};
    }
    if (!in_region) {
      return std::nullopt;
    }
    auto region = region_of(p);
    return region ? std::optional<Mapping>(Mapping{*region, *key}) : std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> reserved_term(std::string_view length, std::string_view offering_class,
                                         std::string_view purchase_option) {
  std::string years = years_of(length);
  std::string cls = offering_class == "standard" || offering_class == "convertible"
                        ? std::string(offering_class)
                        : "";
  std::string payment = payment_of(purchase_option);
  if (years.empty() || payment.empty()) {
    return std::nullopt;
  }
  if (cls.empty()) {
    cls = "standard";  // RDS reservations carry no offering class
  }
  return "reserved/" + years + "/" + cls + "/" + payment;
}

std::optional<std::string> savings_plan_term(std::string_view family, std::string_view term,
                                             std::string_view purchase_option) {
  std::string type = family == "ComputeSavingsPlans"       ? "compute"
                     : family == "EC2InstanceSavingsPlans" ? "ec2-instance"
                                                           : "";
  std::string years = years_of(term);
  std::string payment = payment_of(purchase_option);
  if (type.empty() || years.empty() || payment.empty()) {
    return std::nullopt;
  }
  return "savings-plan/" + type + "/" + years + "/" + payment;
}

std::optional<std::string> savings_plan_rate_key(std::string_view usage_type,
                                                 std::string_view operation) {
  std::string_view usage = strip_region_prefix(usage_type);
  for (const ServicePricing* service : kind_services()) {
    if (service->savings_plan_key != nullptr) {
      if (auto key = service->savings_plan_key(usage, operation)) {
        return key;
      }
    }
  }
  return std::nullopt;
}

}  // namespace stackplan::pricing
// --- AWS pricing-page files ---------------------------------------------------------------
//
// The pricing pages have no usage types: a page (manifest.source) and an entry's label say what
// a price is, and the page says its unit. Each service's rules name the page, the label and the
// catalog key it feeds, beside its offer-file rule that feeds the same keys.

namespace stackplan::pricing {

std::string_view PageEntry::attribute(std::string_view name) const {
  return attribute_of(attributes, name);
}

namespace {

PageMapping from_rule(const PageRule& rule) {
  PageMapping m;
  for (const auto& key : rule.keys) {
    if (!key.empty()) {
      m.keys.push_back(key);
    }
  }
  m.unit = rule.unit;
  m.begin = rule.begin.empty() ? Decimal() : *Decimal::parse(rule.begin);
  if (!rule.end.empty()) {
    m.end = Decimal::parse(rule.end);
  }
  m.divisor = rule.divisor;
  return m;
}

}  // namespace

PageMapping page_mapping(std::string key, std::string unit) {
  PageMapping m;
  m.keys.push_back(std::move(key));
  m.unit = std::move(unit);
  return m;
}

std::optional<PageMapping> map_page_entry(const PageEntry& e) {
  for (const ServicePricing* service : kind_services()) {
    for (const auto& rule : service->page_rules) {
      if (rule.page == e.page && rule.label == e.label) {
        return from_rule(rule);
      }
    }
  }
  for (const ServicePricing* service : kind_services()) {
    if (service->page_entry != nullptr) {
      if (auto mapping = service->page_entry(e)) {
        return mapping;
      }
    }
  }
  return std::nullopt;
}

}  // namespace stackplan::pricing
