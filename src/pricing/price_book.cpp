#include "pricing/price_book.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "aws/facts.hpp"
#include "aws/regions.hpp"
#include "base/pattern.hpp"
#include "base/spelling.hpp"
#include "pricing/rules.hpp"
#include "pricing/services.hpp"
#include "text/yaml.hpp"

namespace stackplan::pricing {

namespace {

using nlohmann::json;

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<std::string_view> parts(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = text.find('/', start);
    out.push_back(text.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) {
      return out;
    }
    start = slash + 1;
  }
}

/// The catalog's term names: on-demand, spot/<zone>, reserved/..., savings-plan/...
bool valid_term(std::string_view term) {
  auto p = parts(term);
  auto payment = [](std::string_view s) {
    return one_of(s, {"no-upfront", "partial-upfront", "all-upfront"});
  };
  if (term == "on-demand") {
    return true;
  }
  if (p.size() == 2 && p[0] == "spot") {
    return !p[1].empty();
  }
  if (p.size() == 4 && p[0] == "reserved") {
    return one_of(p[1], {"1y", "3y"}) && one_of(p[2], {"standard", "convertible"}) && payment(p[3]);
  }
  if (p.size() == 4 && p[0] == "savings-plan") {
    return one_of(p[1], {"compute", "ec2-instance"}) && one_of(p[2], {"1y", "3y"}) && payment(p[3]);
  }
  return false;
}

/// A key the snapshot prices, or another instance type or DB class of a family it prices
/// ("ec2/instance/t4g.2xlarge" when it has t4g.small): the same key with the type or class
/// spelled as the spec requires and its family (the part before the first dot) known.
bool known_key(const std::string& key, const std::set<std::string>& keys) {
  if (keys.count(key) != 0) {
    return true;
  }
  static const Pattern instance_type(aws::k_instance_type_pattern);
  static const Pattern db_class(aws::k_db_class_pattern);
  auto p = parts(key);
  std::size_t at = p.size() == 3 && p[0] == "ec2" && p[1] == "instance"                         ? 2
                   : p.size() == 5 && (p[0] == "rds" || p[0] == "aurora") && p[1] == "instance" ? 3
                                                                                                : 0;
  if (at == 0 || !(at == 2 ? instance_type : db_class).search(std::string(p[at]))) {
    return false;
  }
  std::string_view family = p[at].substr(0, p[at].find('.', at == 2 ? 0 : 3));
  for (const auto& other : keys) {
    auto q = parts(other);
    if (q.size() != p.size()) {
      continue;
    }
    bool same = true;
    for (std::size_t i = 0; i < p.size() && same; ++i) {
      same =
          i == at ? q[i].substr(0, family.size() + 1) == std::string(family) + "." : p[i] == q[i];
    }
    if (same) {
      return true;
    }
  }
  return false;
}

std::optional<Decimal> figure(const text::Document& doc, const std::string& at) {
  const json* v = &doc.value.at(json::json_pointer(at));
  if (!v->is_number()) {
    return std::nullopt;
  }
  return Decimal::parse(doc.origins.raw(at).value_or(v->dump()));
}

void read_prices(const text::Document& doc, const Catalog& known, PriceBook& book,
                 Diagnostics& diags) {
  const json& list = doc.value["prices"];
  if (!list.is_array()) {
    diags.error(doc.origins.value_loc("/prices"), "prices.type",
                "prices is a list of {key, region, term, usd, upfront, note}");
    return;
  }
  std::set<std::string> keys;
  std::vector<std::string> key_list;
  for (const auto& p : known.prices()) {
    if (keys.insert(p.key).second) {
      key_list.push_back(p.key);
    }
  }
  const auto& regions = aws::regions();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "/prices/" + std::to_string(i);
    const json& entry = list[i];
    if (!entry.is_object()) {
      diags.error(doc.origins.value_loc(at), "prices.type",
                  "a price is a mapping {key, region, term, usd, upfront, note}");
      continue;
    }
    PriceBook::Entry e;
    e.term = "on-demand";
    bool ok = true;
    for (const auto& member : entry.items()) {
      const std::string& field = member.key();  // named, so the lambda below can capture them
      const json& value = member.value();
      const std::string where = at + "/" + text::pointer_token(field);
      auto text = [&]() -> std::optional<std::string> {
        if (value.is_string()) {
          return value.get<std::string>();
        }
        diags.error(doc.origins.value_loc(where), "prices.type", field + " must be text");
        ok = false;
        return std::nullopt;
      };
      if (field == "key") {
        if (auto t = text()) {
          e.key = *t;
          if (!known_key(e.key, keys)) {
            diags.error(doc.origins.value_loc(where), "prices.unknown-key",
                        "'" + e.key + "' is not a price the cost model uses",
                        suggestion_hint(e.key, key_list, "keys: stackplan pricing show"));
            ok = false;
          }
        }
      } else if (field == "region") {
        if (auto t = text()) {
          e.region = *t;
          if (e.region != "global" &&
              std::find(regions.begin(), regions.end(), e.region) == regions.end()) {
            diags.error(doc.origins.value_loc(where), "prices.unknown-region",
                        "unknown region '" + e.region + "'",
                        suggestion_hint(e.region, regions, "known regions"));
            ok = false;
          }
        }
      } else if (field == "term") {
        if (auto t = text()) {
          e.term = *t;
          if (!valid_term(e.term)) {
            diags.error(doc.origins.value_loc(where), "prices.unknown-term",
                        "'" + e.term + "' is not a price term",
                        "on-demand, spot/<zone id>, reserved/<1y|3y>/<standard|convertible>/"
                        "<payment>, or savings-plan/<compute|ec2-instance>/<1y|3y>/<payment>");
            ok = false;
          }
        }
      } else if (field == "usd" || field == "upfront") {
        auto v = figure(doc, where);
        if (!v || *v < Decimal()) {
          diags.error(doc.origins.value_loc(where), "prices.figure",
                      field + " must be a number of zero or more, in USD",
                      "write the figure as AWS quotes it, e.g. 0.0118");
          ok = false;
        } else if (field == "usd") {
          e.usd = *v;
        } else {
          e.upfront = *v;
        }
      } else if (field == "note") {
        if (auto t = text()) {
          e.note = *t;
        }
      } else {
        diags.error(doc.origins.key_loc(where), "prices.unknown-field",
                    "'" + field + "' is not a field of a price",
                    suggestion_hint(field, {"key", "region", "term", "usd", "upfront", "note"}));
        ok = false;
      }
    }
    for (const char* required : {"key", "region", "usd"}) {
      if (!entry.contains(required)) {
        diags.error(doc.origins.value_loc(at), "prices.required",
                    std::string("a price needs ") + required);
        ok = false;
      }
    }
    if (ok) {
      book.prices.push_back(std::move(e));
    }
  }
}

