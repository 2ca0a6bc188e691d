import PruneCore
import PruneEngine
import PruneSignals

/// One point of the stress atlas: a rule at one value of one knob for one seed, next to full
/// data and to dynamic random pruning *at the same saved fraction* (common random numbers: the
/// three runs see the same learner, the same noise and the same activations).
///
/// Matched random: the dynamic random baseline's ratio r is calibrated by bisection
/// (``PruneEngine/SavingsCalibration``) so that it saves the rule's saved fraction within
/// ``StressAtlas/Setup/calibrationTolerance``; nil when no r in [0, 0.95] reaches it. It
/// rescales its kept samples by 1/(1 − r) exactly when the rule's trained weights exceed its
/// trained count (the rule reweights, as InfoBatch and RePB do), so both spend about the same
/// total weight and the comparison isolates *which* samples the rule keeps.
public struct StressMeasurement: Sendable, Hashable {
  public var rule: String
  public var knob: String
  public var value: Double
  public var seedIndex: Int
  public var seed: UInt64
  /// The rule's own measurement next to full data (saved fraction, losses, Spearman, ...).
  public var run: SweepMeasurement
  /// The matched random ratio r and what that run saved and reached; nil when unreachable.
  public var matchedRandomRatio: Double?
  public var matchedRandomSavedFraction: Double?
  public var matchedRandomFinalLoss: Double?
  /// The rule's guarantee (``StressGuarantee``) measured on this run; nil when it has none.
  public var guarantee: StressGuarantee.Outcome?

  /// Final expected loss minus full data's (> 0: pruning cost loss).
  public var excessOverFull: Double { run.excessLoss }
  /// Final expected loss minus matched random's (> 0: worse than random at its own budget).
  public var excessOverRandom: Double? {
    matchedRandomFinalLoss.map { run.finalExpectedLoss - $0 }
  }

  /// Measures `rule` under `conditions` with seed `seed`, with full data's final loss given.
  static func measure(
    rule: StressRule, conditions: StressConditions, setup trainingSetup: TrainingSetup,
    fullDataLoss: Double, calibrationTolerance: Double
  ) throws -> (
    SweepMeasurement, random: (ratio: Double, saved: Double, loss: Double)?,
    guarantee: StressGuarantee.Outcome?
  ) {
    let built = try RuleCatalog.makeRule(
      named: rule.catalogName, options: rule.options, setup: trainingSetup)
    let (result, learner) = try SweepRunner.simulate(built, conditions.sweep, trainingSetup)
    let measurement = SweepMeasurement.measure(
      result, learner: learner, fullDataLoss: fullDataLoss)
    let guarantee = StressGuarantee.check(rule: rule, result: result)

    let calibration = try SavingsCalibration(
      target: measurement.savedFraction, range: 0...0.95, tolerance: calibrationTolerance,
      parameterName: "random prune-ratio")
    // Random spends the rule's expected total weight: rescaled 1/(1 - r) when the rule
    // reweights its kept samples (InfoBatch, RePB), unweighted otherwise (SeTa, B-PAS).
    let outcomes = result.samples
    let trained = Double(outcomes?.timesTrained.reduce(0, +) ?? 0)
    let weighted = outcomes?.weightedTimesTrained.reduce(0, +) ?? 0
    let rescales = weighted > trained * (1 + 1e-6)
    let randomRule = { @Sendable (r: Double) throws -> any PruningRule in
      var options = RuleOptions()
      try options.setValue("\(r)", forOption: "prune-ratio")
      try options.setValue("\(rescales)", forOption: "rescale")
      return try RuleCatalog.makeRule(named: "random", options: options, setup: trainingSetup)
    }
    let match: SavingsCalibration.Result
    do {
      match = try calibration.solve(rule: randomRule) {
        try SweepRunner.source(conditions.sweep, trainingSetup)
      }
    } catch PruneEngineError.savingsUnreachable {
      return (measurement, nil, guarantee)
    }
    let (randomResult, randomLearner) = try SweepRunner.simulate(
      try randomRule(match.parameter), conditions.sweep, trainingSetup)
    let random = SweepMeasurement.measure(
      randomResult, learner: randomLearner, fullDataLoss: fullDataLoss)
    return (
      measurement, (match.parameter, random.savedFraction, random.finalExpectedLoss), guarantee
    )
  }
}

/// The guarantee a rule's paper states, checked on a finished run.
///
/// - InfoBatch (Eq. 6-9): rescaled soft pruning keeps the expected weight of every sample per
///   epoch at 1; measured as Σ trained weights / (N E), held when within 0.02 of 1.
/// - RePB (pool never empty, §RePB-2): every planned epoch trains at least one sample; measured
///   as the smallest share of N trained in an epoch, held when > 0 and no epoch was skipped.
/// - B-PAS (monotone retention, BPAS-1): the batches trained per epoch never increase; measured
///   as the number of epochs with more batches than the one before, held at 0.
public enum StressGuarantee {
  /// The measured quantity and whether the guarantee held.
  public struct Outcome: Sendable, Hashable {
    public let name: String
    public let value: Double
    public let holds: Bool
  }

  /// The guarantee's name for a rule, or nil.
  public static func name(of rule: StressRule) -> String? {
    switch rule.catalogName {
    case "infobatch": return "expected weight per sample-epoch = 1"
    case "repb": return "candidate pool never empty"
    case "bpas": return "monotone retention"
    default: return nil
    }
  }

  static func check(rule: StressRule, result: SimulationResult) -> Outcome? {
    guard let name = name(of: rule) else { return nil }
    let summary = result.summary
    switch rule.catalogName {
    case "infobatch":
      let weight = (result.samples?.weightedTimesTrained ?? []).reduce(0, +)
      let ratio = weight / (Double(summary.samples) * Double(summary.epochsPlanned))
      return Outcome(name: name, value: ratio, holds: abs(ratio - 1) <= 0.02)
    case "repb":
      let smallest = result.epochs.map(\.trainedSamples).min() ?? 0
      let share = Double(smallest) / Double(summary.samples)
      return Outcome(
        name: name, value: share,
        holds: smallest > 0 && summary.epochsRun == summary.epochsPlanned)
    default:
      let batches = result.epochs.map(\.trainedBatches)
      let increases = zip(batches, batches.dropFirst()).filter { $0.1 > $0.0 }.count
      return Outcome(name: name, value: Double(increases), holds: increases == 0)
    }
  }
}
