#include "report/plan_report.hpp"

#include "base/json_text.hpp"
#include "base/terminal.hpp"
#include "cost/diff.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace stackplan::report {

using cost::Delta;
using cost::Plan;
using cost::PlanWarning;
using cost::ScenarioPlan;
using cost::StackPlan;
using model::LineItem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

ordered_json number(Decimal d) {
  return std::strtod(d.to_string().c_str(), nullptr);
}

ordered_json optional_number(const std::optional<Decimal>& d) {
  return d ? number(*d) : ordered_json(nullptr);
}

std::string scenario_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

/// The warnings as people read them: missing prices of one service and region, in the same
/// stack and scenarios, are one warning listing them (JSON keeps one warning per price).
std::vector<PlanWarning> shown_warnings(const Plan& plan) {
  std::vector<PlanWarning> out;
  std::vector<std::vector<std::string>> details;  // beside `out`: the prices each one lists
  for (const PlanWarning& w : plan.warnings) {
    auto same = w.warning.group.empty()
                    ? out.end()
                    : std::find_if(out.begin(), out.end(), [&](const PlanWarning& o) {
                        return o.stack == w.stack && o.scenarios == w.scenarios &&
                               o.warning.code == w.warning.code &&
                               o.warning.group == w.warning.group;
                      });
    if (same == out.end()) {
      out.push_back(w);
      details.push_back({w.warning.detail});
      continue;
    }
    auto& listed = details[static_cast<std::size_t>(same - out.begin())];
    listed.push_back(w.warning.detail);
    std::string list;
    for (const auto& d : listed) {
      list += (list.empty() ? "" : ", ") + d;
    }
    same->warning.message = std::to_string(listed.size()) + " prices missing: " + w.warning.group +
                            " " + list + "; the plan leaves them out of the totals";
  }
  return out;
}

/// Components in the order they are first met, with their items; existing resources last.
std::vector<std::pair<std::string, std::vector<const LineItem*>>> by_component(
    const ScenarioPlan& s) {
  std::vector<std::pair<std::string, std::vector<const LineItem*>>> out;
  for (const LineItem& item : s.items) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const auto& group) { return group.first == item.component; });
    if (it == out.end()) {
      out.push_back({item.component, {&item}});
    } else {
      it->second.push_back(&item);
    }
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const auto& group) { return group.first != model::k_existing; });
  return out;
}

Decimal subtotal(const std::vector<const LineItem*>& items) {
  Decimal sum;
  for (const auto* i : items) {
    sum += cost::line_cents(*i);
  }
  return sum;
}

/// ">= " or "<= " before a delta that is a bound; empty for an exact one.
std::string bound_prefix(const Delta& d) {
  return d.bound == cost::Bound::at_least ? ">= " : d.bound == cost::Bound::at_most ? "<= " : "";
}

std::string percent_text(const Delta& d) {
  if (!d.percent) {
    return "n/a";
  }
  std::string t = d.percent->to_fixed(1) + "%";
  return bound_prefix(d) + (d.percent->units() > 0 ? "+" + t : t);
}

std::string signed_money(Decimal d) {
  return d.units() > 0 ? "+" + money(d) : money(d);
}

/// A delta's amount, as a bound or "n/a" when prices are missing.
std::string delta_money(const Delta& d, Decimal amount) {
  return d.bound == cost::Bound::unknown ? "n/a" : bound_prefix(d) + signed_money(amount);
}

const char* bound_name(cost::Bound b) {
  switch (b) {
    case cost::Bound::at_least:
      return "at-least";
    case cost::Bound::at_most:
      return "at-most";
    case cost::Bound::unknown:
      return "unknown";
    case cost::Bound::exact:
      break;
  }
  return "exact";
}

/// The words under a deltas table that has bounds in it.
std::string bounds_note(const std::vector<Delta>& deltas) {
  bool any = std::any_of(deltas.begin(), deltas.end(),
                         [](const Delta& d) { return d.bound != cost::Bound::exact; });
  return any ? "missing prices make a delta a bound: >= when the scenario lacks prices (they can "
               "only add to it), <= when the baseline does, n/a when both do"
             : "";
}

std::string quantity_text(const LineItem& item) {
  return model::format_quantity(item.quantity.rounded(4)) + " " + item.unit;
}

