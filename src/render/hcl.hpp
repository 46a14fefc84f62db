#pragma once

#include <string>
#include <string_view>

namespace stackplan::render {

/// The contents of a quoted HCL string that reads back as `text`: quotes, backslashes and
/// control characters escaped, and `${` / `%{` doubled so no value is ever a template.
std::string hcl_string(std::string_view text);

/// Lays out HCL text the way `terraform fmt` does: two-space indentation by bracket depth,
/// the `=` of consecutive one-line arguments aligned, no trailing spaces, no blank lines after
/// an opening or before a closing bracket, at most one blank line in a row, one final newline.
/// Spacing inside a line and heredoc bodies are kept as written.
std::string format_hcl(std::string_view text);

}  // namespace stackplan::render
