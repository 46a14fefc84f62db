#include "render/templates.hpp"

#include <algorithm>
#include <filesystem>

// kainjow's mustache.hpp makes GCC 12 report a "potential null pointer dereference" inside the
// standard library at -O2 (a false positive in code that is not ours).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <kainjow/mustache.hpp>

#include "base/file.hpp"
#include "base/spelling.hpp"

namespace stackplan::render {

namespace mustache = kainjow::mustache;
namespace fs = std::filesystem;

struct EmbeddedTemplate {
  const char* name;
  const char* text;
};
// Generated from templates/ by cmake/EmbedTemplates.cmake, sorted by name.
extern const EmbeddedTemplate k_templates[];
extern const std::size_t k_template_count;

namespace {

constexpr std::string_view k_suffix = ".mustache";

const EmbeddedTemplate* embedded(const std::string& name) {
  auto end = k_templates + k_template_count;
  auto it = std::lower_bound(
      k_templates, end, name,
      [](const EmbeddedTemplate& t, const std::string& n) { return std::string_view(t.name) < n; });
  return it != end && name == it->name ? it : nullptr;
}

}  // namespace

Diagnostic text_problem(const std::string& origin, const std::string& text, std::size_t offset,
                        std::string message) {
  Diagnostic d;
  d.code = k_template_error;
  d.message = std::move(message);
  if (offset == std::string::npos) {
    d.loc.where = origin;
    return d;
  }
  auto file = std::make_shared<const SourceFile>(origin, text);
  auto [line, col] = file->position(offset);
  d.loc = SourceLoc{std::move(file), line, col, 0};
  return d;
}

namespace {

struct Tag {
  char type = 0;  ///< 0 variable, or one of # ^ / & ! > = {
  std::string name;
  std::size_t offset = 0;

  /// A variable or section: a tag that looks a name up in the view data.
  bool looks_up() const {
    return std::string_view("!=>").find(type) == std::string_view::npos && name != ".";
  }
  /// The first part of a dotted name: what must exist in the data.
  std::string root() const { return name.substr(0, name.find('.')); }
};

/// The tags of a template, or the offset of an unterminated one.
std::vector<Tag> tags_of(const std::string& text, std::optional<std::size_t>& unclosed) {
  std::vector<Tag> tags;
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    Tag tag;
    tag.offset = pos;
    std::size_t start = pos + 2;
    std::string close = "}}";
    if (start < text.size() && text[start] == '{') {
      tag.type = '{';
      ++start;
      close = "}}}";
    }
    std::size_t end = text.find(close, start);
    if (end == std::string::npos) {
      unclosed = pos;
      return tags;
    }
    std::string body = text.substr(start, end - start);
    std::size_t b = body.find_first_not_of(" \t");
    body = b == std::string::npos ? "" : body.substr(b);
    if (tag.type == 0 && !body.empty() &&
        std::string_view("#^/&!>=").find(body[0]) != std::string_view::npos) {
      tag.type = body[0];
      body = body.substr(1);
    }
    std::size_t first = body.find_first_not_of(" \t");
    std::size_t last = body.find_last_not_of(" \t");
    tag.name = first == std::string::npos ? "" : body.substr(first, last - first + 1);
    tags.push_back(tag);
    pos = end + close.size();
  }
  return tags;
}

void collect_keys(const nlohmann::json& j, std::set<std::string>& keys) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      keys.insert(it.key());
      collect_keys(it.value(), keys);
    }
  } else if (j.is_array()) {
    for (const auto& e : j) {
      collect_keys(e, keys);
    }
  }
}

mustache::data to_data(const nlohmann::json& j,
                       const std::function<std::string(const std::string&)>& escape) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) {
        d.set(it.key(), to_data(it.value(), escape));
      }
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& e : j) {
        d.push_back(to_data(e, escape));
      }
      return d;
    }
    case nlohmann::json::value_t::string:
      return mustache::data{escape(j.get<std::string>())};
    case nlohmann::json::value_t::boolean:
      return j.get<bool>() ? mustache::data{mustache::data::type::bool_true}
                           : mustache::data{mustache::data::type::bool_false};
    case nlohmann::json::value_t::null:
      return mustache::data{mustache::data::type::bool_false};
    default:
      return mustache::data{j.dump()};
  }
}

/// Marks a blank line that follows a standalone tag, so kainjow keeps it; removed after rendering.
constexpr char k_keep_line = '\x01';

/// Mustache's standalone lines, done before kainjow sees the text: a line holding nothing but
/// one section, inverted-section, end or comment tag (and indentation) disappears with its line
/// break, whether the section renders or not (kainjow alone leaves a blank line for a section
/// that does not render). The tag moves to the start of the next line; a blank next line gets a
/// marker so it is not taken for a standalone line itself. `origin[i]` is the offset in `text`
/// of output character i, for locating errors.
std::string strip_standalone(const std::string& text, std::vector<std::size_t>& origin) {
  std::string out;
  out.reserve(text.size());
  origin.clear();
  std::size_t pos = 0;
  bool pending = false;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::size_t next = end == std::string::npos ? text.size() : end + 1;
    std::size_t first = text.find_first_not_of(" \t", pos);
    bool standalone = false;
    std::size_t tag_end = 0;
    if (first != std::string::npos && first < next && text.compare(first, 2, "{{") == 0 &&
        first + 2 < text.size() &&
        std::string_view("#^/!").find(text[first + 2]) != std::string_view::npos) {
      std::size_t close = text.find("}}", first + 2);
      if (close != std::string::npos && close < next) {
        tag_end = close + 2;
        std::size_t rest = text.find_first_not_of(" \t\r", tag_end);
        standalone =
            rest == std::string::npos || rest >= (end == std::string::npos ? text.size() : end);
      }
    }
    if (standalone) {
      for (std::size_t i = first; i < tag_end; ++i) {
        out += text[i];
        origin.push_back(i);
      }
      pending = true;
    } else {
      if (pending && (first == std::string::npos || first >= next || text[first] == '\n' ||
                      text[first] == '\r')) {
        out += k_keep_line;
        origin.push_back(pos);
      }
      pending = false;
      for (std::size_t i = pos; i < next; ++i) {
        out += text[i];
        origin.push_back(i);
      }
    }
    pos = next;
  }
  return out;
}

}  // namespace

