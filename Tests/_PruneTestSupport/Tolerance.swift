/// Helpers shared by the test targets.
public enum Tolerance {
  /// True when `a` and `b` agree to `relative` relative error (or `absolute` near zero).
  public static func isClose(
    _ a: Double, _ b: Double, relative: Double = 1e-12, absolute: Double = 0
  ) -> Bool {
    let scale = max(abs(a), abs(b))
    return abs(a - b) <= max(absolute, relative * scale)
  }
}

/// Keeps the optimiser from deleting a computation whose result a benchmark or test ignores.
@inline(never)
public func blackHole<T>(_ value: T) {}