void read_discounts(const text::Document& doc, PriceBook& book, Diagnostics& diags) {
  const json& map = doc.value["discounts"];
  if (!map.is_object()) {
    diags.error(doc.origins.value_loc("/discounts"), "prices.type",
                "discounts maps service codes to percentages", "e.g. {AmazonEC2: 8%}");
    return;
  }
  const auto& services = pricing::known_services();
  for (const auto& [service, value] : map.items()) {
    const std::string where = "/discounts/" + text::pointer_token(service);
    if (std::find(services.begin(), services.end(), service) == services.end()) {
      diags.error(doc.origins.key_loc(where), "prices.unknown-service",
                  "unknown service '" + service + "'", suggestion_hint(service, services));
      continue;
    }
    std::string text = doc.origins.raw(where).value_or(value.is_string() ? value.get<std::string>()
                                                                         : value.dump());
    if (!text.empty() && text.back() == '%') {
      text.pop_back();
    }
    auto percent = Decimal::parse(text);
    if (!percent || *percent < Decimal() || *percent > Decimal::from_int(100)) {
      diags.error(doc.origins.value_loc(where), "prices.discount",
                  "a discount is a percentage from 0% to 100%", "e.g. 8% or 12.5%");
      continue;
    }
    book.discounts.emplace_back(service, *percent);
  }
}

}  // namespace

std::optional<PriceBook> read_price_book(const std::string& path, const Catalog& known,
                                         Diagnostics& diags) {
  auto doc = text::read_document(path, diags);
  if (!doc) {
    return std::nullopt;
  }
  PriceBook book;
  book.name = path;
  std::size_t errors_before = diags.error_count();
  if (!doc->value.is_object()) {
    diags.error(doc->origins.value_loc(""), "prices.type",
                "a price book has 'prices' and 'discounts'",
                "e.g. 'prices: [{key: ..., region: ..., usd: ...}]' or 'discounts: {AmazonEC2: "
                "8%}'");
    return std::nullopt;
  }
  for (const auto& [field, value] : doc->value.items()) {
    if (field == "prices") {
      read_prices(*doc, known, book, diags);
    } else if (field == "discounts") {
      read_discounts(*doc, book, diags);
    } else {
      diags.error(doc->origins.key_loc("/" + text::pointer_token(field)), "prices.unknown-field",
                  "'" + field + "' is not a section of a price book",
                  suggestion_hint(field, {"prices", "discounts"}));
    }
  }
  if (diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return book;
}

void apply_price_book(const PriceBook& book, Catalog& catalog) {
  const std::string cite = "price book: " + book.name;
  for (const auto& discount : book.discounts) {
    const std::string& service = discount.first;  // named, so the lambda can capture it
    const Decimal& percent = discount.second;
    const Decimal keep = (Decimal::from_int(100) - percent) / Decimal::from_int(100);
    const std::string off = percent.to_string() + "%";
    catalog.adjust([&](Price& p, const Source* source) -> std::optional<Source> {
      if (pricing::service_of(p.key) != service) {
        return std::nullopt;
      }
      p.usd = p.usd * keep;
      if (p.upfront) {
        p.upfront = *p.upfront * keep;
      }
      Source derived;
      derived.id = p.source + " less " + off + " (" + cite + ")";
      derived.kind = "price-book";
      derived.date = source != nullptr ? source->date : "";
      derived.reference = (source != nullptr ? source->reference : p.source) + ", less the " + off +
                          " " + service + " discount of " + cite;
      p.source = derived.id;
      return derived;
    });
  }
  for (const auto& e : book.prices) {
    Source source;
    source.id = e.note.empty() ? cite : cite + " (" + e.note + ")";
    source.kind = "price-book";
    source.reference = e.note.empty() ? cite : cite + ": " + e.note;
    Price p;
    p.region = e.region;
    p.key = e.key;
    p.term = e.term;
    p.usd = e.usd;
    p.upfront = e.upfront;
    p.source = source.id;
    p.unit = catalog.unit_of(e.key);
    catalog.add_source(std::move(source));
    catalog.set_price(std::move(p));
  }
}

std::string price_book_path(const std::string& option) {
  if (!option.empty()) {
    return option;
  }
  const char* env = std::getenv("STACKPLAN_PRICES");
  return env != nullptr ? env : "";
}

}  // namespace stackplan::pricing
