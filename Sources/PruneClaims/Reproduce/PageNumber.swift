import Foundation

/// Numbers as the pages print them: four significant digits, the same bytes on every machine.
///
/// `%.4g` in the C ("POSIX") locale, which `String(format:)` uses when no locale is given, so a
/// page never depends on the user's locale; non-finite values are spelled as in the CSV files
/// (`NaN`, `Inf`, `-Inf`).
enum PageNumber {
  static func format(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
    if value == 0 { return "0" }
    return String(format: "%.4g", value)
  }
}
