// CloudFormation templates (YAML with short-form intrinsic tags, or JSON) into lint's model.

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "lint/model.hpp"
#include "text/yaml.hpp"

namespace stackplan::lint {

namespace {

constexpr std::size_t k_max_nodes = 1'000'000;
constexpr std::size_t k_max_depth = 200;

struct Failure {
  YAML::Mark mark;
  std::string message;
};

/// Short-form tag -> long-form key ("!Ref" -> "Ref", "!Sub" -> "Fn::Sub").
std::optional<std::string> long_form(const std::string& tag) {
  static const char* const k_functions[] = {
      "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split",
      "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString",
      // The functions of a template's Rules section.
      "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll"};
  if (tag == "!Ref") {
    return "Ref";
  }
  if (tag == "!Condition") {
    return "Condition";
  }
  for (const char* f : k_functions) {
    if (tag == std::string("!") + f) {
      return std::string("Fn::") + f;
    }
  }
  return std::nullopt;
}

/// A plain scalar typed by YAML's core schema; numbers keep the text as written.
Value plain_scalar(const std::string& s) {
  Value v;
  nlohmann::json typed = text::resolve_plain(s);
  if (typed.is_boolean()) {
    v.kind = Value::Kind::boolean;
    v.text = typed.get<bool>() ? "true" : "false";
  } else if (typed.is_null()) {
    v.kind = Value::Kind::null;
  } else {
    v.kind = typed.is_number() ? Value::Kind::number : Value::Kind::string;
    v.text = s;
  }
  return v;
}

class Builder : public YAML::EventHandler {
 public:
  explicit Builder(const SourceFile* file) : m_file(file) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Value v;
    place(v, mark);
    add(std::move(v), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
      throw Failure{mark, "unknown alias"};
    }
    count(mark, 1 + size_of(it->second));
    add(it->second, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    count(mark, 1);
    Value v;
    if (tag == "?") {
      v = plain_scalar(value);
    } else if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      v.kind = Value::Kind::string;
      v.text = value;
    } else if (auto fn = long_form(tag)) {
      Value arg;
      if (*fn == "Fn::GetAtt") {
        // !GetAtt Resource.Attribute -> [Resource, Attribute]
        arg.kind = Value::Kind::list;
        auto dot = value.find('.');
        Value a;
        a.kind = Value::Kind::string;
        a.text = value.substr(0, dot);
        place(a, mark);
        arg.items.push_back(a);
        if (dot != std::string::npos) {
          a.text = value.substr(dot + 1);
          arg.items.push_back(a);
        }
      } else {
        arg = plain_scalar(value);
        if (arg.kind != Value::Kind::string) {
          arg.kind = Value::Kind::string;
          arg.text = value;
        }
      }
      place(arg, mark);
      v.kind = Value::Kind::object;
      v.fields.emplace_back(*fn, std::move(arg));
    } else if (tag.rfind("tag:yaml.org,2002:", 0) == 0) {
      v = plain_scalar(value);
    } else {
      throw Failure{mark, "unknown tag '" + tag + "'"};
    }
    place(v, mark);
    add(std::move(v), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, Value::Kind::list);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, Value::Kind::object);
  }
  void OnMapEnd() override { close(); }

  std::optional<Value> take() { return std::move(m_root); }

 private:
  struct Frame {
    Value value;
    YAML::anchor_t anchor = 0;
    std::string function;  ///< long-form name when the collection carried a short-form tag
    std::optional<std::string> key;
    int key_line = 0;
    int key_col = 0;
    YAML::Mark mark;
  };

  void place(Value& v, const YAML::Mark& mark) const {
    v.file = m_file;
    v.line = mark.line + 1;
    v.col = mark.column + 1;
  }

  static std::size_t size_of(const Value& v) {
    std::size_t n = 1;
    for (const auto& i : v.items) {
      n += size_of(i);
    }
    for (const auto& [k, f] : v.fields) {
      n += size_of(f);
    }
    return n;
  }

