/// Mean and spread of one quantity over seeds, and the comparisons the end-to-end claims make.
///
/// The spread is the sample standard deviation `s = sqrt(sum (x_k - mean)^2 / (n - 1))`; the
/// uncertainty of a mean is its standard error `s / sqrt(n)`. With one seed both are NaN
/// (nothing is known about the spread), which makes every check on them inconclusive.
public struct SeedStatistics: Sendable, Hashable {
  /// The values, one per seed.
  public let values: [Double]
  /// How far from 0 a mean can be and still be 0 up to floating-point rounding (0 for plain
  /// values; set by ``pairedDifferences(_:_:)``).
  public let resolution: Double

  public init(_ values: [Double]) { self.init(values, resolution: 0) }

  init(_ values: [Double], resolution: Double) {
    self.values = values
    self.resolution = resolution
  }

  /// The number of seeds n.
  public var count: Int { values.count }

  /// The mean over seeds (NaN for none); a mean within ``resolution`` of 0 is 0.
  public var mean: Double {
    let m = unroundedMean
    return abs(m) <= resolution ? 0 : m
  }

  /// The mean as summed, floating-point error included.
  var unroundedMean: Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation s (NaN for fewer than two seeds).
  public var standardDeviation: Double {
    guard values.count >= 2 else { return .nan }
    let m = unroundedMean
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  /// The standard error of the mean, s / sqrt(n).
  public var standardError: Double { standardDeviation / Double(values.count).squareRoot() }

  /// Paired differences `a_k - b_k` by seed (both lists in seed order, equally long).
  ///
  /// Their mean decides the ordering checks (tolerance 0), so a tie must come out as 0, not as
  /// the rounding error of the doubles: accuracies are counts over the test set (k / 600), which
  /// no double holds exactly, and two rules with equal mean accuracy give a mean difference of
  /// about 1e-17 of either sign. A mean within the rounding bound of its inputs is therefore 0
  /// (``resolution``, with unit roundoff u = 2^-53; Higham, *Accuracy and Stability of
  /// Numerical Algorithms*, 2002, §2.2 and §4.2, for each input's representation, each
  /// subtraction, the recursive sum and the division):
  /// ```
  /// r = u (sum_k (|a_k| + |b_k|) + (n + 1) sum_k |a_k - b_k|) / n
  /// ```
  /// r is about 2e-16 for accuracies, twelve orders of magnitude below one test sample.
  public static func pairedDifferences(_ a: [Double], _ b: [Double]) -> SeedStatistics {
    precondition(a.count == b.count, "one value per seed on both sides")
    let differences = zip(a, b).map { $0 - $1 }
    let inputs = zip(a, b).reduce(0) { $0 + abs($1.0) + abs($1.1) }
    let sums = Double(differences.count + 1) * differences.reduce(0) { $0 + abs($1) }
    let u = Double.ulpOfOne / 2
    let resolution = differences.isEmpty ? 0 : u * (inputs + sums) / Double(differences.count)
    return SeedStatistics(differences, resolution: resolution.isFinite ? resolution : 0)
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
