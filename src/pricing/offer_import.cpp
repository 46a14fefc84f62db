#include "pricing/offer_import.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/regions.hpp"
#include "pricing/rules.hpp"
#include "pricing/services.hpp"
#include "text/json_reader.hpp"

namespace stackplan::pricing {

using text::JsonError;
using text::JsonReader;

using nlohmann::json;

namespace {

constexpr char k_catalog_magic[] = "# stackplan price catalog v1";

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Product product_from(const json& p, const std::string& service_hint) {
  Product out;
  out.sku = str(p, "sku");
  out.family = str(p, "productFamily");
  auto attrs = p.find("attributes");
  if (attrs != p.end() && attrs->is_object()) {
    for (const auto& [k, v] : attrs->items()) {
      if (v.is_string()) {
        out.attributes.emplace_back(k, v.get<std::string>());
      }
    }
  }
  out.service = std::string(out.attribute("servicecode"));
  if (out.service.empty()) {
    out.service = service_hint;
  }
  return out;
}

/// Real products have a few dozen attributes; this bounds memory on hostile input.
constexpr std::size_t k_max_attributes = 4096;

/// A semantic problem with a well-formed file: thrown at the offset where it was found.
struct Unusable {
  std::string message;
};

/// The same, found after reading, at an offset recorded on the way.
struct UnusableAt {
  std::uint64_t offset;
  std::string message;
};

/// The parts of an offer term the cost model reads.
struct Term {
  struct Dimension {
    std::string code, unit, usd, begin, end, description;
  };
  bool has_attributes = false;  ///< termAttributes is an object
  std::string length, offering_class, purchase_option;
  bool has_dimensions = false;        ///< priceDimensions is an object
  std::vector<Dimension> dimensions;  ///< the first `count` are this term's (the rest are reused)
  std::size_t count = 0;
};

/// Walks one price file with a JsonReader, keeping only what the cost model prices. Products
/// are read field by field into one reused Product; terms and rates of used products are read
/// into small trees; everything else is skipped without being built.
class Importer {
 public:
  Importer(JsonReader& in, Catalog& out, ImportStats& stats, std::string origin)
      : m_in(in), m_out(out), m_stats(stats), m_origin(std::move(origin)) {}

  void document() {
    if (m_in.peek() != JsonReader::Type::object) {
      m_in.skip();  // still checked whole: a broken file is reported as such
      m_in.end();
      return;
    }
    m_in.begin_object();
    std::string key;
    while (m_in.next_key(key)) {
      if (key == "products") {
        products();
      } else if (key == "terms") {
        terms();
      } else if (key == "PriceList") {
        price_list();
      } else if (key == "manifest" && m_in.peek() == JsonReader::Type::object) {
        m_manifest = m_in.value();
      } else if (key == "_source" && m_in.peek() == JsonReader::Type::object) {
        m_provenance = m_in.value();
      } else if (key == "regions" && m_in.peek() == JsonReader::Type::object) {
        page_regions();
      } else if (m_in.peek() == JsonReader::Type::string &&
                 (key == "offerCode" || key == "version" || key == "publicationDate" ||
                  key == "regionCode")) {
        std::string& field = key == "offerCode"         ? m_offer_code
                             : key == "version"         ? m_version
                             : key == "publicationDate" ? m_publication
                                                        : m_region;
        m_in.string(field);
      } else {
        m_in.skip();
      }
    }
    m_in.end();
  }

