import PruneCore

/// A rule with a ``Fault`` injected into its plans: the wrapped rule decides as always, and the
/// plan it hands out is broken afterwards.
///
/// - ``Fault/rescalingRemoved``: every weight of the plan is 1.
/// - ``Fault/prunedBatchesReturn``: in every odd epoch after the first, the batches of epoch 0
///   that the rule no longer plans are appended again (with weight 1); their reports are not
///   forwarded, so the wrapped rule never learns they trained.
///
/// Other faults (and `nil`) leave the plan unchanged.
struct FaultyRule<Inner: PruningRule>: PruningRule {
  typealias State = Inner.State

  private(set) var inner: Inner
  let fault: Fault?
  /// Epoch 0's batches by id (for ``Fault/prunedBatchesReturn``).
  private var firstBatches: [Int: [Int]] = [:]
  /// The batch ids the wrapped rule planned this epoch.
  private var plannedIDs: Set<Int> = []

  init(_ inner: Inner, fault: Fault?) {
    self.inner = inner
    self.fault = fault
  }

  var name: String { inner.name }
  var setup: TrainingSetup { inner.setup }
  var requiredSignals: SignalKinds { inner.requiredSignals }
  var parameters: [String: String] { inner.parameters }
  var state: Inner.State { inner.state }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    var plan = try inner.plan(forEpoch: epoch)
    plannedIDs = Set(plan.batchIDs)
    switch fault {
    case .rescalingRemoved:
      plan.weights = [Double](repeating: 1, count: plan.sampleCount)
    case .prunedBatchesReturn:
      if epoch == 0 {
        for position in 0..<plan.batchCount {
          firstBatches[plan.batchIDs[position]] = Array(plan.samples[plan.range(ofBatch: position)])
        }
      } else if epoch % 2 == 1 {
        plan = plan.withReturnedBatches(firstBatches)
      }
    default:
      break
    }
    return plan
  }

  mutating func record(_ report: BatchReport) throws {
    if fault == .prunedBatchesReturn && !plannedIDs.contains(report.batchID) { return }
    try inner.record(report)
  }

  mutating func finishEpoch(_ epoch: Int) throws { try inner.finishEpoch(epoch) }
  mutating func restore(_ state: Inner.State) throws { try inner.restore(state) }
}

extension EpochPlan {
  /// The plan with every batch of `firstBatches` (id → members) it lacks appended, weight 1:
  /// the plan of a B-PAS that lets pruned batches return (``Fault/prunedBatchesReturn``).
  func withReturnedBatches(_ firstBatches: [Int: [Int]]) -> EpochPlan {
    var samples = self.samples
    var weights = self.weights
    var starts = Array(batchStarts.dropLast())
    var ids = batchIDs
    let present = Set(batchIDs)
    for id in firstBatches.keys.sorted() where !present.contains(id) {
      guard let members = firstBatches[id], !members.isEmpty else { continue }
      starts.append(samples.count)
      samples += members
      weights += [Double](repeating: 1, count: members.count)
      ids.append(id)
    }
    starts.append(samples.count)
    return EpochPlan(
      epoch: epoch, samples: samples, weights: weights, batchStarts: starts, batchIDs: ids,
      rescaling: rescaling)
  }
}
