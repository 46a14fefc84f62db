#pragma once

// The lint rule registry. A rule is its metadata plus one check function that reads a module
// of either format. Each kind's folder holds the rules of the resources it renders
// (src/kinds/<folder>/lint.cpp); rules_iam.cpp, rules_network.cpp and rules_misc.cpp hold those
// that span services (IAM policies, security groups, secrets in code).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "lint/model.hpp"

namespace stackplan::lint {

/// One finding before suppression: a diagnostic whose code is the rule's id, with the resource
/// it belongs to.
struct Finding : Diagnostic {
  std::string resource;           ///< address or logical id; empty for file-level findings
  std::string suppressed_reason;  ///< set when a suppression with a reason covers it
};

/// A finding about a file rather than a resource (syntax, suppressions, drift, cost).
Finding make_finding(const std::string& rule, Severity severity,
                     std::shared_ptr<const SourceFile> file, int line, int col, std::string message,
                     std::string hint);

class Reporter;

struct Rule {
  std::string_view id;  ///< stable, kebab-case, e.g. "s3-public-access-block"
  Severity severity;
  std::string_view title;        ///< one line, what the rule wants
  std::string_view description;  ///< why it matters (docs, SARIF fullDescription)
  std::string_view hint_terraform;
  std::string_view hint_cloudformation;
  std::string_view checkov;        ///< equivalent ids, "" when none
  std::string_view control_tower;  ///< AWS Control Tower proactive control
  std::string_view cfn_lint;       ///< cfn-lint / cfn_nag / trivy (AVD) where they have one
  void (*check)(const Module&, Reporter&);
  /// Where the rule decides otherwise than its checkov equivalent on purpose, and why (docs).
  std::string_view differences = {};
};

/// Collects the findings of one rule over one module.
class Reporter {
 public:
  Reporter(const Rule& rule, const Module& module, std::vector<Finding>& out)
      : m_rule(rule), m_module(module), m_out(out) {}

  const Module& module() const { return m_module; }
  bool terraform() const { return m_module.format == Format::terraform; }
  /// The rule's fix for this module's format.
  std::string hint() const {
    return std::string(terraform() ? m_rule.hint_terraform : m_rule.hint_cloudformation);
  }

  /// A finding at a value (or, when the value is absent, at the resource header).
  void at(const Resource& r, const Value* where, std::string message);
  void at(const Resource& r, const Value* where, std::string message, Severity severity);
  /// A finding about a parameter or variable declaration.
  void at_parameter(const std::string& name, std::string message);
  void at_parameter(const std::string& name, std::string message, Severity severity);

 private:
  const Rule& m_rule;
  const Module& m_module;
  std::vector<Finding>& m_out;
};

/// Every rule, sorted by id.
const std::vector<Rule>& rules();
const Rule* find_rule(std::string_view id);

// Each rules_*.cpp appends its rules (the kinds' lint.cpp are declared in rules.cpp).
void add_iam_rules(std::vector<Rule>& out);
void add_network_rules(std::vector<Rule>& out);
void add_misc_rules(std::vector<Rule>& out);

// Helpers shared by rules.

/// "a bucket 'assets'" style name for messages: the Terraform address or the logical id.
std::string label(const Resource& r);
/// True when a value is known to be true (false when unknown or absent).
bool is_true(const Value* v);
/// True when a value is known to be false (false when unknown or absent).
bool is_false(const Value* v);
/// Whether a reference (reference_of) names `target`; a reference to a for_each resource
/// without a key names each of its elements.
bool refers_to(std::string_view ref, const Resource& target);
/// Resources of `type` whose `attribute` refers to `target` (Terraform).
std::vector<const Resource*> referring(const Module& m, std::string_view type,
                                       std::string_view attribute, const Resource& target);
/// A CloudFormation Ref / Fn::GetAtt target, or the Terraform reference of an unknown value.
std::string reference_of(const Value* v);
/// The value, naming in `via` the Terraform variable or CloudFormation parameter whose default
/// it is (the loaders bind `var.x` and `Ref` of a parameter to its default where it is used);
/// null when there is nothing.
const Value* resolve_parameter(const Value* v, std::string* via = nullptr);
/// A CloudFormation intrinsic function object ({"Ref": ..}, {"Fn::If": ..}).
bool is_intrinsic(const Value* v);

/// The JSON a string holds (a heredoc, file() output), every value placed at the string;
/// nullopt when the value is not a string of valid JSON.
std::optional<Value> parse_json_string(const Value& v);

/// A policy document as rules read it: a JSON string is parsed (its values are placed at the
/// string), an object is used as it is.
struct Policy {
  Value owned;
  const Value* doc = nullptr;
};
Policy policy_of(const Value* v);
/// The statements of a policy document.
std::vector<const Value*> statements(const Policy& p);
/// Effect is Allow (or absent).
bool allows(const Value& statement);
/// Known string items of a field that takes one string or a list.
std::vector<const Value*> strings(const Value* v);
/// True when the principal of a statement is everyone ("*" or {"AWS": "*"}).
bool principal_everyone(const Value& statement);
/// True for a CIDR block of prefix length 0: every IPv4 or IPv6 address.
bool whole_internet(std::string_view cidr);
/// True when a statement's Condition limits who it applies to: it names some value other than
/// "*", an all-wildcard ARN ("arn:aws:iam::*") or 0.0.0.0/0, or is not known here.
bool condition_restricts(const Value* condition);
/// True when the value or anything inside it is a string containing `needle`.
bool mentions(const Value* v, std::string_view needle);
/// True when a value and everything inside it is known (no references or functions).
bool fully_known(const Value* v);
/// Every string in a value, concatenated with newlines (user data, templates).
std::string all_text(const Value* v);

}  // namespace stackplan::lint