  /// Called once the whole input is read.
  void finish() {
    if (m_stats.layout.empty()) {
      fail(
          "not an AWS offer file, Savings Plans file, GetProducts output or pricing-page file "
          "(no 'products', 'PriceList' or 'manifest' with 'regions')");
    }
    if (m_stats.layout == "pages") {
      finish_pages();
      return;
    }
    Source source;
    std::string date = m_publication.substr(0, 10);
    m_stats.offer_code = m_offer_code;
    if (m_stats.layout == "offer") {
      source.id = "offer:" + (m_offer_code.empty() ? std::string("unknown") : m_offer_code) + ":" +
                  m_version;
      source.kind = "offer";
      source.reference = (m_offer_code.empty() ? std::string("AWS") : m_offer_code) +
                         " offer file, version " + m_version + ", published " + m_publication +
                         (m_region.empty() ? "" : ", region " + m_region) + " (imported from " +
                         m_origin + ")";
    } else if (m_stats.layout == "savings-plan") {
      source.id =
          "savings-plan:" + (m_region.empty() ? std::string("all") : m_region) + ":" + m_version;
      source.kind = "offer";
      source.reference = "Savings Plans offer file, version " + m_version + ", published " +
                         m_publication + (m_region.empty() ? "" : ", region " + m_region) +
                         " (imported from " + m_origin + ")";
    } else {
      source.id = "api:" + (m_api_service.empty() ? std::string("unknown") : m_api_service) + ":" +
                  m_version;
      source.kind = "api";
      source.reference = "Price List Query API GetProducts items, " + m_api_service + " offer " +
                         m_version + ", published " + m_publication + " (imported from " +
                         m_origin + ")";
    }
    if (m_version.empty()) {
      fail("the file names no offer version");
    }
    source.date = date;
    m_stats.source_id = source.id;
    for (auto& p : m_prices) {
      p.source = source.id;
      m_out.add_price(std::move(p));
    }
    m_stats.prices = m_kept;
    m_out.add_source(std::move(source));
  }

 private:
  [[noreturn]] static void fail(std::string why) { throw Unusable{std::move(why)}; }

  void set_layout(const char* layout) {
    if (m_stats.layout.empty()) {
      m_stats.layout = layout;
    }
  }

  /// Keeps a price; a later price for the same region, key, term and tier replaces an earlier
  /// one at once, so memory follows the number of distinct prices, not the file's size.
  void keep(Price p) {
    std::string id = p.region + '\t' + p.key + '\t' + p.term + '\t' + p.begin.to_string();
    auto [it, inserted] = m_index.emplace(std::move(id), m_prices.size());
    if (inserted) {
      m_prices.push_back(std::move(p));
    } else {
      m_prices[it->second] = std::move(p);
    }
    ++m_kept;
  }

  /// products: an object of SKU -> product (offer files) or an array of products (Savings Plans).
  void products() {
    auto type = m_in.peek();
    if (type == JsonReader::Type::object) {
      m_in.begin_object();
      while (m_in.next_key(m_key)) {
        if (m_in.peek() != JsonReader::Type::object) {
          m_in.skip();
          continue;
        }
        set_layout("offer");
        offer_product();
      }
    } else if (type == JsonReader::Type::array) {
      m_in.begin_array();
      while (m_in.next_element()) {
        if (m_in.peek() != JsonReader::Type::object) {
          m_in.skip();
          continue;
        }
        set_layout("savings-plan");
        plan_product(m_in.value());
      }
    } else {
      m_in.skip();
    }
  }

  /// One offer-file product, read field by field into m_product (its strings are reused).
  void offer_product() {
    ++m_stats.products;
    Product& p = m_product;
    p.sku.clear();
    p.family.clear();
    std::size_t attributes = 0;
    m_in.begin_object();
    while (m_in.next_key(m_field)) {
      auto type = m_in.peek();
      if (m_field == "attributes" && type == JsonReader::Type::object) {
        m_in.begin_object();
        while (m_in.next_key(m_field)) {
          if (m_in.peek() != JsonReader::Type::string) {
            m_in.skip();
            continue;
          }
          if (attributes == k_max_attributes) {
            fail("product " + m_key + " has more than " + std::to_string(k_max_attributes) +
                 " attributes");
          }
          if (attributes == p.attributes.size()) {
            p.attributes.emplace_back();
          }
          auto& [name, value] = p.attributes[attributes++];
          name.swap(m_field);
          m_in.string(value);
        }
      } else if (m_field == "sku" && type == JsonReader::Type::string) {
        m_in.string(p.sku);
      } else if (m_field == "productFamily" && type == JsonReader::Type::string) {
        m_in.string(p.family);
      } else {
        m_in.skip();
      }
    }
    p.attributes.resize(attributes);
    p.service = std::string(p.attribute("servicecode"));
    if (p.service.empty()) {
      p.service = m_offer_code;
    }
    if (auto mapping = map_product(p)) {
      ++m_stats.products_used;
      mapping->sku = p.sku;
      m_products.emplace(p.sku, std::move(*mapping));
    }
  }

