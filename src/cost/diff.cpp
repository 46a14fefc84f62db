#include "cost/diff.hpp"

#include <map>
#include <tuple>

namespace stackplan::cost {

Decimal DiffLine::delta() const {
  return after.value_or(Decimal()) - before.value_or(Decimal());
}

bool DiffLine::changed() const {
  return !before || !after || *before != *after || before_missing != after_missing ||
         !before_description.empty();
}

namespace {

/// A line of the diff with what `item` gives it: the after side, or the before side.
DiffLine line_of(const model::LineItem& item, bool after) {
  DiffLine line;
  line.component = item.component;
  line.resource = item.resource;
  line.description = item.description;
  (after ? line.after : line.before) = line_cents(item);
  (after ? line.after_missing : line.before_missing) = item.missing;
  return line;
}

}  // namespace

ScenarioDiff diff_scenarios(const std::string& name, const ScenarioPlan* before,
                            const ScenarioPlan* after) {
  static const ScenarioPlan k_none;
  ScenarioDiff out;
  out.name = name;
  out.in_before = before != nullptr;
  out.in_after = after != nullptr;
  const ScenarioPlan& b = before != nullptr ? *before : k_none;
  const ScenarioPlan& a = after != nullptr ? *after : k_none;

  using Key = std::tuple<std::string, std::string, std::string, std::size_t>;
  auto keys_of = [](const ScenarioPlan& plan) {
    std::vector<Key> keys;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
    for (const auto& item : plan.items) {
      auto base = std::make_tuple(item.component, item.resource, item.unit);
      keys.emplace_back(item.component, item.resource, item.unit, seen[base]++);
    }
    return keys;
  };
  const std::vector<Key> before_keys = keys_of(b);
  const std::vector<Key> after_keys = keys_of(a);
  std::map<Key, std::size_t> before_at;
  for (std::size_t i = 0; i < before_keys.size(); ++i) {
    before_at[before_keys[i]] = i;
  }
  std::vector<bool> matched(b.items.size(), false);
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const model::LineItem& item = a.items[i];
    DiffLine line = line_of(item, true);
    if (auto found = before_at.find(after_keys[i]); found != before_at.end()) {
      const model::LineItem& old = b.items[found->second];
      matched[found->second] = true;
      line.before = line_cents(old);
      line.before_missing = old.missing;
      if (old.description != item.description) {
        line.before_description = old.description;
      }
    }
    out.lines.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < b.items.size(); ++i) {
    if (matched[i]) {
      continue;
    }
    out.lines.push_back(line_of(b.items[i], false));
  }
  out.before_monthly = b.monthly;
  out.after_monthly = a.monthly;
  out.before_missing = b.missing;
  out.after_missing = a.missing;
  ScenarioPlan from;
  from.name = "before";
  from.monthly = b.monthly;
  from.missing = b.missing;
  ScenarioPlan to;
  to.name = "after";
  to.monthly = a.monthly;
  to.missing = a.missing;
  out.delta = deltas_against({from, to}, "before").front();
  return out;
}

}  // namespace stackplan::cost
