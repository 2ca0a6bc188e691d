/// A real number held exactly as a sum of non-overlapping doubles (a floating-point expansion).
///
/// Shewchuk's "grow-expansion" (Discrete & Computational Geometry 18, 1997, §2.5), the method
/// behind Python's `math.fsum`: adding a double runs it through the components with the
/// error-free two-sum (`hi = a + b`, `lo = b - (hi - a)` for |a| >= |b|), keeping every non-zero
/// rounding error as a component. Components stay non-overlapping and ascending in magnitude, so
/// the sign of the value is the sign of the largest non-zero component. Used by
/// ``MeanThreshold`` to decide ties with a mean exactly.
struct ExactExpansion {
  /// Non-overlapping components, ascending in magnitude; their exact sum is the value.
  private(set) var components: [Double] = []

  init() {}

  /// The exact sum of `values` (finite, not overflowing).
  init(summing values: UnsafeBufferPointer<Double>) {
    components.reserveCapacity(8)
    for x in values { add(x) }
  }

  /// Adds `value` exactly.
  mutating func add(_ value: Double) {
    var x = value
    var kept = 0
    for j in components.indices {
      var y = components[j]
      if abs(x) < abs(y) { swap(&x, &y) }
      let high = x + y
      let low = y - (high - x)
      if low != 0 {
        components[kept] = low
        kept += 1
      }
      x = high
    }
    components.removeSubrange(kept...)
    components.append(x)
  }

  /// -1, 0 or 1: the sign of the exact value.
  var sign: Int {
    for c in components.reversed() where c != 0 { return c < 0 ? -1 : 1 }
    return 0
  }

  /// The components summed from the smallest (within a few ulps of the value).
  var approximateValue: Double { components.reduce(0, +) }
}