  /// terms: OnDemand/Reserved -> SKU -> term code -> term (offer files), or savingsPlan: a list
  /// of plans with their rates (Savings Plans files).
  void terms() {
    if (m_in.peek() != JsonReader::Type::object) {
      m_in.skip();
      return;
    }
    m_in.begin_object();
    std::string type;
    while (m_in.next_key(type)) {
      auto kind = m_in.peek();
      if ((type == "OnDemand" || type == "Reserved") && kind == JsonReader::Type::object) {
        offer_terms(type);
      } else if (type == "savingsPlan" && kind == JsonReader::Type::array) {
        plan_terms();
      } else {
        m_in.skip();
      }
    }
  }

  void offer_terms(const std::string& type) {
    m_in.begin_object();
    while (m_in.next_key(m_key)) {
      if (m_in.peek() != JsonReader::Type::object) {
        m_in.skip();
        continue;
      }
      auto product = m_products.find(m_key);
      if (product == m_products.end() && m_stats.products > 0) {
        m_in.skip();  // terms of products the cost model does not use are skipped, not built
        continue;
      }
      m_in.begin_object();
      while (m_in.next_key(m_field)) {
        if (m_in.peek() != JsonReader::Type::object) {
          m_in.skip();
          continue;
        }
        if (m_stats.products == 0) {
          fail("terms come before products; an AWS offer file lists products first");
        }
        read_term();
        add_term(product->second, type, m_term);
      }
    }
  }

  void plan_terms() {
    m_in.begin_array();
    while (m_in.next_element()) {
      if (m_in.peek() != JsonReader::Type::object) {
        m_in.skip();
        continue;
      }
      m_in.begin_object();
      while (m_in.next_key(m_field)) {
        if (m_field != "rates" || m_in.peek() != JsonReader::Type::array) {
          m_in.skip();
          continue;
        }
        m_in.begin_array();
        while (m_in.next_element()) {
          if (m_in.peek() == JsonReader::Type::object) {
            plan_rate(m_in.value());
          } else {
            m_in.skip();
          }
        }
      }
    }
  }

  /// PriceList: GetProducts items, as objects or (as the API returns them) JSON strings.
  void price_list() {
    if (m_in.peek() != JsonReader::Type::array) {
      m_in.skip();
      return;
    }
    m_in.begin_array();
    for (std::size_t index = 0; m_in.next_element(); ++index) {
      auto type = m_in.peek();
      if (type == JsonReader::Type::object) {
        set_layout("get-products");
        get_products_item(m_in.value());
      } else if (type == JsonReader::Type::string) {
        set_layout("get-products");
        std::string text;
        m_in.string(text);
        json item = json::parse(text, nullptr, false);
        if (item.is_discarded() || !item.is_object()) {
          fail("PriceList[" + std::to_string(index) + "] is not a JSON object");
        }
        get_products_item(item);
      } else {
        m_in.skip();
      }
    }
  }

