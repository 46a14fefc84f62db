#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/source.hpp"

namespace stackplan {

enum class Severity { error, warning, note };

/// "error", "warning" or "note": as printed, and as SARIF names the levels.
const char* severity_name(Severity severity);

/// One problem found in the user's input, with where it is and how to fix it.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLoc loc;
  std::string code;     ///< stable id, e.g. "spec.unknown-key"
  std::string message;  ///< one line, no trailing period
  std::string hint;     ///< how to fix it; may be empty
  std::vector<std::string> notes;
};

/// The code of an input the operating system would not give (permission denied, an I/O
/// error): a failure of the environment, not of what the user wrote (exit 3, not 2).
inline constexpr const char* k_unavailable_input = "input.unavailable";

/// Collects diagnostics; never prints. Identical diagnostics are kept once.
class Diagnostics {
 public:
  void add(Diagnostic diagnostic);
  void error(SourceLoc loc, std::string code, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string code, std::string message, std::string hint = {});

  bool has_errors() const { return m_errors > 0; }
  /// Whether an error is the environment's (`k_unavailable_input`) rather than the input's.
  bool has_environment_failure() const;
  std::size_t error_count() const { return m_errors; }
  std::size_t warning_count() const { return m_warnings; }
  const std::vector<Diagnostic>& all() const { return m_items; }
  std::vector<Diagnostic>& all() { return m_items; }

  /// Orders by file, line and column, keeping the order of equal places.
  void sort();
  /// Moves every diagnostic of `other` into this sink.
  void append(Diagnostics&& other);

 private:
  std::vector<Diagnostic> m_items;
  std::size_t m_errors = 0;
  std::size_t m_warnings = 0;
};

/// gcc-style text: `file:line:col: error: message [code]`, the source line, a caret, the hint.
/// With `color`, the severity, the caret and the labels are coloured; with a `width` (a
/// terminal's columns), the message, notes and hint wrap to it and the source line is shown
/// as a window that fits.
std::string format_diagnostic(const Diagnostic& diagnostic, bool color = false,
                              std::size_t width = 0);

/// "2 errors, 1 warning" (empty when there are none).
std::string format_counts(std::size_t errors, std::size_t warnings);

}  // namespace stackplan
