#include "pricing/offer_import.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "pricing/rules.hpp"
#include "pricing/services.hpp"

namespace stackplan::pricing {

using nlohmann::json;

namespace {

/// Builds a small JSON value from SAX events (one product, term or rate at a time).
class Capture {
 public:
  bool active() const { return !m_stack.empty() || m_done; }
  bool done() const { return m_done; }
  json take() {
    m_done = false;
    return std::move(m_root);
  }
  void begin_object() {
    m_root = json::object();
    m_stack = {&m_root};
    m_done = false;
  }
  // SAX forwarding; returns true when the captured value is complete.
  void value(json v) {
    json& top = *m_stack.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
    } else {
      top[m_key] = std::move(v);
    }
  }
  void start(json empty) {
    json& top = *m_stack.back();
    if (top.is_array()) {
      top.push_back(std::move(empty));
      m_stack.push_back(&top.back());
    } else {
      top[m_key] = std::move(empty);
      m_stack.push_back(&top[m_key]);
    }
  }
  void key(std::string k) { m_key = std::move(k); }
  void end() {
    m_stack.pop_back();
    if (m_stack.empty()) {
      m_done = true;
    }
  }
  std::size_t depth() const { return m_stack.size(); }

 private:
  json m_root;
  std::vector<json*> m_stack;
  std::string m_key;
  bool m_done = false;
};

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

class Handler : public nlohmann::json_sax<json> {
 public:
  Handler(Catalog& out, ImportStats& stats) : m_out(out), m_stats(stats) {}

  std::string failure;  ///< set when the content is not a usable price file
  std::uint64_t failure_at = 0;
  const std::uint64_t* position = nullptr;  ///< the input's byte offset, for messages

  bool null() override { return scalar(nullptr); }
  bool boolean(bool v) override { return scalar(v); }
  bool number_integer(number_integer_t v) override { return scalar(v); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(v); }
  bool number_float(number_float_t, const string_t& text) override {
    return scalar(json(text));  // keep the text: prices must stay exact
  }
  bool string(string_t& v) override { return scalar(json(std::move(v))); }
  bool binary(binary_t&) override { return true; }

  bool start_object(std::size_t) override {
    if (m_capture.active()) {
      m_capture.start(json::object());
      m_path.push_back({});
      return true;
    }
    if (should_capture()) {
      m_capture.begin_object();
      m_path.push_back({});
      return true;
    }
    m_path.push_back({});
    return failure.empty();
  }
  bool end_object() override { return end(); }
  bool start_array(std::size_t) override {
    if (m_capture.active()) {
      m_capture.start(json::array());
    }
    m_path.push_back({true, {}, 0});
    return true;
  }
  bool end_array() override { return end(); }
  bool key(string_t& k) override {
    if (m_capture.active()) {
      m_capture.key(k);
    }
    m_path.back().key = k;
    return true;
  }
  bool parse_error(std::size_t position_, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    m_parse_error = ex.what();
    m_parse_error_at = position_;
    return false;
  }

  /// Called once the whole input is read.
  bool finish(const std::string& name) {
    if (!failure.empty()) {
      return false;
    }
    if (m_stats.layout.empty()) {
      fail(
          "not an AWS offer file, Savings Plans file or GetProducts output (no 'products' "
          "or 'PriceList')");
      return false;
    }
    Source source;
    std::string date = m_publication.substr(0, 10);
    if (m_stats.layout == "offer") {
      source.id = "offer:" + (m_offer_code.empty() ? std::string("unknown") : m_offer_code) + ":" +
                  m_version;
      source.kind = "offer";
      source.reference = (m_offer_code.empty() ? std::string("AWS") : m_offer_code) +
                         " offer file, version " + m_version + ", published " + m_publication +
                         (m_region.empty() ? "" : ", region " + m_region) + " (imported from " +
                         std::filesystem::path(name).filename().string() + ")";
    } else if (m_stats.layout == "savings-plan") {
      source.id =
          "savings-plan:" + (m_region.empty() ? std::string("all") : m_region) + ":" + m_version;
      source.kind = "offer";
      source.reference = "Savings Plans offer file, version " + m_version + ", published " +
                         m_publication + (m_region.empty() ? "" : ", region " + m_region) +
                         " (imported from " + std::filesystem::path(name).filename().string() + ")";
    } else {
      source.id = "api:" + (m_api_service.empty() ? std::string("unknown") : m_api_service) + ":" +
                  m_version;
      source.kind = "api";
      source.reference = "Price List Query API GetProducts items, " + m_api_service + " offer " +
                         m_version + ", published " + m_publication + " (imported from " +
                         std::filesystem::path(name).filename().string() + ")";
    }
    if (m_version.empty()) {
      fail("the file names no offer version");
      return false;
    }
    source.date = date;
    m_stats.source_id = source.id;
    for (auto& p : m_prices) {
      p.source = source.id;
      m_out.add_price(std::move(p));
    }
    m_stats.prices = m_kept;
    m_out.add_source(std::move(source));
    return true;
  }