  /// An offer term (OnDemand or Reserved) read into m_term, field by field.
  void read_term() {
    Term& t = m_term;
    t.has_attributes = false;
    t.has_dimensions = false;
    t.count = 0;
    m_in.begin_object();
    while (m_in.next_key(m_field)) {
      bool object = m_in.peek() == JsonReader::Type::object;
      if (m_field == "termAttributes") {
        t.has_attributes = object;
        t.length.clear();
        t.offering_class.clear();
        t.purchase_option.clear();
        if (!object) {
          m_in.skip();
          continue;
        }
        m_in.begin_object();
        while (m_in.next_key(m_field)) {
          std::string* slot = m_field == "LeaseContractLength" ? &t.length
                              : m_field == "OfferingClass"     ? &t.offering_class
                              : m_field == "PurchaseOption"    ? &t.purchase_option
                                                               : nullptr;
          read_string_or_skip(slot);
        }
      } else if (m_field == "priceDimensions") {
        t.has_dimensions = object;
        t.count = 0;
        if (!object) {
          m_in.skip();
          continue;
        }
        m_in.begin_object();
        while (m_in.next_key(m_field)) {
          if (t.count == t.dimensions.size()) {
            t.dimensions.emplace_back();
          }
          Term::Dimension& d = t.dimensions[t.count++];
          d.code = m_field;
          d.unit.clear();
          d.usd.clear();
          d.begin.clear();
          d.end.clear();
          if (m_in.peek() != JsonReader::Type::object) {
            m_in.skip();  // no price: refused in add_term
            continue;
          }
          m_in.begin_object();
          while (m_in.next_key(m_field)) {
            if (m_field == "pricePerUnit") {
              d.usd.clear();
              if (m_in.peek() != JsonReader::Type::object) {
                m_in.skip();
                continue;
              }
              m_in.begin_object();
              while (m_in.next_key(m_field)) {
                read_string_or_skip(m_field == "USD" ? &d.usd : nullptr);
              }
            } else {
              std::string* slot = m_field == "unit"          ? &d.unit
                                  : m_field == "beginRange"  ? &d.begin
                                  : m_field == "endRange"    ? &d.end
                                  : m_field == "description" ? &d.description
                                                             : nullptr;
              read_string_or_skip(slot);
            }
          }
        }
      } else {
        m_in.skip();
      }
    }
  }

  /// Reads a string value into `slot`; any other value (or no slot) is skipped, and a slot
  /// whose value is not a string is left empty.
  void read_string_or_skip(std::string* slot) {
    if (slot != nullptr && m_in.peek() == JsonReader::Type::string) {
      m_in.string(*slot);
      return;
    }
    if (slot != nullptr) {
      slot->clear();
    }
    m_in.skip();
  }

  /// The same term from a GetProducts item's tree.
  static void term_from(const json& j, Term& t) {
    auto attrs = j.find("termAttributes");
    t.has_attributes = attrs != j.end() && attrs->is_object();
    if (t.has_attributes) {
      t.length = str(*attrs, "LeaseContractLength");
      t.offering_class = str(*attrs, "OfferingClass");
      t.purchase_option = str(*attrs, "PurchaseOption");
    }
    auto dims = j.find("priceDimensions");
    t.has_dimensions = dims != j.end() && dims->is_object();
    t.count = 0;
    if (!t.has_dimensions) {
      return;
    }
    t.dimensions.resize(dims->size());
    for (const auto& [code, dim] : dims->items()) {
      Term::Dimension& d = t.dimensions[t.count++];
      d.code = code;
      auto per_unit = dim.find("pricePerUnit");
      d.usd = per_unit != dim.end() && per_unit->is_object() ? str(*per_unit, "USD") : "";
      d.unit = str(dim, "unit");
      d.begin = str(dim, "beginRange");
      d.end = str(dim, "endRange");
      d.description = str(dim, "description");
    }
  }

