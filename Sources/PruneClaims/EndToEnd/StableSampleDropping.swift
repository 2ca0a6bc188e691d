import PruneCore

/// BPAS-9's sample-level variant of B-PAS (claims.md BPAS-9; the paper's sample-level ablation,
/// ImageNet-1K 70.87% sample-level vs 78.43% batch-level): the *samples* whose signal stopped
/// changing leave for good, instead of whole batches.
///
/// - Order: B-PAS's fixed sample order of the same seed (``PruneCore/BPAS/batchMembers``); each
///   epoch the active samples, in that order, are cut into batches of B and each batch's order
///   is reshuffled from the generator of `(seed, epoch)`, as B-PAS does with its batches.
/// - Stability: |l_{t-1}(i) - l_t(i)| of the per-sample forward loss, measured before the step.
///   **[PruneLab]** The paper's signal is the activation spread; MiniCNN measures it per batch
///   (the std over the whole batch tensor, algorithms.md §5.2), not per sample, so the
///   per-sample loss stands in for it.
/// - Budget (matched saving): after epoch e the active set shrinks to `retention[e + 1]`
///   samples (0 once the batch-level run stopped), keeping the least stable ones; ties by sample
///   index. `retention` is the batch-level B-PAS run's trained samples per epoch, of the same
///   seed: the budget is calibrated on that run itself (issue 9 item 5), so the saved fractions
///   agree exactly, where a bisection of a threshold on the synthetic learner
///   (``PruneEngine/SavingsCalibration``) would not transfer to the CNN's loss scale. As in
///   B-PAS, nothing leaves before the end of epoch 2 (the batch-level run's retention is full
///   until then).
/// - Weights 1, no reintroduction, no annealing.
struct StableSampleDropping: PruningRule {
  let setup: TrainingSetup
  /// B-PAS's fixed sample order.
  let order: [Int]
  /// Samples to train in each epoch (the batch-level run's counts).
  let retention: [Int]
  /// With ``Fault/savingNotMatched``: the budget is ignored and every sample trains every epoch
  /// (the negative control of BPAS-9).
  let ignoresBudget: Bool
  private(set) var active: [Int]
  private(set) var previousLoss: [Double?]
  private(set) var currentLoss: [Double?]
  private(set) var cursor = EpochCursor()

  init(setup: TrainingSetup, retention: [Int], ignoresBudget: Bool = false) {
    let reference = BPAS(setup: setup)
    self.setup = setup
    self.order = reference.batchMembers
    self.retention = retention
    self.ignoresBudget = ignoresBudget
    self.active = reference.batchMembers
    self.previousLoss = [Double?](repeating: nil, count: setup.sampleCount)
    self.currentLoss = [Double?](repeating: nil, count: setup.sampleCount)
  }

  var name: String { "stable-samples" }
  var requiredSignals: SignalKinds { .perSampleLoss }
  var parameters: [String: String] {
    var entries = ["retention": retention.map(String.init).joined(separator: ",")]
    if ignoresBudget { entries["fault"] = "budget ignored" }
    return entries
  }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    var samples = active
    var starts: [Int] = []
    var first = 0
    while first < samples.count {
      let end = min(first + setup.batchSize, samples.count)
      starts.append(first)
      samples[first..<end].seededShuffle(using: &generator)
      first = end
    }
    starts.append(samples.count)
    for i in currentLoss.indices { currentLoss[i] = nil }
    return EpochPlan(
      epoch: epoch, samples: samples, weights: [Double](repeating: 1, count: samples.count),
      batchStarts: starts, batchIDs: Array(0..<(starts.count - 1)))
  }

  /// Stores each sample's forward loss.
  /// - Throws: ``PruneCore/PruneCoreError/missingSignal(rule:signal:)`` without per-sample losses.
  mutating func record(_ report: BatchReport) throws {
    try cursor.checkReport(report)
    guard let losses = report.losses else {
      throw PruneCoreError.missingSignal(rule: name, signal: "per-sample loss")
    }
    for (sample, loss) in zip(report.samples, losses) { currentLoss[sample] = loss }
  }

  /// Keeps the `retention[epoch + 1]` least stable samples (in the fixed order).
  mutating func finishEpoch(_ epoch: Int) throws {
    try cursor.finishEpoch(epoch)
    defer { previousLoss = currentLoss }
    guard !ignoresBudget else { return }
    let target = max(0, epoch + 1 < retention.count ? retention[epoch + 1] : 0)
    guard active.count > target else { return }
    // Stability of each active sample; one never measured twice counts as unstable.
    func change(_ i: Int) -> Double {
      guard let before = previousLoss[i], let now = currentLoss[i] else { return .infinity }
      return abs(now - before)
    }
    let leaving = active.sorted { (change($0), $0) < (change($1), $1) }
      .prefix(active.count - target)
    let gone = Set(leaving)
    active.removeAll { gone.contains($0) }
  }

  struct State: Codable, Sendable, Equatable {
    var cursor: EpochCursor
    var active: [Int]
    var previousLoss: [Double?]
    var currentLoss: [Double?]
  }

  var state: State {
    State(cursor: cursor, active: active, previousLoss: previousLoss, currentLoss: currentLoss)
  }

  mutating func restore(_ state: State) throws {
    guard state.previousLoss.count == setup.sampleCount,
      state.currentLoss.count == setup.sampleCount
    else {
      throw PruneCoreError.incompatibleState(
        reason: "the stable-samples state does not hold \(setup.sampleCount) samples")
    }
    cursor = state.cursor
    active = state.active
    previousLoss = state.previousLoss
    currentLoss = state.currentLoss
  }
}