std::string unit_price_text(const LineItem& item) {
  return item.unit_price ? "$" + item.unit_price->to_string() : "price missing";
}

/// What security.profile strict would add, in one line.
std::string strict_text(const cost::StrictUpgrade& up) {
  std::string what;
  for (std::size_t i = 0; i < up.adds.size(); ++i) {
    what += (i == 0 ? "" : i + 1 == up.adds.size() ? " and " : ", ") + up.adds[i];
  }
  std::string text =
      "security.profile strict (" + what + ") would add " + money(up.monthly) + " a month";
  if (up.missing > 0) {
    text += " and " + std::to_string(up.missing) + (up.missing == 1 ? " price" : " prices") +
            " the catalog lacks";
  }
  return text;
}

std::string stack_title(const StackPlan& st) {
  return st.name + " (" + st.spec + ", " + st.region + ")";
}

// --- plain-text tables -------------------------------------------------------------------

struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  ///< right-aligned columns

  /// The rows, aligned. With a `max` width (a terminal's), a first column that would make
  /// lines longer is narrowed, and its cells wrap onto lines of their own, indented by two
  /// more; 0 is no limit.
  std::string render(const std::string& indent, std::size_t max = 0) const {
    std::vector<std::size_t> width(right.size(), 0);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        width[i] = std::max(width[i], display_width(row[i]));
      }
    }
    if (max > 0 && !width.empty()) {
      std::size_t others = indent.size();
      for (std::size_t i = 1; i < width.size(); ++i) {
        others += 2 + width[i];
      }
      constexpr std::size_t k_narrowest = 24;
      if (others + width[0] > max) {
        width[0] = std::max(k_narrowest, max > others ? max - others : 0);
      }
    }
    std::string out;
    for (const auto& row : rows) {
      std::vector<std::string> first = {row.empty() ? std::string() : row[0]};
      if (!row.empty() && display_width(row[0]) > width[0]) {
        const std::size_t lead = row[0].find_first_not_of(' ');
        const std::size_t at = lead == std::string::npos ? 0 : lead;
        const std::size_t room = width[0] > at + 2 ? width[0] - at - 2 : 1;
        first.clear();
        for (const std::string& piece : wrap_words(std::string_view(row[0]).substr(at), room)) {
          first.push_back(std::string(first.empty() ? at : at + 2, ' ') + piece);
        }
      }
      for (std::size_t n = 0; n < first.size(); ++n) {
        std::string text = indent;
        for (std::size_t i = 0; i < row.size(); ++i) {
          // The other cells go on the cell's last line, beside where its text ends.
          const std::string& cell = i == 0 ? first[n] : n + 1 == first.size() ? row[i] : "";
          std::size_t pad = width[i] > display_width(cell) ? width[i] - display_width(cell) : 0;
          if (i > 0) {
            text += "  ";
          }
          text += right[i] ? std::string(pad, ' ') + cell : cell + std::string(pad, ' ');
        }
        while (!text.empty() && text.back() == ' ') {
          text.pop_back();
        }
        out += text + "\n";
      }
    }
    return out;
  }

  static std::size_t display_width(const std::string& s) { return visible_width(s); }
};

}  // namespace

std::string money(Decimal amount) {
  std::string fixed = amount.to_fixed(2);  // "-1234.50"
  const bool negative = fixed[0] == '-';
  if (negative) {
    fixed.erase(0, 1);
  }
  const std::size_t point = fixed.find('.');
  std::string whole = model::format_quantity(*Decimal::parse(fixed.substr(0, point)));
  return (negative ? "-$" : "$") + whole + fixed.substr(point);
}

