/// SeTa (Scale Efficient Training, CVPR 2025): a random subset, grouped by score with 1-D
/// k-means, trained through a window that slides over the groups from easy to hard.
///
/// Each pruning epoch (algorithms.md §3 and Part A "SeTa"):
/// 1. a uniform subsample of floor(N keepRatio) samples;
/// 2. its scores cut into ``SeTaConfiguration/groupCount`` groups by 1-D k-means (exact by
///    default), sorted ascending by mean score (easy to hard);
/// 3. iteration 0 keeps every group; iteration i keeps groups `[start, start + w)` with
///    w = round-half-to-even(groups x windowScale), start = i mod (groups - w + 1).
///
/// No loss rescaling (all weights 1). Annealing epochs (`e + 1 > numEpochs x delta`) train a
/// uniform random keepRatio subset, not the full data. An empty selection is refilled with one
/// random sample, as the official code does.
///
/// Epoch 0 trains every sample (Part A: epoch 0 never prunes); it stands in for SeTa iteration 0,
/// which keeps every group anyway, so epoch e >= 1 is SeTa iteration e and the window starts run
/// 1, 2, ..., slide, 0, 1, ... as in the official code. When all subsample scores are equal the
/// subsample is cut, in its random order, into chunks of ceil(n / groups) (torch.chunk).
///
/// Draws per epoch, from the generator of `(seed, epoch)`: the subsample (partial Fisher–Yates
/// over 0..<N), the k-means++ start (Lloyd only), the refill (if empty), then one shuffle.
public struct SeTa<Source: ScoreSource>: PruningRule, ScoreBasedRule {
  public let configuration: SeTaConfiguration
  public let setup: TrainingSetup
  public internal(set) var scoreSource: Source
  public internal(set) var cursor = EpochCursor()
  /// SeTa's own counter of pruning passes (separate from the epoch; §3).
  public private(set) var iteration = 0
  /// Scratch index buffer reused across epochs (not part of the state).
  private var indexBuffer: [Int] = []

  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)`` when the source's size differs
  ///   from `setup.sampleCount`.
  public init(
    configuration: SeTaConfiguration = .standard, scoreSource: Source, setup: TrainingSetup
  ) throws {
    try Self.checkSize(of: scoreSource, for: setup)
    self.configuration = configuration
    self.setup = setup
    self.scoreSource = scoreSource
  }

  public var name: String { "seta" }
  public var requiredSignals: SignalKinds { scoreSource.requiredSignals }

  public var parameters: [String: String] {
    scoreParameters.merging(configuration.manifestEntries()) { $1 }.merging([
      "keepRatio": "\(configuration.keepRatio)", "windowSize": "\(configuration.windowSize)",
    ]) { $1 }
  }

  /// True when epoch `epoch` runs SeTa's window (not epoch 0, not annealing).
  public func prunes(epoch: Int) -> Bool {
    Annealing.prunes(epoch: epoch, plannedEpochs: setup.plannedEpochs, delta: configuration.delta)
  }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    var generator = epochGenerator(seed: setup.seed, epoch: epoch)
    var samples: [Int]
    if epoch == 0 {
      samples = Array(0..<setup.sampleCount)
      iteration = max(iteration, 1)
    } else if prunes(epoch: epoch) {
      samples = windowSelection(using: &generator)
      iteration += 1
    } else {
      samples = uniformSubsample(using: &generator)
    }
    if samples.isEmpty {
      samples = [generator.nextIndex(below: setup.sampleCount)]
    }
    samples = generator.shuffled(samples)
    let weights = [Double](repeating: 1, count: samples.count)
    return EpochPlan(epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize)
  }

  /// floor(N keepRatio) samples drawn uniformly without replacement, in draw order.
  private mutating func uniformSubsample(using generator: inout SeededGenerator) -> [Int] {
    let count = setup.sampleCount
    if indexBuffer.count != count { indexBuffer = Array(0..<count) }
    for i in 0..<count { indexBuffer[i] = i }
    let kept = configuration.subsampleCount(ofSamples: count)
    indexBuffer.withUnsafeMutableBufferPointer { buffer in
      generator.moveRandomSubsetToFront(of: buffer, length: count, count: kept)
    }
    return Array(indexBuffer[0..<kept])
  }

  /// The samples of the groups inside this iteration's window.
  private mutating func windowSelection(using generator: inout SeededGenerator) -> [Int] {
    let subsample = uniformSubsample(using: &generator)
    guard !subsample.isEmpty else { return [] }
    let scores = scoreSource.scores
    // Sorted by (score, index): the subsample in index order, then a stable radix sort.
    var isMember = [Bool](repeating: false, count: setup.sampleCount)
    for sample in subsample { isMember[sample] = true }
    var ascending: [Int] = []
    ascending.reserveCapacity(subsample.count)
    isMember.withUnsafeBufferPointer { member in
      for i in 0..<member.count where member[i] { ascending.append(i) }
    }
    let (ordered, sortedScores) = ScoreOrder.sorted(ascendingSamples: ascending, scores: scores)
    let groupCount = configuration.groupCount
    let members: [Int]
    let ends: [Int]
    if groupCount == 1 {
      (members, ends) = (ordered, [ordered.count])
    } else if sortedScores.first == sortedScores.last {
      let chunk = (subsample.count + groupCount - 1) / groupCount
      members = subsample
      ends = Array(stride(from: chunk, to: subsample.count, by: chunk)) + [subsample.count]
    } else {
      members = ordered
      switch configuration.clustering {
      case .exact:
        ends = OptimalKMeans1D.groupEnds(sorted: sortedScores, groupCount: groupCount)
      case .lloyd:
        ends = LloydKMeans1D.groupEnds(
          sorted: sortedScores, groupCount: groupCount, using: &generator)
      }
    }
    guard iteration > 0 else { return members }
    let first = configuration.windowStart(iteration: iteration)
    let last = min(first + configuration.windowSize, ends.count)
    guard first < last else { return [] }
    let lower = first == 0 ? 0 : ends[first - 1]
    return Array(members[lower..<ends[last - 1]])
  }

  public mutating func record(_ report: BatchReport) throws {
    try recordScores(report)
  }

  public mutating func finishEpoch(_ epoch: Int) throws { try cursor.finishEpoch(epoch) }

  public struct State: Codable, Sendable, Equatable {
    public var scores: Source.State
    public var cursor: EpochCursor
    public var iteration: Int
  }

  public var state: State { State(scores: scoreSource.state, cursor: cursor, iteration: iteration) }

  public mutating func restore(_ state: State) throws {
    guard state.iteration >= 0 else {
      throw PruneCoreError.incompatibleState(reason: "negative SeTa iteration \(state.iteration)")
    }
    try restoreScores(state.scores, cursor: state.cursor)
    iteration = state.iteration
  }
}

extension SeTa where Source == LossScore {
  /// SeTa on per-sample losses, scores starting at `initialScore` (3.0, inherited from InfoBatch).
  public init(
    configuration: SeTaConfiguration = .standard, initialScore: Double = 3.0,
    setup: TrainingSetup
  ) throws {
    try self.init(
      configuration: configuration,
      scoreSource: LossScore(sampleCount: setup.sampleCount, initialScore: initialScore),
      setup: setup)
  }
}
