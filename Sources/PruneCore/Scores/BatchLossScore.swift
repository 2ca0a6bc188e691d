/// BLS: per-sample scores that follow the mean losses of the batches a sample was in.
///
/// For the members of batch B_t only (Batch Loss Score, CVPR 2026; algorithms.md §2.2):
/// ```
/// s_i <- alpha * s_i + (1 - alpha) * L(B_t)
/// ```
/// so a selector (InfoBatch, SeTa, RePB) can run on a loop that reports only the batch mean loss.
/// Two samples of one batch get the same increment; they differ only through their batch histories.
/// With ``BatchLossScoreConfiguration/Initialisation/zero`` (the code) a first visit gives
/// (1 - alpha) L; with ``BatchLossScoreConfiguration/Initialisation/firstBatchMean`` (the paper)
/// every score starts at L(B_0) when the first batch is reported.
public struct BatchLossScore: ScoreSource, Hashable {
  public let configuration: BatchLossScoreConfiguration
  public private(set) var scores: [Double]
  /// True once a batch has been seen (the paper's init happens then).
  public private(set) var hasSeenBatch: Bool

  /// - Throws: ``PruneCoreError/emptyDataset`` when `sampleCount` is not positive.
  public init(sampleCount: Int, configuration: BatchLossScoreConfiguration = .standard) throws {
    guard sampleCount > 0 else { throw PruneCoreError.emptyDataset }
    self.configuration = configuration
    self.scores = [Double](repeating: 0, count: sampleCount)
    self.hasSeenBatch = false
  }

  public var name: String { "bls" }

  /// The batch mean loss; exact rescaling also needs per-sample losses for the host's weighted loss.
  public var requiredSignals: SignalKinds {
    switch configuration.rescaling {
    case .meanWeight: return .batchMeanLoss
    case .exact: return [.batchMeanLoss, .perSampleLoss]
    }
  }

  public var rescaling: EpochPlan.Rescaling {
    switch configuration.rescaling {
    case .meanWeight: return .batchMeanWeight
    case .exact: return .perSample
    }
  }

  public var parameters: [String: String] {
    configuration.manifestEntries().merging(["score": name]) { $1 }
  }

  /// Moves every member's score towards L(B_t).
  /// - Complexity: O(*B*), plus O(*N*) once for the paper's initialisation.
  public mutating func update(with report: BatchReport) throws {
    guard let meanLoss = report.batchMeanLoss else {
      throw PruneCoreError.missingSignal(rule: "bls score", signal: "batch mean loss")
    }
    // Every index is checked before anything is written, in a loop without calls or reference
    // counting: an atomic reference-count operation here would wait for the previous batch's
    // scattered stores to drain (issue 13: that wait was most of an epoch's update).
    let count = UInt(scores.count)
    let inside = report.samples.withUnsafeBufferPointer { samples in
      var inside = true
      for sample in samples { inside = inside && UInt(bitPattern: sample) < count }
      return inside
    }
    if !inside { try checkSampleRange(of: report, sampleCount: scores.count) }
    guard meanLoss.isFinite else {
      throw PruneCoreError.nonFiniteSignal(
        signal: "batch mean loss", epoch: report.epoch, sample: report.samples.first ?? -1,
        value: meanLoss)
    }
    if !hasSeenBatch {
      hasSeenBatch = true
      if configuration.initialisation == .firstBatchMean {
        for i in scores.indices { scores[i] = meanLoss }
      }
    }
    let alpha = configuration.alpha
    let increment = (1 - alpha) * meanLoss
    scores.withUnsafeMutableBufferPointer { table in
      report.samples.withUnsafeBufferPointer { samples in
        for sample in samples { table[sample] = alpha * table[sample] + increment }
      }
    }
  }

  public struct State: Codable, Sendable, Equatable {
    public var scores: [Double]
    public var hasSeenBatch: Bool
  }

  public var state: State { State(scores: scores, hasSeenBatch: hasSeenBatch) }

  public mutating func restore(_ state: State) throws {
    guard state.scores.count == scores.count else {
      throw PruneCoreError.incompatibleState(
        reason: "\(state.scores.count) scores for \(scores.count) samples")
    }
    scores = state.scores
    hasSeenBatch = state.hasSeenBatch
  }
}