namespace {

ordered_json stack_json(const StackPlan& st) {
  ordered_json s;
  s["spec"] = st.spec;
  s["name"] = st.name;
  s["region"] = st.region;
  s["baseline"] = st.baseline;
  ordered_json scenarios = ordered_json::array();
  for (const ScenarioPlan& sc : st.scenarios) {
    ordered_json j;
    j["name"] = sc.name;
    j["monthly"] = number(sc.monthly);
    j["annual"] = number(sc.annual);
    j["upfront"] = number(sc.upfront);
    j["existing_monthly"] = number(sc.existing);
    j["missing_prices"] = sc.missing;
    j["monthly_at_max"] = optional_number(sc.monthly_at_max);
    j["notes"] = sc.notes;
    j["security"] = {
        {"profile", sc.security_profile},
        {"strict_adds", sc.strict ? ordered_json(sc.strict->adds) : ordered_json(nullptr)},
        {"strict_adds_monthly", sc.strict ? number(sc.strict->monthly) : ordered_json(nullptr)},
        {"strict_missing_prices", sc.strict ? sc.strict->missing : 0}};
    ordered_json items = ordered_json::array();
    for (const LineItem& i : sc.items) {
      ordered_json it;
      it["component"] = i.component;
      it["resource"] = i.resource;
      it["description"] = i.description;
      it["quantity"] = number(i.quantity);
      it["unit"] = i.unit;
      it["unit_price"] = optional_number(i.unit_price);
      // A missing price has no monthly figure: null, so a sum over the items cannot take it
      // for $0.
      it["monthly"] = i.missing ? ordered_json(nullptr) : number(i.monthly);
      it["usage_based"] = i.usage_based;
      it["assumption"] = i.assumption ? ordered_json(*i.assumption) : ordered_json(nullptr);
      it["price_ref"] = i.price_ref;
      it["price_missing"] = i.missing;
      it["upfront"] = number(i.upfront);
      it["monthly_at_max"] = optional_number(i.monthly_at_max);
      items.push_back(std::move(it));
    }
    j["items"] = std::move(items);
    scenarios.push_back(std::move(j));
  }
  s["scenarios"] = std::move(scenarios);
  ordered_json deltas = ordered_json::array();
  for (const Delta& d : st.deltas) {
    deltas.push_back({{"from", d.from},
                      {"to", d.to},
                      {"monthly", number(d.monthly)},
                      {"annual", number(d.annual)},
                      {"percent", optional_number(d.percent)},
                      {"incomplete", d.incomplete},
                      {"bound", bound_name(d.bound)}});
  }
  s["deltas"] = std::move(deltas);
  return s;
}

/// The contract's JSON, written stack by stack: the same bytes as dumping the whole document.
class JsonWriter : public PlanWriter {
 public:
  explicit JsonWriter(std::ostream& out) : m_out(out) {}

  void begin(const Plan& plan) override {
    ordered_json head;
    head["currency"] = "USD";
    head["hours_per_month"] = 730;
    head["catalog"] = {{"source", plan.catalog_source}, {"as_of", plan.catalog_as_of}};
    std::string text = dump(head);
    m_out << text.substr(0, text.rfind("\n}")) << ",\n  \"stacks\": [";
  }

  void stack(const StackPlan& st) override {
    m_out << (m_count++ == 0 ? "\n" : ",\n");
    const std::string text = dump(stack_json(st));
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      end = end == std::string::npos ? text.size() : end;
      m_out << (start == 0 ? "    " : "\n    ")
            << std::string_view(text).substr(start, end - start);
      start = end + 1;
    }
  }

  void end(const Plan& plan) override {
    m_out << (m_count == 0 ? "]" : "\n  ]");
    ordered_json tail;
    tail["total"] = {{"monthly", number(plan.total_monthly)},
                     {"annual", number(plan.total_annual)},
                     {"incomplete", plan.total_incomplete}};
    ordered_json warnings = ordered_json::array();
    for (const auto& w : plan.warnings) {
      warnings.push_back({{"stack", w.stack},
                          {"scenarios", w.scenarios},
                          {"code", w.warning.code},
                          {"message", w.warning.message},
                          {"hint", w.warning.hint}});
    }
    tail["warnings"] = std::move(warnings);
    m_out << ",\n" << dump(tail).substr(2) << "\n";
  }

 private:
  static std::string dump(const ordered_json& j) {
    return j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  }

  std::ostream& m_out;
  std::size_t m_count = 0;
};

/// Tables grouped by component with subtotals, monthly and annual, deltas and assumptions.
class TableWriter : public PlanWriter {
 public:
  TableWriter(std::ostream& out, bool color, std::size_t width)
      : m_out(out), m_color(color), m_width(width) {}

  void begin(const Plan&) override {}

