import PruneCore

/// A tiny stand-in for the engine: feeds synthetic signals to a rule epoch by epoch.
///
/// For each epoch: `plan(forEpoch:)`, one ``BatchReport`` per batch with the losses (and their mean)
/// from `loss(epoch, sample)` and the activation statistic from `statistic(epoch, batchID)`, then
/// `finishEpoch`. Returns the plans.
struct RuleDriver {
  var loss: @Sendable (Int, Int) -> Double = { _, _ in 1 }
  var statistic: (@Sendable (Int, Int) -> Double)? = nil
  /// Report only the batch mean loss (a BLS-only source).
  var meanLossOnly = false

  /// Runs `epochs` on `rule` and returns each epoch's plan.
  func run<Rule: PruningRule>(_ rule: inout Rule, epochs: Range<Int>) throws -> [EpochPlan] {
    var plans: [EpochPlan] = []
    for epoch in epochs {
      plans.append(try runEpoch(&rule, epoch: epoch))
    }
    return plans
  }

  /// Runs one epoch and returns its plan.
  func runEpoch<Rule: PruningRule>(_ rule: inout Rule, epoch: Int) throws -> EpochPlan {
    let plan = try rule.plan(forEpoch: epoch)
    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      let samples = plan.samples[range]
      let losses = samples.map { loss(epoch, $0) }
      let mean = losses.reduce(0, +) / Double(max(1, losses.count))
      let report = BatchReport(
        epoch: epoch, position: position, batchID: plan.batchIDs[position], samples: samples,
        losses: meanLossOnly ? nil : losses[...], meanLoss: mean,
        activationStatistic: statistic.map { $0(epoch, plan.batchIDs[position]) })
      try rule.record(report)
    }
    try rule.finishEpoch(epoch)
    return plan
  }
}

/// A deterministic pseudo-loss in [0, 4): differs by sample and epoch, no shared state.
func hashedLoss(seed: UInt64) -> @Sendable (Int, Int) -> Double {
  { epoch, sample in
    var mixer = SplitMix64(
      state: seed ^ UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9 ^ UInt64(
        truncatingIfNeeded: sample) &* 0x85EB_CA6B)
    return Double(mixer.next() >> 11) * 0x1.0p-53 * 4
  }
}

/// Checks a plan's shape: indices in 0..<N without duplicates, one weight each, batches cover it.
func planIsWellFormed(_ plan: EpochPlan, sampleCount: Int) -> Bool {
  var seen = [Bool](repeating: false, count: sampleCount)
  for sample in plan.samples {
    guard sample >= 0, sample < sampleCount, !seen[sample] else { return false }
    seen[sample] = true
  }
  return plan.weights.count == plan.samples.count
    && plan.batchStarts.first == 0 && plan.batchStarts.last == plan.samples.count
}
