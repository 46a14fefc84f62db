// The `compute:` section of spec v1: Fargate or an EC2 Auto Scaling Group, and how capacity is
// bought (on-demand, Spot, Savings Plans, Reserved Instances).

#include <algorithm>

#include "aws/facts.hpp"
#include "base/spelling.hpp"
#include "spec/reader.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

using nlohmann::json;

namespace {

Type instance_type() {
  return text(aws::k_instance_type_pattern,
              "is an EC2 instance type such as t4g.small or m7i.large", 32);
}

constexpr const char* k_fargate_sizes =
    "Fargate sizes each task itself (services[].cpu, memory, count); remove it or set platform: "
    "ec2";
constexpr const char* k_fargate_spot = "Fargate Spot needs no instance options; remove it";

Type savings_plan_type() {
  static const SavingsPlan k_savings_plan;
  return object(
      "savings_plan",
      {
          Field{"type", one_of({"compute", "ec2-instance"}), "Savings Plan type"}.def_value(
              k_savings_plan.type),
          Field{"term", one_of({"1y", "3y"}), "Commitment term"}.def_value(k_savings_plan.term),
          Field{"payment", one_of({"no-upfront", "partial-upfront", "all-upfront"}),
                "Payment option"}
              .def_value(k_savings_plan.payment),
          Field{"commitment_per_hour", money(0.001, 1e6),
                "Hourly commitment in USD; default: the amount that covers steady usage"}
              .ex("0.024"),
      });
}

Type spot_type() {
  static const SpotOptions k_spot_options;
  return object(
      "spot",
      {
          Field{"instance_types", list(instance_type(), 20),
                "Instance types of the mixed-instances policy; default: compute.instance_type"}
              .only("../../platform", {"ec2"}, k_fargate_spot)
              .ex("[t4g.small, t4g.medium]"),
          Field{"on_demand_base", whole(0, 1000), "Instances always run on demand"}
              .only("../../platform", {"ec2"}, k_fargate_spot)
              .def_value(k_spot_options.on_demand_base),
          Field{"on_demand_percentage", whole(0, 100),
                "Percentage of instances above the base that run on demand"}
              .only("../../platform", {"ec2"}, k_fargate_spot)
              .def_value(k_spot_options.on_demand_percentage),
          Field{"allocation",
                one_of({"price-capacity-optimized", "capacity-optimized", "lowest-price",
                        "capacity-optimized-prioritized"}),
                "Spot allocation strategy"}
              .only("../../platform", {"ec2"}, k_fargate_spot)
              .def_value(k_spot_options.allocation),
          Field{"hourly_prices",
                map_of(money(0, 1000), aws::k_instance_type_pattern, "are instance types"),
                "Spot prices in USD per hour that override the catalog's dated observations"}
              .ex("{t4g.small: 0.0067}"),
      });
}

Type reserved_type() {
  static const Reserved k_reserved;
  return object(
      "reserved",
      {
          Field{"term", one_of({"1y", "3y"}), "Reservation term"}.def_value(k_reserved.term),
          Field{"payment", one_of({"no-upfront", "partial-upfront", "all-upfront"}),
                "Payment option"}
              .def_value(k_reserved.payment),
          Field{"offering_class", one_of({"standard", "convertible"}), "Offering class"}.def_value(
              k_reserved.offering_class),
      });
}

Type compute_type() {
  static const Compute k_compute;
  static const Purchase k_purchase;
  static const Volume k_volume;
  return object(
      "compute",
      {
          Field{"platform", one_of({"ec2", "fargate"}),
                "ec2: ECS on an Auto Scaling Group; fargate: serverless tasks"}
              .def_value(std::string(k_compute.platform == Platform::ec2 ? "ec2" : "fargate")),
          Field{"instance_type", instance_type(), "EC2 instance type of the Auto Scaling Group"}
              .only("platform", {"ec2"}, k_fargate_sizes)
              .ex("t4g.small"),
          Field{"architecture", one_of({"x86_64", "arm64"}),
                "CPU architecture; default: from the instance type on ec2 (t4g, m7g, ... are "
                "arm64), x86_64 on fargate"},
          Field{"min", whole(0, 1000), "Minimum instances"}
              .only("platform", {"ec2"}, k_fargate_sizes)
              .def_value(k_compute.min),
          Field{"max", whole(1, 1000), "Maximum instances"}
              .only("platform", {"ec2"}, k_fargate_sizes)
              .def_value(k_compute.max),
          Field{"desired", whole(0, 1000), "Desired instances; the plan prices this many"}
              .only("platform", {"ec2"}, k_fargate_sizes)
              .def_value(k_compute.desired),
          Field{"root_volume",
                object("root_volume",
                       {
                           Field{"size_gb", whole(30, 16384),
                                 "Size in GiB (the ECS-optimized AMI needs 30)"}
                               .def_value(k_volume.size_gb),
                           Field{"type", one_of({"gp2", "gp3", "io1", "io2"}), "EBS volume type"}
                               .def_value(k_volume.type),
                           Field{"iops", whole(3000, 256000), "Provisioned IOPS"}.only(
                               "type", {"gp3", "io1", "io2"},
                               "gp2 IOPS follow the size; use type: gp3 to provision IOPS"),
                           Field{"throughput_mbps", whole(125, 2000), "Throughput in MiB/s"}.only(
                               "type", {"gp3"}, "remove it or use type: gp3"),
                       }),
                "Root EBS volume of each instance"}
              .only("platform", {"ec2"}, k_fargate_sizes),
          Field{"public_ip", flag(),
                "Give instances or tasks public IPv4 addresses and run them in public subnets"}
              .def_value(k_compute.public_ip),
          Field{"purchase",
                object("purchase",
                       {
                           Field{"model", one_of({"on-demand", "spot", "savings-plan", "reserved"}),
                                 "How compute is bought (spot on fargate is Fargate Spot)"}
                               .def_value(std::string(to_string(k_purchase.model))),
                           Field{"savings_plan", savings_plan_type(), "Savings Plan terms"}.only(
                               "model", {"savings-plan"},
                               "remove it, or set compute.purchase.model: savings-plan"),
                           Field{"spot", spot_type(), "Spot options"}.only(
                               "model", {"spot"}, "remove it, or set compute.purchase.model: spot"),
                           Field{"reserved", reserved_type(), "Reserved Instance terms (EC2 only)"}
                               .only("model", {"reserved"},
                                     "remove it, or set compute.purchase.model: reserved"),
                       }),
                "Purchase option of the compute capacity"},
      });
}

/// Reads the section into the typed spec; the rules across its fields report through `r`.
struct ComputeReader {
  const Reader& r;
  Spec& s;

