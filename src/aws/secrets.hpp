#pragma once

#include <string>
#include <string_view>

namespace stackplan::aws {

/// Whether a name (an environment variable, a parameter, an output) usually holds a secret:
/// it contains one of PASSWORD, PASSWD, SECRET, TOKEN, CREDENTIAL, PRIVATE_KEY, API_KEY,
/// ACCESS_KEY (with or without the underscore), and does not name a reference to one or a
/// setting about one (it does not end in ARN, ID, NAME, PATH, FILE, LENGTH, PREFIX, SUFFIX,
/// TTL, TYPE, VERSION, COUNT, DAYS, REGION, ENABLED or DESCRIPTION).
bool secret_like_name(std::string_view name);

/// Whether a value written as a default could be a secret: a non-empty string that is not a
/// boolean, a number, an ARN, a dynamic reference ({{resolve:...}}) or a placeholder
/// ("CHANGE_ME", "<password>", "xxxx", "${...}", "TODO"). The name it is given under does not
/// decide.
bool secret_like_value(std::string_view value);

/// Whether an environment variable carries a secret value written in the clear: a value of
/// eight characters or more under a secret-like name, a private key, an AWS access key id, or a
/// URL with a password in it.
bool looks_like_secret(std::string_view key, const std::string& value);

}  // namespace stackplan::aws
