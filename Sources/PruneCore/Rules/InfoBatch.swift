/// InfoBatch (Qin et al., ICLR 2024): prune a random share of the well-learned samples, rescale the
/// rest.
///
/// At the start of each pruning epoch the candidates are the samples whose score lies strictly
/// below the mean of all N scores (stale scores included; ties are never candidates, decided
/// exactly by ``MeanThreshold`` whatever the summation order; issue 9 item 6). A share
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
/// Draws per epoch, from the generator of `(seed, epoch)`: one draw per candidate in index order
/// (selection sampling for the exact count, a uniform for Bernoulli), then the shuffle of the
/// epoch's list in index order (``SeededGenerator/shuffle(from:into:)``).
public struct InfoBatch<Source: ScoreSource>: PruningRule, ScoreBasedRule {
  public let configuration: InfoBatchConfiguration
  public let setup: TrainingSetup
  /// Where the scores come from; updated by ``record(_:)``.
  public internal(set) var scoreSource: Source
  public internal(set) var cursor = EpochCursor()
  /// The kept candidates of the last pruned epoch, remembered only under
  /// ``InfoBatchConfiguration/packageWeightResetBug`` (their weight then lingers).
  public private(set) var lingeringBoosted: [Int] = []
  /// Scratch space for the epoch's marks and draws, reused across epochs (not state).
  private var markBuffer: [UInt8] = []

  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)`` when the source's sample count
  ///   differs from `setup.sampleCount`.
  public init(
    configuration: InfoBatchConfiguration = .standard, scoreSource: Source, setup: TrainingSetup
  ) throws {
    try Self.checkSize(of: scoreSource, for: setup)
    self.configuration = configuration
    self.setup = setup
    self.scoreSource = scoreSource
  }

  public var name: String { "infobatch" }
  public var requiredSignals: SignalKinds { scoreSource.requiredSignals }

  public var parameters: [String: String] {
    scoreParameters.merging(configuration.manifestEntries()) { $1 }
      .merging(["keepRatio": "\(configuration.keepRatio)"]) { $1 }
  }

  /// True when epoch `epoch` prunes: not epoch 0, not an annealing epoch.
  public func prunes(epoch: Int) -> Bool {
    configuration.prunes(epoch: epoch, plannedEpochs: setup.plannedEpochs)
  }

  /// The samples that are candidates now: score strictly below the mean of all N scores, in index
  /// order (for tests and claims; a plan does not call it).
  /// - Complexity: O(*N*); allocates the result.
  public var candidateSamples: [Int] {
    let scores = scoreSource.scores
    let threshold = configuration.candidateThreshold(of: scores)
    return scores.indices.filter {
      configuration.isCandidate(score: scores[$0], threshold: threshold)
    }
  }

  /// Makes epoch `epoch`'s plan.
  ///
  /// - Complexity: O(*N*): two passes for the exact mean, one to mark the candidates, their
  ///   draws, one to mark the kept ones, then the shuffle of the marked samples straight into the
  ///   plan (``SeededGenerator/shuffleMarkedSamples(_:length:scratch:boostedWeight:samples:weights:)``,
  ///   the same draws and bytes as listing them and calling ``SeededGenerator/shuffle(from:into:)``).
  ///   No sort; allocates only the plan's arrays (the marks live in a buffer reused across epochs).
  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    let count = setup.sampleCount
    // Move the buffer out so the closures below own it uniquely (no copy, no overlapping access).
    // Bytes 0..<N hold the marks, the N + 1 after them the draws' and the shuffle's scratch.
    var buffer = markBuffer
    markBuffer = []
    defer { markBuffer = buffer }
    if buffer.count != 2 * count + 1 { buffer = [UInt8](repeating: 0, count: 2 * count + 1) }
    let length =
      prunes(epoch: epoch)
      ? markPrunedSamples(in: &buffer, using: &generator) : markAllSamples(epoch, in: &buffer)
    let boosted = configuration.keptWeight
    var weights: [Double] = []
    let samples = [Int](unsafeUninitializedCapacity: length) { out, initialized in
      weights = [Double](unsafeUninitializedCapacity: length) { w, initializedWeights in
        buffer.withUnsafeMutableBufferPointer { bytes in
          generator.shuffleMarkedSamples(
            UnsafeBufferPointer(rebasing: bytes[0..<count]), length: length,
            scratch: UnsafeMutableBufferPointer(rebasing: bytes[count...]),
            boostedWeight: boosted, samples: out, weights: w)
        }
        initializedWeights = length
      }
      initialized = length
    }
    return EpochPlan(
      epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize,
      rescaling: scoreSource.rescaling)
  }

  /// Marks every sample listed; under the package bug the lingering boosted samples are marked
  /// boosted (weight 1/keepRatio). Returns N.
  private mutating func markAllSamples(_ epoch: Int, in buffer: inout [UInt8]) -> Int {
    let count = setup.sampleCount
    buffer.withUnsafeMutableBufferPointer { marks in
      for i in 0..<count { marks[i] = SeededGenerator.SampleMark.listed }
    }
    if configuration.packageWeightResetBug {
      if Annealing.packageResetsWeights(
        epoch: epoch, plannedEpochs: setup.plannedEpochs, delta: configuration.delta)
      {
        lingeringBoosted = []
      }
      for sample in lingeringBoosted { buffer[sample] = SeededGenerator.SampleMark.boosted }
    }
    return count
  }

  /// Marks the non-candidates listed and the kept candidates boosted; the other candidates are
  /// omitted.
  ///
  /// Exact count: selection sampling (Knuth, TAOCP vol. 2, Algorithm 3.4.2 S) keeps candidate
  /// number t (of |C|, in index order) with probability (k - kept so far) / (|C| - t), one
  /// integer draw per candidate: exactly k = floor(keepRatio |C|) kept, every k-subset equally
  /// likely, like numpy's `choice(..., replace=False)`. It streams through the candidates where a
  /// partial Fisher–Yates would swap at random places of a multi-megabyte buffer.
  /// Bernoulli: one uniform per candidate, kept iff it is below keepRatio.
  /// - Returns: The number of samples listed.
  private mutating func markPrunedSamples(
    in buffer: inout [UInt8], using generator: inout SeededGenerator
  ) -> Int {
    let scores = scoreSource.scores
    let configuration = self.configuration
    let threshold = configuration.candidateThreshold(of: scores)
    let count = scores.count
    var listed = 0
    scores.withUnsafeBufferPointer { s in
      buffer.withUnsafeMutableBufferPointer { bytes in
        listed = Self.markCandidates(
          s, threshold: threshold, configuration: configuration,
          marks: UnsafeMutableBufferPointer(rebasing: bytes[0..<count]),
          scratch: UnsafeMutableBufferPointer(rebasing: bytes[count...]), using: &generator)
      }
    }
    if configuration.packageWeightResetBug {
      // The kept candidates, in index order; remembered for the full-data epochs.
      lingeringBoosted = buffer[0..<count].indices.filter {
        buffer[$0] == SeededGenerator.SampleMark.boosted
      }
    }
    return listed
  }

  /// The marking loop of ``markPrunedSamples(in:using:)`` in three passes without unpredictable
  /// branches: mark the candidates, draw for the candidates alone (in index order, exactly the
  /// draws of one loop over the samples; one byte each in `scratch`), then mark the kept ones.
  private static func markCandidates(
    _ s: UnsafeBufferPointer<Double>, threshold: Double, configuration: InfoBatchConfiguration,
    marks: UnsafeMutableBufferPointer<UInt8>, scratch isKept: UnsafeMutableBufferPointer<UInt8>,
    using generator: inout SeededGenerator
  ) -> Int {
    let n = s.count
    var candidateCount = 0
    switch configuration.prunedSide {
    case .belowMean:
      for i in 0..<n {
        let candidate: UInt8 = s[i] < threshold ? 1 : 0
        marks[i] = candidate
        candidateCount &+= Int(candidate)
      }
    case .aboveMean:
      for i in 0..<n {
        let candidate: UInt8 = s[i] > threshold ? 1 : 0
        marks[i] = candidate
        candidateCount &+= Int(candidate)
      }
    case .any:
      for i in 0..<n { marks[i] = 1 }
      candidateCount = n
    }
    let target = configuration.keptCount(ofCandidates: candidateCount)
    let keepRatio = configuration.keepRatio
    switch configuration.selection {
    case .exactCount:
      var chosen = 0
      for t in 0..<candidateCount {
        let keep = generator.nextIndex(below: candidateCount - t) < target - chosen
        isKept[t] = keep ? 1 : 0
        chosen &+= keep ? 1 : 0
      }
    case .bernoulli:
      for t in 0..<candidateCount { isKept[t] = generator.nextUnit() < keepRatio ? 1 : 0 }
    }
    // One extra entry, 0, read after the last candidate.
    isKept[candidateCount] = 0
    // Candidate and kept: boosted (2); candidate, not kept: omitted (0); otherwise listed (1).
    var listed = 0
    var t = 0
    for i in 0..<n {
      let candidate = Int(marks[i])
      let keep = candidate & Int(isKept[t])
      marks[i] = UInt8(truncatingIfNeeded: 1 &- candidate &+ 2 &* keep)
      listed &+= 1 &- candidate &+ keep
      t &+= candidate
    }
    return listed
  }

  /// Updates the scores of the batch's samples.
  public mutating func record(_ report: BatchReport) throws {
    try recordScores(report)
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
    try restoreScores(state.scores, cursor: state.cursor)
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
