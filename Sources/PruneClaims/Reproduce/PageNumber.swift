import PruneReport

/// Numbers as the pages print them, through PruneReport's ``NumberFormat`` (the same bytes on
/// every machine, non-finite values spelled as in the CSV files).
enum PageNumber {
  /// An exact or unqualified number: four significant digits.
  static func format(_ value: Double) -> String {
    NumberFormat.significant(value, digits: 4)
  }

  /// A measured value, rounded to what its uncertainty supports.
  static func format(_ value: Double, uncertainty: Double) -> String {
    NumberFormat.measured(value, uncertainty: uncertainty)
  }

  /// A check's measured value and its difference from the prediction, as its row prints them.
  ///
  /// Each is rounded to what the uncertainty supports unless that rounding would read as
  /// another verdict: with tolerance 0, a shortfall of 0.0002 against an uncertainty of 0.026
  /// rounds to `0.000`, which reads as `holds` beside an `inconclusive` decided on the unrounded
  /// value. Then the number gets the fewest significant digits that read as the verdict the
  /// check reached (`-2e-04`), and at most every digit of the double.
  static func measuredAndDifference(of check: ClaimCheck) -> (measured: String, difference: String)
  {
    func readsAsVerdict(_ measured: Double) -> Bool {
      check.comparison.verdict(
        measured: measured, predicted: check.predicted, uncertainty: check.uncertainty,
        tolerance: check.tolerance) == check.verdict
    }
    let measured = deciding(check.measured, uncertainty: check.uncertainty) { readsAsVerdict($0) }
    let difference = deciding(check.difference, uncertainty: check.uncertainty) {
      readsAsVerdict(check.predicted + $0)
    }
    return (measured, difference)
  }

  /// `value` rounded to its uncertainty, or with as many more digits as `reads` needs.
  private static func deciding(
    _ value: Double, uncertainty: Double, reads: (Double) -> Bool
  ) -> String {
    let rounded = format(value, uncertainty: uncertainty)
    guard value.isFinite, let shown = Double(rounded), !reads(shown) else { return rounded }
    for digits in 1...15 {
      let text = NumberFormat.significant(value, digits: digits)
      if let shown = Double(text), reads(shown) { return text }
    }
    return "\(value)"
  }

  /// An uncertainty or tolerance: two (tolerance: three) significant digits.
  static func spread(_ value: Double, digits: Int = 2) -> String {
    NumberFormat.uncertainty(value, digits: digits)
  }
}