  void compute() {
    Compute& c = s.compute;
    if (auto platform = r.str("/compute/platform")) {
      c.platform = *platform == "ec2" ? Platform::ec2 : Platform::fargate;
    }
    assign(c.public_ip, r.boolean("/compute/public_ip"));
    if (c.platform == Platform::ec2) {
      if (auto type = r.str("/compute/instance_type")) {
        c.instance_type = *type;
        c.architecture = aws::architecture_of(*type);
      } else if (!r.present("/compute/instance_type")) {
        r.error(r.key_at("/compute"), "spec.required",
                "compute.instance_type is required when compute.platform is ec2",
                "add it, e.g. instance_type: t4g.small");
      }
      auto desired = r.integer("/compute/desired");
      auto min = r.integer("/compute/min");
      auto max = r.integer("/compute/max");
      c.desired = as_int(desired ? desired : min, 1);
      c.min = as_int(min, c.desired);
      c.max = as_int(max, std::max(c.desired, c.min));
      // Name only the keys the spec gives: an absent min or max follows desired.
      std::string low = min ? "compute.min" : "compute.desired";
      if (c.min > c.max) {
        r.error(r.at(max ? "/compute/max" : "/compute/min"), "spec.capacity",
                low + " (" + std::to_string(c.min) + ") is greater than compute.max (" +
                    std::to_string(c.max) + ")",
                "min <= desired <= max");
      } else if (c.desired < c.min || c.desired > c.max) {
        r.error(r.at(desired ? "/compute/desired" : "/compute/min"), "spec.capacity",
                "compute.desired (" + std::to_string(c.desired) + ") is outside min " +
                    std::to_string(c.min) + " to max " + std::to_string(c.max),
                "min <= desired <= max");
      }
      Volume& v = c.root_volume;
      v.size_gb = as_int(r.integer("/compute/root_volume/size_gb"), v.size_gb);
      assign(v.type, r.str("/compute/root_volume/type"));
      if (auto iops = r.integer("/compute/root_volume/iops")) {
        v.iops = static_cast<int>(*iops);
      }
      if (auto tp = r.integer("/compute/root_volume/throughput_mbps")) {
        v.throughput_mbps = static_cast<int>(*tp);
      }
      if (!v.iops && (v.type == "io1" || v.type == "io2")) {
        r.error(r.at("/compute/root_volume/type"), "spec.required",
                v.type + " volumes need compute.root_volume.iops", "add iops, e.g. iops: 3000");
      }
    }
    if (auto arch = r.str("/compute/architecture")) {
      Architecture given = *arch == "arm64" ? Architecture::arm64 : Architecture::x86_64;
      if (c.platform == Platform::ec2 && !c.instance_type.empty() && given != c.architecture) {
        r.error(r.at("/compute/architecture"), "spec.conflict",
                "compute.architecture is " + *arch + " but " + c.instance_type + " is " +
                    (c.architecture == Architecture::arm64 ? "arm64" : "x86_64"),
                "remove architecture; it follows the instance type");
      }
      c.architecture = given;
    }
    purchase();
  }

