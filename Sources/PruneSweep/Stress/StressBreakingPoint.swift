import PruneCore

/// Where a rule breaks under one knob: the mildest knob value at which its excess loss over
/// dynamic random *at the same saved fraction* exceeds a tolerance set by the seed-to-seed
/// spread, with an interval over seeds.
///
/// With S seeds and x_{v,s} the excess over matched random at value v and seed s:
/// - the tolerance is τ = max(2 s_p / √S, 1e-4), where s_p² is the mean over values of the
///   sample variance over seeds (the pooled seed spread): an excess above τ is about two
///   standard errors above zero, not a seed's luck (1e-4 loss units guards a spread of zero);
/// - the breaking point is the first value v, mildest first, whose mean x̄_v exceeds τ;
///   "none up to v_max" when no value does;
/// - its interval: the 5th and 95th percentiles of the breaking point over 1,000 bootstrap
///   resamples of the seeds (seed-level resampling, τ held fixed), from a generator seeded by
///   the rule's and the knob's positions, so the page regenerates byte for byte.
/// Values where no random ratio reaches the rule's saving are skipped (reported apart).
public struct StressBreakingPoint: Sendable, Hashable {
  public let rule: String
  public let knob: String
  public let values: [Double]
  /// Mean over seeds of the excess over matched random per value (nil: never matched).
  public let meanExcessOverRandom: [Double?]
  /// Sample standard deviation over seeds of the same (nil: fewer than 2 seeds matched).
  public let sdExcessOverRandom: [Double?]
  /// Mean over seeds of the excess over full data per value.
  public let meanExcessOverFull: [Double]
  /// Mean saved fraction per value.
  public let meanSavedFraction: [Double]
  public let tolerance: Double
  public let seedCount: Int
  /// The index of the breaking value, nil for none.
  public let breakingIndex: Int?
  /// The 5th and 95th bootstrap percentiles as value indices; `values.count` means none.
  public let intervalIndices: (lower: Int, upper: Int)

  public static func == (a: Self, b: Self) -> Bool {
    a.rule == b.rule && a.knob == b.knob && a.values == b.values
      && a.meanExcessOverRandom == b.meanExcessOverRandom && a.tolerance == b.tolerance
      && a.breakingIndex == b.breakingIndex && a.intervalIndices == b.intervalIndices
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rule)
    hasher.combine(knob)
    hasher.combine(breakingIndex)
  }

  /// The number of bootstrap resamples.
  public static let resamples = 1_000

  /// Analyses the points of one rule and one knob (every value, every seed).
  /// - Parameter stream: Seeds the bootstrap (the caller passes the rule's and knob's positions).
  public init(
    rule: String, knob: StressKnob, points: [StressMeasurement], seedCount: Int, stream: UInt64
  ) {
    self.rule = rule
    self.knob = knob.id
    values = knob.values
    self.seedCount = seedCount
    var grid = [[Double?]](
      repeating: [Double?](repeating: nil, count: seedCount), count: knob.values.count)
    var full = [[Double]](repeating: [], count: knob.values.count)
    var saved = [[Double]](repeating: [], count: knob.values.count)
    for point in points {
      guard let v = knob.values.firstIndex(of: point.value), point.seedIndex < seedCount else {
        continue
      }
      grid[v][point.seedIndex] = point.excessOverRandom
      full[v].append(point.excessOverFull)
      saved[v].append(point.run.savedFraction)
    }
    meanExcessOverRandom = grid.map { Self.mean($0.compactMap { $0 }) }
    sdExcessOverRandom = grid.map { Self.standardDeviation($0.compactMap { $0 }) }
    meanExcessOverFull = full.map { Self.mean($0) ?? 0 }
    meanSavedFraction = saved.map { Self.mean($0) ?? 0 }
    let variances = sdExcessOverRandom.compactMap { $0.map { $0 * $0 } }
    let pooled = (Self.mean(variances) ?? 0).squareRoot()
    let tolerance = max(2 * pooled / Double(seedCount).squareRoot(), 1e-4)
    self.tolerance = tolerance
    breakingIndex = Self.firstExceeding(meanExcessOverRandom, tolerance)

    var generator = SeededGenerator(seed: 0x57E5_5A71_A500_0001, stream: stream)
    var found: [Int] = []
    found.reserveCapacity(Self.resamples)
    for _ in 0..<Self.resamples {
      let picks = (0..<seedCount).map { _ in generator.nextIndex(below: seedCount) }
      let means = grid.map { row in Self.mean(picks.compactMap { row[$0] }) }
      found.append(Self.firstExceeding(means, tolerance) ?? knob.values.count)
    }
    found.sort()
    intervalIndices = (
      found[Int(0.05 * Double(Self.resamples - 1))],
      found[Int((0.95 * Double(Self.resamples - 1)).rounded(.up))]
    )
  }

  static func firstExceeding(_ means: [Double?], _ tolerance: Double) -> Int? {
    means.firstIndex { ($0 ?? -.infinity) > tolerance }
  }

  static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count >= 2, let m = mean(values) else { return nil }
    return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
  }

  /// True when the rule is already worse than random at the mildest value.
  public var breaksAtReference: Bool { breakingIndex == 0 }

  /// True when some value had no matched random (the rule saved more than random can).
  public var hasUnmatchedValues: Bool { meanExcessOverRandom.contains { $0 == nil } }
}
