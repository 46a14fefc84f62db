#include "lint/rules.hpp"

#include "base/ascii.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "text/yaml.hpp"

namespace stackplan::lint {

void Reporter::at(const Resource& r, const Value* where, std::string message) {
  at(r, where, std::move(message), m_rule.severity);
}

void Reporter::at(const Resource& r, const Value* where, std::string message, Severity severity) {
  const SourceFile* file = r.file;
  int line = r.line;
  int col = r.col;
  if (where != nullptr && where->file != nullptr && where->line > 0) {
    file = where->file;
    line = where->line;
    col = where->col;
    // A block collection starts on the line after its key; point at the key.
    if ((where->is_list() || where->is_object()) && where->key_line > 0) {
      line = where->key_line;
      col = where->key_col;
    }
  }
  Finding f = make_finding(std::string(m_rule.id), severity, m_module.shared(file), line, col,
                           std::move(message), hint());
  f.resource = r.address;
  m_out.push_back(std::move(f));
}

void Reporter::at_parameter(const std::string& name, std::string message) {
  at_parameter(name, std::move(message), m_rule.severity);
}

void Reporter::at_parameter(const std::string& name, std::string message, Severity severity) {
  // A parameter's key position is where it is declared.
  const Value* p = nullptr;
  if (auto it = m_module.parameters.find(name); it != m_module.parameters.end()) {
    p = &it->second;
  }
  Finding f = make_finding(std::string(m_rule.id), severity, p ? m_module.shared(p->file) : nullptr,
                           p ? p->key_line : 0, p ? p->key_col : 0, std::move(message), hint());
  f.resource = (terraform() ? "var." : "") + name;
  m_out.push_back(std::move(f));
}

Finding make_finding(const std::string& rule, Severity severity,
                     std::shared_ptr<const SourceFile> file, int line, int col, std::string message,
                     std::string hint) {
  Finding f;
  f.code = rule;
  f.severity = severity;
  f.loc = SourceLoc{std::move(file), line, col, 0};
  f.message = std::move(message);
  f.hint = std::move(hint);
  return f;
}

// Each defined in its own kind's folder, src/kinds/<kind>/lint.cpp.
void add_elasticache_rules(std::vector<Rule>& out);
void add_s3_rules(std::vector<Rule>& out);
void add_rds_rules(std::vector<Rule>& out);
void add_ecs_rules(std::vector<Rule>& out);
void add_ec2_rules(std::vector<Rule>& out);
void add_load_balancer_rules(std::vector<Rule>& out);

const std::vector<Rule>& rules() {
  static const std::vector<Rule> k_rules = [] {
    std::vector<Rule> all;
    add_s3_rules(all);
    add_iam_rules(all);
    add_rds_rules(all);
    add_elasticache_rules(all);
    add_ecs_rules(all);
    add_ec2_rules(all);
    add_network_rules(all);
    add_load_balancer_rules(all);
    add_misc_rules(all);
    std::sort(all.begin(), all.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
    return all;
  }();
  return k_rules;
}

const Rule* find_rule(std::string_view id) {
  for (const auto& r : rules()) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

std::string label(const Resource& r) {
  return "'" + r.address + "'";
}

bool is_true(const Value* v) {
  return v != nullptr && v->as_bool() == true;
}

bool is_false(const Value* v) {
  return v != nullptr && v->as_bool() == false;
}

std::string reference_of(const Value* v) {
  if (v == nullptr) {
    return {};
  }
  if (!v->ref.empty()) {
    return v->ref;
  }
  if (v->is_object() && v->fields.size() == 1) {
    const auto& [k, arg] = v->fields[0];
    if (k == "Ref" && arg.is_scalar()) {
      return arg.text;
    }
    if (k == "Fn::GetAtt") {
      if (arg.is_list() && !arg.items.empty() && arg.items[0].is_scalar()) {
        return arg.items[0].text;
      }
      if (arg.is_scalar()) {
        return arg.text.substr(0, arg.text.find('.'));
      }
    }
  }
  return {};
}

bool refers_to(std::string_view ref, const Resource& target) {
  if (ref.empty()) {
    return false;
  }
  if (ref == target.address) {
    return true;
  }
  // An element of a for_each resource (aws_s3_bucket.logs["a"]): references name the resource
  // without the key (aws_s3_bucket.logs[each.key]).
  const std::string_view address = target.address;
  const auto bracket = address.find('[');
  return bracket != std::string_view::npos && address.back() == ']' &&
         ref == address.substr(0, bracket);
}

std::vector<const Resource*> referring(const Module& m, std::string_view type,
                                       std::string_view attribute, const Resource& target) {
  std::vector<const Resource*> out;
  for (const Resource* r : m.of_type(type)) {
    if (refers_to(reference_of(r->body.get(attribute)), target)) {
      out.push_back(r);
    }
  }
  return out;
}

bool is_intrinsic(const Value* v) {
  if (v == nullptr || !v->is_object() || v->fields.size() != 1) {
    return false;
  }
  const std::string& k = v->fields[0].first;
  return k == "Ref" || k == "Condition" || k.rfind("Fn::", 0) == 0;
}

const Value* resolve_parameter(const Value* v, std::string* via) {
  if (v == nullptr) {
    return nullptr;
  }
  if (via != nullptr) {
    *via = v->via_default;
  }
  return v;
}

}  // namespace stackplan::lint

namespace stackplan::lint {

namespace {

Value from_json(const nlohmann::json& j, const Value& at) {
  Value v;
  v.file = at.file;
  v.line = at.line;
  v.col = at.col;
  if (j.is_object()) {
    v.kind = Value::Kind::object;
    for (const auto& [k, x] : j.items()) {
      v.fields.emplace_back(k, from_json(x, at));
    }
  } else if (j.is_array()) {
    v.kind = Value::Kind::list;
    for (const auto& x : j) {
      v.items.push_back(from_json(x, at));
    }
  } else if (j.is_string()) {
    v.kind = Value::Kind::string;
    v.text = j.get<std::string>();
    // An interpolation the template left open: unknown, written as in the file.
    if (v.text.find(k_unknown_mark) != std::string::npos) {
      v.kind = Value::Kind::unknown;
      for (auto mark = v.text.find(k_unknown_mark); mark != std::string::npos;
           mark = v.text.find(k_unknown_mark, mark)) {
        v.text.erase(mark, k_unknown_mark.size());
      }
    }
  } else if (j.is_boolean()) {
    v.kind = Value::Kind::boolean;
    v.text = j.get<bool>() ? "true" : "false";
  } else if (j.is_number()) {
    v.kind = Value::Kind::number;
    v.text = j.dump();
  }
  return v;
}

/// Whether JSON text nests arrays and objects deeper than `limit` (strings skipped), checked
/// before parsing so that hostile input never reaches the recursive conversion.
bool nested_deeper_than(const std::string& text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) {
        return true;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::optional<Value> parse_json_string(const Value& v) {
  const bool partial = v.kind == Value::Kind::unknown && !v.template_text.empty();
  if (v.kind != Value::Kind::string && !partial) {
    return std::nullopt;
  }
  const std::string& text = partial ? v.template_text : v.text;
  // The nesting limit of every parser of untrusted text (YAML's, here for JSON in a string).
  if (nested_deeper_than(text, text::ParseLimits{}.max_depth)) {
    return std::nullopt;
  }
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    return std::nullopt;
  }
  return from_json(j, v);
}

Policy policy_of(const Value* v) {
  Policy p;
  if (v == nullptr) {
    return p;
  }
  if (v->kind == Value::Kind::string || !v->template_text.empty()) {
    if (auto parsed = parse_json_string(*v); parsed && parsed->is_object()) {
      p.owned = std::move(*parsed);
      p.doc = &p.owned;
    }
    return p;
  }
  if (v->is_object()) {
    p.doc = v;
  }
  return p;
}

std::vector<const Value*> statements(const Policy& p) {
  std::vector<const Value*> out;
  if (p.doc == nullptr) {
    return out;
  }
  for (const Value* s :
       p.doc->get("Statement") ? p.doc->get("Statement")->as_list() : std::vector<const Value*>{}) {
    if (s->is_object()) {
      out.push_back(s);
    }
  }
  return out;
}

bool allows(const Value& statement) {
  const Value* effect = statement.get("Effect");
  return effect == nullptr || (effect->is_scalar() && effect->text == "Allow");
}

std::vector<const Value*> strings(const Value* v) {
  std::vector<const Value*> out;
  if (v == nullptr) {
    return out;
  }
  for (const Value* item : v->as_list()) {
    if (item->is_scalar()) {
      out.push_back(item);
    }
  }
  return out;
}

bool principal_everyone(const Value& statement) {
  const Value* p = statement.get("Principal");
  if (p == nullptr) {
    return false;
  }
  if (p->is_scalar()) {
    return p->text == "*";
  }
  // {"AWS": "*"}, and aws_iam_policy_document's principals { type = "*" identifiers = ["*"] }.
  for (const char* type : {"AWS", "*"}) {
    for (const Value* s : strings(p->get(type))) {
      if (s->text == "*") {
        return true;
      }
    }
  }
  return false;
}

bool whole_internet(std::string_view cidr) {
  // Prefix length 0 covers every address, however the address is written (0.0.0.0/0, ::/0,
  // 0000:0000:0000:0000:0000:0000:0000:0000/0).
  const auto slash = cidr.rfind('/');
  return slash != std::string_view::npos && slash > 0 && cidr.substr(slash) == "/0" &&
         cidr.find_first_not_of("0123456789abcdefABCDEF.:") == slash;
}

namespace {

/// A condition value that matches anyone: "*", the whole IPv4 or IPv6 internet, an IAM or STS
/// ARN in any account ("arn:aws:iam::*:role/x": anyone can make that role), or an ARN whose
/// fields after the service are all empty or "*".
bool matches_anyone(const Value& v) {
  if (!v.is_scalar()) {
    return false;
  }
  const std::string& t = v.text;
  if (t == "*" || whole_internet(t)) {
    return true;
  }
  if (t.rfind("arn:", 0) != 0) {
    return false;
  }
  std::vector<std::string> fields;
  for (std::size_t start = 0;;) {
    const auto colon = t.find(':', start);
    fields.push_back(t.substr(start, colon == std::string::npos ? colon : colon - start));
    if (colon == std::string::npos || fields.size() == 6) {
      if (colon != std::string::npos) {
        fields.back() = t.substr(start);
      }
      break;
    }
    start = colon + 1;
  }
  auto open = [](const std::string& f) { return f.empty() || f == "*"; };
  if (fields.size() > 4 && (fields[2] == "iam" || fields[2] == "sts") && open(fields[4])) {
    return true;
  }
  for (std::size_t i = 3; i < fields.size(); ++i) {
    if (!open(fields[i])) {
      return false;
    }
  }
  return true;
}

/// Whether one test of a condition limits who the statement applies to. A negated operator
/// (StringNotEquals, ArnNotLike, NotIpAddress, ...) only leaves some out, and aws:SecureTransport
/// says how, not who: neither does.
bool test_restricts(std::string_view op, std::string_view key, const Value* values) {
  if (values == nullptr || !values->is_known() || is_intrinsic(values)) {
    return true;  // not known here: never guessed open
  }
  if (op.find("Not") != std::string_view::npos) {
    return false;
  }
  if (ascii_lower(key) == "aws:securetransport") {
    return false;
  }
  for (const Value* one : values->as_list()) {
    if (!matches_anyone(*one)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool condition_restricts(const Value* condition) {
  if (condition == nullptr || condition->is_null()) {
    return false;
  }
  if (!condition->is_known() || is_intrinsic(condition)) {
    return true;  // not known here: never guessed open
  }
  // Terraform's aws_iam_policy_document: a list of {test, variable, values}.
  if (condition->is_list()) {
    for (const auto& c : condition->items) {
      const Value* test = c.get("test");
      const Value* variable = c.get("variable");
      if (test == nullptr || variable == nullptr || !test->is_scalar() || !variable->is_scalar() ||
          test_restricts(test->text, variable->text, c.get("values"))) {
        return true;
      }
    }
    return false;
  }
  // JSON: {"Operator": {"key": value or [values]}}.
  for (const auto& [op, keys] : condition->fields) {
    if (!keys.is_object()) {
      return true;
    }
    for (const auto& [key, values] : keys.fields) {
      if (test_restricts(op, key, &values)) {
        return true;
      }
    }
  }
  return false;
}

bool mentions(const Value* v, std::string_view needle) {
  if (v == nullptr) {
    return false;
  }
  if ((v->is_scalar() || v->kind == Value::Kind::unknown) &&
      v->text.find(needle) != std::string::npos) {
    return true;
  }
  for (const auto& i : v->items) {
    if (mentions(&i, needle)) {
      return true;
    }
  }
  for (const auto& [k, f] : v->fields) {
    if (k.find(needle) != std::string::npos || mentions(&f, needle)) {
      return true;
    }
  }
  return false;
}

bool fully_known(const Value* v) {
  if (v == nullptr || !v->is_known() || is_intrinsic(v)) {
    return false;
  }
  for (const auto& i : v->items) {
    if (!fully_known(&i)) {
      return false;
    }
  }
  for (const auto& [k, f] : v->fields) {
    if (!fully_known(&f)) {
      return false;
    }
  }
  return true;
}

std::string all_text(const Value* v) {
  std::string out;
  if (v == nullptr) {
    return out;
  }
  if (v->is_scalar() || v->kind == Value::Kind::unknown) {
    out += v->text + "\n";
  }
  for (const auto& i : v->items) {
    out += all_text(&i);
  }
  for (const auto& [k, f] : v->fields) {
    out += all_text(&f);
  }
  return out;
}

}  // namespace stackplan::lint
