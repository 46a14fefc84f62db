#include "lint/lint.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include <sys/stat.h>

#include "base/file.hpp"

namespace stackplan::lint {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t k_max_file_bytes = 8u << 20;

bool is_terraform(const fs::path& p) {
  return p.extension() == ".tf";
}

bool is_template_candidate(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

std::string display(const fs::path& p) {
  return p.lexically_normal().generic_string();
}

/// Directories already walked, by device and inode: a symbolic link back up the tree (`up ->
/// ..`) or a loop is followed once, so no file is linted twice and the walk ends.
using Visited = std::set<std::pair<dev_t, ino_t>>;

void walk(const fs::path& dir, std::vector<fs::path>& out, Visited& visited) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !visited.insert({st.st_dev, st.st_ino}).second) {
    return;
  }
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    std::string name = p.filename().string();
    std::error_code e2;
    if (fs::is_directory(p, e2)) {
      if (name.empty() || name[0] == '.' || name == "node_modules") {
        continue;
      }
      walk(p, out, visited);
    } else if (name.rfind(".stackplan-", 0) == 0) {
      continue;  // render's own manifest and journal
    } else if (is_terraform(p) || is_template_candidate(p)) {
      out.push_back(p);
    }
  }
}

/// Reports a suppression that names no rule, an unknown rule, or gives no reason; true when it
/// may suppress.
bool check_suppression(const Module& m, const Suppression& s, std::vector<Finding>& findings) {
  auto file = m.shared(s.file);
  const bool tf = m.format == Format::terraform;
  if (s.rules.empty()) {
    findings.push_back(make_finding(
        "suppression-invalid", Severity::error, file, s.line, s.col, "suppression names no rule",
        tf ? "write '# stackplan:ignore <rule-id> <reason>'"
           : "write Metadata: {stackplan: {ignore: [{rule: <rule-id>, reason: ...}]}}"));
    return false;
  }
  for (const auto& id : s.rules) {
    if (find_rule(id) == nullptr) {
      findings.push_back(make_finding("suppression-invalid", Severity::error, file, s.line, s.col,
                                      "suppression names unknown rule '" + id + "'",
                                      "see docs/lint-rules.md for the rule ids"));
    }
  }
  if (s.reason.empty()) {
    findings.push_back(
        make_finding("suppression-invalid", Severity::error, file, s.line, s.col,
                     "suppression of " + s.rules.front() + " gives no reason",
                     tf ? "write the reason after the rule id: '# stackplan:ignore " +
                              s.rules.front() + " <why this is acceptable>'"
                        : "add reason: <why this is acceptable> to the ignore entry"));
    return false;
  }
  return true;
}

/// Applies the module's suppressions to the findings from `first` on, each to the findings of
/// its resource and rules.
void suppress(const Module& m, std::vector<Finding>& findings, std::size_t first) {
  for (const auto& s : m.unattached) {
    check_suppression(m, s, findings);
  }
  for (const auto& r : m.resources) {
    for (const auto& s : r.suppressions) {
      if (!check_suppression(m, s, findings)) {
        continue;
      }
      for (std::size_t i = first; i < findings.size(); ++i) {
        Finding& f = findings[i];
        if (f.resource == r.address && f.suppressed_reason.empty() &&
            std::find(s.rules.begin(), s.rules.end(), f.code) != s.rules.end()) {
          f.suppressed_reason = s.reason;
        }
      }
    }
  }
}

void run_rules(const Module& m, std::vector<Finding>& findings) {
  std::size_t first = findings.size();
  for (const auto& rule : rules()) {
    Reporter reporter(rule, m, findings);
    rule.check(m, reporter);
  }
  suppress(m, findings, first);
}

}  // namespace

const std::vector<Rule>& file_rules() {
  static const std::vector<Rule> k_rules = {
      {"cost-budget", Severity::error, "The spec's monthly cost stays within --budget",
       "lint --spec --budget USD prices the spec the files come from and fails when the monthly "
       "total exceeds the budget.",
       "lower the spec's capacity or raise --budget", "lower the spec's capacity or raise --budget",
       "", "", "", nullptr},
      {"cost-increase", Severity::error,
       "The monthly cost grows by at most --max-increase percent over the baseline",
       "lint --spec --baseline N --max-increase PERCENT compares the scenario the files come "
       "from with a baseline scenario of the same spec.",
       "review the change, or raise --max-increase", "review the change, or raise --max-increase",
       "", "", "", nullptr},
      {"spec-drift", Severity::error, "Files match what the spec renders",
       "lint --spec renders the spec and compares every file render --check would, file by "
       "file: edited, missing and stale files.",
       "run stackplan render SPEC --out DIR (or move the edit into the spec or a --templates "
       "override)",
       "run stackplan render SPEC --out DIR (or move the edit into the spec or a --templates "
       "override)",
       "", "", "", nullptr},
      {"suppression-invalid", Severity::error, "Suppressions name a known rule and give a reason",
       "A suppression without a reason hides a finding without telling the next reviewer why.",
       "write '# stackplan:ignore <rule-id> <reason>' inside or just above the resource",
       "add Metadata: {stackplan: {ignore: [{rule: <rule-id>, reason: ...}]}} to the resource", "",
       "", "", nullptr},
      {"syntax-error", Severity::error, "Files parse",
       "A file that does not parse cannot be linted (or applied).",
       "fix the syntax error at the position shown", "fix the syntax error at the position shown",
       "", "", "cfn-lint E0000", nullptr},
  };
  return k_rules;
}

