import PruneCore

/// Drives a pruning rule through the contract of ``PruningRule`` on losses the claim supplies.
///
/// The claims of InfoBatch and RePB need the *real* rule's selections (not a re-implementation)
/// on controlled losses: static per-sample losses (IB-1, IB-2, IB-5), losses of a quadratic model
/// (IB-3), or a noisy loss field (RePB-2, RePB-3). This helper makes the plan, reports every batch
/// with the losses `lossOf` gives *before* the batch's update (algorithms.md Part A), lets the
/// caller train on the batch, and finishes the epoch.
enum RuleDriver {
  /// Runs one epoch of `rule`.
  ///
  /// - Parameters:
  ///   - rule: The rule, advanced by one epoch.
  ///   - epoch: The epoch to run (epochs must be run in order from 0).
  ///   - lossOf: The forward-time loss of a sample, called in training order.
  ///   - trainBatch: Called after each batch was reported, with its samples and effective weights.
  /// - Returns: The epoch's plan.
  @discardableResult
  static func runEpoch<Rule: PruningRule>(
    _ rule: inout Rule, epoch: Int, lossOf: (Int) -> Double,
    trainBatch: (ArraySlice<Int>, ArraySlice<Double>) -> Void = { _, _ in }
  ) throws -> EpochPlan {
    let plan = try rule.plan(forEpoch: epoch)
    var losses: [Double] = []
    losses.reserveCapacity(rule.setup.batchSize)
    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      losses.removeAll(keepingCapacity: true)
      for index in range { losses.append(lossOf(plan.samples[index])) }
      var total = 0.0
      for l in losses { total += l }
      let report = BatchReport(
        epoch: epoch, position: position, batchID: plan.batchIDs[position],
        samples: plan.samples[range], losses: losses[...],
        meanLoss: losses.isEmpty ? nil : total / Double(losses.count))
      try rule.record(report)
      trainBatch(plan.samples[range], plan.effectiveWeights(ofBatch: position))
    }
    try rule.finishEpoch(epoch)
    return plan
  }
}
