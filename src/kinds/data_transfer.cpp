// Data transfer out to the internet (usage-based).

#include "kinds/common.hpp"
#include "kinds/kinds.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  if (s.services.empty() && !s.load_balancer) {
    return {};
  }
  return {Resource{nullptr, "data_transfer.internet", s.name, -1}};
}

void cost(const Resource& r, Context& ctx) {
  model::Usage gb = ctx.usage(r, "out_gb", ctx.spec().network.data_transfer_out_gb,
                              "network.usage.data_transfer_out_gb");
  ctx.add_tiered(
      usage_line(r, "network", "Data transfer out to the internet", gb.value, "GB",
                 gb.assumption + "; the account-wide 100 GB a month free allowance is not "
                                 "subtracted"),
      "transfer/out");
}

}  // namespace

const model::Kind k_data_transfer{
    "data_transfer",
    "network",
    "data_transfer.internet",
    "Data transfer out to the internet",
    {{"out_gb", "GB a month", 10, "Traffic from the stack to the internet"}},
    expand,
    cost,
};

}  // namespace stackplan::kinds