TemplateSet::TemplateSet(std::string override_dir) : override_dir_(std::move(override_dir)) {}

std::optional<Template> TemplateSet::shipped(const std::string& name) const {
  if (const EmbeddedTemplate* t = embedded(name)) {
    return Template{name, "templates/" + name + std::string(k_suffix), t->text};
  }
  return std::nullopt;
}

std::optional<Template> TemplateSet::find(const std::string& name) const {
  if (!override_dir_.empty()) {
    fs::path path = fs::path(override_dir_) / (name + std::string(k_suffix));
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      if (auto text = read_file_bytes(path)) {
        return Template{name, path.generic_string(), *text};
      }
    }
  }
  return shipped(name);
}

std::set<std::string> TemplateSet::shipped_names(const std::string& target) const {
  std::set<std::string> out;
  const std::string prefix = target + "/";
  for (std::size_t i = 0; i < k_template_count; ++i) {
    std::string_view n = k_templates[i].name;
    if (n.substr(0, prefix.size()) == prefix) {
      out.insert(std::string(n));
    }
  }
  return out;
}

std::vector<std::string> TemplateSet::unknown_overrides() const {
  std::vector<std::string> out;
  if (override_dir_.empty()) {
    return out;
  }
  std::error_code ec;
  for (fs::recursive_directory_iterator it(override_dir_, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) {
      continue;
    }
    std::string rel = fs::relative(it->path(), override_dir_, ec).generic_string();
    if (rel.size() > k_suffix.size() &&
        rel.compare(rel.size() - k_suffix.size(), k_suffix.size(), k_suffix) == 0) {
      std::string name = rel.substr(0, rel.size() - k_suffix.size());
      if (!embedded(name)) {
        out.push_back(it->path().generic_string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::set<std::string> names_used(const Template& tmpl) {
  std::optional<std::size_t> unclosed;
  std::set<std::string> out;
  for (const Tag& tag : tags_of(tmpl.text, unclosed)) {
    if (tag.looks_up()) {
      out.insert(tag.root());
    }
  }
  return out;
}

RenderResult render_template(const Template& tmpl, const nlohmann::json& data,
                             const std::function<std::string(const std::string&)>& escape,
                             const std::set<std::string>& known) {
  RenderResult result;
  auto fail = [&](std::size_t offset, std::string message) {
    result.error = text_problem(tmpl.origin, tmpl.text, offset, std::move(message));
    return result;
  };

  std::optional<std::size_t> unclosed;
  std::vector<Tag> tags = tags_of(tmpl.text, unclosed);
  if (unclosed) {
    return fail(*unclosed, "unclosed tag '{{'");
  }
  std::set<std::string> names = known;
  collect_keys(data, names);
  for (const Tag& tag : tags) {
    if (tag.type == '=') {
      return fail(tag.offset, "changing the tag delimiters is not supported");
    }
    if (tag.type == '>') {
      return fail(tag.offset, "partials are not supported: '{{>" + tag.name + "}}'");
    }
    if (!tag.looks_up()) {
      continue;
    }
    if (tag.name.empty()) {
      return fail(tag.offset, "empty tag");
    }
    std::string first = tag.root();
    if (names.count(first) == 0) {
      std::vector<std::string> candidates(names.begin(), names.end());
      std::string close = closest_match(first, candidates);
      return fail(tag.offset, "unknown name '" + tag.name + "'" +
                                  (close.empty() ? "" : "; did you mean '" + close + "'?"));
    }
  }

  std::vector<std::size_t> origin;
  const std::string prepared = strip_standalone(tmpl.text, origin);
  mustache::mustache engine{prepared};
  auto located = [&](const std::string& message) {
    // kainjow reports positions as "... at <offset>".
    std::size_t at = message.rfind(" at ");
    std::size_t offset = 0;
    std::string text = message;
    if (at != std::string::npos) {
      try {
        offset = static_cast<std::size_t>(std::stoul(message.substr(at + 4)));
        offset = offset < origin.size() ? origin[offset] : tmpl.text.size();
        text = message.substr(0, at);
      } catch (const std::exception&) {
      }
    }
    for (auto& c : text) {
      if (c == '"') {
        c = '\'';
      }
    }
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return fail(offset, text);
  };
  if (!engine.is_valid()) {
    return located(engine.error_message());
  }
  engine.set_custom_escape([](const std::string& s) { return s; });
  result.text = engine.render(to_data(data, escape));
  result.text.erase(std::remove(result.text.begin(), result.text.end(), k_keep_line),
                    result.text.end());
  if (!engine.is_valid()) {
    return located(engine.error_message());
  }
  return result;
}

}  // namespace stackplan::render