  void add_term(const Mapping& mapping, const std::string& type, Term& term) {
    std::string term_name = "on-demand";
    if (type == "Reserved") {
      if (!term.has_attributes) {
        return;
      }
      auto name = reserved_term(term.length, term.offering_class, term.purchase_option);
      if (!name) {
        return;
      }
      term_name = *name;
    } else if (type != "OnDemand") {
      return;
    }
    if (!term.has_dimensions) {
      fail("a term of " + mapping.key + " has no priceDimensions");
    }
    // In rate-code order, whatever the order in the file.
    auto first = term.dimensions.begin();
    auto last = first + static_cast<std::ptrdiff_t>(term.count);
    std::stable_sort(first, last, [](const Term::Dimension& a, const Term::Dimension& b) {
      return a.code < b.code;
    });
    std::optional<Decimal> upfront;
    std::vector<Price> hourly;
    for (auto d = first; d != last; ++d) {
      auto value = Decimal::parse(d->usd);
      if (!value) {
        fail("price dimension " + d->code + " has no USD price");
      }
      if (*value < Decimal()) {
        fail("price dimension " + d->code + " has a negative USD price (" + d->usd + ")");
      }
      if (type == "Reserved" && d->unit == "Quantity") {
        upfront = *value;
        continue;
      }
      if (type == "OnDemand" && value->is_zero() && covered_by_reservation(d->description)) {
        continue;  // the $0 rate of usage a reservation covers, beside the on-demand rate
      }
      Price p;
      p.region = mapping.region;
      p.key = mapping.key;
      p.sku = mapping.sku;
      p.term = term_name;
      p.unit = d->unit;
      p.usd = *value;
      p.begin = Decimal::parse(d->begin).value_or(Decimal());
      if (!d->end.empty() && d->end != "Inf") {
        p.end = Decimal::parse(d->end);
      }
      hourly.push_back(std::move(p));
    }
    for (auto& p : hourly) {
      p.upfront = upfront;
      keep(std::move(p));
    }
  }

  void plan_product(const json& p) {
    ++m_stats.products;
    auto attrs = p.find("attributes");
    if (attrs == p.end() || !attrs->is_object()) {
      return;
    }
    std::string family = str(p, "productFamily");
    if (family.empty()) {
      family = str(*attrs, "productFamily");
    }
    auto term =
        savings_plan_term(family, str(*attrs, "purchaseTerm"), str(*attrs, "purchaseOption"));
    if (term) {
      m_plans.emplace(str(p, "sku"), *term);
    }
  }

  void plan_rate(const json& rate) {
    ++m_stats.products;
    if (m_plans.empty()) {
      fail("rates come before products; a Savings Plans file lists products first");
      return;
    }
    // The rate code is "<plan sku>.<discounted sku>".
    std::string code = str(rate, "rateCode");
    auto plan = m_plans.find(code.substr(0, code.find('.')));
    if (plan == m_plans.end()) {
      return;
    }
    auto key =
        savings_plan_rate_key(str(rate, "discountedUsageType"), str(rate, "discountedOperation"));
    std::string region = str(rate, "discountedRegionCode");
    auto discounted = rate.find("discountedRate");
    if (!key || !aws::is_region(region) || discounted == rate.end() || !discounted->is_object()) {
      return;
    }
    if (str(*discounted, "currency") != "USD") {
      return;
    }
    auto price = Decimal::parse(str(*discounted, "price"));
    if (!price) {
      fail("Savings Plan rate " + code + " has no price");
    }
    if (*price < Decimal()) {
      fail("Savings Plan rate " + code + " has a negative price (" + str(*discounted, "price") +
           ")");
    }
    ++m_stats.products_used;
    Price p;
    p.region = region;
    p.key = *key;
    p.term = plan->second;
    p.unit = str(rate, "unit");
    p.usd = *price;
    keep(std::move(p));
  }

