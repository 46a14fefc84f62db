// The `external_costs:` section of spec v1: its schema and its reading.

#include "kinds/external_cost/spec.hpp"

#include <set>

#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

Type type() {
  return list(object("external_cost",
                     {
                         Field{"name", text({}, {}, 64), "What it is"}.require().ex("Contabo VPS"),
                         Field{"monthly", money(0, 1e8), "USD a month"}.require().ex("10.00"),
                         Field{"note", text({}, {}, 512), "Where the figure comes from"},
                     }),
              100);
}

void read(const Reader& r, Spec& s) {
  const nlohmann::json* list = r.get("/external_costs");
  if (list == nullptr) {
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string base = "/external_costs/" + std::to_string(i);
    ExternalCost cost;
    assign(cost.name, r.str(base + "/name"));
    if (auto monthly = r.money(base + "/monthly")) {
      cost.monthly = *monthly;
    }
    assign(cost.note, r.str(base + "/note"));
    check_unique(r, seen, cost.name, base + "/name", "external cost");
    s.external_costs.push_back(std::move(cost));
  }
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_external_costs_section{
    "external_costs", "Fixed monthly costs outside AWS, for comparisons", type, read};

}  // namespace stackplan::spec
