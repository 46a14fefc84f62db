#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pricing/catalog.hpp"
#include "pricing/http.hpp"

namespace stackplan::pricing {

struct UpdateOptions {
  std::vector<std::string> regions;   ///< empty: the five regions of the shipped snapshot
  std::vector<std::string> services;  ///< empty: every service the cost model uses
  std::string source = "bulk";        ///< "bulk" or "api"
  std::string endpoint;               ///< empty: the AWS endpoint of the chosen API
  std::string catalog_dir;
  /// Before each request: what it fetches ("AmazonRDS us-east-1", "the offer index").
  std::function<void(const std::string& what)> on_fetch;
  /// Each line of the report as it is made (they are in UpdateReport::lines too).
  std::function<void(const std::string& line)> on_line;
};

struct UpdateReport {
  std::vector<std::string> lines;  ///< one per file or page set fetched, for the user
  std::string error;               ///< why the update failed; the catalog is then unchanged
  bool invalid_catalog = false;    ///< the error is the catalog already in the directory (exit 2)
  bool changed = false;  ///< a file was imported and catalog.tsv rewritten; false: left as it was
};

/// Where credentials for the Query API come from: the standard AWS environment variables,
/// else the shared credentials file (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials,
/// profile AWS_PROFILE or "default"). Empty access key when none are found.
AwsCredentials find_credentials();

/// What is wrong with the asked regions and services (a region code AWS does not have, a
/// service stackplan does not price), with a "did you mean"; empty when they are fine.
std::string options_problem(const UpdateOptions& options);

/// Refreshes the catalog in options.catalog_dir (starting from the snapshot when it has none)
/// and replaces it atomically only when everything was fetched and imported.
UpdateReport update_catalog(const UpdateOptions& options, Http& client);

}  // namespace stackplan::pricing
