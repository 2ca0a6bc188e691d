/// InfoBatch (Qin et al., ICLR 2024): prune a random share of the well-learned samples, rescale the
/// rest.
///
/// At the start of each pruning epoch the candidates are the samples whose score lies strictly
/// below the mean of all N scores (stale scores included; ties are never candidates). A share
/// keepRatio of them is kept and weighted 1/keepRatio so the expected gradient is unchanged
/// (InfoBatch Eq. 8–10; algorithms.md Part A "InfoBatch" and §1.2):
/// ```
/// C = { i : s_i < mean(s) },   keep floor(keepRatio |C|) of C,   w_i = 1/keepRatio on kept
/// loss = sum_i w_i l_i / B
/// ```
/// Epoch 0 trains every sample with weight 1 (enforced, InfoBatch issue #25), and so do the
/// annealing epochs `e + 1 > numEpochs x delta` (§1.3). The score source decides what a score is:
/// ``LossScore`` (the package) or ``BatchLossScore`` (BLS).
///
/// Draws per epoch, from the generator of `(seed, epoch)`: the kept subset (partial Fisher–Yates
/// over the candidates in index order, or one uniform per candidate for Bernoulli), then one
/// shuffle of the epoch's list.
public struct InfoBatch<Source: ScoreSource>: PruningRule {
  public let configuration: InfoBatchConfiguration
  public let setup: TrainingSetup
  /// Where the scores come from; updated by ``record(_:)``.
  public private(set) var scoreSource: Source
  public private(set) var cursor = EpochCursor()
  /// The kept candidates of the last pruned epoch, remembered only under
  /// ``InfoBatchConfiguration/packageWeightResetBug`` (their weight then lingers).
  public private(set) var lingeringBoosted: [Int] = []
  /// Scratch space for the candidate list, reused across epochs (not part of the state).
  private var candidateBuffer: [Int] = []

  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)`` when the source's sample count
  ///   differs from `setup.sampleCount`.
  public init(
    configuration: InfoBatchConfiguration = .standard, scoreSource: Source, setup: TrainingSetup
  ) throws {
    guard scoreSource.scores.count == setup.sampleCount else {
      throw PruneCoreError.inconsistent(
        parameters: "scoreSource, sampleCount",
        reason: "the score source holds \(scoreSource.scores.count) scores for "
          + "\(setup.sampleCount) samples; build it with the setup's sample count.")
    }
    self.configuration = configuration
    self.setup = setup
    self.scoreSource = scoreSource
  }

  public var name: String { "infobatch" }
  public var requiredSignals: SignalKinds { scoreSource.requiredSignals }

  public var parameters: [String: String] {
    var values = scoreSource.parameters
    values["rule"] = name
    values["pruneRatio"] = "\(configuration.pruneRatio)"
    values["keepRatio"] = "\(configuration.keepRatio)"
    values["delta"] = "\(configuration.delta)"
    values["selection"] = configuration.selection.rawValue
    values["packageWeightResetBug"] = "\(configuration.packageWeightResetBug)"
    return values
  }

  /// True when epoch `epoch` prunes: not epoch 0, not an annealing epoch.
  public func prunes(epoch: Int) -> Bool {
    Annealing.prunes(epoch: epoch, plannedEpochs: setup.plannedEpochs, delta: configuration.delta)
  }

  /// The samples that are candidates now: score strictly below the mean of all N scores, in index
  /// order (for tests and claims; a plan does not call it).
  /// - Complexity: O(*N*); allocates the result.
  public var candidateSamples: [Int] {
    let scores = scoreSource.scores
    let mean = ScoreStatistics.mean(of: scores)
    return scores.indices.filter { scores[$0] < mean }
  }

  /// Makes epoch `epoch`'s plan.
  ///
  /// - Complexity: O(*N*): one pass for the mean, one for the candidates, O(kept) draws for the
  ///   subset and one shuffle; allocates the plan's two arrays, reuses the candidate buffer.
  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    var samples: [Int]
    var weights: [Double]
    if prunes(epoch: epoch) {
      (samples, weights) = prunedList(using: &generator)
    } else {
      (samples, weights) = fullList(epoch: epoch)
    }
    generator.shuffleTogether(&samples, &weights)
    return EpochPlan(
      epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize,
      rescaling: scoreSource.rescaling)
  }

  /// Every sample, weight 1 (or the lingering weights under the package bug), in index order.
  private mutating func fullList(epoch: Int) -> ([Int], [Double]) {
    let count = setup.sampleCount
    let samples = Array(0..<count)
    var weights = [Double](repeating: 1, count: count)
    if configuration.packageWeightResetBug {
      if Annealing.packageResetsWeights(
        epoch: epoch, plannedEpochs: setup.plannedEpochs, delta: configuration.delta)
      {
        lingeringBoosted = []
      }
      let boosted = configuration.keptWeight
      for sample in lingeringBoosted { weights[sample] = boosted }
    }
    return (samples, weights)
  }

  /// The non-candidates in index order followed by the kept candidates, with their weights.
  private mutating func prunedList(using generator: inout SeededGenerator) -> ([Int], [Double]) {
    let count = setup.sampleCount
    if candidateBuffer.count != count {
      candidateBuffer = [Int](repeating: 0, count: count)
    }
    let scores = scoreSource.scores
    let mean = ScoreStatistics.mean(of: scores)
    let keepRatio = configuration.keepRatio
    let configuration = self.configuration
    let selection = configuration.selection
    // Move the buffer out so the closures below own it uniquely (no copy, no overlapping access).
    var buffer = candidateBuffer
    candidateBuffer = []
    defer { candidateBuffer = buffer }
    var restCount = 0
    var keptCount = 0
    let samples = [Int](unsafeUninitializedCapacity: count) { out, initialized in
      buffer.withUnsafeMutableBufferPointer { candidates in
        var candidateCount = 0
        scores.withUnsafeBufferPointer { s in
          for i in 0..<count {
            if s[i] < mean {
              candidates[candidateCount] = i
              candidateCount += 1
            } else {
              out.initializeElement(at: restCount, to: i)
              restCount += 1
            }
          }
        }
        switch selection {
        case .exactCount:
          keptCount = configuration.keptCount(ofCandidates: candidateCount)
          generator.moveRandomSubsetToFront(
            of: candidates, length: candidateCount, count: keptCount)
          for j in 0..<keptCount {
            out.initializeElement(at: restCount + j, to: candidates[j])
          }
        case .bernoulli:
          for j in 0..<candidateCount where generator.nextUnit() < keepRatio {
            out.initializeElement(at: restCount + keptCount, to: candidates[j])
            keptCount += 1
          }
        }
      }
      initialized = restCount + keptCount
    }
    let boosted = configuration.keptWeight
    let weights = [Double](unsafeUninitializedCapacity: samples.count) { out, initialized in
      for j in 0..<restCount { out.initializeElement(at: j, to: 1) }
      for j in restCount..<samples.count { out.initializeElement(at: j, to: boosted) }
      initialized = samples.count
    }
    if configuration.packageWeightResetBug {
      lingeringBoosted = Array(samples[restCount...])
    }
    return (samples, weights)
  }

  /// Updates the scores of the batch's samples.
  public mutating func record(_ report: BatchReport) throws {
    try cursor.checkReport(report)
    try scoreSource.update(with: report)
  }

  public mutating func finishEpoch(_ epoch: Int) throws {
    try cursor.finishEpoch(epoch)
  }

  public struct State: Codable, Sendable, Equatable {
    public var scores: Source.State
    public var cursor: EpochCursor
    public var lingeringBoosted: [Int]
  }

  public var state: State {
    State(scores: scoreSource.state, cursor: cursor, lingeringBoosted: lingeringBoosted)
  }

  public mutating func restore(_ state: State) throws {
    guard state.lingeringBoosted.allSatisfy({ $0 >= 0 && $0 < setup.sampleCount }) else {
      throw PruneCoreError.incompatibleState(reason: "a boosted sample lies outside the data")
    }
    try scoreSource.restore(state.scores)
    cursor = state.cursor
    lingeringBoosted = state.lingeringBoosted
  }
}

extension InfoBatch where Source == LossScore {
  /// InfoBatch on per-sample losses, scores starting at `initialScore` (3.0 in the package).
  public init(
    configuration: InfoBatchConfiguration = .standard, initialScore: Double = 3.0,
    setup: TrainingSetup
  ) throws {
    try self.init(
      configuration: configuration,
      scoreSource: LossScore(sampleCount: setup.sampleCount, initialScore: initialScore),
      setup: setup)
  }
}