  void get_products_item(const json& item) {
    ++m_stats.products;
    auto product = item.find("product");
    if (product == item.end() || !product->is_object()) {
      fail("a PriceList item has no product");
    }
    if (m_version.empty()) {
      m_version = str(item, "version");
      m_publication = str(item, "publicationDate");
      m_api_service = str(item, "serviceCode");
    }
    Product p = product_from(*product, str(item, "serviceCode"));
    auto mapping = map_product(p);
    if (!mapping) {
      return;
    }
    mapping->sku = p.sku;
    ++m_stats.products_used;
    auto terms = item.find("terms");
    if (terms == item.end() || !terms->is_object()) {
      return;
    }
    for (const char* type : {"OnDemand", "Reserved"}) {
      auto group = terms->find(type);
      if (group == terms->end() || !group->is_object()) {
        continue;
      }
      // GetProducts has no SKU level: terms.OnDemand."<sku>.<code>" directly.
      for (const auto& [code, term] : group->items()) {
        if (term.is_object()) {
          term_from(term, m_term);
          add_term(*mapping, type, m_term);
        }
      }
    }
  }

  /// regions: location name -> label -> entry. Entries are kept as read and mapped once the
  /// manifest (which may come later in the file) is known; pages are a few MB at most.
  void page_regions() {
    set_layout("pages");
    m_in.begin_object();
    std::string location, label;
    while (m_in.next_key(location)) {
      if (m_in.peek() != JsonReader::Type::object) {
        fail("regions." + location + " is not an object of priced entries");
      }
      m_in.begin_object();
      while (m_in.next_key(label)) {
        std::uint64_t offset = m_in.offset();
        if (m_in.peek() != JsonReader::Type::object) {
          fail("entry '" + label + "' of " + location + " is not an object");
        }
        if (m_page.size() == k_max_page_entries) {
          fail("more than " + std::to_string(k_max_page_entries) + " entries");
        }
        m_page.push_back({location, label, m_in.value(), offset});
      }
    }
  }

  struct PageRaw {
    std::string location, label;
    json value;
    std::uint64_t offset = 0;
  };

  /// A pricing page's source: its page name and publication time, and where the file came from
  /// (the `_source` block the snapshot's inputs carry: repository, path, commit; else the
  /// file's name).
  Source page_source(const std::string& page) {
    std::string published = str(m_manifest, "hawkFilePublicationDate");
    std::string date = published.substr(0, 10);
    std::string stated = "published " + published;
    if (published.empty()) {
      date = str(m_provenance, "date");
      stated = "no publication date in the file; " + str(m_provenance, "date_note");
    }
    if (!is_date(date)) {
      fail(
          "a pricing-page file needs its publication date (manifest.hawkFilePublicationDate, "
          "e.g. \"2025-12-05T17:16:09Z\")");
    }
    std::string path = str(m_provenance, "path");
    std::string file = std::filesystem::path(path.empty() ? m_origin : path).stem().string();
    if (auto current = m_origin.rfind("/current/"); path.empty() && current != std::string::npos) {
      // A downloaded page: its path below current/, which tells region files apart.
      file = m_origin.substr(current + 9);
      for (const char* tail : {"/index.json", ".json"}) {
        if (file.ends_with(tail)) {
          file.resize(file.size() - std::string_view(tail).size());
        }
      }
    }
    std::string stamp;
    for (char c : published.empty() ? date : published) {
      if (c >= '0' && c <= '9') {
        stamp += c;
      }
    }
    Source source;
    source.id = "page:" + page + ":" + stamp + ":" + file;
    source.kind = "page";
    source.date = date;
    std::string service = str(m_manifest, "serviceId");
    source.reference =
        "AWS pricing page data " + (service.empty() ? page : service + "/" + page) + ", " + stated;
    if (!path.empty()) {
      source.reference += " (" + str(m_provenance, "repo") + " " + path + " at " +
                          str(m_provenance, "commit") + ")";
    } else {
      source.reference += " (imported from " + m_origin + ")";
    }
    return source;
  }

