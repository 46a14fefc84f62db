#include "kinds/common.hpp"

#include <stdexcept>

namespace stackplan::kinds {

Decimal dec(std::string_view text) {
  auto value = Decimal::parse(text);
  if (!value) {
    throw std::logic_error("bad decimal constant " + std::string(text));
  }
  return *value;
}

LineItem line(const Resource& r, std::string_view component, std::string description,
              Decimal quantity, std::string unit) {
  LineItem item;
  item.component = std::string(component);
  item.resource = r.address;
  item.description = std::move(description);
  item.quantity = quantity;
  item.unit = std::move(unit);
  return item;
}

LineItem usage_line(const Resource& r, std::string_view component, std::string description,
                    Decimal quantity, std::string unit, std::string assumption) {
  LineItem item = line(r, component, std::move(description), quantity, std::move(unit));
  item.usage_based = true;
  item.assumption = std::move(assumption);
  return item;
}

Decimal seconds_of(const spec::Duration& d) {
  return Decimal::from_int(d.millis) / Decimal::from_int(1000);
}

std::string usd(Decimal amount) {
  return "$" + amount.to_string();
}

}  // namespace stackplan::kinds
