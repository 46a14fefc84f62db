#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace stackplan {

/// JSON as stackplan prints it: indented by two, ending in a newline. Bytes that are not UTF-8
/// (a template in another encoding, a hand-edited catalog) are shown as U+FFFD rather than
/// making the encoder throw.
/// Takes json and ordered_json alike (keys keep their order).
template <typename Json>
std::string json_text(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace stackplan