  void stack(const StackPlan& st) override {
    std::ostream& out = m_out;
    if (m_count++ > 0) {
      out << "\n";
    }
    out << paint(stack_title(st), Tone::heading, m_color) << "\n";
    for (const ScenarioPlan& sc : st.scenarios) {
      out << "\n"
          << paint("scenario " + sc.name + (sc.name == st.baseline ? " (baseline)" : ""),
                   Tone::heading, m_color)
          << "\n";
      Table t;
      t.right = {false, true, true, true, true};
      t.rows.push_back({"item", "quantity", "unit price", "monthly", "annual"});
      std::vector<std::string> footnotes;
      const std::vector<std::string> total{
          "total" + (sc.missing > 0 ? paint(" (incomplete)", Tone::missing, m_color) : ""), "", "",
          money(sc.monthly), money(sc.annual)};
      bool totalled = false;
      for (const auto& [component, items] : by_component(sc)) {
        const bool existing = component == model::k_existing;
        if (existing) {
          t.rows.push_back(total);  // existing resources are not in it
          totalled = true;
        }
        t.rows.push_back(
            {existing ? "existing resources (paid today; not in the total)" : component, "", "", "",
             ""});
        for (const LineItem* i : items) {
          std::string mark;
          if (i->assumption) {
            footnotes.push_back(*i->assumption);
            mark = " [" + std::to_string(footnotes.size()) + "]";
          }
          t.rows.push_back({"  " + i->description + mark, quantity_text(*i),
                            i->missing ? paint(unit_price_text(*i), Tone::missing, m_color)
                                       : unit_price_text(*i),
                            i->missing ? "-" : money(i->monthly),
                            i->missing ? "-" : money(cost::annual_of(i->monthly))});
        }
        Decimal sub = subtotal(items);
        const bool incomplete =
            std::any_of(items.begin(), items.end(), [](const LineItem* i) { return i->missing; });
        t.rows.push_back(
            {"  subtotal" +
                 (incomplete ? paint(" (incomplete)", Tone::missing, m_color) : std::string()),
             "", "", money(sub), money(cost::annual_of(sub))});
      }
      if (!totalled) {
        t.rows.push_back(total);
      }
      out << t.render("  ", m_width);
      if (!sc.upfront.is_zero()) {
        say("  ", "upfront payments: " + money(sc.upfront) + " (amortised in the monthly figures)");
      }
      if (sc.monthly_at_max) {
        say("  ", "at maximum scale: " + money(*sc.monthly_at_max) + " a month");
      }
      if (sc.strict) {
        say("  ", strict_text(*sc.strict));
      }
      if (sc.missing > 0) {
        say("  ", std::to_string(sc.missing) + (sc.missing == 1 ? " price is" : " prices are") +
                      " missing from the catalog; the total leaves " +
                      (sc.missing == 1 ? "it" : "them") + " out (see warnings)");
      }
      for (std::size_t i = 0; i < footnotes.size(); ++i) {
        say("  [" + std::to_string(i + 1) + "] ", footnotes[i]);
      }
      for (const auto& n : sc.notes) {
        say("  note: ", n);
      }
    }
    if (!st.deltas.empty()) {
      out << "\ndeltas against " << st.baseline << "\n";
      Table t;
      t.right = {false, true, true, true};
      t.rows.push_back({"scenario", "monthly", "annual", "change"});
      for (const Delta& d : st.deltas) {
        t.rows.push_back(
            {d.to + (d.incomplete ? paint(" (incomplete)", Tone::missing, m_color) : ""),
             delta_cell(delta_money(d, d.monthly)), delta_cell(delta_money(d, d.annual)),
             delta_cell(percent_text(d))});
      }
      out << t.render("  ", m_width);
      if (std::string note = bounds_note(st.deltas); !note.empty()) {
        say("  ", note);
      }
    }
  }

  void end(const Plan& plan) override {
    std::ostream& out = m_out;
    if (m_count > 1) {
      out << "\ntotal of " << m_count
          << " stacks (each at its baseline): " << money(plan.total_monthly) << " a month, "
          << money(plan.total_annual) << " a year" << (plan.total_incomplete ? " (incomplete)" : "")
          << "\n";
    }
    out << "\nprices: " << plan.catalog_source << ", as of " << plan.catalog_as_of
        << "; 730 hours a month\n";
  }

 private:
  /// A money delta: red when it costs more, green when less.
  std::string delta_cell(const std::string& text) const {
    const std::size_t sign = text.find_first_of("+-");  // after a ">= " or "<= " bound
    if (sign == std::string::npos) {
      return text;  // "n/a", or no change
    }
    return paint(text, text[sign] == '+' ? Tone::increase : Tone::decrease, m_color);
  }

