// A Savings Plan: the hourly commitment (given, or by default what covers the steady usage
// at the plan's rates), upfront payments amortised over the term, and the usage it does not
// cover at on-demand rates. Compute kinds register their usage in Context::eligible(), and
// RDS and Aurora theirs for a Database Savings Plan (pool "database").

#include <algorithm>

#include "kinds/common.hpp"

namespace stackplan::kinds {
namespace {

std::vector<Resource> expand(const spec::Spec& s) {
  std::vector<Resource> out;
  if (s.compute.purchase.model == spec::PurchaseModel::savings_plan) {
    const std::string& type = s.compute.purchase.savings_plan.type;
    out.push_back(Resource{nullptr, "savings_plan." + model::resource_name(type), type, -1});
  }
  if (s.database.purchase.savings_plan &&
      (spec::is_rds(s.database.engine) || spec::is_aurora(s.database.engine))) {
    out.push_back(Resource{nullptr, "savings_plan.database", "database", -1});
  }
  return out;
}

/// What one plan commits to: its words, term, payment, commitment, the usage pool it covers
/// and the service whose rates it needs.
struct Terms {
  std::string label, term, payment, pool, component, service;
  std::string why_missing;  ///< why the snapshot may lack the plan's rates
  std::string hint;         ///< where to get them
  std::optional<Decimal> commitment;
  std::string commitment_path;
};

Terms terms_of(const Resource& r, const spec::Spec& s) {
  if (r.name == "database") {
    const spec::DatabasePurchase& p = s.database.purchase;
    return {"Database Savings Plan " + p.term + " " + p.payment,
            p.term,
            p.payment,
            "database",
            "database",
            "AmazonRDS",
            "Database Savings Plans cover newer instance classes (db.m7g, db.r7g, db.r8g, ...) "
            "and Serverless v2, and the snapshot has the rates of one public table",
            "give the rate in a price book (--prices FILE), or choose a class the plan covers",
            p.commitment_per_hour,
            "database.purchase.commitment_per_hour"};
  }
  const spec::SavingsPlan& sp = s.compute.purchase.savings_plan;
  return {std::string(sp.type == "compute" ? "Compute" : "EC2 Instance") + " Savings Plan " +
              sp.term + " " + sp.payment,
          sp.term,
          sp.payment,
          "compute",
          "compute",
          s.compute.platform == spec::Platform::fargate ? "AmazonECS" : "AmazonEC2",
          "no public source gives Savings Plans rates",
          model::fetch_hint(
              s.compute.platform == spec::Platform::fargate ? "AmazonECS" : "AmazonEC2", s.region),
          sp.commitment_per_hour,
          "compute.purchase.savings_plan.commitment_per_hour"};
}

void cost(const Resource& r, Context& ctx) {
  const Terms t = terms_of(r, ctx.spec());
  const std::string& label = t.label;
  std::vector<model::Eligible> eligible;
  for (const auto& e : ctx.eligible()) {
    if (e.pool == t.pool) {
      eligible.push_back(e);
    }
  }

  // Steady usage per hour, at on-demand and at the plan's rates.
  std::optional<Decimal> at_plan_rates = Decimal();
  std::optional<Decimal> at_on_demand = Decimal();
  for (const auto& e : eligible) {
    if (e.plan_rate.usd && at_plan_rates) {
      *at_plan_rates += e.hours * *e.plan_rate.usd / hours_per_month();
    } else {
      at_plan_rates.reset();
    }
    if (e.on_demand.usd && at_on_demand) {
      *at_on_demand += e.hours * *e.on_demand.usd / hours_per_month();
    } else {
      at_on_demand.reset();
    }
  }

  std::optional<Decimal> commitment = t.commitment;
  std::string source = "spec: " + t.commitment_path;
  if (!commitment && at_plan_rates) {
    commitment = at_plan_rates;
    source = "steady usage at the plan's rates";
  }

  // The commitment, by payment option.
  const Decimal months = term_months(t.term);
  if (!commitment) {
    LineItem item = line(r, t.component, label + ": commitment (needs the plan's rates)",
                         hours_per_month(), "hours");
    item.missing = true;
    item.price_ref = "missing: Savings Plan rates for the usage below";
    ctx.items().push_back(item);
  } else {
    const std::string per_hour = usd(*commitment) + "/h";
    Decimal upfront_share = t.payment == "all-upfront"       ? whole(1)
                            : t.payment == "partial-upfront" ? dec("0.5")
                                                             : Decimal();
    Decimal recurring = *commitment * (whole(1) - upfront_share);
    if (!recurring.is_zero()) {
      LineItem item = line(r, t.component,
                           label + ": " + per_hour + " commitment" +
                               (upfront_share.is_zero() ? "" : ", recurring part"),
                           hours_per_month(), "hours");
      item.unit_price = recurring;
      item.price_ref = source;
      ctx.add_priced(std::move(item));
    }
    if (!upfront_share.is_zero()) {
      Decimal upfront = *commitment * upfront_share * hours_per_month() * months;
      LineItem item = line(
          r, t.component,
          label + ": " + usd(upfront) + " upfront amortised over " + months.to_string() + " months",
          whole(1), "months");
      item.unit_price = upfront / months;
      item.price_ref = source;
      item.upfront = upfront;
      ctx.add_priced(std::move(item));
    }
  }

  // Usage the commitment does not cover, at on-demand rates. Without the plan's rates the
  // share is unknown, but bounded: a plan rate is below the on-demand rate, so a commitment of
  // C an hour covers usage worth at least C at on-demand rates, and what it leaves costs at
  // most the usage's on-demand cost less C x 730.
  if (!at_plan_rates) {
    std::optional<Decimal> on_demand, bound;
    if (at_on_demand) {
      on_demand = (*at_on_demand * hours_per_month()).rounded(2);
      bound = commitment ? excess(*on_demand, (*commitment * hours_per_month()).rounded(2))
                         : *on_demand;
    }
    const std::size_t unpriced = static_cast<std::size_t>(std::count_if(
        eligible.begin(), eligible.end(), [](const auto& e) { return !e.plan_rate.usd; }));
    for (const auto& e : eligible) {
      if (!e.plan_rate.usd) {
        LineItem item = line(r, t.component,
                             e.description +
                                 " beyond the commitment, on-demand (share unknown without the "
                                 "plan's rate)",
                             e.hours, e.unit);
        item.resource = e.resource;
        item.missing = true;
        item.price_ref = e.plan_rate.ref;
        if (unpriced == 1 && bound && commitment) {
          item.assumption = "at most " + usd(*bound) + " a month: " + usd(*on_demand) +
                            " on-demand less the " +
                            usd((*commitment * hours_per_month()).rounded(2)) +
                            " commitment, which covers usage worth at least that much";
        } else if (e.on_demand.usd) {
          item.assumption = "at most " + usd((e.hours * *e.on_demand.usd).rounded(2)) +
                            " a month, its on-demand cost";
        }
        ctx.items().push_back(item);
      }
    }
    std::string known;
    if (bound) {
      known = commitment ? ", at most " + usd(*bound) + " a month (the usage's on-demand cost, " +
                               usd(*on_demand) + ", less the commitment it at least covers)"
                         : " (at most " + usd(*on_demand) + " a month, the usage's on-demand cost)";
    }
    ctx.warn(
        "plan.savings-plan-rate-missing",
        "the catalog has no " + label + " rate in " + ctx.region() + " (" + t.why_missing +
            "), so " +
            (commitment ? "the usage beyond the " + usd(*commitment) + "/h commitment is unknown" +
                              known + "; the total counts the commitment only"
                        : "neither the commitment nor the usage is priced" + known),
        t.hint);
    return;
  }
  if (!commitment) {
    return;
  }
  Decimal needed = *at_plan_rates;
  if (needed.is_zero()) {
    return;
  }
  if (*commitment >= needed) {
    // No line shows the plan's rates then, so the note cites them.
    std::string rates;
    for (const auto& e : eligible) {
      if (rates.find(e.plan_rate.ref) == std::string::npos) {
        rates += (rates.empty() ? "" : "; ") + e.plan_rate.ref;
      }
    }
    ctx.note(label + ": the " + usd(*commitment) + "/h commitment covers all eligible usage (" +
             usd(needed) + "/h at the plan's rates" +
             (at_on_demand ? ", " + usd(*at_on_demand) + "/h on-demand" : std::string()) +
             "; rates: " + rates + ")");
    if (*commitment > needed) {
      Decimal idle = (*commitment - needed) * hours_per_month();
      ctx.warn("plan.savings-plan-overcommitted",
               "the " + usd(*commitment) +
                   "/h Savings Plan commitment exceeds the usage it can "
                   "cover (" +
                   usd(needed) + "/h at the plan's rates); " + usd(idle.rounded(2)) +
                   " a month buys nothing",
               "lower commitment_per_hour, or leave it out to commit exactly the steady usage");
    }
    return;
  }
  // The plan covers commitment / needed of every eligible use; the rest runs on-demand.
  Decimal uncovered = whole(1) - *commitment / needed;
  for (const auto& e : eligible) {
    LineItem item = line(r, t.component, e.description + ": share beyond the commitment, on-demand",
                         e.hours * uncovered, e.unit);
    item.resource = e.resource;
    ctx.add(std::move(item), e.on_demand);
  }
}

}  // namespace

// Listed in kinds/registry.cpp.
extern const model::Kind k_savings_plan{
    "savings_plan",
    "compute",
    "savings_plan.<type>",
    "A Compute, EC2 Instance or Database Savings Plan: commitment, amortised upfront, uncovered "
    "usage",
    {},
    expand,
    cost,
};

}  // namespace stackplan::kinds
