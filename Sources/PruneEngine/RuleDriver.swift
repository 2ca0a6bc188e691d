import PruneCore
import PruneSignals

/// The one loop that drives a pruning rule through its contract (``PruningRule``) on a signal
/// source, one epoch at a time: ``Simulation`` runs it for whole runs, the claims and the tests
/// for an epoch at a time on controlled signals (``ClosureSignals``).
///
/// One epoch:
/// ```
/// plan = rule.plan(forEpoch: e)
/// if plan is empty: rule.finishEpoch(e); return   // B-PAS with no batch left (§5.4)
/// source.beginEpoch(e)
/// for each batch of the plan, in order:
///   signals = source.measure(batch)        // forward, before the update
///   rule.record(BatchReport(batch, signals))
///   visit(batch)                           // the caller's bookkeeping
///   source.train(batch, effective weights) // the update
/// source.finishEpoch(e); rule.finishEpoch(e)
/// ```
/// The effective weights are the plan's own (``EpochPlan/Rescaling/perSample``) or the batch's
/// mean weight for every sample (``EpochPlan/Rescaling/batchMeanWeight``, the BLS code's
/// rescaling). The driver owns its scratch buffers, so a run allocates nothing per batch.
public struct RuleDriver {
  /// One batch as the driver saw it, handed to the caller's `visit`.
  public struct Batch {
    public let identity: BatchIdentity
    public let samples: ArraySlice<Int>
    /// The per-sample losses, when the source provides them.
    public let losses: ArraySlice<Double>?
    public let measurement: BatchMeasurement
    /// The weights the loss applies (see the type's discussion).
    public let weights: ArraySlice<Double>
  }

  private var lossBuffer: [Double] = []
  private var weightBuffer: [Double] = []
  /// Scratch of the whole-epoch path (RuleDriver+WholeEpoch.swift): one bit per sample, the
  /// epoch's losses and effective weights by plan position, one measurement per batch.
  var sampleMarks: [UInt64] = []
  var epochLosses: [Double] = []
  var epochWeights: [Double] = []
  var measurements: [BatchMeasurement] = []

  public init() {}

  /// Runs epoch `epoch` of `rule` on `source` (see the type's discussion).
  ///
  /// - Parameter visit: Called after each batch was reported to the rule, before it is trained.
  /// - Returns: The epoch's plan.
  /// - Throws: ``PruneEngineError/invalidPlan(rule:epoch:detail:)`` for an invalid plan; the
  ///   rule's, the source's and `visit`'s errors.
  @discardableResult
  public mutating func runEpoch<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, epoch: Int, on source: inout Source,
    visit: (Batch) throws -> Void = { _ in }
  ) throws -> EpochPlan {
    let plan = try Self.startEpoch(epoch, of: &rule)
    if plan.isEmpty { return plan }
    return try runBatches(of: plan, &rule, on: &source, visit: visit)
  }

  /// The rule's plan for `epoch`, validated; an empty plan has already finished the epoch, so
  /// both ways of running an epoch return it as it is.
  static func startEpoch<Rule: PruningRule>(_ epoch: Int, of rule: inout Rule) throws
    -> EpochPlan
  {
    let plan = try rule.plan(forEpoch: epoch)
    if plan.isEmpty {
      try rule.finishEpoch(epoch)
      return plan
    }
    try Simulation.validate(
      plan, epoch: epoch, sampleCount: rule.setup.sampleCount, rule: rule.name)
    return plan
  }

  /// Trains `plan` (made and validated) batch by batch: the loop of the type's discussion.
  mutating func runBatches<Rule: PruningRule, Source: SignalSource>(
    of plan: EpochPlan, _ rule: inout Rule, on source: inout Source,
    visit: (Batch) throws -> Void
  ) throws -> EpochPlan {
    let epoch = plan.epoch
    try source.beginEpoch(epoch)
    let hasLosses = source.providedSignals.contains(.perSampleLoss)
    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      let count = range.count
      if count > lossBuffer.count {
        lossBuffer = [Double](repeating: 0, count: count)
        weightBuffer = [Double](repeating: 1, count: count)
      }
      let identity = BatchIdentity(
        epoch: epoch, position: position, batchID: plan.batchIDs[position])
      let samples = plan.samples[range]
      let measurement = try source.measure(identity, samples: samples, losses: &lossBuffer)
      let weights = Self.effectiveWeights(of: plan, range: range, scratch: &weightBuffer)
      let losses = hasLosses ? lossBuffer[0..<count] : nil
      try rule.record(
        BatchReport(
          epoch: epoch, position: position, batchID: identity.batchID, samples: samples,
          losses: losses, meanLoss: measurement.meanLoss,
          activationStatistic: measurement.activationStatistic))
      try visit(
        Batch(
          identity: identity, samples: samples, losses: losses, measurement: measurement,
          weights: weights))
      try source.train(identity, samples: samples, weights: weights)
    }
    try source.finishEpoch(epoch)
    try rule.finishEpoch(epoch)
    return plan
  }

  /// Runs `epochs` of `rule` on `source`, in order, and returns every plan (empty ones included).
  public mutating func run<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, epochs: Range<Int>, on source: inout Source
  ) throws -> [EpochPlan] {
    var plans: [EpochPlan] = []
    plans.reserveCapacity(epochs.count)
    for epoch in epochs { plans.append(try runEpoch(&rule, epoch: epoch, on: &source)) }
    return plans
  }

  /// Runs epoch `epoch` of `rule` on the per-sample losses `lossOf(sample)` (forward-time, called
  /// in training order); `trainBatch` hears each batch with its effective weights.
  @discardableResult
  public static func runEpoch<Rule: PruningRule>(
    _ rule: inout Rule, epoch: Int, lossOf: (Int) -> Double,
    trainBatch: (ArraySlice<Int>, ArraySlice<Double>) -> Void = { _, _ in }
  ) throws -> EpochPlan {
    try withoutActuallyEscaping(lossOf) { loss in
      try withoutActuallyEscaping(trainBatch) { train in
        var source = ClosureSignals(
          sampleCount: rule.setup.sampleCount, loss: { _, sample in loss(sample) },
          train: { _, samples, weights in train(samples, weights) })
        var driver = RuleDriver()
        return try driver.runEpoch(&rule, epoch: epoch, on: &source)
      }
    }
  }

  /// The weights the loss applies to the batch at `range` (see the type's discussion).
  @inline(__always)
  static func effectiveWeights(
    of plan: EpochPlan, range: Range<Int>, scratch: inout [Double]
  ) -> ArraySlice<Double> {
    switch plan.rescaling {
    case .perSample:
      return plan.weights[range]
    case .batchMeanWeight:
      var total = 0.0
      for k in range { total += plan.weights[k] }
      let mean = total / Double(range.count)
      for k in 0..<range.count { scratch[k] = mean }
      return scratch[0..<range.count]
    }
  }
}
