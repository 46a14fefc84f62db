#pragma once

// Helpers shared by the resource kinds in this folder.

#include <string>
#include <string_view>
#include <vector>

#include "cost/context.hpp"
#include "model/stack.hpp"
#include "util/decimal.hpp"

namespace stackplan::kinds {

using cost::Context;
using cost::LineItem;
using model::Resource;

/// A month is 730 hours; a year is 12 months.
inline Decimal hours_per_month() {
  return Decimal::from_int(730);
}
/// Seconds in a 730-hour month.
inline Decimal seconds_per_month() {
  return Decimal::from_int(730 * 3600);
}

/// A decimal constant written as text; the text is always a valid literal.
Decimal dec(std::string_view text);
inline Decimal whole(long long n) {
  return Decimal::from_int(n);
}

/// A line with its identity filled in.
LineItem line(const Resource& r, std::string_view component, std::string description,
              Decimal quantity, std::string unit);
/// The same, marked usage-based with the assumptions it used.
LineItem usage_line(const Resource& r, std::string_view component, std::string description,
                    Decimal quantity, std::string unit, std::string assumption);

/// "1s" -> seconds as a Decimal.
Decimal seconds_of(const spec::Duration& d);

/// One resource per element of a spec list, addressed "<type>.<name>" with the element's
/// index, e.g. one log group per service.
template <class T, class Name>
std::vector<Resource> per_element(const std::vector<T>& items, std::string_view type, Name name) {
  std::vector<Resource> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string n = name(items[i]);
    out.push_back(
        {nullptr, std::string(type) + "." + model::resource_name(n), n, static_cast<int>(i)});
  }
  return out;
}

/// Months in a commitment term ("1y" or "3y"), over which upfront payments are amortised.
inline Decimal term_months(const std::string& term) {
  return whole(term == "3y" ? 36 : 12);
}

/// "$0.024" style text for descriptions.
std::string usd(Decimal amount);

}  // namespace stackplan::kinds
