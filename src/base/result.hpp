#pragma once

#include <optional>
#include <string>
#include <utility>

#include "base/diagnostics.hpp"

namespace stackplan {

/// A value, or the problem that kept it from being made: what a fallible function returns
/// rather than an optional and an error out-parameter. The problem is a `Diagnostic`, the one
/// type of problem stackplan has, so a caller can print it, collect it or pass it on.
template <class T>
class Result {
 public:
  Result(T value) : m_value(std::move(value)) {}                 // NOLINT: implicit by design
  Result(Diagnostic problem) : m_problem(std::move(problem)) {}  // NOLINT

  explicit operator bool() const { return m_value.has_value(); }
  T& operator*() & { return *m_value; }
  const T& operator*() const& { return *m_value; }
  T&& operator*() && { return std::move(*m_value); }
  T* operator->() { return &*m_value; }
  const T* operator->() const { return &*m_value; }

  /// The problem; meaningful only without a value.
  const Diagnostic& problem() const { return m_problem; }
  /// The problem's message: empty when there is a value.
  const std::string& error() const { return m_problem.message; }

 private:
  std::optional<T> m_value;
  Diagnostic m_problem;
};

/// An error that belongs to no place in a source file ("cannot read DIR/catalog.tsv: ..."), or
/// whose place is part of the message.
inline Diagnostic failure(std::string message, std::string code = {}) {
  Diagnostic d;
  d.message = std::move(message);
  d.code = std::move(code);
  return d;
}

}  // namespace stackplan
