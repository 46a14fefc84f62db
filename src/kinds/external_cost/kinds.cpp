// Fixed monthly costs outside AWS, as the spec states them.

#include "kinds/common.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  return per_element(s.external_costs, "external",
                     [](const spec::ExternalCost& e) { return e.name; });
}

void cost(const Resource& r, Context& ctx) {
  const spec::ExternalCost& e = ctx.spec().external_costs[static_cast<std::size_t>(r.index)];
  LineItem item =
      line(r, "external", e.name + (e.note.empty() ? "" : " (" + e.note + ")"), whole(1), "months");
  item.unit_price = e.monthly;
  item.price_ref = "spec: external_costs[" + std::to_string(r.index) + "].monthly";
  ctx.add_priced(std::move(item));
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_external_cost{
    "external_cost",
    "external",
    "external.<name>",
    "A fixed monthly cost outside AWS, from the spec",
    {},
    expand,
    cost,
};

}  // namespace stackplan::kinds
