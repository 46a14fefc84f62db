#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stackplan {

/// An exact decimal with ten fractional digits (the precision of AWS offer files), stored as a
/// scaled 64-bit integer. Range: about +/- 922 million. Money never goes through a double.
class Decimal {
 public:
  static constexpr int k_scale_digits = 10;
  static constexpr std::int64_t k_scale = 10'000'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t units) {
    Decimal d;
    d.m_units = units;
    return d;
  }
  static Decimal from_int(std::int64_t whole) { return from_units(whole * k_scale); }

  /// Parses "12", "-0.024", "1.5e-3", "+3."; nullopt when the text is not a decimal number,
  /// has more than ten fractional digits of precision, or is out of range.
  static std::optional<Decimal> parse(std::string_view text);

  std::int64_t units() const { return m_units; }
  /// Shortest exact text: "0.024", "10", "-3.5".
  std::string to_string() const;
  /// Rounded half away from zero to `digits` fractional digits, always printing them.
  std::string to_fixed(int digits) const;
  double to_double() const { return static_cast<double>(m_units) / static_cast<double>(k_scale); }

  friend bool operator==(Decimal a, Decimal b) { return a.m_units == b.m_units; }
  friend auto operator<=>(Decimal a, Decimal b) { return a.m_units <=> b.m_units; }

 private:
  std::int64_t m_units = 0;
};

}  // namespace stackplan
