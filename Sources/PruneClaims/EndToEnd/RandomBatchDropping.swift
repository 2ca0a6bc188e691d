import PruneCore

/// The control of BPAS-4: B-PAS's fixed batches, but the batches dropped after each epoch are
/// drawn at random, as many as B-PAS dropped after the same epoch of the same seed.
///
/// Batch membership and the within-batch order come from a ``PruneCore/BPAS`` built for the same
/// setup (same seed), so the two runs differ only in *which* batches leave. After epoch e the
/// active set shrinks to `retention[e + 1]` batches (B-PAS's count in the next epoch; 0 once
/// B-PAS stopped), chosen uniformly without replacement from the generator of
/// `(seed ^ 0x5241_4e44_4f4d, epoch)` ("RANDOM"). Weights are 1, as in B-PAS.
struct RandomBatchDropping: PruningRule {
  let setup: TrainingSetup
  /// B-PAS's batch composition.
  let batchMembers: [Int]
  let batchOffsets: [Int]
  /// Batches to train in each epoch (B-PAS's measured counts).
  let retention: [Int]
  private(set) var activeBatches: [Int]
  private(set) var cursor = EpochCursor()

  init(setup: TrainingSetup, retention: [Int]) {
    let reference = BPAS(setup: setup)
    self.setup = setup
    self.batchMembers = reference.batchMembers
    self.batchOffsets = reference.batchOffsets
    self.retention = retention
    self.activeBatches = reference.activeBatches
  }

  var name: String { "random-batches" }
  var requiredSignals: SignalKinds { [] }
  var parameters: [String: String] {
    ["retention": retention.map(String.init).joined(separator: ",")]
  }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    var samples: [Int] = []
    var starts: [Int] = [0]
    samples.reserveCapacity(setup.sampleCount)
    for batch in activeBatches {
      let first = samples.count
      samples.append(contentsOf: batchMembers[batchOffsets[batch]..<batchOffsets[batch + 1]])
      samples[first...].seededShuffle(using: &generator)
      starts.append(samples.count)
    }
    return EpochPlan(
      epoch: epoch, samples: samples, weights: [Double](repeating: 1, count: samples.count),
      batchStarts: starts, batchIDs: activeBatches)
  }

  mutating func record(_ report: BatchReport) throws { try cursor.checkReport(report) }

  mutating func finishEpoch(_ epoch: Int) throws {
    try cursor.finishEpoch(epoch)
    let target = epoch + 1 < retention.count ? retention[epoch + 1] : 0
    var generator = SeededGenerator(seed: setup.seed ^ 0x5241_4e44_4f4d, stream: UInt64(epoch))
    while activeBatches.count > max(0, target) {
      activeBatches.remove(at: generator.nextIndex(below: activeBatches.count))
    }
  }

  struct State: Codable, Sendable, Equatable {
    var cursor: EpochCursor
    var activeBatches: [Int]
  }

  var state: State { State(cursor: cursor, activeBatches: activeBatches) }

  mutating func restore(_ state: State) throws {
    cursor = state.cursor
    activeBatches = state.activeBatches
  }
}
