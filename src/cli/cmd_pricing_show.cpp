#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "aws/regions.hpp"
#include "base/json_text.hpp"
#include "base/spelling.hpp"
#include "cli/app.hpp"
#include "cost/coverage.hpp"
#include "pricing/catalog.hpp"
#include "pricing/services.hpp"
#include "spec/spec_schema.hpp"

namespace stackplan::cli {

namespace {

/// `*` matches any run of characters; otherwise the pattern must equal the text.
bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

std::string tier_text(const pricing::Price& p) {
  if (p.begin.units() == 0 && !p.end) {
    return "";
  }
  return p.begin.to_string() + "-" + (p.end ? p.end->to_string() : "");
}

/// Lines of a table whose columns are as wide as their widest cell.
std::string aligned(const std::vector<std::vector<std::string>>& table) {
  std::vector<std::size_t> width(table[0].size(), 0);
  for (const auto& row : table) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], row[c].size());
    }
  }
  std::string out;
  for (const auto& row : table) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) {
        line += std::string(width[c] - row[c].size() + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + '\n';
  }
  return out;
}

/// `pricing show --coverage`: every price the cost model asks for (from planning the probe
/// spec in each region), with the date of its source, the known gap that explains its absence,
/// or "MISSING".
int show_coverage(const PricingShowOptions& o, const pricing::Catalog& catalog, Io io) {
  std::vector<std::string> regions = catalog.regions();
  if (!o.region.empty()) {
    regions = {o.region};
  }
  cost::Coverage cov = cost::coverage(catalog, regions);
  std::vector<const pricing::KnownGap*> gaps;  // numbered in order of first use
  auto gap_number = [&](const pricing::KnownGap* gap) {
    auto it = std::find(gaps.begin(), gaps.end(), gap);
    if (it == gaps.end()) {
      gaps.push_back(gap);
      return gaps.size();
    }
    return static_cast<std::size_t>(it - gaps.begin()) + 1;
  };
  std::size_t priced = 0, explained = 0, missing = 0;
  nlohmann::json json_rows = nlohmann::json::array();
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> head = {"KEY", "TERM"};
  head.insert(head.end(), regions.begin(), regions.end());
  table.push_back(head);
  for (const auto& row : cov.rows) {
    if (!o.service.empty() && pricing::service_of(row.key) != o.service) {
      continue;
    }
    std::vector<std::string> line = {row.key, row.term};
    nlohmann::json cells = nlohmann::json::object();
    for (const auto& region : regions) {
      auto it = row.cells.find(region);
      if (it == row.cells.end()) {
        line.push_back("");
        continue;
      }
      const cost::CoverageCell& cell = it->second;
      if (cell.price != nullptr) {
        const pricing::Source* s = catalog.source(cell.price->source);
        std::string date = s != nullptr ? s->date : "";
        line.push_back(date.substr(0, 7));
        cells[region] = {
            {"usd", cell.price->usd.to_string()}, {"source", cell.price->source}, {"date", date}};
        ++priced;
      } else if (cell.gap != nullptr) {
        line.push_back("gap " + std::to_string(gap_number(cell.gap)));
        cells[region] = {{"gap", std::string(cell.gap->reason)}};
        ++explained;
      } else {
        line.push_back("MISSING");
        cells[region] = {{"missing", true}};
        ++missing;
      }
    }
    table.push_back(line);
    json_rows.push_back({{"key", row.key},
                         {"term", row.term},
                         {"service", pricing::service_of(row.key)},
                         {"regions", cells}});
  }
  std::string summary = std::to_string(table.size() - 1) + " prices the cost model asks for in " +
                        std::to_string(regions.size()) +
                        (regions.size() == 1 ? " region: " : " regions: ") +
                        std::to_string(priced) + " priced, " + std::to_string(explained) +
                        " known gaps, " + std::to_string(missing) + " missing";
  if (o.format == "json") {
    io.out << json_text(nlohmann::json{{"regions", regions}, {"prices", json_rows}});
    return k_exit_ok;
  }
  if (o.format == "markdown") {
    std::string sep = "|";
    for (std::size_t c = 0; c < head.size(); ++c) {
      sep += "---|";
    }
    for (std::size_t r = 0; r < table.size(); ++r) {
      std::string line = "|";
      for (const auto& cell : table[r]) {
        line += " " + (r > 0 && &cell == &table[r][0] ? "`" + cell + "`" : cell) + " |";
      }
      io.out << line << '\n';
      if (r == 0) {
        io.out << sep << '\n';
      }
    }
  } else {
    io.out << aligned(table);
  }
  io.out << '\n' << summary << '\n';
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    io.out << (o.format == "markdown" ? "- " : "") << "gap " << i + 1 << ": " << gaps[i]->reason
           << '\n';
  }
  io.out << (o.format == "markdown" ? "\n" : "")
         << "A date is the month of the price's source; stackplan pricing show --region R lists "
            "the prices.\n";
  return k_exit_ok;
}

}  // namespace