  const std::string& parse_error_text() const { return m_parse_error; }
  std::uint64_t parse_error_at() const { return m_parse_error_at; }

 private:
  struct Level {
    bool is_array = false;
    std::string key;
    std::size_t index = 0;
  };

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

  void fail(std::string why) {
    if (failure.empty()) {
      failure = std::move(why);
      failure_at = position != nullptr ? *position : 0;
    }
  }

  // m_path[i] is an open container; its `key` is the key being read inside it. So for
  // {"products": {"SKU": {...}}}, m_path[0].key is "products" and m_path[1].key the SKU.
  enum class Site { none, offer_product, plan_product, offer_term, plan_rate, price_list_item };

  Site site() const {
    std::size_t d = m_path.size();  // depth of the container the next value goes into
    if (d == 2 && m_path[0].key == "products") {
      return m_path[1].is_array ? Site::plan_product : Site::offer_product;
    }
    if (d == 4 && m_path[0].key == "terms" &&
        (m_path[1].key == "OnDemand" || m_path[1].key == "Reserved") && !m_path[3].is_array) {
      return Site::offer_term;  // terms.OnDemand.<sku>.<term code>
    }
    if (d == 5 && m_path[0].key == "terms" && m_path[1].key == "savingsPlan" &&
        m_path[3].key == "rates" && m_path[4].is_array) {
      return Site::plan_rate;  // terms.savingsPlan[i].rates[j]
    }
    if (d == 2 && m_path[0].key == "PriceList" && m_path[1].is_array) {
      return Site::price_list_item;
    }
    return Site::none;
  }

  bool should_capture() {
    switch (site()) {
      case Site::offer_product:
        set_layout("offer");
        return true;
      case Site::plan_product:
        set_layout("savings-plan");
        return true;
      case Site::price_list_item:
        set_layout("get-products");
        return true;
      case Site::offer_term:
        if (m_stats.products == 0) {
          fail("terms come before products; an AWS offer file lists products first");
          return false;
        }
        // Terms of products the cost model does not use are parsed but not built.
        return m_products.count(m_path[2].key) != 0;
      case Site::plan_rate:
        return true;
      case Site::none:
        return false;
    }
    return false;
  }

  void set_layout(const char* layout) {
    if (m_stats.layout.empty()) {
      m_stats.layout = layout;
    }
  }

  bool scalar(json v) {
    if (m_capture.active()) {
      m_capture.value(std::move(v));
      advance();
      return true;
    }
    if (m_path.size() == 1 && v.is_string()) {
      const std::string& k = m_path[0].key;
      if (k == "offerCode") {
        m_offer_code = v.get<std::string>();
      } else if (k == "version") {
        m_version = v.get<std::string>();
      } else if (k == "publicationDate") {
        m_publication = v.get<std::string>();
      } else if (k == "regionCode") {
        m_region = v.get<std::string>();
      }
    } else if (site() == Site::price_list_item && v.is_string()) {
      // GetProducts returns each item as a JSON document in a string.
      set_layout("get-products");
      json item = json::parse(v.get<std::string>(), nullptr, false);
      if (item.is_discarded() || !item.is_object()) {
        fail("PriceList[" + std::to_string(m_path[1].index) + "] is not a JSON object");
      } else {
        get_products_item(item);
      }
    }
    advance();
    return true;
  }

