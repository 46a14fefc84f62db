#pragma once

// ASCII case folding for names and keywords that AWS and Terraform read in any case
// (protocols, condition keys, booleans).

#include <cctype>
#include <string>
#include <string_view>

namespace stackplan {

/// The text with A-Z turned into a-z; every other byte as it is.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace stackplan