int cmd_pricing_show(const PricingShowOptions& o, Io io) {
  auto catalog = pricing::open_catalog(o.catalog);
  if (!catalog) {
    io.err << error_prefix(io) << catalog.error() << '\n';
    return k_exit_invalid;
  }
  const auto& regions = aws::regions();
  if (!o.region.empty() && o.region != "global" &&
      std::find(regions.begin(), regions.end(), o.region) == regions.end()) {
    io.err << error_prefix(io) << "unknown region '" << o.region << "'; "
           << suggestion_hint(o.region, regions, "known regions") << '\n';
    return k_exit_invalid;
  }
  const auto& services = pricing::known_services();
  if (!o.service.empty() &&
      std::find(services.begin(), services.end(), o.service) == services.end()) {
    io.err << error_prefix(io) << "unknown service '" << o.service << "'; "
           << suggestion_hint(o.service, services, "services") << '\n';
    return k_exit_invalid;
  }
  if (o.coverage) {
    if (!o.filters.empty()) {
      io.err << error_prefix(io) << "--coverage takes --region and --service, not --filter\n";
      return k_exit_invalid;
    }
    return show_coverage(o, *catalog, io);
  }
  if (o.format == "markdown") {
    io.err << error_prefix(io) << "--format markdown goes with --coverage\n";
    return k_exit_invalid;
  }
  std::vector<std::pair<std::string, std::string>> filters;
  for (const auto& f : o.filters) {
    auto eq = f.find('=');
    std::string k = f.substr(0, eq);
    if (eq == std::string::npos || (k != "key" && k != "term" && k != "unit" && k != "source")) {
      io.err << error_prefix(io)
             << "--filter takes K=V with K one of key, term, unit, source; "
                "got '"
             << f << "'\n";
      return k_exit_invalid;
    }
    filters.emplace_back(k, f.substr(eq + 1));
  }

  std::vector<const pricing::Price*> rows;
  for (const auto& p : catalog->prices()) {
    if (!o.region.empty() && p.region != o.region && p.region != "global") {
      continue;
    }
    if (!o.service.empty() && pricing::service_of(p.key) != o.service) {
      continue;
    }
    bool keep = true;
    for (const auto& [k, v] : filters) {
      const std::string& field = k == "key"    ? p.key
                                 : k == "term" ? p.term
                                 : k == "unit" ? p.unit
                                               : p.source;
      keep = keep && glob_match(v, field);
    }
    if (keep) {
      rows.push_back(&p);
    }
  }

  if (o.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* p : rows) {
      const auto* s = catalog->source(p->source);
      nlohmann::json row = {
          {"region", p->region},
          {"service", pricing::service_of(p->key)},
          {"key", p->key},
          {"term", p->term},
          {"unit", p->unit},
          {"usd", p->usd.to_string()},
          {"tier_begin", p->begin.to_string()},
          {"tier_end", p->end ? nlohmann::json(p->end->to_string()) : nullptr},
          {"upfront", p->upfront ? nlohmann::json(p->upfront->to_string()) : nullptr},
          {"source", {{"id", p->source}}}};
      if (s != nullptr) {
        row["source"] = {
            {"id", s->id}, {"kind", s->kind}, {"date", s->date}, {"reference", s->reference}};
      }
      out.push_back(row);
    }
    io.out << json_text(out);
  } else if (!rows.empty()) {
    std::vector<std::vector<std::string>> table = {
        {"REGION", "KEY", "TERM", "TIER", "USD", "UNIT", "SOURCE", "DATE"}};
    for (const auto* p : rows) {
      const auto* s = catalog->source(p->source);
      std::string usd = p->usd.to_string();
      if (p->upfront) {
        usd += " + " + p->upfront->to_string() + " upfront";
      }
      table.push_back({p->region, p->key, p->term, tier_text(*p), usd, p->unit, p->source,
                       s != nullptr ? s->date : ""});
    }
    io.out << aligned(table);
    io.out << '\n'
           << rows.size() << (rows.size() == 1 ? " price" : " prices")
           << "; sources: stackplan pricing show --format json\n";
  }
  if (rows.empty()) {
    io.err << "stackplan: no prices";
    if (!o.service.empty()) {
      io.err << " for " << o.service;
    }
    if (!o.region.empty()) {
      io.err << " in " << o.region;
    }
    io.err << " in the catalog; fetch them with 'stackplan pricing update"
           << (o.region.empty() ? "" : " --region " + o.region)
           << (o.service.empty() ? "" : " --service " + o.service) << " --catalog DIR'\n";
  }
  return k_exit_ok;
}

}  // namespace stackplan::cli