void sort_findings(std::vector<Finding>& findings) {
  auto key = [](const Finding& f) {
    return std::make_tuple(f.loc.file ? f.loc.file->path() : std::string(), f.loc.line, f.loc.col,
                           f.code, f.message);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
                 findings.end());
}

Result lint_paths(const std::vector<std::string>& paths) {
  Result result;
  std::vector<fs::path> files;
  std::set<std::string> seen;
  Visited visited;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::path path(p);
    if (fs::is_directory(path, ec)) {
      walk(path, files, visited);
    } else if (fs::is_regular_file(path, ec)) {
      files.push_back(path);
    } else {
      result.missing.push_back(p);
    }
  }

  // Terraform modules by folder; templates one by one.
  std::map<std::string, std::vector<std::shared_ptr<const SourceFile>>> modules;
  std::vector<std::shared_ptr<const SourceFile>> templates;
  for (const auto& p : files) {
    std::string name = display(p);
    if (!seen.insert(name).second) {
      continue;
    }
    std::error_code ec;
    if (fs::file_size(p, ec) > k_max_file_bytes) {
      result.missing.push_back(name + " (larger than 8 MiB)");
      continue;
    }
    errno = 0;
    auto bytes = read_file_bytes(p);
    if (!bytes) {
      result.unreadable.push_back(name + ": " +
                                  (errno != 0 ? std::strerror(errno) : "cannot open it"));
      continue;
    }
    auto file = std::make_shared<const SourceFile>(name, std::move(*bytes));
    if (is_terraform(p)) {
      modules[display(p.parent_path().empty() ? fs::path(".") : p.parent_path())].push_back(file);
    } else {
      templates.push_back(file);
    }
  }

  // The .tf files of a folder a local module call names, read as the folders above are.
  const ModuleFiles read_module = [&](const std::string& folder) {
    std::vector<std::shared_ptr<const SourceFile>> out;
    std::error_code ec;
    std::vector<fs::path> found;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      if (is_terraform(it->path()) && it->is_regular_file(ec) &&
          fs::file_size(it->path(), ec) <= k_max_file_bytes) {
        found.push_back(it->path());
      }
    }
    std::sort(found.begin(), found.end());
    for (const auto& p : found) {
      if (auto bytes = read_file_bytes(p)) {
        out.push_back(std::make_shared<const SourceFile>(display(p), std::move(*bytes)));
      }
    }
    return out;
  };

  std::vector<Diagnostic> errors;
  for (const auto& [folder, tf_files] : modules) {
    Module m = load_terraform(folder, tf_files, errors, read_module);
    result.unchecked_modules.insert(result.unchecked_modules.end(), m.unchecked_modules.begin(),
                                    m.unchecked_modules.end());
    for (const auto& f : tf_files) {
      result.files.push_back(f->path());
    }
    run_rules(m, result.findings);
  }
  for (const auto& file : templates) {
    std::size_t before = errors.size();
    auto m = load_cloudformation(file, errors);
    if (m) {
      result.files.push_back(file->path());
      // A template with Fn::If is checked both ways; identical findings are merged below.
      auto readings = condition_readings(*m);
      if (readings.empty()) {
        run_rules(*m, result.findings);
      }
      for (const auto& reading : readings) {
        run_rules(reading, result.findings);
      }
    } else if (errors.size() > before &&
               (file->text().find("AWS::") != std::string::npos ||
                file->text().find("AWSTemplateFormatVersion") != std::string::npos)) {
      result.files.push_back(file->path());
    } else {
      // Not a template (or a broken YAML file that does not look like one): skipped.
      errors.resize(before);
      result.skipped.push_back(file->path());
    }
  }
  for (auto& e : errors) {
    Finding f;
    static_cast<Diagnostic&>(f) = std::move(e);
    result.findings.push_back(std::move(f));
  }
  std::sort(result.files.begin(), result.files.end());
  sort_findings(result.findings);
  return result;
}

}  // namespace stackplan::lint
