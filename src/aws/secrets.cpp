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
constexpr std::string_view k_reference_endings[] = {"ARN", "ID", "NAME", "PATH", "FILE", "LENGTH"};

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
  return std::any_of(std::begin(k_secret_words), std::end(k_secret_words),
                     [&](std::string_view word) { return u.find(word) != std::string::npos; });
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
