#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Deterministic, locale-free number text for pages and figure labels.
///
/// CSV and JSON keep every digit (``CSVValue/format(_:)``); a page or a tick label wants a few.
/// These functions round through integers, so they print the same bytes on every machine.
public enum NumberFormat {
  /// `value` with exactly `decimals` digits after the point: `fixed(0.6000000000000001, 1)` is
  /// `"0.6"`, `fixed(-0.04, 1)` is `"0.0"` (no negative zero). Non-finite values print as
  /// `NaN`, `Inf`, `-Inf`; magnitudes beyond 1e15 fall back to ``significant(_:digits:)``.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    if !value.isFinite { return CSVValue.format(value) }
    let places = max(0, min(decimals, 15))
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
    guard abs(scaled) < 9e15, abs(value) < 1e15 else { return significant(value, digits: 6) }
    let integer = Int64(scaled)
    let magnitude = String(integer.magnitude)
    let sign = integer < 0 ? "-" : ""
    if places == 0 { return sign + magnitude }
    let padded = String(repeating: "0", count: max(0, places + 1 - magnitude.count)) + magnitude
    let split = padded.index(padded.endIndex, offsetBy: -places)
    return sign + padded[..<split] + "." + padded[split...]
  }

  /// `value` with `digits` significant digits: fixed notation for 1e-3 <= |value| < 1e6,
  /// otherwise scientific (`1.23e-05`, `4.5e+07`). Trailing zeros are kept only up to the
  /// requested digits in scientific form and dropped in fixed form (`0.5`, not `0.500`).
  public static func significant(_ value: Double, digits: Int = 3) -> String {
    if !value.isFinite { return CSVValue.format(value) }
    if value == 0 { return "0" }
    let digits = max(1, min(digits, 15))
    var exponent = Int(log10Floor(abs(value)))
    // Rounding may carry into the next decade (9.996 -> 10.0).
    let mantissa = (abs(value) / power10(exponent) * power10(digits - 1)).rounded(
      .toNearestOrAwayFromZero)
    if mantissa >= power10(digits) { exponent += 1 }
    if exponent >= -3, exponent < 6 {
      return trimmed(fixed(value, decimals: max(0, digits - 1 - exponent)))
    }
    let scaled = value / power10(exponent)
    let body = trimmed(fixed(scaled, decimals: digits - 1))
    let sign = exponent < 0 ? "-" : "+"
    let exponentText = String(abs(exponent))
    return body + "e" + sign + (exponentText.count < 2 ? "0" : "") + exponentText
  }

  /// Removes trailing zeros after a decimal point, and the point itself if nothing is left.
  static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = text
    while result.last == "0" { result.removeLast() }
    if result.last == "." { result.removeLast() }
    return result == "-0" ? "0" : result
  }

  /// 10^exponent: the correctly rounded literal for |exponent| <= 22 (exact for 0...22), the C
  /// library's `pow` beyond.
  static func power10(_ exponent: Int) -> Double {
    if abs(exponent) <= 22 { return powersOfTen[exponent + 22] }
    return pow(10, Double(exponent))
  }

  private static let powersOfTen: [Double] = [
    1e-22, 1e-21, 1e-20, 1e-19, 1e-18, 1e-17, 1e-16, 1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10,
    1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// floor(log10(x)) for finite x > 0, corrected so it is exact at powers of ten whatever
  /// the last bit of the C library's `log10`.
  static func log10Floor(_ x: Double) -> Double {
    guard x.isFinite, x > 0 else { return 0 }
    var exponent = Int(log10(x).rounded(.down))
    if power10(exponent) > x { exponent -= 1 }
    if power10(exponent + 1) <= x { exponent += 1 }
    return Double(exponent)
  }
}
