import PruneCore
import PruneSignals

/// A signal source that remembers which samples were trained in each epoch, passing everything
/// through to the source it wraps (the stand-in check compares these sets between a real log's
/// replay and the fitted learner).
struct TrainedSamplesRecorder<Base: SignalSource>: SignalSource {
  var base: Base
  /// trained[e][i]: sample i was trained in epoch e.
  private(set) var trained: [[Bool]] = []

  init(_ base: Base) { self.base = base }

  var name: String { base.name }
  var providedSignals: SignalKinds { base.providedSignals }
  var sampleCount: Int { base.sampleCount }
  var classLabels: [Int]? { base.classLabels }
  var availableEpochs: Int? { base.availableEpochs }

  mutating func beginEpoch(_ epoch: Int) throws {
    while trained.count <= epoch { trained.append([Bool](repeating: false, count: sampleCount)) }
    try base.beginEpoch(epoch)
  }

  mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    try base.measure(batch, samples: samples, losses: &losses)
  }

  mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {
    for i in samples { trained[batch.epoch][i] = true }
    try base.train(batch, samples: samples, weights: weights)
  }

  mutating func finishEpoch(_ epoch: Int) throws { try base.finishEpoch(epoch) }
}
