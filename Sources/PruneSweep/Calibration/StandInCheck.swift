import PruneCore
import PruneEngine
import PruneSignals

/// Claim G-1 (claims.md): a learner fitted to a real loss log stands in for that run. Each rule
/// runs twice with the same seed and setup: on the real log replayed (LogReplaySource: the rule
/// sees the logged losses) and on the per-sample fitted learner (``LearnerFit/sampleLearner``,
/// closed loop: what the rule prunes learns less, as in a real pruned run). Compared per epoch:
/// - the saved fraction 1 − trained / N, as the mean over epochs of |fitted − replayed|;
/// - which samples are pruned, as the Jaccard overlap |P_fit ∩ P_log| / |P_fit ∪ P_log| of the
///   pruned sets, averaged over the epochs where either pruned, next to the overlap two uniform
///   random sets of the same sizes would have (E|A ∩ B| = |A||B| / N), and the overlap of the
///   rule with itself on the log under another seed (its own random draws' share).
/// The rule's check holds when the mean |Δ saved| ≤ ``savedTolerance`` and the mean overlap
/// ≥ ``overlapTolerance``; the learner is a faithful stand-in when every rule's check holds.
/// The same comparison with the fitted learner's own full-data log replayed (open loop, like
/// the real replay) separates the generator's fidelity from the feedback of pruning.
public struct StandInCheck: Sendable, Hashable {
  /// Stated before measuring: 0.02 saved-fraction points per epoch (four times the
  /// matched-savings tolerance of the claims), and half of the pruned samples shared.
  public static let savedTolerance = 0.02
  public static let overlapTolerance = 0.5

  public struct Row: Sendable, Hashable {
    public let rule: String
    /// "closed loop" (the fitted learner trained under the rule) or "open loop" (its
    /// full-data log replayed).
    public let mode: String
    public let meanSavedLog: Double
    public let meanSavedFitted: Double
    public let meanAbsoluteSavedDifference: Double
    public let meanOverlap: Double
    public let meanChanceOverlap: Double
    /// The overlap of the rule's pruned sets on the log itself with seeds `seed` and
    /// `seed + 1`: how far the rule's own random draws alone decorrelate its pruned sets.
    public var seedOverlap: Double = 0
    /// Per epoch: saved fraction on the log, on the learner, and the overlap (nil: neither pruned).
    public let perEpoch: [(log: Double, fitted: Double, overlap: Double?)]

    public var holds: Bool {
      meanAbsoluteSavedDifference <= StandInCheck.savedTolerance
        && meanOverlap >= StandInCheck.overlapTolerance
    }

    public static func == (a: Row, b: Row) -> Bool {
      a.rule == b.rule && a.mode == b.mode && a.meanOverlap == b.meanOverlap
        && a.meanAbsoluteSavedDifference == b.meanAbsoluteSavedDifference
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(rule)
      hasher.combine(mode)
    }
  }

  public let rows: [Row]
  public let batchSize: Int
  public let seed: UInt64

  /// True when every closed-loop row holds.
  public var isFaithful: Bool { rows.filter { $0.mode == "closed loop" }.allSatisfy(\.holds) }

  /// Runs `rules` on the replayed `log` and on `fit`'s learner.
  /// - Throws: the rules' and the engine's errors.
  public init(
    log: LossLog, fit: LearnerFit, rules: [StressRule], batchSize: Int, seed: UInt64
  ) throws {
    let setup = try TrainingSetup(
      sampleCount: log.sampleCount, batchSize: batchSize, plannedEpochs: log.epochCount,
      seed: seed)
    let learnerLog = try FullDataLog.record(
      try fit.sampleLearner(seed: seed), epochs: log.epochCount)
    var rows: [Row] = []
    let otherSeed = try TrainingSetup(
      sampleCount: log.sampleCount, batchSize: batchSize, plannedEpochs: log.epochCount,
      seed: seed &+ 1)
    for rule in rules {
      let real = try Self.trainedSets(rule, setup, try LogReplaySource(lossLog: log))
      let reseeded = try Self.trainedSets(rule, otherSeed, try LogReplaySource(lossLog: log))
      let ceiling = Self.compare(rule.name, "seeds", real, reseeded).meanOverlap
      let closed = try Self.trainedSets(rule, setup, try fit.sampleLearner(seed: seed))
      let open = try Self.trainedSets(rule, setup, try LogReplaySource(lossLog: learnerLog))
      for (mode, sets) in [("closed loop", closed), ("open loop", open)] {
        var row = Self.compare(rule.name, mode, real, sets)
        row.seedOverlap = ceiling
        rows.append(row)
      }
    }
    self.rows = rows
    self.batchSize = batchSize
    self.seed = seed
  }

  static func trainedSets<Source: SignalSource>(
    _ rule: StressRule, _ setup: TrainingSetup, _ source: Source
  ) throws -> [[Bool]] {
    var recorder = TrainedSamplesRecorder(source)
    var built = try RuleCatalog.makeRule(
      named: rule.catalogName, options: rule.options, setup: setup)
    _ = try run(&built, &recorder)
    return recorder.trained
  }

  private static func run<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, _ source: inout Source
  ) throws -> SimulationResult {
    try Simulation.run(&rule, on: &source, options: SimulationOptions(recordsSampleOutcomes: false))
  }

  static func compare(_ rule: String, _ mode: String, _ a: [[Bool]], _ b: [[Bool]]) -> Row {
    var perEpoch: [(log: Double, fitted: Double, overlap: Double?)] = []
    var chances: [Double] = []
    for e in 0..<min(a.count, b.count) {
      let n = a[e].count
      var prunedA = 0
      var prunedB = 0
      var both = 0
      for i in 0..<n {
        let pa = !a[e][i]
        let pb = !b[e][i]
        if pa { prunedA += 1 }
        if pb { prunedB += 1 }
        if pa && pb { both += 1 }
      }
      let union = prunedA + prunedB - both
      let overlap = union == 0 ? nil : Double(both) / Double(union)
      if union > 0 {
        let expected = Double(prunedA) * Double(prunedB) / Double(n)
        chances.append(expected / (Double(prunedA + prunedB) - expected))
      }
      perEpoch.append(
        (1 - Double(n - prunedA) / Double(n), 1 - Double(n - prunedB) / Double(n), overlap))
    }
    let count = Double(max(1, perEpoch.count))
    let overlaps = perEpoch.compactMap(\.overlap)
    return Row(
      rule: rule, mode: mode, meanSavedLog: perEpoch.map(\.log).reduce(0, +) / count,
      meanSavedFitted: perEpoch.map(\.fitted).reduce(0, +) / count,
      meanAbsoluteSavedDifference: perEpoch.map { abs($0.log - $0.fitted) }.reduce(0, +) / count,
      meanOverlap: overlaps.isEmpty ? 1 : overlaps.reduce(0, +) / Double(overlaps.count),
      meanChanceOverlap: chances.isEmpty ? 0 : chances.reduce(0, +) / Double(chances.count),
      perEpoch: perEpoch)
  }
}
