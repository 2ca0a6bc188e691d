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
    // Every index and loss is checked before anything is written, so a bad report leaves the
    // scores as they were. The report's arrays are borrowed, not copied: a copy costs a
    // reference-count pair, and its atomic release waits for the batch's scattered stores to
    // drain (issue 13).
    let count = UInt(scores.count)
    let outcome: Bool? = scores.withUnsafeMutableBufferPointer { table in
      report.samples.withUnsafeBufferPointer { samples in
        report.losses?.withUnsafeBufferPointer { values in
          guard values.count == samples.count else { return false }
          var valid = true
          for j in 0..<samples.count {
            valid = valid && UInt(bitPattern: samples[j]) < count && values[j].isFinite
          }
          guard valid else { return false }
          for j in 0..<samples.count {
            // Loading the old score first (the store is skipped when it holds the same bits, so
            // the result is the same) lets the batch's cache misses overlap: stores alone miss
            // one after another.
            let sample = samples[j]
            if table[sample].bitPattern != values[j].bitPattern { table[sample] = values[j] }
          }
          return true
        }
      }
    }
    if outcome == true { return }
    guard let losses = report.losses else {
      throw PruneCoreError.missingSignal(rule: "loss score", signal: "per-sample loss")
    }
    guard losses.count == report.samples.count else {
      throw PruneCoreError.unexpectedBatch(
        epoch: report.epoch,
        detail: "\(losses.count) losses for \(report.samples.count) samples; report one loss per sample.")
    }
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
