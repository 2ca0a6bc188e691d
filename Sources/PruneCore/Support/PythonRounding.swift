/// Python's `round(x)` for a Double: to the nearest integer, halves to the even neighbour.
///
/// SeTa sizes its window with it (algorithms.md §3): `round(4.5) = 4`, `round(2.5) = 2`,
/// `round(5.4) = 5`. Swift's `.rounded()` takes halves away from zero and would give 5 for 4.5.
public enum PythonRounding {
  /// - Precondition: `value` is finite and within Int's range.
  public static func roundHalfToEven(_ value: Double) -> Int {
    Int(value.rounded(.toNearestOrEven))
  }
}
