/// Mean and spread of one quantity over seeds, and the comparisons the end-to-end claims make.
///
/// The spread is the sample standard deviation `s = sqrt(sum (x_k - mean)^2 / (n - 1))`; the
/// uncertainty of a mean is its standard error `s / sqrt(n)`. With one seed both are NaN
/// (nothing is known about the spread), which makes every check on them inconclusive.
public struct SeedStatistics: Sendable, Hashable {
  /// The values, one per seed.
  public let values: [Double]

  public init(_ values: [Double]) { self.values = values }

  /// The number of seeds n.
  public var count: Int { values.count }

  /// The mean over seeds (NaN for none).
  public var mean: Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation s (NaN for fewer than two seeds).
  public var standardDeviation: Double {
    guard values.count >= 2 else { return .nan }
    let m = mean
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  /// The standard error of the mean, s / sqrt(n).
  public var standardError: Double { standardDeviation / Double(values.count).squareRoot() }

  /// Paired differences `a_k - b_k` by seed (both lists in seed order, equally long).
  public static func pairedDifferences(_ a: [Double], _ b: [Double]) -> SeedStatistics {
    precondition(a.count == b.count, "one value per seed on both sides")
    return SeedStatistics(zip(a, b).map { $0 - $1 })
  }

  /// The lossless test of cnn.md and claims.md X-1: a rule is lossless when its mean accuracy
  /// is within one standard deviation of full data's,
  /// ```
  /// mean(acc_rule) >= mean(acc_full) - std(acc_full)
  /// ```
  /// (a rule above full data is lossless too). False when the spread is unknown (one seed).
  public static func isLossless(rule: SeedStatistics, full: SeedStatistics) -> Bool {
    let spread = full.standardDeviation
    guard spread.isFinite, rule.mean.isFinite, full.mean.isFinite else { return false }
    return rule.mean >= full.mean - spread
  }

  /// The lossless point of a rule's frontier: the largest mean saved fraction among its
  /// settings whose accuracy is lossless (nil when none is).
  ///
  /// - Parameter points: (mean saved fraction, accuracies over seeds) per setting.
  public static func losslessPoint(
    of points: [(saved: Double, accuracy: SeedStatistics)], full: SeedStatistics
  ) -> Double? {
    points.filter { isLossless(rule: $0.accuracy, full: full) }.map(\.saved).max()
  }
}