  void count(const YAML::Mark& mark, std::size_t n) {
    m_nodes += n;
    if (m_nodes > k_max_nodes) {
      throw Failure{mark, "more than a million values (after expanding aliases)"};
    }
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            Value::Kind kind) {
    count(mark, 1);
    if (m_stack.size() >= k_max_depth) {
      throw Failure{mark, "nested more than 200 levels deep"};
    }
    Frame f;
    f.anchor = anchor;
    f.mark = mark;
    f.value.kind = kind;
    place(f.value, mark);
    if (tag != "?" && tag != "!" && !tag.empty() && tag.rfind("tag:yaml.org,2002:", 0) != 0) {
      auto fn = long_form(tag);
      if (!fn) {
        throw Failure{mark, "unknown tag '" + tag + "'"};
      }
      f.function = *fn;
    }
    m_stack.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(m_stack.back());
    m_stack.pop_back();
    Value v = std::move(f.value);
    if (!f.function.empty()) {
      Value wrapper;
      wrapper.kind = Value::Kind::object;
      wrapper.file = v.file;
      wrapper.line = v.line;
      wrapper.col = v.col;
      wrapper.fields.emplace_back(f.function, std::move(v));
      v = std::move(wrapper);
    }
    add(std::move(v), f.anchor);
  }

  void add(Value v, YAML::anchor_t anchor) {
    if (anchor != 0) {
      m_anchors[anchor] = v;
    }
    if (m_stack.empty()) {
      m_root = std::move(v);
      return;
    }
    Frame& top = m_stack.back();
    if (top.value.kind == Value::Kind::list) {
      top.value.items.push_back(std::move(v));
    } else if (!top.key) {
      if (!v.is_scalar() && !v.is_null()) {
        throw Failure{YAML::Mark(), "a mapping key must be a plain value"};
      }
      for (const auto& [k, existing] : top.value.fields) {
        if (k == v.text) {
          std::ostringstream msg;
          msg << "duplicate key '" << v.text << "' (first at line " << existing.line << ")";
          YAML::Mark m;
          m.line = v.line - 1;
          m.column = v.col - 1;
          throw Failure{m, msg.str()};
        }
      }
      top.key = v.text;
      top.key_line = v.line;
      top.key_col = v.col;
    } else {
      v.key_line = top.key_line;
      v.key_col = top.key_col;
      top.value.fields.emplace_back(std::move(*top.key), std::move(v));
      top.key.reset();
    }
  }

  const SourceFile* m_file;
  std::vector<Frame> m_stack;
  std::optional<Value> m_root;
  std::unordered_map<YAML::anchor_t, Value> m_anchors;
  std::size_t m_nodes = 0;
};