  static bool is_date(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
      return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (d[i] < '0' || d[i] > '9') {
        return false;
      }
    }
    return true;
  }

  void finish_pages() {
    std::string page = str(m_manifest, "source");
    if (page.empty()) {
      fail("a pricing-page file names its page in manifest.source (e.g. \"rds-storage\")");
    }
    Source source = page_source(page);
    // Which label gave each price, to name both when two labels disagree.
    std::unordered_map<std::string, std::string> origin;
    PageEntry entry;
    entry.page = page;
    for (const auto& raw : m_page) {
      ++m_stats.products;
      entry.label = raw.label;
      entry.attributes.clear();
      for (const auto& [k, v] : raw.value.items()) {
        if (v.is_string() && k != "price" && k != "rateCode" && k != "RegionlessRateCode") {
          entry.attributes.emplace_back(k, v.get<std::string>());
        }
      }
      auto mapping = map_page_entry(entry);
      std::optional<std::string> region = raw.location == "Any" || raw.location == "Global"
                                              ? std::optional<std::string>("global")
                                              : aws::region_of_location(raw.location);
      if (!mapping || !region) {
        ++m_stats.unmapped[mapping ? "location " + raw.location : raw.label];
        continue;
      }
      auto at = [&](const std::string& why) {
        throw UnusableAt{raw.offset, "entry '" + raw.label + "' of " + raw.location + ": " + why};
      };
      std::string text = str(raw.value, "price");
      auto price = Decimal::parse(text);
      if (!price) {
        at(text.empty() ? "no price" : "price '" + text + "' is not a decimal number");
      }
      if (*price < Decimal()) {
        at("price " + text + " is negative");
      }
      Decimal divisor = Decimal::from_int(mapping->divisor);
      Decimal usd = *price / divisor;
      if (usd * divisor != *price) {
        at("price " + text + " does not convert exactly to " + mapping->unit);
      }
      std::optional<Decimal> upfront;
      if (std::string fee(entry.attribute("riupfront:PricePerUnit")); !fee.empty()) {
        upfront = Decimal::parse(fee);
        if (!upfront || *upfront < Decimal()) {
          at("upfront fee '" + fee + "' is not a non-negative decimal number");
        }
      }
      std::string rate_code = str(raw.value, "rateCode");
      ++m_stats.products_used;
      for (const auto& key : mapping->keys) {
        Price p;
        p.region = *region;
        p.key = key;
        p.term = mapping->term;
        p.begin = mapping->begin;
        p.end = mapping->end;
        p.unit = mapping->unit;
        p.usd = usd;
        p.upfront = upfront;
        p.sku = rate_code.substr(0, rate_code.find('.'));
        p.source = source.id;
        std::string id = p.region + '\t' + p.key + '\t' + p.term + '\t' + p.begin.to_string();
        auto [it, inserted] = origin.emplace(id, raw.label);
        if (!inserted) {
          const Price& before = m_prices[m_index.at(id)];
          if (before.usd != p.usd || before.upfront != p.upfront) {
            at("it prices " + key + " in " + *region + " at " + p.usd.to_string() +
               ", but entry '" + it->second + "' prices it at " + before.usd.to_string());
          }
          continue;
        }
        keep(std::move(p));
      }
    }
    m_stats.source_id = source.id;
    for (auto& p : m_prices) {
      m_out.add_price(std::move(p));
    }
    m_stats.prices = m_prices.size();
    m_out.add_source(std::move(source));
  }

  static constexpr std::size_t k_max_page_entries = 4'000'000;

