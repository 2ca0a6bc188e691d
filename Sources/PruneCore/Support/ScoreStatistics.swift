/// Statistics of a score table shared by the rules and the benchmarks.
public enum ScoreStatistics {
  /// The sum of all scores: blocks of 1,024 in eight SIMD lanes, the block sums compensated
  /// (``BracketedSum``; a fixed order, so deterministic, and more accurate than a running sum).
  /// Rules never decide by it: their comparisons with a mean go through ``MeanThreshold``.
  public static func sum(of scores: [Double]) -> Double {
    scores.withUnsafeBufferPointer { BracketedSum($0).sum }
  }

  /// The mean of all scores (``sum(of:)`` / N; NaN for no scores).
  public static func mean(of scores: [Double]) -> Double {
    sum(of: scores) / Double(scores.count)
  }
}
