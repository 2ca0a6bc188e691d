import PruneCore
import PruneEngine
import PruneSignals

/// Scripted signals for a rule under test, fed through the engine's one loop (``RuleDriver`` on
/// ``ClosureSignals``): per batch the losses `loss(epoch, sample)` (and their mean), or only the
/// mean (a BLS-only source), and the activation statistic `statistic(epoch, batchID)`.
public struct ScriptedSignals: Sendable {
  public var loss: @Sendable (Int, Int) -> Double
  public var statistic: (@Sendable (Int, Int) -> Double)?
  /// Report only the batch mean loss (a BLS-only source).
  public var meanLossOnly: Bool

  public init(
    loss: @escaping @Sendable (Int, Int) -> Double = { _, _ in 1 },
    statistic: (@Sendable (Int, Int) -> Double)? = nil, meanLossOnly: Bool = false
  ) {
    self.loss = loss
    self.statistic = statistic
    self.meanLossOnly = meanLossOnly
  }

  /// Runs `epochs` on `rule` and returns each epoch's plan.
  public func run<Rule: PruningRule>(_ rule: inout Rule, epochs: Range<Int>) throws
    -> [EpochPlan]
  {
    var source = signals(sampleCount: rule.setup.sampleCount)
    var driver = RuleDriver()
    return try driver.run(&rule, epochs: epochs, on: &source)
  }

  /// Runs one epoch and returns its plan.
  public func runEpoch<Rule: PruningRule>(_ rule: inout Rule, epoch: Int) throws -> EpochPlan {
    try run(&rule, epochs: epoch..<(epoch + 1))[0]
  }

  private func signals(sampleCount: Int) -> ClosureSignals {
    let statistic = self.statistic
    return ClosureSignals(
      sampleCount: sampleCount, loss: loss, reportsPerSampleLosses: !meanLossOnly,
      statistic: statistic.map { statistic in { epoch, batch, _ in statistic(epoch, batch) } })
  }
}

/// A deterministic pseudo-loss in [0, 4): differs by sample and epoch, no shared state.
public func hashedLoss(seed: UInt64) -> @Sendable (Int, Int) -> Double {
  { epoch, sample in
    var mixer = SplitMix64(
      state: seed ^ UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9 ^ UInt64(
        truncatingIfNeeded: sample) &* 0x85EB_CA6B)
    return Double(mixer.next() >> 11) * 0x1.0p-53 * 4
  }
}

/// Checks a plan's shape: indices in 0..<N without duplicates, one weight each, batches cover it.
public func planIsWellFormed(_ plan: EpochPlan, sampleCount: Int) -> Bool {
  var seen = [Bool](repeating: false, count: sampleCount)
  for sample in plan.samples {
    guard sample >= 0, sample < sampleCount, !seen[sample] else { return false }
    seen[sample] = true
  }
  return plan.weights.count == plan.samples.count
    && plan.batchStarts.first == 0 && plan.batchStarts.last == plan.samples.count
}