  void advance() {
    if (!m_path.empty() && m_path.back().is_array) {
      ++m_path.back().index;
    }
  }

  bool end() {
    if (m_capture.active() && !m_capture.done()) {
      m_capture.end();
      m_path.pop_back();
      if (m_capture.done()) {
        json value = m_capture.take();
        advance();
        dispatch(std::move(value));
      } else {
        advance();
      }
      return failure.empty();
    }
    m_path.pop_back();
    advance();
    return failure.empty();
  }

  void dispatch(json value) {
    switch (site()) {
      case Site::offer_product:
        offer_product(value);
        break;
      case Site::plan_product:
        plan_product(value);
        break;
      case Site::offer_term:
        offer_term(m_path[1].key, m_path[2].key, value);
        break;
      case Site::plan_rate:
        plan_rate(value);
        break;
      case Site::price_list_item:
        get_products_item(value);
        break;
      case Site::none:
        break;
    }
  }

  void offer_product(const json& p) {
    ++m_stats.products;
    Product product = product_from(p, m_offer_code);
    if (auto mapping = map_product(product)) {
      ++m_stats.products_used;
      m_products.emplace(product.sku, std::move(*mapping));
    }
  }

  void offer_term(const std::string& type, const std::string& sku, const json& term) {
    auto it = m_products.find(sku);
    if (it == m_products.end()) {
      return;
    }
    add_term(it->second, type, term);
  }

  void add_term(const Mapping& mapping, const std::string& type, const json& term) {
    std::string term_name = "on-demand";
    if (type == "Reserved") {
      auto attrs = term.find("termAttributes");
      if (attrs == term.end() || !attrs->is_object()) {
        return;
      }
      auto name = reserved_term(str(*attrs, "LeaseContractLength"), str(*attrs, "OfferingClass"),
                                str(*attrs, "PurchaseOption"));
      if (!name) {
        return;
      }
      term_name = *name;
    } else if (type != "OnDemand") {
      return;
    }
    auto dims = term.find("priceDimensions");
    if (dims == term.end() || !dims->is_object()) {
      fail("a term of " + mapping.key + " has no priceDimensions");
      return;
    }
    std::optional<Decimal> upfront;
    std::vector<Price> hourly;
    for (const auto& [code, dim] : dims->items()) {
      auto per_unit = dim.find("pricePerUnit");
      std::string usd = per_unit != dim.end() && per_unit->is_object() ? str(*per_unit, "USD") : "";
      auto value = Decimal::parse(usd);
      if (!value) {
        fail("price dimension " + code + " has no USD price");
        return;
      }
      std::string unit = str(dim, "unit");
      if (type == "Reserved" && unit == "Quantity") {
        upfront = *value;
        continue;
      }
      Price p;
      p.region = mapping.region;
      p.key = mapping.key;
      p.term = term_name;
      p.unit = unit;
      p.usd = *value;
      auto begin = Decimal::parse(str(dim, "beginRange"));
      p.begin = begin.value_or(Decimal());
      std::string end = str(dim, "endRange");
      if (!end.empty() && end != "Inf") {
        p.end = Decimal::parse(end);
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
    if (!key || !is_region_code(region) || discounted == rate.end() || !discounted->is_object()) {
      return;
    }
    if (str(*discounted, "currency") != "USD") {
      return;
    }
    auto price = Decimal::parse(str(*discounted, "price"));
    if (!price) {
      fail("Savings Plan rate " + code + " has no price");
      return;
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
      return;
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
          add_term(*mapping, type, term);
        }
      }
    }
  }

