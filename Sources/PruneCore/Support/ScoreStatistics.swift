/// Statistics of a score table shared by the rules and the benchmarks.
public enum ScoreStatistics {
  /// The sum of all scores in sixteen interleaved lanes (two 8-wide SIMD accumulators, a fixed
  /// order, so deterministic): as fast as the memory delivers the scores. Rules never decide by
  /// it: their comparisons with a mean go through ``MeanThreshold``.
  public static func sum(of scores: [Double]) -> Double {
    scores.withUnsafeBufferPointer { s in
      guard let base = s.baseAddress else { return 0 }
      var a = SIMD8<Double>()
      var b = SIMD8<Double>()
      let n = s.count
      var i = 0
      while i + 16 <= n {
        a += UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Double>.self)
        b += UnsafeRawPointer(base + i + 8).loadUnaligned(as: SIMD8<Double>.self)
        i += 16
      }
      var total = (a + b).sum()
      while i < n {
        total += s[i]
        i += 1
      }
      return total
    }
  }

  /// The mean of all scores (``sum(of:)`` / N; NaN for no scores).
  public static func mean(of scores: [Double]) -> Double {
    sum(of: scores) / Double(scores.count)
  }
}