  JsonReader& m_in;
  Catalog& m_out;
  ImportStats& m_stats;
  Product m_product;
  Term m_term;
  std::string m_key, m_field;
  std::unordered_map<std::string, Mapping> m_products;
  std::unordered_map<std::string, std::string> m_plans;
  std::vector<Price> m_prices;
  std::unordered_map<std::string, std::size_t> m_index;
  std::uint64_t m_kept = 0;
  std::string m_offer_code, m_version, m_publication, m_region, m_api_service;
  json m_manifest = json::object(), m_provenance = json::object();
  std::vector<PageRaw> m_page;
  std::string m_origin;  ///< what references cite: a URL, or the file's name
};

bool run(JsonReader::ReadFn read, const std::string& name, Catalog& out, ImportStats& stats,
         ImportError& error, const std::string& origin = {}) {
  Catalog parsed;
  std::optional<JsonReader> in;
  try {
    in.emplace(std::move(read));
    Importer importer(*in, parsed, stats,
                      origin.empty() ? std::filesystem::path(name).filename().string() : origin);
    importer.document();
    stats.bytes = in->offset();
    importer.finish();
  } catch (const JsonError& e) {
    error = import_error(name, e.offset,
                         e.read_errno != 0 ? e.message : "malformed JSON: " + e.message);
    return false;
  } catch (const Unusable& e) {
    error = import_error(name, in ? in->offset() : 0, e.message);
    return false;
  } catch (const UnusableAt& e) {
    error = import_error(name, e.offset, e.message);
    return false;
  }
  if (std::string why = out.merge(std::move(parsed)); !why.empty()) {
    error = import_error(name, 0, why);
    return false;
  }
  return true;
}

/// A stackplan catalog (catalog.tsv, or a fragment of one) merged like any other source.
bool import_catalog(int fd, const std::string& path, Catalog& out, ImportStats& stats,
                    ImportError& error) {
  std::string text;
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      error = import_error(path, text.size(), std::string("cannot read: ") + std::strerror(errno));
      return false;
    }
    if (n == 0) {
      break;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  auto parsed = Catalog::parse(text, path);
  if (!parsed) {
    error = import_error(path, 0, parsed.error());
    return false;
  }
  stats.layout = "catalog";
  stats.bytes = text.size();
  stats.products = stats.products_used = stats.prices = parsed->prices().size();
  for (const auto& [id, source] : parsed->sources()) {
    stats.source_id += (stats.source_id.empty() ? "" : ", ") + id;
  }
  if (std::string clash = out.merge(std::move(*parsed)); !clash.empty()) {
    error = import_error(path, 0, clash);
    return false;
  }
  return true;
}

}  // namespace

ImportError import_error(std::string file, std::uint64_t byte, std::string message) {
  ImportError e;
  e.loc.where = file + ": byte " + std::to_string(byte);
  e.message = std::move(message);
  e.file = std::move(file);
  e.byte = byte;
  return e;
}

bool import_price_file(const std::string& path, Catalog& out, ImportStats& stats,
                       ImportError& error) {
  return import_price_file(path, out, stats, error, {});
}

bool import_price_file(const std::string& path, Catalog& out, ImportStats& stats,
                       ImportError& error, const std::string& origin) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = import_error(path, 0, std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  char head[sizeof k_catalog_magic - 1];
  if (::pread(fd, head, sizeof head, 0) == static_cast<ssize_t>(sizeof head) &&
      std::string_view(head, sizeof head) == k_catalog_magic) {
    bool ok = import_catalog(fd, path, out, stats, error);
    ::close(fd);
    return ok;
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  bool ok =
      run([fd](char* buffer,
               std::size_t size) -> long { return static_cast<long>(::read(fd, buffer, size)); },
          path, out, stats, error, origin);
  ::close(fd);
  return ok;
}

bool import_price_stream(std::istream& in, const std::string& name, Catalog& out,
                         ImportStats& stats, ImportError& error) {
  return run(
      [&in](char* buffer, std::size_t size) -> long {
        in.read(buffer, static_cast<std::streamsize>(size));
        if (in.bad()) {
          errno = EIO;
          return -1;
        }
        return static_cast<long>(in.gcount());
      },
      name, out, stats, error);
}

}  // namespace stackplan::pricing