  /// A line under a table: `label` then `text`, wrapped to the terminal's width with the
  /// continuation lines under the text.
  void say(const std::string& label, const std::string& text) {
    m_out << wrap_lines(label, text, m_width, visible_width(label));
  }

  std::ostream& m_out;
  bool m_color = false;
  std::size_t m_width = 0;  ///< the terminal's columns; 0: no limit
  std::size_t m_count = 0;
};

std::string md_cell(const std::string& s) {
  std::string r;
  for (char c : s) {
    r += c == '|' ? std::string("\\|") : std::string(1, c);
  }
  return r;
}

/// The same for a pull-request comment.
class MarkdownWriter : public PlanWriter {
 public:
  explicit MarkdownWriter(std::ostream& out) : m_out(out) {}

  void begin(const Plan&) override {}

  void stack(const StackPlan& st) override {
    std::ostream& out = m_out;
    ++m_count;
    out << "## " << md_cell(st.name) << " (`" << st.spec << "`, " << st.region << ")\n\n";
    out << "| scenario | monthly | annual | upfront |\n|---|---:|---:|---:|\n";
    for (const ScenarioPlan& sc : st.scenarios) {
      const bool baseline = sc.name == st.baseline;
      const bool incomplete = sc.missing > 0;
      out << "| " << md_cell(sc.name)
          << (baseline && incomplete ? " (baseline, incomplete)"
              : baseline             ? " (baseline)"
              : incomplete           ? " (incomplete)"
                                     : "")
          << " | " << money(sc.monthly) << " | " << money(sc.annual) << " | " << money(sc.upfront)
          << " |\n";
    }
    if (!st.deltas.empty()) {
      out << "\n**Deltas against " << md_cell(st.baseline) << "**\n\n";
      out << "| scenario | monthly | annual | change |\n|---|---:|---:|---:|\n";
      for (const Delta& d : st.deltas) {
        out << "| " << md_cell(d.to) << (d.incomplete ? " (incomplete)" : "") << " | "
            << md_cell(delta_money(d, d.monthly)) << " | " << md_cell(delta_money(d, d.annual))
            << " | " << md_cell(percent_text(d)) << " |\n";
      }
      if (std::string note = bounds_note(st.deltas); !note.empty()) {
        out << "\n_" << note << "_\n";
      }
    }
    for (const ScenarioPlan& sc : st.scenarios) {
      const std::string incomplete = sc.missing > 0 ? " (incomplete)" : "";
      out << "\n<details><summary>" << md_cell(sc.name) << ": " << money(sc.monthly) << " a month"
          << incomplete << "</summary>\n\n";
      out << "| component | resource | item | quantity | unit price | monthly |\n"
          << "|---|---|---|---:|---:|---:|\n";
      bool totalled = false;
      for (const auto& [component, items] : by_component(sc)) {
        if (component == model::k_existing) {
          out << "| **total" << incomplete << "** | | | | | **" << money(sc.monthly) << "** |\n";
          totalled = true;
        }
        for (const LineItem* i : items) {
          out << "| " << component << " | `" << i->resource << "` | " << md_cell(i->description)
              << (i->usage_based ? " *" : "") << " | " << md_cell(quantity_text(*i)) << " | "
              << unit_price_text(*i) << " | " << (i->missing ? "-" : money(i->monthly)) << " |\n";
        }
      }
      if (totalled) {
        out << "| existing, paid today, not in the total | | | | | " << money(sc.existing)
            << " |\n";
      } else {
        out << "| **total" << incomplete << "** | | | | | **" << money(sc.monthly) << "** |\n";
      }
      bool any_usage = false;
      for (const LineItem& i : sc.items) {
        any_usage = any_usage || i.usage_based;
      }
      if (any_usage) {
        out << "\n\\* usage-based\n";
      }
      if (sc.strict) {
        out << "\n_" << md_cell(strict_text(*sc.strict)) << "_\n";
      }
      for (const auto& n : sc.notes) {
        out << "\n> " << md_cell(n) << "\n";
      }
      out << "\n</details>\n";
    }
    out << "\n";
  }

