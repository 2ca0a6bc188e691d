/// Scores that are the samples' last raw forward losses (InfoBatch, algorithms.md §1.4).
///
/// After a batch, each member's score is overwritten by its unweighted per-sample loss measured in
/// the training forward, before the optimiser step; samples not seen keep their old (stale) score.
/// No moving average. The initial score only matters until a sample is first seen; the InfoBatch
/// package starts at 3.0 (algorithms.md §1.1), the paper and research code at 1.0.
public struct LossScore: ScoreSource, Hashable {
  public let configuration: LossScoreConfiguration
  public private(set) var scores: [Double]

  /// - Throws: ``PruneCoreError/emptyDataset`` when `sampleCount` is not positive.
  public init(sampleCount: Int, configuration: LossScoreConfiguration = .standard) throws {
    guard sampleCount > 0 else { throw PruneCoreError.emptyDataset }
    self.configuration = configuration
    self.scores = [Double](repeating: configuration.initialScore, count: sampleCount)
  }

  /// - Parameters:
  ///   - sampleCount: N, the number of samples.
  ///   - initialScore: The score of an unseen sample; finite.
  /// - Throws: ``PruneCoreError`` when `sampleCount` is not positive or `initialScore` not finite.
  public init(sampleCount: Int, initialScore: Double) throws {
    try self.init(
      sampleCount: sampleCount, configuration: LossScoreConfiguration(initialScore: initialScore))
  }

  /// The score before a sample is first seen (3.0 in the InfoBatch package).
  public var initialScore: Double { configuration.initialScore }
  public var name: String { "loss" }
  public var requiredSignals: SignalKinds { .perSampleLoss }
  public var rescaling: EpochPlan.Rescaling { .perSample }
  public var parameters: [String: String] {
    configuration.manifestEntries().merging(["score": name]) { $1 }
  }

  /// Overwrites each member's score with its raw loss.
  /// - Complexity: O(*B*) for a batch of *B* samples.
  public mutating func update(with report: BatchReport) throws {
    guard let losses = report.losses else {
      throw PruneCoreError.missingSignal(rule: "loss score", signal: "per-sample loss")
    }
    guard losses.count == report.samples.count else {
      throw PruneCoreError.unexpectedBatch(
        epoch: report.epoch,
        detail: "\(losses.count) losses for \(report.samples.count) samples; report one loss per sample.")
    }
    // Every index and loss is checked before anything is written, so a bad report leaves the
    // scores as they were, in one pass without calls before the writes (the generic range check
    // cost a reference-count pair per batch, and an atomic operation waits for the previous
    // batch's scattered stores to drain).
    let count = UInt(scores.count)
    let written = scores.withUnsafeMutableBufferPointer { table in
      report.samples.withUnsafeBufferPointer { samples in
        losses.withUnsafeBufferPointer { values in
          var valid = true
          for j in 0..<samples.count {
            valid = valid && UInt(bitPattern: samples[j]) < count && values[j].isFinite
          }
          guard valid else { return false }
          for j in 0..<samples.count { table[samples[j]] = values[j] }
          return true
        }
      }
    }
    if written { return }
    try checkSampleRange(of: report, sampleCount: scores.count)
    let bad = losses.withUnsafeBufferPointer { $0.firstIndex { !$0.isFinite } } ?? 0
    throw PruneCoreError.nonFiniteSignal(
      signal: "loss", epoch: report.epoch, sample: report.samples[report.samples.startIndex + bad],
      value: losses[losses.startIndex + bad])
  }

  public struct State: Codable, Sendable, Equatable {
    public var scores: [Double]
  }

  public var state: State { State(scores: scores) }

  public mutating func restore(_ state: State) throws {
    guard state.scores.count == scores.count else {
      throw PruneCoreError.incompatibleState(
        reason: "\(state.scores.count) scores for \(scores.count) samples")
    }
    scores = state.scores
  }
}
