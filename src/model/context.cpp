#include "model/context.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "aws/regions.hpp"
#include "pricing/services.hpp"

namespace stackplan::model {

Context::Context(const pricing::Catalog& catalog, const spec::Spec& spec,
                 const UsageOverrides& usage)
    : m_catalog(catalog), m_as_of(catalog.as_of()), m_spec(spec), m_usage(usage) {}

std::string Context::region_of(std::string_view key) const {
  return key.starts_with("route53/") ? "global" : m_spec.region;
}

std::string Context::describe(const pricing::Price& price) const {
  std::string out =
      pricing::service_of(price.key) + " " + price.region + " " + price.key + " " + price.term;
  if (const pricing::Source* source = m_catalog.source(price.source)) {
    out += " (" + source->id + (source->date.empty() ? "" : ", " + source->date) + ")";
  } else {
    out += " (" + price.source + ")";
  }
  return out;
}

void Context::report_missing(std::string_view key, std::string_view term) {
  if (term.starts_with("savings-plan/")) {
    return;  // the Savings Plan reports its missing rates once, with what they leave unknown
  }
  std::string region = region_of(key);
  std::string service = pricing::service_of(key);
  add_warning(
      make_warning("plan.price-missing",
                   "price " + missing_ref(key, term) + "; the plan leaves it out of the totals",
                   fetch_hint(service, region), service + " " + region,
                   std::string(key) + " " + std::string(term)));
}

std::string fetch_hint(std::string_view service, std::string_view region) {
  return "fetch it with 'stackplan pricing update --region " + std::string(region) + " --service " +
         std::string(service) +
         " --catalog DIR' and plan with --catalog DIR, or give it in a price book (--prices FILE)";
}

std::vector<const pricing::Price*> Context::tiers(std::string_view key, std::string_view term) {
  auto found = m_catalog.find(region_of(key), key, term);
  m_lookups.push_back({region_of(key), std::string(key), std::string(term),
                       found.empty() ? nullptr : found.front()});
  if (found.empty()) {
    report_missing(key, term);
  }
  return found;
}

std::string Context::missing_ref(std::string_view key, std::string_view term) const {
  return "missing: " + pricing::service_of(key) + " " + region_of(key) + " " + std::string(key) +
         " " + std::string(term);
}

Rate Context::rate(std::string_view key, std::string_view term) {
  auto found = tiers(key, term);
  Rate r;
  if (found.empty()) {
    r.ref = missing_ref(key, term);
    return r;
  }
  r.usd = found.front()->usd;
  r.upfront = found.front()->upfront;
  r.ref = describe(*found.front());
  return r;
}

std::vector<const pricing::Price*> Context::spot_observations(std::string_view key) const {
  auto found = m_catalog.find_terms(m_spec.region, key, "spot/");
  m_lookups.push_back(
      {m_spec.region, std::string(key), "spot", found.empty() ? nullptr : found.front()});
  return found;
}

Usage Context::usage(const Resource& r, std::string_view key, std::optional<double> from_spec,
                     std::string_view spec_path, double per) {
  const UsageParam* param = nullptr;
  for (const UsageParam& p : r.kind->usage) {
    param = p.key == key ? &p : param;
  }
  if (param == nullptr || !param->fallback_doc.empty()) {
    throw std::logic_error("kind " + std::string(r.kind->name) + " reads usage figure '" +
                           std::string(key) + "' without declaring its default");
  }
  return usage_or(r, key, from_spec, spec_path, param->fallback, per);
}

Usage Context::usage_or(const Resource& r, std::string_view key, std::optional<double> from_spec,
                        std::string_view spec_path, double fallback, double per) {
  std::string name(key);
  double value = fallback;
  std::string origin = "default";
  if (auto found = m_usage.find(r.address); found != m_usage.end()) {
    if (auto v = found->second.find(key); v != found->second.end()) {
      value = v->second;
      origin = "usage file";
    }
  }
  if (origin == "default" && from_spec) {
    value = *from_spec;
    origin = "spec: " + std::string(spec_path);
  }
  return {Decimal::from_double(value / per),
          name + " = " + format_number(value) + " (" + origin + ")"};
}

LineItem& Context::add(LineItem item, const Rate& rate, Decimal scale) {
  item.price_ref = rate.ref;
  if (rate.usd) {
    item.unit_price = *rate.usd * scale;
    item.monthly = item.quantity * *item.unit_price;
    item.missing = false;
  } else {
    item.unit_price.reset();
    item.monthly = Decimal();
    item.missing = true;
  }
  m_items.push_back(std::move(item));
  return m_items.back();
}

LineItem& Context::add_priced(LineItem item) {
  if (item.unit_price) {
    item.monthly = item.quantity * *item.unit_price;
  }
  m_items.push_back(std::move(item));
  return m_items.back();
}

void Context::add_tiered(const LineItem& item, std::string_view key, Decimal scale) {
  auto found = tiers(key);
  if (found.empty()) {
    add(item, Rate{std::nullopt, std::nullopt, missing_ref(key, "on-demand")}, scale);
    return;
  }
  Decimal remaining = item.quantity;
  bool first = true;
  // Name the tier only when the quantity reaches beyond the first.
  const bool several = found.size() > 1 && found.front()->end &&
                       item.quantity > (*found.front()->end - found.front()->begin) / scale;
  for (const pricing::Price* tier : found) {
    Decimal begin = tier->begin / scale;
    Decimal in_tier = remaining;
    if (tier->end) {
      Decimal width = (*tier->end - tier->begin) / scale;
      in_tier = std::min(remaining, width);
    }
    if (!first && in_tier.is_zero()) {
      break;
    }
    LineItem line = item;
    line.quantity = in_tier;
    if (several) {
      line.description += tier->end ? " (tier from " + format_quantity(begin) + ")"
                                    : " (beyond " + format_quantity(begin) + ")";
    }
    add(std::move(line), Rate{tier->usd, tier->upfront, describe(*tier)}, scale);
    remaining = remaining - in_tier;
    first = false;
    if (remaining.is_zero()) {
      break;
    }
  }
  // A quantity beyond the catalog's last tier is never dropped: it is a missing price.
  if (!remaining.is_zero() && found.back()->end) {
    const std::string last = format_quantity(*found.back()->end / scale);
    const std::string region = region_of(key);
    const std::string service = pricing::service_of(key);
    LineItem rest = item;
    rest.quantity = remaining;
    rest.description += " (beyond " + last + ")";
    add(std::move(rest),
        Rate{std::nullopt, std::nullopt, missing_ref(key, "on-demand") + " beyond " + last}, scale);
    add_warning(make_warning(
        "plan.price-missing",
        "price " + missing_ref(key, "on-demand") + " beyond " + last + " " + item.unit +
            ": the catalog's tiers end there, so the plan leaves the remaining " +
            format_quantity(remaining) + " " + item.unit + " out of the totals",
        fetch_hint(service, region), service + " " + region,
        std::string(key) + " on-demand beyond " + last));
  }
}

void Context::warn(std::string code, std::string message, std::string hint) {
  add_warning(make_warning(std::move(code), std::move(message), std::move(hint)));
}

Warning make_warning(std::string code, std::string message, std::string hint, std::string group,
                     std::string detail) {
  Warning w;
  w.severity = Severity::warning;
  w.code = std::move(code);
  w.message = std::move(message);
  w.hint = std::move(hint);
  w.group = std::move(group);
  w.detail = std::move(detail);
  return w;
}

void Context::add_warning(Warning w) {
  auto same = std::find_if(m_warnings.begin(), m_warnings.end(),
                           [&](const Warning& o) { return o.message == w.message; });
  if (same == m_warnings.end()) {
    m_warnings.push_back(std::move(w));
  }
}

void Context::note(std::string text) {
  if (std::find(m_notes.begin(), m_notes.end(), text) == m_notes.end()) {
    m_notes.push_back(std::move(text));
  }
}

std::string format_number(double value) {
  if (std::fabs(value) < 9e8) {
    return format_quantity(Decimal::from_double(value));
  }
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_quantity(Decimal value) {
  const std::string text = value.to_string();
  const bool negative = !text.empty() && text[0] == '-';
  const std::size_t begin = negative ? 1 : 0;
  std::size_t point = text.find('.');
  if (point == std::string::npos) {
    point = text.size();
  }
  std::string out = negative ? "-" : "";
  for (std::size_t i = begin; i < point; ++i) {
    if (i > begin && (point - i) % 3 == 0) {
      out += ',';
    }
    out += text[i];
  }
  out.append(text, point, std::string::npos);
  return out;
}

}  // namespace stackplan::model
