// EC2 instances of the ECS cluster's Auto Scaling Group: instance hours by purchase model,
// root volumes and public IPv4 addresses.

#include <algorithm>

#include "kinds/common.hpp"
#include "kinds/compute/pricing.hpp"
#include "kinds/network/pricing.hpp"

namespace stackplan::kinds {
namespace {

using spec::PurchaseModel;

std::vector<Resource> expand(const spec::Spec& s) {
  if (s.compute.platform != spec::Platform::ec2) {
    return {};
  }
  return {Resource{nullptr, "aws_autoscaling_group.main", s.name, -1}};
}

/// Spot price of one instance type: the spec's override, else the mean of the catalog's
/// per-Availability-Zone observations.
struct SpotPrice {
  std::optional<Decimal> usd;
  std::string ref;
};

SpotPrice spot_price(Context& ctx, const std::string& type) {
  const auto& overrides = ctx.spec().compute.purchase.spot.hourly_prices;
  if (auto it = overrides.find(type); it != overrides.end()) {
    return {it->second, "spec: compute.purchase.spot.hourly_prices." + type};
  }
  const std::string key = pricing::ec2_instance_key(type);
  auto observed = ctx.spot_observations(key);
  if (observed.empty()) {
    std::string ref = ctx.missing_ref(key, "spot");
    ctx.warn("plan.price-missing", "price " + ref + "; the plan leaves it out of the totals",
             "give compute.purchase.spot.hourly_prices." + type +
                 " in the spec, or import Spot observations with 'stackplan pricing import'");
    return {std::nullopt, ref};
  }
  Decimal sum;
  std::string zones;
  for (const auto* p : observed) {
    sum += p->usd;
    zones += (zones.empty() ? "" : ", ") + p->term.substr(5) + " " + p->usd.to_string();
  }
  Decimal mean = sum / whole(static_cast<long long>(observed.size()));
  return {mean, ctx.describe(*observed.front()) + "; mean of " + std::to_string(observed.size()) +
                    " Availability Zones (" + zones + ")"};
}

void spot_lines(const Resource& r, Context& ctx, int desired) {
  const spec::Compute& c = ctx.spec().compute;
  const spec::SpotOptions& spot = c.purchase.spot;
  std::vector<std::string> types = spot.instance_types;
  if (types.empty()) {
    types.push_back(c.instance_type);
  }
  // On-Demand Instances: the base, then the percentage of the rest, rounded up (as the Auto
  // Scaling Group does).
  int base = std::min(spot.on_demand_base, desired);
  int above = desired - base;
  int od_above = (above * spot.on_demand_percentage + 99) / 100;
  int on_demand = base + od_above;
  int spot_count = desired - on_demand;
  if (on_demand > 0) {
    ctx.add(line(r, "compute",
                 "EC2 " + types.front() + " x " + std::to_string(on_demand) +
                     ", on-demand part of the mixed-instances group",
                 whole(on_demand) * hours_per_month(), "hours"),
            ctx.rate(pricing::ec2_instance_key(types.front())));
  }
  if (spot_count == 0) {
    return;
  }
  // Several instance types: lowest-price fills from the cheapest pool; the capacity-aware
  // strategies spread over the pools, so each listed type counts equally.
  std::vector<SpotPrice> prices;
  for (const auto& t : types) {
    prices.push_back(spot_price(ctx, t));
  }
  bool missing =
      std::any_of(prices.begin(), prices.end(), [](const SpotPrice& p) { return !p.usd; });
  LineItem item = line(r, "compute", "", whole(spot_count) * hours_per_month(), "hours");
  std::string names;
  for (const auto& t : types) {
    names += (names.empty() ? "" : ", ") + t;
  }
  item.description = "EC2 " + names + " x " + std::to_string(spot_count) + ", Spot";
  if (missing) {
    item.missing = true;
    for (const auto& p : prices) {
      if (!p.usd) {
        item.price_ref = p.ref;
      }
    }
    ctx.items().push_back(item);
    return;
  }
  Decimal price;
  std::string ref;
  if (types.size() == 1) {
    price = *prices.front().usd;
    ref = prices.front().ref;
  } else if (spot.allocation == "lowest-price") {
    auto best =
        std::min_element(prices.begin(), prices.end(),
                         [](const SpotPrice& a, const SpotPrice& b) { return *a.usd < *b.usd; });
    price = *best->usd;
    ref = best->ref + "; lowest of " + std::to_string(types.size()) + " types";
    item.description += " (lowest-price: the cheapest type)";
  } else {
    Decimal sum;
    for (const auto& p : prices) {
      sum += *p.usd;
      ref += (ref.empty() ? "" : " | ") + p.ref;
    }
    price = sum / whole(static_cast<long long>(prices.size()));
    item.description += " (" + spot.allocation + ": types weighted equally)";
  }
  item.unit_price = price;
  item.price_ref = ref;
  item.assumption = "Spot prices change hourly; this is the observation dated in the source";
  ctx.add_priced(std::move(item));
}

/// With autoscaling, what a line billed per instance (volumes, IOPS, addresses) costs a month
/// at the group's maximum: its quantity for `n` instances scaled to `max`.
void at_max(LineItem& item, int n, int max) {
  if (max > n && n > 0 && item.unit_price) {
    item.monthly_at_max = item.quantity * whole(max) / whole(n) * *item.unit_price;
  }
}

void cost(const Resource& r, Context& ctx) {
  const spec::Compute& c = ctx.spec().compute;
  const spec::Purchase& p = c.purchase;
  const int n = c.desired;
  const std::string key = pricing::ec2_instance_key(c.instance_type);
  const Decimal hours = whole(n) * hours_per_month();
  const std::string count = " x " + std::to_string(n);

  switch (p.model) {
    case PurchaseModel::on_demand: {
      LineItem& item = ctx.add(
          line(r, "compute", "EC2 " + c.instance_type + count + ", on-demand", hours, "hours"),
          ctx.rate(key));
      if (c.max > n && item.unit_price) {
        item.monthly_at_max = whole(c.max) * hours_per_month() * *item.unit_price;
      }
      break;
    }
    case PurchaseModel::spot:
      spot_lines(r, ctx, n);
      break;
    case PurchaseModel::savings_plan: {
      const spec::SavingsPlan& sp = p.savings_plan;
      std::string term = "savings-plan/" + sp.type + "/" + sp.term + "/" + sp.payment;
      ctx.eligible().push_back({r.address, "EC2 " + c.instance_type + count, hours, "hours",
                                ctx.rate(key), ctx.rate(key, term)});
      break;
    }
    case PurchaseModel::reserved: {
      const spec::Reserved& ri = p.reserved;
      std::string term = "reserved/" + ri.term + "/" + ri.offering_class + "/" + ri.payment;
      model::Rate rate = ctx.rate(key, term);
      std::string what = "EC2 " + c.instance_type + count + ", Reserved " + ri.term + " " +
                         ri.offering_class + " " + ri.payment;
      if (ri.payment != "all-upfront") {
        ctx.add(line(r, "compute", what, hours, "hours"), rate);
      }
      if (ri.payment != "no-upfront") {
        Decimal months = term_months(ri.term);
        LineItem item =
            line(r, "compute", what + ": upfront amortised over " + months.to_string() + " months",
                 whole(n), "reservations");
        if (rate.upfront) {
          model::Rate per{*rate.upfront / months, rate.upfront, rate.ref};
          LineItem& added = ctx.add(std::move(item), per);
          added.upfront = whole(n) * *rate.upfront;
        } else {
          ctx.add(std::move(item), model::Rate{std::nullopt, std::nullopt, rate.ref});
        }
      }
      break;
    }
  }

  const spec::Volume& v = c.root_volume;
  at_max(
      ctx.add(line(r, "compute",
                   "EBS " + v.type + " root volume, " + std::to_string(v.size_gb) + " GB" + count,
                   whole(n) * whole(v.size_gb), "GB-months"),
              ctx.rate(pricing::ebs_key(v.type))),
      n, c.max);
  if (v.type == "gp3" && v.iops && *v.iops > 3000) {
    at_max(ctx.add(line(r, "compute", "EBS gp3 IOPS above the 3,000 included" + count,
                        whole(n) * whole(*v.iops - 3000), "IOPS-months"),
                   ctx.rate(pricing::ebs_iops_key("gp3"))),
           n, c.max);
  }
  if (v.type == "gp3" && v.throughput_mbps && *v.throughput_mbps > 125) {
    at_max(ctx.add(line(r, "compute", "EBS gp3 throughput above the 125 MiB/s included" + count,
                        whole(n) * whole(*v.throughput_mbps - 125), "MiBps-months"),
                   ctx.rate(pricing::k_ebs_gp3_throughput_key)),
           n, c.max);
  }
  if ((v.type == "io1" || v.type == "io2") && v.iops) {
    at_max(ctx.add(line(r, "compute", "EBS " + v.type + " provisioned IOPS" + count,
                        whole(n) * whole(*v.iops), "IOPS-months"),
                   ctx.rate(pricing::ebs_iops_key(v.type))),
           n, c.max);
  }
  if (c.public_ip) {
    at_max(ctx.add(line(r, "network", "Public IPv4 address per instance" + count, hours, "hours"),
                   ctx.rate(pricing::k_public_ipv4_key)),
           n, c.max);
  }
}

json view(const Resource& r, const spec::Spec& s) {
  const spec::Compute& c = s.compute;
  const bool arm = c.architecture == spec::Architecture::arm64;
  json v = base_view(r);
  v["asg_name"] = s.name;
  v["role_name"] = aws_name(s.name + "-ecs-instance", 64);
  v["ami_parameter"] = std::string("/aws/service/ecs/optimized-ami/amazon-linux-2023/") +
                       (arm ? "arm64/" : "") + "recommended/image_id";
  v["instance_type"] = c.instance_type;
  v["min"] = c.min;
  v["max"] = c.max;
  v["desired"] = c.desired;
  v["volume_size"] = c.root_volume.size_gb;
  v["volume_type"] = c.root_volume.type;
  v["volume_iops"] = c.root_volume.iops ? json(*c.root_volume.iops) : json(nullptr);
  v["volume_throughput"] =
      c.root_volume.throughput_mbps ? json(*c.root_volume.throughput_mbps) : json(nullptr);
  v["public_ip"] = bool_text(c.public_ip);
  const bool spot = c.purchase.model == PurchaseModel::spot;
  v["spot"] = spot;
  v["single_type"] = !spot;
  json types = json::array();
  if (spot) {
    const auto& opts = c.purchase.spot;
    for (const auto& t : opts.instance_types.empty() ? std::vector<std::string>{c.instance_type}
                                                     : opts.instance_types) {
      types.push_back({{"type", t}});
    }
    v["on_demand_base"] = opts.on_demand_base;
    v["on_demand_percentage"] = opts.on_demand_percentage;
    v["allocation"] = opts.allocation;
  }
  v["spot_types"] = types;
  v["load_balanced"] = s.load_balancer.has_value();
  v["subnets"] = subnets_view(s);
  std::vector<ControlException> launch = {
      {"CT.EC2.PR.2",
       "IMDSv2 is required; a hop limit of 2 lets containers in bridge mode reach it"},
      {"CT.EC2.PR.10",
       "detailed monitoring is billed per instance metric and is not in the plan; the basic "
       "five-minute metrics remain"}};
  if (c.public_ip) {
    launch.push_back({"CT.EC2.PR.9",
                      "compute.public_ip is true: tasks and instances run in public subnets with "
                      "public addresses, so the stack needs no NAT gateway"});
  }
  v["launch_exceptions"] = exceptions_view(launch);
  std::vector<ControlException> group = {
      {"CT.AUTOSCALING.PR.1",
       "the group's Availability Zones are those of its subnets (VPCZoneIdentifier), one in "
       "each of two zones"}};
  if (types.size() < 2) {
    group.push_back({"CT.AUTOSCALING.PR.6",
                     "one instance type, compute.instance_type; list more under "
                     "compute.purchase.spot.instance_types for Spot"});
  }
  if (spot) {
    group.push_back(
        {"CT.AUTOSCALING.PR.11",
         "the Spot instance types are the spec's (compute.purchase.spot.instance_types), "
         "not all of which encrypt traffic between instances"});
  }
  v["exceptions"] = exceptions_view(group);
  return v;
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_ec2_asg{
    "ec2_asg",
    "compute",
    "aws_autoscaling_group.main",
    "EC2 instances of the ECS cluster (Auto Scaling Group): instance hours by purchase model, "
    "root volumes, public IPv4",
    {},
    expand,
    cost,
    model::Rendering{"ec2_asg", "ecs", {}, view},
};

}  // namespace stackplan::kinds