bool looks_like_template(const Value& root) {
  if (!root.is_object()) {
    return false;
  }
  if (root.get("AWSTemplateFormatVersion") != nullptr) {
    return true;
  }
  const Value* resources = root.get("Resources");
  if (resources == nullptr || !resources->is_object()) {
    return false;
  }
  for (const auto& [id, r] : resources->fields) {
    const Value* type = r.get("Type");
    if (type != nullptr && type->text.find("::") != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') {
    ++n;
  }
  return n;
}

/// The text with every short-form tag whose plain scalar continues on the next lines
/// (`!Sub first line` then `  second line`) turned into a double-quoted scalar over the same
/// lines: valid YAML that yaml-cpp cannot read as written, with the same value (both fold the
/// line breaks into spaces) and every line where it was. Empty when there is none.
std::string quote_tagged_multiline_scalars(const std::string& text) {
  static const std::regex tagged(
      R"re(^( *(?:- +)?(?:[^\s#'"][^:#]*: +)?!\w+ +)([^\s\[\{"'|>&*!#][^#]*?) *$)re");
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  bool changed = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::smatch m;
    // std::regex recurses per character: long lines are left as they are.
    if (lines[i].size() > 1000 || lines[i].find('!') == std::string::npos ||
        !std::regex_match(lines[i], m, tagged)) {
      continue;
    }
    // Continuation lines are indented deeper than the key the scalar belongs to: the key on
    // this line, or, for a tag on a line of its own, the key on the line above.
    std::size_t indent = indent_of(lines[i]);
    if (m[1].str().find(':') == std::string::npos && m[1].str().find("- ") == std::string::npos) {
      for (std::size_t k = i; k-- > 0;) {
        if (indent_of(lines[k]) < lines[k].size()) {
          indent = std::min(indent, indent_of(lines[k]));
          break;
        }
      }
    }
    std::size_t last = i;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view next = lines[j];
      const std::size_t at = indent_of(next);
      if (at == next.size() || at <= indent || next[at] == '#' || next.substr(at, 2) == "- " ||
          next.find(": ") != std::string_view::npos || next.find(" #") != std::string_view::npos) {
        break;
      }
      last = j;
    }
    if (last == i) {
      continue;
    }
    auto escaped = [](const std::string& part) {
      std::string out;
      for (char c : part) {
        if (c == '"' || c == '\\') {
          out += '\\';
        }
        out += c;
      }
      return out;
    };
    lines[i] = m[1].str() + "\"" + escaped(m[2].str());
    for (std::size_t j = i + 1; j <= last; ++j) {
      const std::size_t at = indent_of(lines[j]);
      lines[j] = lines[j].substr(0, at) + escaped(lines[j].substr(at)) + (j == last ? "\"" : "");
    }
    changed = true;
    i = last;
  }
  if (!changed) {
    return {};
  }
  std::string out;
  for (const auto& line : lines) {
    out += line + '\n';
  }
  return out;
}

/// `value` where `at` is written (what a rule reports points at the reference).
Value placed_at(Value value, const Value& at) {
  value.file = at.file;
  value.line = at.line;
  value.col = at.col;
  return value;
}

/// Replaces every `Ref` of a parameter that has a Default by that default, where the `Ref` is
/// written and naming the parameter (`via_default`): rules read what the stack gets unless the
/// deployer passes another value, as they read a Terraform variable's default.
void bind_parameters(Value& v, const std::map<std::string, Value>& parameters) {
  if (v.is_object() && v.fields.size() == 1 && v.fields[0].first == "Ref" &&
      v.fields[0].second.is_scalar()) {
    auto it = parameters.find(v.fields[0].second.text);
    const Value* def = it == parameters.end() ? nullptr : it->second.get("Default");
    if (def != nullptr && (def->is_scalar() || def->is_list())) {
      Value bound = placed_at(*def, v);
      bound.via_default = it->first;
      v = std::move(bound);
    }
    return;
  }
  for (auto& field : v.fields) {
    bind_parameters(field.second, parameters);
  }
  for (auto& item : v.items) {
    bind_parameters(item, parameters);
  }
}

/// Puts one element of an `Fn::ForEach` loop where the template names its identifier:
/// `{"Ref": identifier}` becomes the element, and `${identifier}` / `&{identifier}` in strings
/// (Fn::Sub text, logical ids) its text. An unknown element leaves the Refs unknown.
void substitute(Value& v, const std::string& identifier, const Value& element) {
  if (v.is_object() && v.fields.size() == 1 && v.fields[0].first == "Ref" &&
      v.fields[0].second.is_scalar() && v.fields[0].second.text == identifier) {
    v = placed_at(element, v);
    return;
  }
  if (v.kind == Value::Kind::string && element.is_scalar()) {
    for (const std::string& mark : {"${" + identifier + "}", "&{" + identifier + "}"}) {
      for (auto at = v.text.find(mark); at != std::string::npos; at = v.text.find(mark, at)) {
        v.text.replace(at, mark.size(), element.text);
        at += element.text.size();
      }
    }
  }
  for (auto& field : v.fields) {
    substitute(field.second, identifier, element);
  }
  for (auto& item : v.items) {
    substitute(item, identifier, element);
  }
}

