#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "spec/spec.hpp"

namespace stackplan::model {

class Context;
struct Kind;

/// One AWS resource of a stack variant: which kind it is, its address (the Terraform address
/// stackplan renders it under, so plan lines, rendered files and lint findings agree), and
/// which element of the spec it comes from.
struct Resource {
  const Kind* kind = nullptr;
  std::string address;  ///< "aws_db_instance.main", "aws_s3_bucket.operationcode_replicas"
  std::string name;     ///< the spec's name for it (service, bucket, secret), or empty
  int index = -1;       ///< index into the spec list it comes from, or -1
};

/// A usage figure a kind reads (documented in docs/usage.md, settable with --usage), declared
/// once: Context::usage takes the default from here.
struct UsageParam {
  std::string_view key;
  std::string_view unit;
  double fallback = 0;  ///< the default
  std::string_view doc;
  std::string_view fallback_doc = {};  ///< the default in words when it depends on the spec
};
/// How a kind's resources are rendered: the template found by name for each target
/// (templates/terraform/<template>.tf, templates/cloudformation/<template>.yaml), the Terraform
/// file it goes into, extra application files (templates/app/<file>), and the view data every
/// template of the kind reads. View data is target-neutral: plain values, names and flags; the
/// templates turn them into HCL or YAML.
struct Rendering {
  std::string_view template_name;           ///< "s3_bucket"
  std::string_view concern;                 ///< Terraform file stem: "storage" -> storage.tf
  std::vector<std::string_view> app_files;  ///< "litestream.yml" -> templates/app/litestream.yml
  nlohmann::json (*view)(const Resource&, const spec::Spec&);
};

/// Everything stackplan knows about one kind of AWS resource, in one place: which spec
/// elements produce it, the usage it reads and how it is costed. The registry in
/// kinds/registry.cpp lists every kind.
struct Kind {
  std::string_view name;       ///< "rds_instance"
  std::string_view component;  ///< plan grouping: compute, database, storage, network, ...
  std::string_view address;    ///< the address its resources get, for docs ("aws_lb.main")
  std::string_view summary;    ///< one line for docs
  std::vector<UsageParam> usage;
  std::vector<Resource> (*expand)(const spec::Spec&);
  void (*cost)(const Resource&, model::Context&);     ///< nullptr: nothing to price
  std::optional<Rendering> rendering = std::nullopt;  ///< nullopt: nothing to render
  /// Scenarios of the coverage probe (cost/coverage.cpp) that use every price the kind can
  /// ask for, one `name: {merge patch}` per line, written in YAML flow style.
  std::string_view coverage_scenarios = {};
  /// What a service that reaches the kind's resources gets from them, asked only of kinds the
  /// stack has (nullptr: nothing): {"environment": [...], "secrets": [...], "readable": [...]}
  /// built with kinds/common.hpp's reach_* helpers. Every service's view merges what all
  /// kinds give it (`kinds::reach_of`), so a service's templates name no kind they reach.
  nlohmann::json (*reach)(const spec::Spec&, const spec::Service&) = nullptr;
};

/// A Terraform-safe resource name from a spec name: "pantrypal-backups" -> "pantrypal_backups".
std::string resource_name(std::string_view name);

}  // namespace stackplan::model
