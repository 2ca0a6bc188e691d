/// B-PAS (Batch Pruning by Activation Stability, ICLR 2026): fixed batches, each dropped for good
/// once its activation spread stops changing.
///
/// The official notebook's behaviour (algorithms.md Part A "B-PAS" and §5):
/// - the samples are shuffled once (seeded) and cut into batches of B, the last one partial;
///   batch membership never changes;
/// - each epoch trains the active batches in ascending id, each batch's order reshuffled;
/// - at the end of epoch t (1-based, t >= 2) batch b is dropped permanently iff
///   ```
///   |Xbar_{t-1}(b) - Xbar_t(b)| <= delta(t),   delta(t) = delta_s exp(t ln(delta_e/delta_s) / T)
///   ```
///   where Xbar is the batch's activation statistic (``BatchReport/activationStatistic``) and T
///   the planned epochs; only batches measured in both epochs are compared;
/// - when no batch remains, every later plan is empty (early stop).
///
/// No rescaling, no reintroduction, no annealing. DSI: ``SavingsLedger/dataSavingIndex`` with
/// ``originalBatchCount``.
///
/// Draws: the batch composition from the setup stream (``setupGenerator(seed:)``); each epoch,
/// from the generator of `(seed, epoch)`, one shuffle per active batch in ascending id.
public struct BPAS: PruningRule {
  public let configuration: BPASConfiguration
  public let setup: TrainingSetup
  /// The samples of all batches, batch after batch.
  public let batchMembers: [Int]
  /// Batch b is `batchMembers[batchOffsets[b]..<batchOffsets[b + 1]]`.
  public let batchOffsets: [Int]
  public private(set) var cursor = EpochCursor()
  /// The batches still trained, ascending.
  public private(set) var activeBatches: [Int]
  /// Xbar of each batch in the last finished epoch (nil if it was not trained then).
  public private(set) var previousStatistics: [Double?]
  /// Xbar of each batch in the open epoch.
  public private(set) var currentStatistics: [Double?]
  /// isActive[b] iff b is in ``activeBatches`` (an O(1) check per report).
  private var isActive: [Bool]

  /// Fixes the batches from the setup's seed.
  public init(configuration: BPASConfiguration = .standard, setup: TrainingSetup) {
    self.configuration = configuration
    self.setup = setup
    var generator = setupGenerator(seed: setup.seed)
    let members = generator.shuffled(Array(0..<setup.sampleCount))
    self.batchMembers = members
    self.batchOffsets = Array(stride(from: 0, to: members.count, by: setup.batchSize)) + [
      members.count
    ]
    let batchCount = batchOffsets.count - 1
    self.activeBatches = Array(0..<batchCount)
    self.previousStatistics = [Double?](repeating: nil, count: batchCount)
    self.currentStatistics = [Double?](repeating: nil, count: batchCount)
    self.isActive = [Bool](repeating: true, count: batchCount)
  }

  public var name: String { "bpas" }
  public var requiredSignals: SignalKinds { .activationStatistic }
  public var parameters: [String: String] {
    configuration.manifestEntries().merging([
      "rule": name, "batches": "\(originalBatchCount)",
    ]) { $1 }
  }

  /// n0, the number of fixed batches.
  public var originalBatchCount: Int { batchOffsets.count - 1 }
  /// True once every batch is dropped: later plans are empty.
  public var hasStopped: Bool { activeBatches.isEmpty }

  /// delta(t) for the 1-based epoch `t` of this run.
  public func threshold(epoch t: Int) -> Double {
    configuration.threshold(epoch: t, plannedEpochs: setup.plannedEpochs)
  }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    var samples: [Int] = []
    var starts: [Int] = [0]
    samples.reserveCapacity(setup.sampleCount)
    starts.reserveCapacity(activeBatches.count + 1)
    for batch in activeBatches {
      let first = samples.count
      samples.append(contentsOf: batchMembers[batchOffsets[batch]..<batchOffsets[batch + 1]])
      let end = samples.count
      samples.withUnsafeMutableBufferPointer { buffer in
        SeededGenerator.fisherYates(buffer, from: first, to: end, using: &generator)
      }
      starts.append(samples.count)
    }
    for b in currentStatistics.indices { currentStatistics[b] = nil }
    let weights = [Double](repeating: 1, count: samples.count)
    return EpochPlan(
      epoch: epoch, samples: samples, weights: weights, batchStarts: starts,
      batchIDs: activeBatches)
  }

  /// Stores the batch's Xbar.
  /// - Throws: ``PruneCoreError/missingSignal(rule:signal:)`` without a statistic,
  ///   ``PruneCoreError/nonFiniteSignal(signal:epoch:sample:value:)`` for NaN or infinity (the
  ///   sample named is the batch's first), ``PruneCoreError/unexpectedBatch(epoch:detail:)`` for
  ///   a batch id that is not active.
  public mutating func record(_ report: BatchReport) throws {
    try cursor.checkReport(report)
    guard let statistic = report.activationStatistic else {
      throw PruneCoreError.missingSignal(rule: name, signal: "activation statistic")
    }
    let batch = report.batchID
    guard batch >= 0, batch < originalBatchCount, isActive[batch] else {
      throw PruneCoreError.unexpectedBatch(
        epoch: report.epoch, detail: "batch \(batch) is not an active B-PAS batch.")
    }
    guard statistic.isFinite else {
      throw PruneCoreError.nonFiniteSignal(
        signal: "activation statistic of batch \(batch)", epoch: report.epoch,
        sample: report.samples.first ?? -1, value: statistic)
    }
    currentStatistics[batch] = statistic
  }

  /// Drops the stable batches (from epoch t = 2 on) and keeps this epoch's Xbar for the next.
  public mutating func finishEpoch(_ epoch: Int) throws {
    try cursor.finishEpoch(epoch)
    let t = epoch + 1
    if t >= 2 {
      let delta = threshold(epoch: t)
      activeBatches.removeAll { batch in
        guard let before = previousStatistics[batch], let now = currentStatistics[batch] else {
          return false
        }
        return abs(before - now) <= delta
      }
      syncActiveMask()
    }
    previousStatistics = currentStatistics
  }

  public struct State: Codable, Sendable, Equatable {
    public var cursor: EpochCursor
    public var activeBatches: [Int]
    public var previousStatistics: [Double?]
    public var currentStatistics: [Double?]
  }

  public var state: State {
    State(
      cursor: cursor, activeBatches: activeBatches, previousStatistics: previousStatistics,
      currentStatistics: currentStatistics)
  }

  public mutating func restore(_ state: State) throws {
    let count = originalBatchCount
    guard state.previousStatistics.count == count, state.currentStatistics.count == count,
      state.activeBatches.allSatisfy({ $0 >= 0 && $0 < count })
    else {
      throw PruneCoreError.incompatibleState(reason: "the B-PAS state does not hold \(count) batches")
    }
    cursor = state.cursor
    activeBatches = state.activeBatches
    previousStatistics = state.previousStatistics
    currentStatistics = state.currentStatistics
    syncActiveMask()
  }

  private mutating func syncActiveMask() {
    for b in isActive.indices { isActive[b] = false }
    for b in activeBatches { isActive[b] = true }
  }
}
