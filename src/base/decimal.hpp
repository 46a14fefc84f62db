#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stackplan {

/// An exact decimal with ten fractional digits (the precision of AWS offer files), stored as a
/// scaled 128-bit integer. Range: +/- 10^26, so a quadrillion requests a month at any listed
/// price, or bytes by the exabyte, are exact. Money never goes through a double.
class Decimal {
 public:
  using Units = __int128;
  static constexpr int k_scale_digits = 10;
  static constexpr std::int64_t k_scale = 10'000'000'000;
  /// The largest magnitude in units: 10^36 (10^26 with ten fractional digits).
  static constexpr Units k_max_units =
      static_cast<Units>(1'000'000'000'000'000'000) * static_cast<Units>(1'000'000'000'000'000'000);

  constexpr Decimal() = default;
  /// Throws std::overflow_error beyond the range.
  static Decimal from_units(Units units);
  /// Throws std::overflow_error beyond the range.
  static Decimal from_int(std::int64_t whole);

  /// Parses "12", "-0.024", "1.5e-3", "+3."; nullopt when the text is not a decimal number,
  /// has more than ten fractional digits of precision, or is out of range.
  static std::optional<Decimal> parse(std::string_view text);

  Units units() const { return m_units; }
  bool is_negative() const { return m_units < 0; }
  bool is_positive() const { return m_units > 0; }
  /// Shortest exact text: "0.024", "10", "-3.5".
  std::string to_string() const;
  /// Rounded half away from zero to `digits` fractional digits, always printing them.
  std::string to_fixed(int digits) const;
  double to_double() const { return static_cast<double>(m_units) / static_cast<double>(k_scale); }

  /// Exact arithmetic. Sums and differences are exact; products and quotients are rounded half
  /// away from zero to ten fractional digits. Any result out of range throws
  /// std::overflow_error (as does division by zero), so a wrong figure is never printed.
  friend Decimal operator+(Decimal a, Decimal b);
  friend Decimal operator-(Decimal a, Decimal b);
  friend Decimal operator-(Decimal a) { return Decimal() - a; }
  friend Decimal operator*(Decimal a, Decimal b);
  friend Decimal operator/(Decimal a, Decimal b);
  Decimal& operator+=(Decimal b) { return *this = *this + b; }
  Decimal& operator-=(Decimal b) { return *this = *this - b; }

  /// Rounded half away from zero to `digits` fractional digits (0..10).
  Decimal rounded(int digits) const;
  /// The nearest decimal with at most ten fractional digits, through the shortest text that
  /// reads back as `value` (so 0.1 becomes exactly 0.1). Throws std::overflow_error when out of
  /// range or not finite.
  static Decimal from_double(double value);
  bool is_zero() const { return m_units == 0; }

  friend bool operator==(Decimal a, Decimal b) { return a.m_units == b.m_units; }
  friend auto operator<=>(Decimal a, Decimal b) { return a.m_units <=> b.m_units; }

 private:
  Units m_units = 0;
};

}  // namespace stackplan
