#include "pricing/catalog.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <tuple>

#include "base/file.hpp"

namespace stackplan::pricing {

extern const char* const k_snapshot_tsv;  // embedded_catalog.cpp, generated from pricing/

namespace {

constexpr std::string_view k_magic = "# stackplan price catalog v1";
/// The last line of a whole catalog: "[end]<tab><rows> rows", the count of every row above it.
constexpr std::string_view k_end = "[end]";

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

auto order(const Price& p) {
  return std::tie(p.region, p.key, p.term, p.begin);
}

}  // namespace

Result<Catalog> Catalog::parse(std::string_view text, const std::string& name,
                               const Regions* regions, bool require_end) {
  Catalog catalog;
  enum class Section { none, sources, prices, superseded, support } section = Section::none;
  std::size_t line_no = 0;
  std::size_t rows = 0;
  bool ended = false;
  auto fail = [&](const std::string& why) {
    return failure(name + ":" + std::to_string(line_no) + ": " + why);
  };
  if (!text.starts_with(k_magic)) {
    line_no = 1;
    return fail(text.empty() ? "empty, not a stackplan price catalog (the first line must be '" +
                                   std::string(k_magic) + "')"
                             : "not a stackplan price catalog (the first line must be '" +
                                   std::string(k_magic) + "')");
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line_no == 1) {
      if (line != k_magic) {
        return fail("not a stackplan price catalog (the first line must be '" +
                    std::string(k_magic) + "')");
      }
      continue;
    }
    if (line.empty() || line[0] == '#') {
      continue;
    }
    if (ended) {
      return fail("text after the " + std::string(k_end) + " line, which must be the last");
    }
    if (line.starts_with(k_end)) {
      const std::string expected = std::string(k_end) + "\t" + std::to_string(rows) + " rows";
      if (line != expected) {
        return fail("the end line says '" + std::string(line) + "' but the file has " +
                    std::to_string(rows) + " rows: rows were lost or added after it was written");
      }
      ended = true;
      continue;
    }
    if (line == "[sources]") {
      section = Section::sources;
      continue;
    }
    if (line == "[prices]") {
      section = Section::prices;
      continue;
    }
    if (line == "[superseded]") {
      section = Section::superseded;
      continue;
    }
    if (line == "[support]") {
      section = Section::support;
      continue;
    }
    ++rows;
    if (regions != nullptr && section == Section::superseded) {
      continue;  // what a plan never reads
    }
    if (regions != nullptr && section == Section::prices) {
      std::string_view region = line.substr(0, line.find('\t'));
      if (region != "global" && regions->count(region) == 0) {
        continue;
      }
    }
    auto f = split_tabs(line);
    if (section == Section::sources) {
      if (f.size() != 4) {
        return fail("a source has 4 tab-separated fields: id, kind, date, reference");
      }
      catalog.m_sources[std::string(f[0])] =
          Source{std::string(f[0]), std::string(f[1]), std::string(f[3]), std::string(f[2])};
    } else if (section == Section::support) {
      if (f.size() != 5) {
        return fail(
            "a support row has 5 tab-separated fields: engine, version, standard_support_ends, "
            "extended_support_ends, source");
      }
      SupportDates d{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                     std::string(f[4])};
      if (catalog.m_sources.count(d.source) == 0) {
        return fail("support row cites source '" + d.source + "', which [sources] does not list");
      }
      catalog.m_support.push_back(std::move(d));
    } else if (section == Section::prices || section == Section::superseded) {
      const bool superseded = section == Section::superseded;
      if (f.size() != (superseded ? 11u : 10u) && !(f.size() == 9 && !superseded)) {
        return fail(superseded ? "a superseded price has 11 tab-separated fields: region, key, "
                                 "term, begin, end, unit, usd, upfront, source, sku, superseded_by"
                               : "a price has 10 tab-separated fields: region, key, term, begin, "
                                 "end, unit, usd, upfront, source, sku");
      }
      Price p;
      p.region = f[0];
      p.key = f[1];
      p.term = f[2];
      auto begin = Decimal::parse(f[3]);
      auto usd = Decimal::parse(f[6]);
      if (!begin || !usd) {
        return fail("tier start and price must be decimal numbers");
      }
      p.begin = *begin;
      p.usd = *usd;
      if (f[4] != "Inf") {
        auto tier_end = Decimal::parse(f[4]);
        if (!tier_end) {
          return fail("tier end must be a decimal number or Inf");
        }
        p.end = *tier_end;
      }
      p.unit = f[5];
      if (!f[7].empty()) {
        auto upfront = Decimal::parse(f[7]);
        if (!upfront) {
          return fail("upfront fee must be a decimal number or empty");
        }
        p.upfront = *upfront;
      }
      p.source = f[8];
      if (f.size() > 9) {
        p.sku = f[9];
      }
      if (catalog.m_sources.count(p.source) == 0) {
        return fail("price cites source '" + p.source + "', which [sources] does not list");
      }
      if (superseded) {
        catalog.m_superseded.push_back({std::move(p), std::string(f[10])});
      } else {
        catalog.m_prices.push_back(std::move(p));
      }
    } else {
      return fail("expected [sources], [prices], [superseded] or [support]");
    }
  }
  if (require_end && !ended) {
    return fail("ends without the line '" + std::string(k_end) +
                "<tab><rows> rows' that stackplan writes last: the file was cut short or not "
                "written by stackplan");
  }
  catalog.sort();
  return catalog;
}