  Catalog& m_out;
  ImportStats& m_stats;
  std::vector<Level> m_path;
  Capture m_capture;
  std::unordered_map<std::string, Mapping> m_products;
  std::unordered_map<std::string, std::string> m_plans;
  std::vector<Price> m_prices;
  std::unordered_map<std::string, std::size_t> m_index;
  std::uint64_t m_kept = 0;
  std::string m_offer_code, m_version, m_publication, m_region, m_api_service;
  std::string m_parse_error;
  std::uint64_t m_parse_error_at = 0;
};

/// Reads input in 1 MiB chunks and presents it as an input iterator to the JSON parser,
/// counting bytes so errors can name an offset.
class ChunkReader {
 public:
  /// `read` fills a buffer and returns the bytes read, 0 at the end, or -1 with errno set.
  explicit ChunkReader(std::function<long(char*, std::size_t)> read)
      : m_read(std::move(read)), m_buffer(1u << 20) {
    fill();
  }
  bool at_end() const { return m_pos >= m_len; }
  char current() const { return m_buffer[m_pos]; }
  void next() {
    ++m_offset;
    if (++m_pos >= m_len) {
      fill();
    }
  }
  const std::uint64_t* offset() const { return &m_offset; }
  int error() const { return m_errno; }

 private:
  void fill() {
    m_pos = 0;
    m_len = 0;
    while (true) {
      long n = m_read(m_buffer.data(), m_buffer.size());
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        m_errno = errno;
        return;
      }
      m_len = static_cast<std::size_t>(n);
      return;
    }
  }

  std::function<long(char*, std::size_t)> m_read;
  std::vector<char> m_buffer;
  std::size_t m_pos = 0;
  std::size_t m_len = 0;
  std::uint64_t m_offset = 0;
  int m_errno = 0;
};

struct ChunkIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  ChunkReader* reader = nullptr;
  char operator*() const { return reader->current(); }
  ChunkIterator& operator++() {
    reader->next();
    return *this;
  }
  bool operator==(const ChunkIterator& other) const {
    bool a = reader == nullptr || reader->at_end();
    bool b = other.reader == nullptr || other.reader->at_end();
    return a == b;
  }
  bool operator!=(const ChunkIterator& other) const { return !(*this == other); }
};

bool run(ChunkReader& reader, const std::string& name, Catalog& out, ImportStats& stats,
         ImportError& error) {
  Catalog parsed;
  Handler handler(parsed, stats);
  handler.position = reader.offset();
  bool ok = json::sax_parse(ChunkIterator{&reader}, ChunkIterator{nullptr}, &handler);
  stats.bytes = *reader.offset();
  error.file = name;
  if (reader.error() != 0) {
    error.byte = *reader.offset();
    error.message = std::string("read error: ") + std::strerror(reader.error());
    return false;
  }
  if (!ok) {
    if (!handler.failure.empty()) {
      error.message = handler.failure;
      error.byte = handler.failure_at;
    } else {
      // nlohmann counts the characters read; report the offset of the byte it stopped at.
      error.byte = handler.parse_error_at() > 0 ? handler.parse_error_at() - 1 : 0;
      // "[json.exception.parse_error.101] parse error at line 1, column 5: why" -> "why"
      std::string text = handler.parse_error_text();
      auto colon = text.rfind(": ");
      std::string detail = colon == std::string::npos ? text : text.substr(colon + 2);
      bool at_end = error.byte + 1 >= stats.bytes;
      error.message =
          "malformed JSON: " + (at_end ? "the file ends early (truncated?); " + detail : detail);
    }
    return false;
  }
  if (!handler.finish(name)) {
    error.message = handler.failure;
    error.byte = stats.bytes;
    return false;
  }
  out.merge(std::move(parsed));
  return true;
}

}  // namespace

bool import_price_file(const std::string& path, Catalog& out, ImportStats& stats,
                       ImportError& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = {path, 0, std::string("cannot open: ") + std::strerror(errno)};
    return false;
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  ChunkReader reader([fd](char* buffer, std::size_t size) -> long {
    return static_cast<long>(::read(fd, buffer, size));
  });
  bool ok = run(reader, path, out, stats, error);
  ::close(fd);
  return ok;
}

bool import_price_stream(std::istream& in, const std::string& name, Catalog& out,
                         ImportStats& stats, ImportError& error) {
  ChunkReader reader([&in](char* buffer, std::size_t size) -> long {
    in.read(buffer, static_cast<std::streamsize>(size));
    if (in.bad()) {
      errno = EIO;
      return -1;
    }
    return static_cast<long>(in.gcount());
  });
  return run(reader, name, out, stats, error);
}

}  // namespace stackplan::pricing