  void purchase() {
    Compute& c = s.compute;
    Purchase& p = c.purchase;
    if (auto model = r.str("/compute/purchase/model")) {
      p.model = *model == "spot"           ? PurchaseModel::spot
                : *model == "savings-plan" ? PurchaseModel::savings_plan
                : *model == "reserved"     ? PurchaseModel::reserved
                                           : PurchaseModel::on_demand;
    }
    const std::string base = "/compute/purchase/";
    SavingsPlan& sp = p.savings_plan;
    assign(sp.type, r.str(base + "savings_plan/type"));
    assign(sp.term, r.str(base + "savings_plan/term"));
    assign(sp.payment, r.str(base + "savings_plan/payment"));
    sp.commitment_per_hour = r.money(base + "savings_plan/commitment_per_hour");
    if (p.model == PurchaseModel::savings_plan && c.platform == Platform::fargate &&
        sp.type == "ec2-instance") {
      r.error(r.at(base + "savings_plan/type"), "spec.conflict",
              "EC2 Instance Savings Plans do not cover Fargate",
              "use type: compute, which covers EC2, Fargate and Lambda");
    }
    if (p.model == PurchaseModel::spot && c.platform == Platform::fargate &&
        c.architecture == Architecture::arm64) {
      r.error(r.at(base + "model"), "spec.conflict",
              "Fargate Spot runs x86_64 tasks only, but compute.architecture is arm64",
              "use architecture x86_64 for Fargate Spot, or model on-demand or savings-plan for "
              "arm64");
    }
    if (p.model == PurchaseModel::reserved && c.platform == Platform::fargate) {
      r.error(r.at(base + "model"), "spec.conflict", "Reserved Instances do not apply to Fargate",
              "use model: savings-plan (a Compute Savings Plan covers Fargate)");
    }
    Reserved& ri = p.reserved;
    assign(ri.term, r.str(base + "reserved/term"));
    assign(ri.payment, r.str(base + "reserved/payment"));
    assign(ri.offering_class, r.str(base + "reserved/offering_class"));

    SpotOptions& spot = p.spot;
    spot.on_demand_base = as_int(r.integer(base + "spot/on_demand_base"), 0);
    spot.on_demand_percentage = as_int(r.integer(base + "spot/on_demand_percentage"), 0);
    assign(spot.allocation, r.str(base + "spot/allocation"));
    if (const json* types = r.get(base + "spot/instance_types")) {
      for (std::size_t i = 0; i < types->size(); ++i) {
        if (auto t = r.str(base + "spot/instance_types/" + std::to_string(i))) {
          spot.instance_types.push_back(*t);
        }
      }
    }
    if (c.platform == Platform::ec2 && p.model == PurchaseModel::spot) {
      if (spot.instance_types.empty() && !c.instance_type.empty()) {
        spot.instance_types.push_back(c.instance_type);
      }
      for (std::size_t i = 0; i < spot.instance_types.size(); ++i) {
        if (aws::architecture_of(spot.instance_types[i]) != c.architecture) {
          r.error(r.at(base + "spot/instance_types/" + std::to_string(i)), "spec.conflict",
                  spot.instance_types[i] + " does not have the " +
                      (c.architecture == Architecture::arm64 ? "arm64" : "x86_64") +
                      " architecture of " + c.instance_type,
                  "one launch template runs one AMI; list instance types of one architecture");
        }
      }
    }
    if (const json* prices = r.get(base + "spot/hourly_prices")) {
      for (const auto& [type, value] : prices->items()) {
        std::string pointer = base + "spot/hourly_prices/" + text::pointer_token(type);
        if (auto price = r.money(pointer)) {
          spot.hourly_prices[type] = *price;
        }
        bool used = std::find(spot.instance_types.begin(), spot.instance_types.end(), type) !=
                        spot.instance_types.end() ||
                    (c.platform == Platform::ec2 && type == c.instance_type);
        if (!used && c.platform == Platform::ec2) {
          r.error(r.key_at(pointer), "spec.unused",
                  "spot price for " + type + ", which is not one of the spot instance types",
                  suggestion_hint(type, spot.instance_types, "spot instance types"));
        }
      }
    }
  }
};

Type type() {
  return compute_type();
}

void read(const Reader& r, Spec& s) {
  ComputeReader{r, s}.compute();
}

}  // namespace

// Listed in spec/sections.cpp.
extern const Section k_compute_section{"compute", "Where containers run and how capacity is bought",
                                       type, read};

}  // namespace stackplan::spec