const Catalog& Catalog::snapshot() {
  static const Catalog catalog = [] {
    auto parsed = parse(k_snapshot_tsv, "pricing/catalog.tsv", nullptr, true);
    if (!parsed) {
      // The snapshot is checked by the tests; an unreadable one is a build defect.
      std::fprintf(stderr, "stackplan: internal error: %s\n", parsed.error().c_str());
      std::abort();
    }
    return *parsed;
  }();
  return catalog;
}

Catalog Catalog::snapshot(const Regions& regions) {
  // The snapshot is sorted by region and known to be well formed, so the rows of a region are
  // one run found by a search: only they, the sources and the support dates are parsed.
  static const std::string_view text(k_snapshot_tsv);
  const std::size_t prices = text.find("\n[prices]\n");
  const std::size_t superseded = text.find("\n[superseded]\n");
  const std::size_t support = text.find("\n[support]\n");
  std::string reduced(text.substr(0, prices + 10));
  std::string_view rows = text.substr(0, superseded);
  Regions wanted = regions;
  wanted.insert("global");
  // The first row at or after `pos` (pos is inside a row or at its start).
  auto row_at = [&](std::size_t pos) {
    std::size_t nl = rows.rfind('\n', pos == 0 ? 0 : pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  auto region_of_row = [&](std::size_t row) {
    return rows.substr(row, rows.find('\t', row) - row);
  };
  const std::size_t first_row = prices + 10;
  for (const auto& region : wanted) {
    // Binary search over the rows (sorted by region) for the first row of `region`.
    std::size_t lo = first_row;
    std::size_t hi = rows.size();
    while (lo < hi) {
      std::size_t mid = row_at(lo + (hi - lo) / 2);
      if (mid < lo) {
        mid = lo;
      }
      if (region_of_row(mid) < region) {
        std::size_t next = rows.find('\n', mid);
        lo = next == std::string_view::npos ? rows.size() : next + 1;
      } else {
        hi = mid;
      }
    }
    const std::string prefix = region + "\t";
    if (lo >= rows.size() || !rows.substr(lo).starts_with(prefix)) {
      continue;
    }
    const std::size_t at = lo - 1;  // the newline before the run
    std::size_t end = lo;
    while (end < rows.size() && rows.substr(end).starts_with(prefix)) {
      std::size_t eol = rows.find('\n', end);
      end = eol == std::string_view::npos ? rows.size() : eol + 1;
    }
    reduced.append(rows.substr(at + 1, end - (at + 1)));
    if (reduced.back() != '\n') {
      reduced += '\n';  // the last row of the section
    }
  }
  if (support != std::string_view::npos) {
    // The support rows without the end line, whose count is the whole snapshot's.
    reduced.append(text.substr(support + 1, text.rfind(k_end) - (support + 1)));
  }
  auto parsed = parse(reduced, "pricing/catalog.tsv");
  if (!parsed) {
    std::fprintf(stderr, "stackplan: internal error: %s\n", parsed.error().c_str());
    std::abort();
  }
  return std::move(*parsed);
}

Result<Catalog> Catalog::load(const std::string& dir, const Regions* regions,
                              std::string* read_hash) {
  std::string path = (std::filesystem::path(dir) / "catalog.tsv").string();
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
    return failure(path + ": not a file (a catalog directory holds a file named catalog.tsv)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return failure("cannot read " + path + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return failure("cannot read " + path + ": " + std::strerror(errno));
  }
  if (read_hash != nullptr) {
    *read_hash = content_hash(text.view());
  }
  return parse(text.view(), path, regions, true);
}

std::vector<const Price*> Catalog::find(std::string_view region, std::string_view key,
                                        std::string_view term) const {
  // Exact terms sort first within their prefix range.
  std::vector<const Price*> out = find_terms(region, key, term);
  std::erase_if(out, [&](const Price* p) { return p->term != term; });
  return out;
}

std::vector<const Price*> Catalog::find_terms(std::string_view region, std::string_view key,
                                              std::string_view term_prefix) const {
  std::vector<const Price*> out;
  auto it = std::lower_bound(m_prices.begin(), m_prices.end(), 0, [&](const Price& p, int) {
    using sv = std::string_view;
    return std::make_tuple(sv(p.region), sv(p.key), sv(p.term)) <
           std::make_tuple(region, key, term_prefix);
  });
  for (; it != m_prices.end() && it->region == region && it->key == key &&
         std::string_view(it->term).starts_with(term_prefix);
       ++it) {
    out.push_back(&*it);
  }
  return out;
}

const Source* Catalog::source(std::string_view id) const {
  auto it = m_sources.find(id);
  return it == m_sources.end() ? nullptr : &it->second;
}

const SupportDates* Catalog::support(std::string_view engine, std::string_view version) const {
  for (const auto& d : m_support) {
    if (d.engine == engine && d.version == version) {
      return &d;
    }
  }
  return nullptr;
}

std::vector<std::string> Catalog::regions() const {
  std::vector<std::string> out;
  for (const auto& p : m_prices) {  // sorted by region
    if (p.region != "global" && (out.empty() || out.back() != p.region)) {
      out.push_back(p.region);
    }
  }
  return out;
}

void Catalog::sort() {
  std::stable_sort(m_prices.begin(), m_prices.end(),
                   [](const Price& a, const Price& b) { return order(a) < order(b); });
  // Of equal prices keep the last: later additions replace earlier ones. In place, so a large
  // import does not hold two copies.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m_prices.size(); ++i) {
    if (kept > 0 && order(m_prices[kept - 1]) == order(m_prices[i])) {
      m_prices[kept - 1] = std::move(m_prices[i]);
    } else {
      if (kept != i) {
        m_prices[kept] = std::move(m_prices[i]);
      }
      ++kept;
    }
  }
  m_prices.erase(m_prices.begin() + static_cast<std::ptrdiff_t>(kept), m_prices.end());
}

void Catalog::add_source(Source source) {
  std::string id = source.id;
  m_sources[id] = std::move(source);
}

void Catalog::add_price(Price price) {
  m_prices.push_back(std::move(price));
}

std::string Catalog::merge(const Catalog& other) {
  Catalog copy = other;
  return merge(std::move(copy));
}

std::string Catalog::merge(Catalog&& other) {
  other.sort();
  auto date_of = [](const Catalog& c, const std::string& id) {
    const Source* s = c.source(id);
    return s != nullptr ? s->date : std::string();
  };
  auto group = [](const Price& p) { return std::tie(p.region, p.key, p.term); };
  // Both price lists are sorted; walk them group by group (region, key, term). Nothing changes
  // until the walk has found no conflict.
  std::vector<Price> merged;
  std::vector<Superseded> superseded = m_superseded;
  merged.reserve(m_prices.size() + other.m_prices.size());
  auto a = m_prices.begin();
  auto b = other.m_prices.begin();
  auto group_end = [&](auto it, auto end) {
    auto last = it;
    while (last != end && group(*last) == group(*it)) {
      ++last;
    }
    return last;
  };
  while (a != m_prices.end() || b != other.m_prices.end()) {
    if (b == other.m_prices.end() || (a != m_prices.end() && group(*a) < group(*b))) {
      auto end = group_end(a, m_prices.end());
      merged.insert(merged.end(), a, end);
      a = end;
      continue;
    }
    if (a == m_prices.end() || group(*b) < group(*a)) {
      auto end = group_end(b, other.m_prices.end());
      merged.insert(merged.end(), b, end);
      b = end;
      continue;
    }
    auto a_end = group_end(a, m_prices.end());
    auto b_end = group_end(b, other.m_prices.end());
    const std::string& old_id = a->source;
    const std::string& new_id = b->source;
    std::string old_date = date_of(*this, old_id);
    std::string new_date = date_of(other, new_id);
    bool same_figures = std::equal(a, a_end, b, b_end, [](const Price& x, const Price& y) {
      return x.begin == y.begin && x.end == y.end && x.usd == y.usd && x.upfront == y.upfront;
    });
    bool take_new;
    if (old_id == new_id || new_date > old_date) {
      take_new = true;
    } else if (new_date < old_date) {
      take_new = false;
    } else if (same_figures) {
      take_new = true;  // the same figures from another source of the same date: cite the import
    } else {
      return a->region + " " + a->key + " " + a->term + ": " + old_id + " and " + new_id +
             ", both dated " + old_date + ", disagree (" + a->usd.to_string() + " against " +
             b->usd.to_string() + " " + b->unit + "); nothing was merged";
    }
    auto [win, win_end, lose, lose_end] =
        take_new ? std::tuple(b, b_end, a, a_end) : std::tuple(a, a_end, b, b_end);
    std::string winner = win->source;
    if (old_id != new_id && !(same_figures && new_date == old_date)) {
      for (auto it = lose; it != lose_end; ++it) {
        superseded.push_back({*it, winner});
      }
    }
    merged.insert(merged.end(), win, win_end);
    a = a_end;
    b = b_end;
  }
  std::vector<SupportDates> support = m_support;
  for (const auto& d : other.m_support) {
    auto same = std::find_if(support.begin(), support.end(), [&](const SupportDates& x) {
      return x.engine == d.engine && x.version == d.version;
    });
    if (same == support.end()) {
      support.push_back(d);
    } else if (date_of(other, d.source) >= date_of(*this, same->source)) {
      *same = d;
    }
  }
  std::sort(support.begin(), support.end(), [](const SupportDates& x, const SupportDates& y) {
    return std::tie(x.engine, x.version) < std::tie(y.engine, y.version);
  });
  for (auto& [id, source] : other.m_sources) {
    m_sources[id] = std::move(source);
  }
  m_support = std::move(support);
  m_prices = std::move(merged);
  m_superseded = std::move(superseded);
  other.m_prices.clear();
  std::stable_sort(
      m_superseded.begin(), m_superseded.end(), [](const Superseded& x, const Superseded& y) {
        return std::tie(x.price.region, x.price.key, x.price.term, x.price.begin, x.price.source) <
               std::tie(y.price.region, y.price.key, y.price.term, y.price.begin, y.price.source);
      });
  drop_unused_sources();
  return {};
}

void Catalog::set_price(Price price) {
  std::erase_if(m_prices, [&](const Price& p) {
    return p.region == price.region && p.key == price.key && p.term == price.term;
  });
  m_prices.push_back(std::move(price));
  sort();
}

void Catalog::adjust(const std::function<std::optional<Source>(Price&, const Source*)>& change) {
  std::vector<Source> added;
  for (auto& p : m_prices) {
    if (auto source = change(p, this->source(p.source))) {
      added.push_back(std::move(*source));
    }
  }
  for (auto& s : added) {
    std::string id = s.id;
    m_sources[id] = std::move(s);
  }
  drop_unused_sources();
}

std::string Catalog::unit_of(std::string_view key) const {
  for (const auto& p : m_prices) {
    if (p.key == key) {
      return p.unit;
    }
  }
  return {};
}

void Catalog::drop_unused_sources() {
  std::map<std::string, Source, std::less<>> used;
  auto keep = [&](const std::string& id) {
    auto it = m_sources.find(id);
    if (it != m_sources.end() && used.count(id) == 0) {
      used.insert(*it);
    }
  };
  for (const auto& p : m_prices) {
    keep(p.source);
  }
  for (const auto& s : m_superseded) {
    keep(s.price.source);
    keep(s.by);
  }
  for (const auto& d : m_support) {
    keep(d.source);
  }
  m_sources = std::move(used);
}

std::string Catalog::to_tsv() const {
  std::string out(k_magic);
  out += "\n[sources]\n# id\tkind\tdate\treference\n";
  for (const auto& [id, s] : m_sources) {
    out += s.id + '\t' + s.kind + '\t' + s.date + '\t' + s.reference + '\n';
  }
  auto row = [](const Price& p) {
    return p.region + '\t' + p.key + '\t' + p.term + '\t' + p.begin.to_string() + '\t' +
           (p.end ? p.end->to_string() : "Inf") + '\t' + p.unit + '\t' + p.usd.to_string() + '\t' +
           (p.upfront ? p.upfront->to_string() : "") + '\t' + p.source + '\t' + p.sku;
  };
  out += "[prices]\n# region\tkey\tterm\tbegin\tend\tunit\tusd\tupfront\tsource\tsku\n";
  for (const auto& p : m_prices) {
    out += row(p) + '\n';
  }
  std::string support;
  for (const auto& d : m_support) {
    support += d.engine + '\t' + d.version + '\t' + d.standard_ends + '\t' + d.extended_ends +
               '\t' + d.source + '\n';
  }
  if (!m_superseded.empty()) {
    out +=
        "[superseded]\n# region\tkey\tterm\tbegin\tend\tunit\tusd\tupfront\tsource\tsku\t"
        "superseded_by\n";
    for (const auto& s : m_superseded) {
      out += row(s.price) + '\t' + s.by + '\n';
    }
  }
  if (!support.empty()) {
    out += "[support]\n# engine\tversion\tstandard_support_ends\textended_support_ends\tsource\n" +
           support;
  }
  const std::size_t rows =
      m_sources.size() + m_prices.size() + m_superseded.size() + m_support.size();
  out += std::string(k_end) + '\t' + std::to_string(rows) + " rows\n";
  return out;
}

std::string Catalog::write(const std::string& dir, std::string* written_hash) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return "cannot create " + dir + ": " + ec.message();
  }
  fs::path final_path = fs::path(dir) / "catalog.tsv";
  fs::path temp_path = fs::path(dir) / (".catalog.tsv." + std::to_string(::getpid()) + ".tmp");
  const std::string text = to_tsv();
  if (written_hash != nullptr) {
    *written_hash = content_hash(text);
  }
  if (std::string why = write_file_synced(temp_path, text); !why.empty()) {
    return why;
  }
  if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    fs::remove(temp_path, ec);
    return "cannot replace " + final_path.string() + ": " + why;
  }
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

std::string catalog_dir(const std::string& dir_option) {
  if (!dir_option.empty()) {
    return dir_option;
  }
  const char* env = std::getenv("STACKPLAN_CATALOG");
  return env != nullptr ? env : "";
}

Result<Catalog> open_catalog(const std::string& dir_option) {
  std::string dir = catalog_dir(dir_option);
  if (dir.empty()) {
    return Catalog::snapshot();
  }
  return Catalog::load(dir);
}

Result<Catalog> open_catalog(const std::string& dir_option, const Catalog::Regions& regions) {
  std::string dir = catalog_dir(dir_option);
  if (dir.empty()) {
    return Catalog::snapshot(regions);
  }
  return Catalog::load(dir, &regions);
}

std::string Catalog::as_of() const {
  std::string latest;
  for (const auto& [id, source] : m_sources) {
    latest = std::max(latest, source.date);
  }
  return latest;
}

}  // namespace stackplan::pricing