  void end(const Plan& plan) override {
    std::ostream& out = m_out;
    if (m_count > 1) {
      out << "**Total of " << m_count
          << " stacks (each at its baseline): " << money(plan.total_monthly) << " a month, "
          << money(plan.total_annual) << " a year" << (plan.total_incomplete ? " (incomplete)" : "")
          << "**\n\n";
    }
    if (!plan.warnings.empty()) {
      out << "### Warnings\n\n";
      for (const auto& w : shown_warnings(plan)) {
        out << "- " << md_cell(w.stack) << " (" << md_cell(scenario_list(w.scenarios))
            << "): " << md_cell(w.warning.message) << " `" << w.warning.code << "`\n";
      }
      out << "\n";
    }
    out << "_Prices: " << plan.catalog_source << ", as of " << plan.catalog_as_of
        << "; 730 hours a month._\n";
  }

 private:
  std::ostream& m_out;
  std::size_t m_count = 0;
};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) {
    return s;
  }
  std::string r = "\"";
  for (char c : s) {
    r += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return r + "\"";
}

/// One row per line item (RFC 4180).
class CsvWriter : public PlanWriter {
 public:
  explicit CsvWriter(std::ostream& out) : m_out(out) {}

  void begin(const Plan&) override {
    std::ostream& out = m_out;
    out << "spec,stack,scenario,component,resource,description,quantity,unit,unit_price,monthly,"
           "annual,usage_based,assumption,price_ref,price_missing,upfront\r\n";
  }

  void stack(const StackPlan& st) override {
    std::ostream& out = m_out;
    for (const ScenarioPlan& sc : st.scenarios) {
      for (const LineItem& i : sc.items) {
        out << csv_field(st.spec) << ',' << csv_field(st.name) << ',' << csv_field(sc.name) << ','
            << csv_field(i.component) << ',' << csv_field(i.resource) << ','
            << csv_field(i.description) << ',' << i.quantity.to_string() << ',' << csv_field(i.unit)
            << ',' << (i.unit_price ? i.unit_price->to_string() : "")
            << ','
            // A missing price leaves its amounts empty, so a spreadsheet sum cannot count $0.
            << (i.missing ? "" : i.monthly.to_string()) << ','
            << (i.missing ? "" : (i.monthly * Decimal::from_int(12)).to_string()) << ','
            << (i.usage_based ? "true" : "false") << ',' << csv_field(i.assumption.value_or(""))
            << ',' << csv_field(i.price_ref) << ',' << (i.missing ? "true" : "false") << ','
            << i.upfront.to_string() << "\r\n";
      }
    }
  }

  void end(const Plan&) override {}

 private:
  std::ostream& m_out;
};

}  // namespace

const std::vector<std::string>& plan_formats() {
  static const std::vector<std::string> formats = {"table", "json", "markdown", "csv"};
  return formats;
}

std::unique_ptr<PlanWriter> plan_writer(std::string_view format, std::ostream& out, bool color,
                                        std::size_t width) {
  if (format == "json") {
    return std::make_unique<JsonWriter>(out);
  }
  if (format == "markdown") {
    return std::make_unique<MarkdownWriter>(out);
  }
  if (format == "csv") {
    return std::make_unique<CsvWriter>(out);
  }
  return std::make_unique<TableWriter>(out, color, width);
}

std::string plan_text(std::string_view format, const Plan& plan) {
  std::ostringstream out;
  auto writer = plan_writer(format, out);
  writer->begin(plan);
  for (const StackPlan& st : plan.stacks) {
    writer->stack(st);
  }
  writer->end(plan);
  return out.str();
}

std::string plan_warnings_text(const Plan& plan, bool color, std::size_t width) {
  // Continuation lines of a wrapped warning are indented by two, of a hint by eight.
  std::string out;
  for (const auto& w : shown_warnings(plan)) {
    out += wrap_lines(paint("warning", Tone::warning, color) + ": ",
                      w.stack + " (" + scenario_list(w.scenarios) + "): " + w.warning.message +
                          " [" + w.warning.code + "]",
                      width, 2);
    if (!w.warning.hint.empty()) {
      out += wrap_lines("  " + paint("hint", Tone::hint, color) + ": ", w.warning.hint, width, 8);
    }
  }
  return out;
}