/// The resources a `Resources` section (or an Fn::ForEach output) declares, with Fn::ForEach
/// loops (AWS::LanguageExtensions) expanded: once per element of a collection known here (at
/// most 100), and once with the identifier unknown otherwise.
void expand_resources(const Value& resources, const std::map<std::string, Value>& parameters,
                      std::vector<std::pair<std::string, Value>>& out, std::size_t& budget,
                      int depth = 0) {
  for (const auto& [id, body] : resources.fields) {
    if (budget == 0) {
      return;
    }
    --budget;
    if (id.rfind("Fn::ForEach::", 0) != 0) {
      out.emplace_back(id, body);
      continue;
    }
    if (depth >= 5 || !body.is_list() || body.items.size() != 3 || !body.items[0].is_scalar() ||
        !body.items[2].is_object()) {
      continue;
    }
    const std::string& identifier = body.items[0].text;
    // A collection from a parameter's default: a list, or a CommaDelimitedList's text.
    Value collection = body.items[1];
    bind_parameters(collection, parameters);
    if (collection.kind == Value::Kind::string && !collection.via_default.empty()) {
      Value list = collection;
      list.kind = Value::Kind::list;
      list.text.clear();
      std::istringstream parts(collection.text);
      for (std::string part; std::getline(parts, part, ',');) {
        Value e = collection;
        e.text = part;
        list.items.push_back(std::move(e));
      }
      collection = std::move(list);
    }
    // Each element, a non-scalar one unknown; an unknown collection is one unknown element.
    Value unknown = placed_at(Value{}, collection);
    unknown.kind = Value::Kind::unknown;
    std::vector<Value> elements;
    if (collection.is_list() && collection.items.size() <= 100) {
      for (const Value& e : collection.items) {
        elements.push_back(e.is_scalar() ? e : unknown);
      }
    } else {
      elements.push_back(unknown);
    }
    for (const Value& element : elements) {
      if (budget == 0) {
        return;
      }
      Value output = body.items[2];
      std::vector<std::pair<std::string, Value>> inner;
      expand_resources(output, parameters, inner, budget, depth + 1);
      for (auto& [inner_id, inner_body] : inner) {
        Value name;
        name.kind = Value::Kind::string;
        name.text = inner_id;
        substitute(name, identifier, element);
        substitute(inner_body, identifier, element);
        out.emplace_back(name.text, std::move(inner_body));
      }
    }
  }
}

bool is_no_value(const Value& v) {
  return v.is_object() && v.fields.size() == 1 && v.fields[0].first == "Ref" &&
         v.fields[0].second.is_scalar() && v.fields[0].second.text == "AWS::NoValue";
}

/// `Fn::If: [condition, when_true, when_false]` as written, or null.
const Value* if_branches(const Value& v) {
  if (v.is_object() && v.fields.size() == 1 && v.fields[0].first == "Fn::If" &&
      v.fields[0].second.is_list() && v.fields[0].second.items.size() == 3) {
    return &v.fields[0].second;
  }
  return nullptr;
}

bool uses_if(const Value& v) {
  if (if_branches(v) != nullptr) {
    return true;
  }
  for (const auto& f : v.fields) {
    if (uses_if(f.second)) {
      return true;
    }
  }
  for (const auto& i : v.items) {
    if (uses_if(i)) {
      return true;
    }
  }
  return false;
}

/// Replaces every Fn::If by the branch `taken` (1: true, 2: false), nested ones too; returns
/// false when the value itself is to be removed (the branch is AWS::NoValue).
bool take_branch(Value& v, std::size_t taken) {
  for (int guard = 0; guard < 64; ++guard) {
    const Value* branches = if_branches(v);
    if (branches == nullptr) {
      break;
    }
    Value chosen = branches->items[taken];
    v = std::move(chosen);
  }
  if (is_no_value(v)) {
    return false;
  }
  for (auto it = v.fields.begin(); it != v.fields.end();) {
    it = take_branch(it->second, taken) ? it + 1 : v.fields.erase(it);
  }
  for (auto it = v.items.begin(); it != v.items.end();) {
    it = take_branch(*it, taken) ? it + 1 : v.items.erase(it);
  }
  return true;
}

