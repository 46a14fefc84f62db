#include "aws/secrets.hpp"

#include <algorithm>
#include <cctype>

#include "base/pattern.hpp"

namespace stackplan::aws {

namespace {

// The one list of words that mark a name as holding a secret, and of the endings that mark a
// name as a reference to one.
constexpr std::string_view k_secret_words[] = {
    "PASSWORD",   "PASSWD",  "SECRET", "TOKEN",      "CREDENTIAL", "PRIVATE_KEY",
    "PRIVATEKEY", "API_KEY", "APIKEY", "ACCESS_KEY", "ACCESSKEY",
};
// A name ending in one of these holds a reference to a secret or a setting about one
// (secret_arn, password_length, secret_name_prefix, token_ttl).
constexpr std::string_view k_reference_endings[] = {
    "ARN",   "ARNS",   "ID",     "IDS",     "NAME",       "NAMES", "PATH",
    "FILE",  "LENGTH", "PREFIX", "SUFFIX",  "TTL",        "TYPE",  "VERSION",
    "COUNT", "DAYS",   "REGION", "ENABLED", "DESCRIPTION"};
// A name with one of these holds a reference to a key or a setting, not a secret
// (SecretsKmsKey, manage_master_user_password_rotation).
constexpr std::string_view k_reference_words[] = {"KMS", "ROTATION", "POLICY"};

}  // namespace

bool secret_like_name(std::string_view name) {
  std::string u(name);
  std::transform(u.begin(), u.end(), u.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (std::string_view end : k_reference_endings) {
    if (u.size() >= end.size() && u.compare(u.size() - end.size(), end.size(), end) == 0) {
      return false;
    }
  }
  for (std::string_view word : k_reference_words) {
    if (u.find(word) != std::string::npos) {
      return false;
    }
  }
  return std::any_of(std::begin(k_secret_words), std::end(k_secret_words),
                     [&](std::string_view word) { return u.find(word) != std::string::npos; });
}

bool secret_like_value(std::string_view value) {
  std::string v(value);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back())) != 0) {
    v.pop_back();
  }
  if (v.empty()) {
    return false;
  }
  static const Pattern not_secret(
      "^(true|false|yes|no|on|off"          // booleans
      "|[-+]?[0-9]+(\\.[0-9]+)?"            // numbers
      "|arn:.*|\\{\\{resolve:.*"            // ARNs, dynamic references
      "|<[^>]*>|\\$\\{[^}]*\\}|x+|\\*+|-+"  // placeholders
      "|change[_ -]?me|replace[_ -]?me|todo|tbd|placeholder|none|null|n/?a|dummy|example"
      ")$");
  std::transform(v.begin(), v.end(), v.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return !not_secret.search(v);
}

bool looks_like_secret(std::string_view key, const std::string& value) {
  if (value.size() < 8) {
    return false;
  }
  if (secret_like_name(key)) {
    return true;
  }
  static const Pattern aws_key("(AKIA|ASIA)[0-9A-Z]{16}");
  if (value.find("-----BEGIN") != std::string::npos || aws_key.search(value)) {
    return true;
  }
  // A URL with credentials in it: scheme://user:password@host
  static const Pattern url_credentials("^[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");
  return url_credentials.search(value);
}

}  // namespace stackplan::aws