namespace {

using cost::DiffLine;
using cost::ScenarioDiff;
using cost::StackDiff;

std::string side_text(const std::optional<Decimal>& amount, bool missing) {
  return !amount ? "-" : missing ? "missing" : money(*amount);
}

const char* change_name(const DiffLine& l) {
  return !l.before ? "added" : !l.after ? "removed" : l.changed() ? "changed" : "unchanged";
}

/// "scenario base", "scenario spot (only after)".
std::string scenario_title(const ScenarioDiff& sc) {
  return "scenario " + sc.name +
         (!sc.in_before  ? " (only after)"
          : !sc.in_after ? " (only before)"
                         : "");
}

std::string delta_text(const ScenarioDiff& sc) {
  return delta_money(sc.delta, sc.delta.monthly) +
         (sc.delta.percent ? " (" + percent_text(sc.delta) + ")" : "");
}

/// The lines that did not change, as one sentence; empty when every line changed.
std::string unchanged_text(const ScenarioDiff& sc) {
  std::size_t count = 0;
  Decimal sum;
  for (const DiffLine& l : sc.lines) {
    if (!l.changed()) {
      ++count;
      sum += *l.after;
    }
  }
  return count == 0 ? std::string()
                    : std::to_string(count) + (count == 1 ? " line" : " lines") + " unchanged (" +
                          money(sum) + " a month)";
}

std::string diff_table(const StackDiff& d, bool color, std::size_t width) {
  std::ostringstream out;
  out << paint(d.name + " (" + d.region + "): " + d.before_label + " -> " + d.after_label,
               Tone::heading, color)
      << "\n";
  for (const ScenarioDiff& sc : d.scenarios) {
    out << "\n" << paint(scenario_title(sc), Tone::heading, color) << "\n";
    Table t;
    t.right = {false, true, true, true};
    t.rows.push_back({"item", "before", "after", "delta"});
    std::string component;
    for (const DiffLine& l : sc.lines) {
      if (!l.changed()) {
        continue;
      }
      if (l.component != component) {
        component = l.component;
        t.rows.push_back({component, "", "", ""});
      }
      const Decimal delta = l.delta();
      const std::string sign = signed_money(delta);
      t.rows.push_back(
          {"  " + l.description + (l.before ? "" : " (new)") + (l.after ? "" : " (gone)"),
           side_text(l.before, l.before_missing), side_text(l.after, l.after_missing),
           delta.units() > 0   ? paint(sign, Tone::increase, color)
           : delta.units() < 0 ? paint(sign, Tone::decrease, color)
                               : sign});
      if (!l.before_description.empty()) {
        t.rows.push_back({"    was: " + l.before_description, "", "", ""});
      }
    }
    const std::string delta = delta_text(sc);
    const bool up = sc.delta.monthly.units() > 0;
    const bool down = sc.delta.monthly.units() < 0;
    t.rows.push_back({"total" + ((sc.before_missing + sc.after_missing) > 0
                                     ? paint(" (incomplete)", Tone::missing, color)
                                     : std::string()),
                      money(sc.before_monthly), money(sc.after_monthly),
                      up     ? paint(delta, Tone::increase, color)
                      : down ? paint(delta, Tone::decrease, color)
                             : delta});
    if (t.rows.size() == 2) {  // the header and the total: nothing changed
      out << "  no change: " << money(sc.after_monthly) << " a month\n";
      continue;
    }
    out << t.render("  ", width);
    if (std::string same = unchanged_text(sc); !same.empty()) {
      out << "  " << same << "\n";
    }
  }
  out << "\nprices: " << d.catalog_source << ", as of " << d.catalog_as_of
      << "; 730 hours a month\n";
  return out.str();
}

std::string diff_markdown(const StackDiff& d) {
  std::ostringstream out;
  out << "## " << md_cell(d.name) << ": `" << d.before_label << "` → `" << d.after_label << "` ("
      << d.region << ")\n\n";
  out << "| scenario | before | after | delta |\n|---|---:|---:|---:|\n";
  for (const ScenarioDiff& sc : d.scenarios) {
    out << "| " << md_cell(scenario_title(sc).substr(9)) << " | " << money(sc.before_monthly)
        << " | " << money(sc.after_monthly) << " | " << md_cell(delta_text(sc)) << " |\n";
  }
  for (const ScenarioDiff& sc : d.scenarios) {
    out << "\n<details><summary>" << md_cell(sc.name) << ": " << md_cell(delta_text(sc))
        << " a month</summary>\n\n"
        << "| component | resource | item | before | after | delta |\n"
        << "|---|---|---|---:|---:|---:|\n";
    for (const DiffLine& l : sc.lines) {
      if (!l.changed()) {
        continue;
      }
      out << "| " << l.component << " | `" << l.resource << "` | " << md_cell(l.description)
          << (l.before_description.empty() ? "" : "<br>was: " + md_cell(l.before_description))
          << " | " << side_text(l.before, l.before_missing) << " | "
          << side_text(l.after, l.after_missing) << " | " << signed_money(l.delta()) << " |\n";
    }
    out << "| **total** | | | **" << money(sc.before_monthly) << "** | **"
        << money(sc.after_monthly) << "** | **" << md_cell(delta_text(sc)) << "** |\n";
    if (std::string same = unchanged_text(sc); !same.empty()) {
      out << "\n_" << same << "_\n";
    }
    out << "\n</details>\n";
  }
  out << "\n_Prices: " << d.catalog_source << ", as of " << d.catalog_as_of
      << "; 730 hours a month._\n";
  return out.str();
}

std::string diff_csv(const StackDiff& d) {
  std::ostringstream out;
  out << "before,after,stack,scenario,component,resource,description,before_description,"
         "before_monthly,after_monthly,delta_monthly,change,before_price_missing,"
         "after_price_missing\r\n";
  for (const ScenarioDiff& sc : d.scenarios) {
    for (const DiffLine& l : sc.lines) {
      out << csv_field(d.before_label) << ',' << csv_field(d.after_label) << ','
          << csv_field(d.name) << ',' << csv_field(sc.name) << ',' << csv_field(l.component) << ','
          << csv_field(l.resource) << ',' << csv_field(l.description) << ','
          << csv_field(l.before_description) << ','
          << (l.before ? l.before->to_fixed(2) : std::string()) << ','
          << (l.after ? l.after->to_fixed(2) : std::string()) << ',' << l.delta().to_fixed(2) << ','
          << change_name(l) << ',' << (l.before_missing ? "true" : "false") << ','
          << (l.after_missing ? "true" : "false") << "\r\n";
    }
  }
  return out.str();
}

std::string diff_json(const StackDiff& d) {
  ordered_json j;
  j["before"] = d.before_label;
  j["after"] = d.after_label;
  j["name"] = d.name;
  j["region"] = d.region;
  ordered_json scenarios = ordered_json::array();
  for (const ScenarioDiff& sc : d.scenarios) {
    ordered_json s;
    s["name"] = sc.name;
    s["in_before"] = sc.in_before;
    s["in_after"] = sc.in_after;
    s["before_monthly"] = number(sc.before_monthly);
    s["after_monthly"] = number(sc.after_monthly);
    s["delta_monthly"] = number(sc.delta.monthly);
    s["delta_annual"] = number(sc.delta.annual);
    s["delta_percent"] = optional_number(sc.delta.percent);
    s["delta_bound"] = bound_name(sc.delta.bound);
    s["before_missing_prices"] = sc.before_missing;
    s["after_missing_prices"] = sc.after_missing;
    ordered_json lines = ordered_json::array();
    for (const DiffLine& l : sc.lines) {
      ordered_json line;
      line["component"] = l.component;
      line["resource"] = l.resource;
      line["description"] = l.description;
      line["before_description"] =
          l.before_description.empty() ? ordered_json(nullptr) : ordered_json(l.before_description);
      line["before_monthly"] = optional_number(l.before);
      line["after_monthly"] = optional_number(l.after);
      line["delta_monthly"] = number(l.delta());
      line["change"] = change_name(l);
      line["before_price_missing"] = l.before_missing;
      line["after_price_missing"] = l.after_missing;
      lines.push_back(std::move(line));
    }
    s["lines"] = std::move(lines);
    scenarios.push_back(std::move(s));
  }
  j["scenarios"] = std::move(scenarios);
  return j.dump(2) + "\n";
}

}  // namespace

std::string diff_text(std::string_view format, const cost::StackDiff& diff, bool color,
                      std::size_t width) {
  if (format == "json") {
    return diff_json(diff);
  }
  if (format == "markdown") {
    return diff_markdown(diff);
  }
  if (format == "csv") {
    return diff_csv(diff);
  }
  return diff_table(diff, color, width);
}

}  // namespace stackplan::report
