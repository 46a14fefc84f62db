#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"
#include "pricing/http.hpp"

namespace stackplan::pricing {

/// The libcurl client for `pricing update`. It is linked into the stackplan-http module, not
/// into `stackplan`, so that commands that never touch the network start without loading
/// libcurl and the thirty libraries it depends on (about 6 ms of every run). The module is
/// looked for next to the executable (the build tree), then in the installed library folder.
/// A program that links the client itself (the tests) gets it directly. A problem when the
/// module cannot be found or loaded.
Result<std::unique_ptr<Http>> make_http_client(const HttpPolicy& policy);

}  // namespace stackplan::pricing
