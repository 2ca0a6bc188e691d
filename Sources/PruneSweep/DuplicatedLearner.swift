import PruneCore
import PruneSignals

/// A data set with exact duplicates, on the synthetic learner: N samples of which a share f are
/// copies of others. The learner holds U = N − ⌊f N⌋ distinct samples; sample i of the data is
/// learner sample `original[i]`, so two copies show the same loss in every epoch (same image,
/// same model) and training either one trains both (their exposure is shared).
///
/// Which samples are copies, and of what, is drawn from the seed alone: the copies are a uniform
/// subset of ⌊f N⌋ positions (a partial Fisher–Yates shuffle), each the copy of a uniformly drawn
/// distinct sample. With f = 0 the map is the identity and nothing is drawn, so the source is
/// exactly the learner (same draws as `prunelab simulate`).
///
/// The learner's global progress G counts weight trained over U, so a full epoch of the
/// duplicated data advances it by N/U (the copies are extra steps on the same samples).
public struct DuplicatedLearner: SignalSource, Sendable {
  public private(set) var learner: SyntheticLearner
  /// original[i]: the learner sample that data sample i is; nil for the identity.
  public let original: [Int]?
  public let sampleCount: Int
  private var scratch: [Int] = []

  /// - Parameters:
  ///   - sampleCount: N, the data's size with its copies.
  ///   - duplicateFraction: f in [0, 0.9].
  ///   - learner: The learner's knobs.
  ///   - seed: The learner's seed; the copy draws use their own stream of it.
  /// - Throws: ``PruneSweepError/badSetting(setting:reason:)`` for f outside [0, 0.9]; the
  ///   learner's errors.
  public init(
    sampleCount: Int, duplicateFraction: Double, learner configuration: LearnerConfiguration,
    seed: UInt64
  ) throws {
    guard duplicateFraction >= 0, duplicateFraction <= 0.9 else {
      throw PruneSweepError.badSetting(
        setting: "duplicates=\(duplicateFraction)",
        reason: "the share of copies must be in [0, 0.9]; give e.g. duplicates=0,0.2,0.5")
    }
    let copies = Int((duplicateFraction * Double(sampleCount)).rounded(.down))
    let distinct = sampleCount - copies
    learner = try SyntheticLearner(
      sampleCount: max(1, distinct), configuration: configuration, seed: seed)
    self.sampleCount = sampleCount
    guard copies > 0 else {
      original = nil
      return
    }
    var generator = SeededGenerator(seed: seed, stream: 0xD0B1_0001)
    var order = Array(0..<sampleCount)
    for k in 0..<copies {
      order.swapAt(k, k + generator.nextIndex(below: sampleCount - k))
    }
    // order[0..<copies] are the copies, order[copies...] the distinct samples 0..<U.
    var map = [Int](repeating: 0, count: sampleCount)
    for (u, i) in order[copies...].enumerated() { map[i] = u }
    for i in order[0..<copies] { map[i] = generator.nextIndex(below: distinct) }
    original = map
  }

  /// The learner sample behind data sample `i`.
  public func learnerSample(_ i: Int) -> Int { original?[i] ?? i }

  public var name: String { learner.name }
  public var providedSignals: SignalKinds { learner.providedSignals }
  public var classLabels: [Int]? {
    guard let original else { return learner.classLabels }
    return original.map { learner.labels[$0] }
  }

  public mutating func beginEpoch(_ epoch: Int) throws { try learner.beginEpoch(epoch) }

  public mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    guard original != nil else {
      return try learner.measure(batch, samples: samples, losses: &losses)
    }
    try mapped(samples)
    return try learner.measure(batch, samples: scratch[0..<samples.count], losses: &losses)
  }

  public mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {
    guard original != nil else {
      return try learner.train(batch, samples: samples, weights: weights)
    }
    try mapped(samples)
    try learner.train(batch, samples: scratch[0..<samples.count], weights: weights)
  }

  public mutating func finishEpoch(_ epoch: Int) throws { try learner.finishEpoch(epoch) }

  private mutating func mapped(_ samples: ArraySlice<Int>) throws {
    guard let original else { return }
    if scratch.count < samples.count { scratch = [Int](repeating: 0, count: samples.count) }
    var k = 0
    for i in samples {
      guard i >= 0, i < sampleCount else {
        throw PruneSignalsError.indexNotInSource(
          name: name, unit: "sample", index: i, count: sampleCount)
      }
      scratch[k] = original[i]
      k += 1
    }
  }
}
