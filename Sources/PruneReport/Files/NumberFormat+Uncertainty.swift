extension NumberFormat {
  /// `value` rounded to what its `uncertainty` supports: to the decimal of the uncertainty's
  /// second significant digit (`measured(0.8266666666666667, uncertainty: 0.012)` is `"0.827"`,
  /// `measured(12.346, uncertainty: 0.4)` is `"12.35"`). An exact value (uncertainty 0 or not
  /// finite) gets `exactDigits` significant digits.
  ///
  /// The digits kept never exceed `maxDigits` significant digits, so a tiny uncertainty on a
  /// large value does not print a long tail, and a value far smaller than its uncertainty prints
  /// as the zeros it is indistinguishable from (`measured(3e-5, uncertainty: 0.02)` is `"0.000"`).
  public static func measured(
    _ value: Double, uncertainty: Double, exactDigits: Int = 4, maxDigits: Int = 6
  ) -> String {
    guard value.isFinite else { return CSVValue.format(value) }
    guard uncertainty.isFinite, uncertainty > 0 else {
      return significant(value, digits: exactDigits)
    }
    let decimals = 1 - Int(log10Floor(uncertainty))
    let valueExponent = value == 0 ? Int.min / 2 : Int(log10Floor(abs(value)))
    let digits = valueExponent + decimals + 1
    if digits > maxDigits { return significant(value, digits: maxDigits) }
    if (0...6).contains(decimals) { return fixed(value, decimals: decimals) }
    if digits < 1 { return "0" }
    return significant(value, digits: digits)
  }

  /// An uncertainty or a tolerance as a page prints it: `digits` significant digits
  /// (`0.01` stays `0.01`, never `0`).
  public static func uncertainty(_ value: Double, digits: Int = 2) -> String {
    significant(value, digits: digits)
  }

  /// A table cell that may hold a number in CSV spelling (every digit): numbers with more than
  /// `digits` significant digits are shortened to `digits`, integers and text are kept.
  public static func pageCell(_ cell: String, digits: Int = 4) -> String {
    guard cell.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
      let value = Double(cell), value.isFinite
    else { return cell }
    return significant(value, digits: digits)
  }
}
