#include "base/decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace stackplan {

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  // Collect the significant digits and the position of the decimal point.
  std::string digits;
  int fraction_digits = 0;
  bool seen_point = false;
  bool any_digit = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      digits += c;
      if (seen_point) {
        ++fraction_digits;
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
    if (digits.size() > 40) {
      return std::nullopt;
    }
  }
  if (!any_digit) {
    return std::nullopt;
  }
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 4) {
      exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == start) {
      return std::nullopt;
    }
    if (exp_negative) {
      exponent = -exponent;
    }
  }
  if (i != text.size()) {
    return std::nullopt;
  }
  // value = digits * 10^(exponent - fraction_digits); units = value * 10^scale.
  int shift = exponent - fraction_digits + k_scale_digits;
  // Drop trailing zeros that would fall below the scale.
  while (shift < 0 && !digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++shift;
  }
  if (shift < 0) {
    return std::nullopt;  // more precision than ten fractional digits
  }
  std::int64_t units = 0;
  constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();
  for (char c : digits) {
    if (units > (k_max - (c - '0')) / 10) {
      return std::nullopt;
    }
    units = units * 10 + (c - '0');
  }
  for (int s = 0; s < shift; ++s) {
    if (units > k_max / 10) {
      return std::nullopt;
    }
    units *= 10;
  }
  return from_units(negative ? -units : units);
}

std::string Decimal::to_string() const {
  std::string out = to_fixed(k_scale_digits);
  while (out.back() == '0') {
    out.pop_back();
  }
  if (out.back() == '.') {
    out.pop_back();
  }
  return out;
}

std::string Decimal::to_fixed(int digits) const {
  if (digits < 0) {
    digits = 0;
  }
  if (digits > k_scale_digits) {
    digits = k_scale_digits;
  }
  // Work on the magnitude as unsigned so that INT64_MIN is safe.
  bool negative = m_units < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(m_units) : static_cast<std::uint64_t>(m_units);
  std::uint64_t step = 1;
  for (int i = digits; i < k_scale_digits; ++i) {
    step *= 10;
  }
  std::uint64_t rounded = (magnitude / step) + ((magnitude % step) * 2 >= step ? 1 : 0);
  std::uint64_t denominator = 1;
  for (int i = 0; i < digits; ++i) {
    denominator *= 10;
  }
  std::string out = std::to_string(rounded / denominator);
  if (digits > 0) {
    std::string fraction = std::to_string(rounded % denominator);
    out += '.' + std::string(static_cast<std::size_t>(digits) - fraction.size(), '0') + fraction;
  }
  if (negative && rounded != 0) {
    out.insert(out.begin(), '-');
  }
  return out;
}

namespace {

[[noreturn]] void overflow(const char* what) {
  throw std::overflow_error(std::string("amount out of range in ") + what);
}

/// n / d rounded half away from zero, for d > 0.
__int128 divide_rounded(__int128 n, __int128 d) {
  __int128 q = n / d;
  __int128 r = n % d;
  if (r < 0) {
    r = -r;
  }
  if (r * 2 >= d) {
    q += n < 0 ? -1 : 1;
  }
  return q;
}

Decimal checked(__int128 units, const char* what) {
  if (units > std::numeric_limits<std::int64_t>::max() ||
      units < std::numeric_limits<std::int64_t>::min()) {
    overflow(what);
  }
  return Decimal::from_units(static_cast<std::int64_t>(units));
}

}  // namespace

Decimal Decimal::from_int(std::int64_t whole) {
  return checked(static_cast<__int128>(whole) * k_scale, "conversion");
}

Decimal operator+(Decimal a, Decimal b) {
  return checked(static_cast<__int128>(a.m_units) + b.m_units, "addition");
}

Decimal operator-(Decimal a, Decimal b) {
  return checked(static_cast<__int128>(a.m_units) - b.m_units, "subtraction");
}

Decimal operator*(Decimal a, Decimal b) {
  return checked(divide_rounded(static_cast<__int128>(a.m_units) * b.m_units, Decimal::k_scale),
                 "multiplication");
}

Decimal operator/(Decimal a, Decimal b) {
  if (b.m_units == 0) {
    overflow("division by zero");
  }
  __int128 n = static_cast<__int128>(a.m_units) * Decimal::k_scale;
  __int128 d = b.m_units;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  return checked(divide_rounded(n, d), "division");
}

Decimal Decimal::rounded(int digits) const {
  if (digits >= k_scale_digits) {
    return *this;
  }
  __int128 step = 1;
  for (int i = digits < 0 ? 0 : digits; i < k_scale_digits; ++i) {
    step *= 10;
  }
  return checked(divide_rounded(m_units, step) * step, "rounding");
}

Decimal Decimal::from_double(double value) {
  if (!std::isfinite(value)) {
    overflow("conversion");
  }
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  if (auto exact = parse(text)) {
    return *exact;
  }
  // More than ten fractional digits: round the double itself.
  double scaled = std::round(value * static_cast<double>(k_scale));
  if (!(std::fabs(scaled) < 9.2e18)) {
    overflow("conversion");
  }
  return from_units(static_cast<std::int64_t>(scaled));
}

}  // namespace stackplan