/// Parses `text` into `builder`; the problem, if any.
std::optional<Failure> parse_into(const std::string& text, Builder& builder) {
  std::istringstream in(text);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const Failure& f) {
    return f;
  } catch (const YAML::Exception& e) {
    return Failure{e.mark, e.msg};
  }
  return std::nullopt;
}

}  // namespace

std::vector<Module> condition_readings(const Module& m) {
  const bool any = std::any_of(m.resources.begin(), m.resources.end(),
                               [](const Resource& r) { return uses_if(r.body); });
  if (!any) {
    return {};
  }
  std::vector<Module> out;
  for (std::size_t taken : {1u, 2u}) {
    Module reading = m;
    for (auto& r : reading.resources) {
      if (!take_branch(r.body, taken)) {
        r.body = Value{};
        r.body.kind = Value::Kind::object;
      }
    }
    out.push_back(std::move(reading));
  }
  return out;
}

std::optional<Module> load_cloudformation(const std::shared_ptr<const SourceFile>& file,
                                          std::vector<Diagnostic>& errors) {
  auto builder = std::make_unique<Builder>(file.get());
  if (auto failure = parse_into(file->text(), *builder)) {
    // Valid YAML that yaml-cpp cannot read: a tag before a plain scalar over several lines.
    const std::string repaired = quote_tagged_multiline_scalars(file->text());
    builder = std::make_unique<Builder>(file.get());
    if (repaired.empty() || parse_into(repaired, *builder)) {
      errors.push_back(
          syntax_error(file, failure->mark.line + 1, failure->mark.column + 1, failure->message));
      return std::nullopt;
    }
  }
  std::optional<Value> root = builder->take();
  if (!root || !looks_like_template(*root)) {
    return std::nullopt;
  }

  Module m;
  m.format = Format::cloudformation;
  m.name = file->path();
  m.files.push_back(file);
  if (const Value* params = root->get("Parameters"); params && params->is_object()) {
    for (const auto& [name, p] : params->fields) {
      m.parameters[name] = p;
    }
  }
  const Value* resources = root->get("Resources");
  if (resources == nullptr || !resources->is_object()) {
    return m;
  }
  std::vector<std::pair<std::string, Value>> declared;
  // Nested loops multiply: past this many resources and loops, the rest are left out.
  std::size_t budget = 10000;
  expand_resources(*resources, m.parameters, declared, budget);
  for (const auto& [id, body] : declared) {
    Resource r;
    r.address = id;
    r.name = id;
    r.file = file.get();
    r.line = body.key_line > 0 ? body.key_line : body.line;
    r.col = body.key_line > 0 ? body.key_col : body.col;
    if (const Value* type = body.get("Type"); type && type->is_scalar()) {
      r.type = type->text;
    }
    if (const Value* props = body.get("Properties"); props && props->is_object()) {
      r.body = *props;
      bind_parameters(r.body, m.parameters);
    } else {
      r.body.kind = Value::Kind::object;
      r.body.file = file.get();
      r.body.line = body.line;
      r.body.col = body.col;
    }
    if (const Value* md = body.get("Metadata")) {
      r.metadata = *md;
    }
    if (const Value* dp = body.get("DeletionPolicy")) {
      r.deletion_policy = dp->is_scalar() ? dp->text : "";
      r.deletion_policy_known = dp->is_scalar();
    }
    // Metadata: {stackplan: {ignore: [{rule: ..., reason: ...}]}}
    if (const Value* ignore = r.metadata.at({"stackplan", "ignore"})) {
      for (const Value* entry : ignore->as_list()) {
        Suppression s;
        s.file = file.get();
        s.line = entry->line;
        s.col = entry->col;
        if (const Value* rule = entry->get("rule")) {
          for (const Value* one : rule->as_list()) {
            if (one->is_scalar()) {
              s.rules.push_back(one->text);
            }
          }
        }
        if (const Value* reason = entry->get("reason"); reason && reason->is_scalar()) {
          s.reason = reason->text;
        }
        r.suppressions.push_back(std::move(s));
      }
    }
    m.resources.push_back(std::move(r));
  }
  return m;
}

}  // namespace stackplan::lint
