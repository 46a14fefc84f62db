#include "base/decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace stackplan {

namespace {

using Units = Decimal::Units;

/// The decimal digits of a magnitude of zero or more.
std::string digits_of(Units n) {
  char buffer[48];
  char* end = buffer + sizeof buffer;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(n % 10));
    n /= 10;
  } while (n != 0);
  return std::string(p, end);
}

}  // namespace

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
  Units units = 0;
  for (char c : digits) {
    units = units * 10 + (c - '0');  // 40 digits at most: no wrap-around before the check
    if (units > k_max_units) {
      return std::nullopt;
    }
  }
  for (int s = 0; s < shift; ++s) {
    units *= 10;
    if (units > k_max_units) {
      return std::nullopt;
    }
  }
  Decimal d;
  d.m_units = negative ? -units : units;
  return d;
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
  bool negative = m_units < 0;
  Units magnitude = negative ? -m_units : m_units;
  Units step = 1;
  for (int i = digits; i < k_scale_digits; ++i) {
    step *= 10;
  }
  Units rounded = (magnitude / step) + ((magnitude % step) * 2 >= step ? 1 : 0);
  Units denominator = 1;
  for (int i = 0; i < digits; ++i) {
    denominator *= 10;
  }
  std::string out = digits_of(rounded / denominator);
  if (digits > 0) {
    std::string fraction = digits_of(rounded % denominator);
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

/// n / d rounded half away from zero, for n >= 0 and d > 0.
Units divide_rounded(Units n, Units d) {
  Units q = n / d;
  return (n % d) * 2 >= d ? q + 1 : q;
}

Decimal checked(Units units, const char* what) {
  if (units > Decimal::k_max_units || units < -Decimal::k_max_units) {
    overflow(what);
  }
  return Decimal::from_units(units);
}

/// x * y for magnitudes of at most k_max_units, or nullopt beyond it.
std::optional<Units> product(Units x, Units y) {
  Units out = 0;
  if (__builtin_mul_overflow(x, y, &out) || out > Decimal::k_max_units) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

Decimal Decimal::from_units(Units units) {
  if (units > k_max_units || units < -k_max_units) {
    overflow("conversion");
  }
  Decimal d;
  d.m_units = units;
  return d;
}

Decimal Decimal::from_int(std::int64_t whole) {
  return checked(static_cast<Units>(whole) * k_scale, "conversion");
}

Decimal operator+(Decimal a, Decimal b) {
  return checked(a.m_units + b.m_units, "addition");  // each at most 10^36: no wrap-around
}

Decimal operator-(Decimal a, Decimal b) {
  return checked(a.m_units - b.m_units, "subtraction");
}

Decimal operator*(Decimal a, Decimal b) {
  // |a| * |b| / S, with a = ah * S + al and b = bh * S + bl (S = 10^10, al and bl below S):
  // ah * |b| + al * bh are whole units, and only al * bl / S is rounded, so the result is the
  // exact product rounded half away from zero without a 256-bit intermediate.
  const bool negative = (a.m_units < 0) != (b.m_units < 0);
  const Units x = a.m_units < 0 ? -a.m_units : a.m_units;
  const Units y = b.m_units < 0 ? -b.m_units : b.m_units;
  const Units scale = Decimal::k_scale;
  auto high = product(x / scale, y);
  auto middle = product(x % scale, y / scale);
  if (!high || !middle) {
    overflow("multiplication");
  }
  const Units magnitude = *high + *middle + divide_rounded((x % scale) * (y % scale), scale);
  return checked(negative ? -magnitude : magnitude, "multiplication");
}

Decimal operator/(Decimal a, Decimal b) {
  if (b.m_units == 0) {
    overflow("division by zero");
  }
  // |a| * S / |b| by long division: the whole quotient, then ten digits of the remainder, each
  // step below 10 * |b| <= 10^37, then rounded half away from zero on the remainder left.
  const bool negative = (a.m_units < 0) != (b.m_units < 0);
  const Units x = a.m_units < 0 ? -a.m_units : a.m_units;
  const Units d = b.m_units < 0 ? -b.m_units : b.m_units;
  auto quotient = product(x / d, Decimal::k_scale);
  if (!quotient) {
    overflow("division");
  }
  Units q = *quotient;
  Units r = x % d;
  Units place = Decimal::k_scale;
  for (int i = 0; i < Decimal::k_scale_digits; ++i) {
    place /= 10;
    r *= 10;
    q += (r / d) * place;
    r %= d;
  }
  if (r * 2 >= d) {
    ++q;
  }
  return checked(negative ? -q : q, "division");
}

Decimal Decimal::rounded(int digits) const {
  if (digits >= k_scale_digits) {
    return *this;
  }
  Units step = 1;
  for (int i = digits < 0 ? 0 : digits; i < k_scale_digits; ++i) {
    step *= 10;
  }
  const Units magnitude = divide_rounded(m_units < 0 ? -m_units : m_units, step) * step;
  return checked(m_units < 0 ? -magnitude : magnitude, "rounding");
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
  if (!(std::fabs(scaled) < 1e36)) {
    overflow("conversion");
  }
  return from_units(static_cast<Units>(scaled));
}

}  // namespace stackplan
