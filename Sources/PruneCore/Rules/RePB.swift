/// RePB (Inconsistency Biases in Dynamic Data Pruning, ICLR 2026): local-window pruning, uniform
/// resampling and cumulative temporal reweighting.
///
/// The paper rule (the official code was not available; algorithms.md Part A "RePB" and §4):
/// - Local window pruning: during epoch E the scores of W consecutive batches, measured before
///   the update, form a window with mean mu; a sample is kept for epoch E+1 iff
///   `s_i >= mu`, or `s_i < mu` and `U_i >= rho` (decided exactly, ``MeanThreshold``).
/// - Uniform resampling: a sample not trained in epoch E re-enters epoch E+1 iff `U_j < 1 - rho`.
/// - Cumulative temporal reweighting (CTR): after E epochs, `w_i = E / N_i(E)`, N_i(E) the number
///   of epochs 1...E that trained i; optionally clipped at ``RePBConfiguration/maxWeight``.
///
/// Epoch 0 trains every sample with weight 1 (so N_i >= 1), as do annealing epochs when
/// ``RePBConfiguration/delta`` is set. A partial last window of an epoch is its own window. If the
/// next epoch would be empty (only possible when nothing was trained), it trains the full data
/// with weight 1 instead.
///
/// Draws, from the generator of `(seed, epoch)`: the epoch's shuffle at `plan`, then one uniform
/// per below-mean sample at decision time in training order, then one uniform per unused sample
/// at `finishEpoch` in index order.
public struct RePB<Source: ScoreSource>: PruningRule, ScoreBasedRule {
  public let configuration: RePBConfiguration
  public let setup: TrainingSetup
  public internal(set) var scoreSource: Source
  public internal(set) var cursor = EpochCursor()
  /// N_i: the epochs that trained each sample so far.
  public private(set) var trainingCounts: [Int]
  /// The samples chosen for the next epoch, ascending (empty before epoch 0 is finished).
  public private(set) var nextMembers: [Int] = []
  /// The epochs finished so far (E).
  public private(set) var finishedEpochs = 0
  /// Per sample, this epoch: 0 not trained, 1 kept, 2 dropped.
  private var status: [UInt8]
  private var generator: SeededGenerator
  private var windowSamples: [Int] = []
  private var windowScores: [Double] = []
  private var windowBatches = 0

  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)`` when the source's size differs
  ///   from `setup.sampleCount`.
  public init(
    configuration: RePBConfiguration = .standard, scoreSource: Source, setup: TrainingSetup
  ) throws {
    try Self.checkSize(of: scoreSource, for: setup)
    self.configuration = configuration
    self.setup = setup
    self.scoreSource = scoreSource
    self.trainingCounts = [Int](repeating: 0, count: setup.sampleCount)
    self.status = [UInt8](repeating: 0, count: setup.sampleCount)
    self.generator = epochGenerator(seed: setup.seed, epoch: 0)
  }

  public var name: String { "repb" }
  public var requiredSignals: SignalKinds { scoreSource.requiredSignals }

  public var parameters: [String: String] {
    scoreParameters.merging(configuration.manifestEntries()) { $1 }
  }

  /// True when epoch `epoch` trains the selected samples (not epoch 0, not annealing).
  public func prunes(epoch: Int) -> Bool {
    guard epoch >= 1 else { return false }
    guard let delta = configuration.delta else { return true }
    return Annealing.prunes(epoch: epoch, plannedEpochs: setup.plannedEpochs, delta: delta)
  }

  /// CTR: `E / N_i(E)`, clipped at `maxWeight` when given (1 for a sample never trained).
  public static func temporalWeight(epochs: Int, timesTrained: Int, maxWeight: Double? = nil)
    -> Double
  {
    guard timesTrained > 0 else { return 1 }
    let weight = Double(epochs) / Double(timesTrained)
    return maxWeight.map { min($0, weight) } ?? weight
  }

  /// Local-window decisions for `scores` (training order): keep iff `s >= mean`, else iff the
  /// next uniform from `draw` is `>= rho`. One draw per below-mean score, in order.
  ///
  /// `s >= mean` is decided exactly (``MeanThreshold``), so a window of equal scores keeps every
  /// sample whatever the summation order; with BLS every member of a batch gets the same update
  /// and such windows are the rule, not the exception (issue 9 item 6).
  public static func windowDecisions(
    scores: ArraySlice<Double>, rho: Double, draw: () -> Double
  ) -> [Bool] {
    guard !scores.isEmpty else { return [] }
    let threshold = MeanThreshold.below(scores)
    return scores.map { !($0 < threshold) || draw() >= rho }
  }

  /// Uniform resampling: an unused sample re-enters iff `uniform < 1 - rho`.
  public static func reenters(uniform: Double, rho: Double) -> Bool { uniform < 1 - rho }

  public mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    try cursor.beginEpoch(epoch)
    generator = epochGenerator(seed: setup.seed, epoch: epoch)
    let samples: [Int]
    let weights: [Double]
    if prunes(epoch: epoch) && !nextMembers.isEmpty {
      samples = generator.shuffled(nextMembers)
      // N_i <= E: one CTR weight per possible count, looked up (the same values as computed).
      let epochs = finishedEpochs
      let maxWeight = configuration.maxWeight
      let table = (0...epochs).map {
        Self.temporalWeight(epochs: epochs, timesTrained: $0, maxWeight: maxWeight)
      }
      weights = [Double](unsafeUninitializedCapacity: samples.count) { out, initialized in
        trainingCounts.withUnsafeBufferPointer { counts in
          samples.withUnsafeBufferPointer { order in
            table.withUnsafeBufferPointer { weightOf in
              for j in 0..<order.count {
                let count = counts[order[j]]
                out[j] =
                  count <= epochs
                  ? weightOf[count]
                  : Self.temporalWeight(epochs: epochs, timesTrained: count, maxWeight: maxWeight)
              }
            }
          }
        }
        initialized = samples.count
      }
    } else {
      samples = generator.shuffled(Array(0..<setup.sampleCount))
      weights = [Double](repeating: 1, count: samples.count)
    }
    for i in status.indices { status[i] = 0 }
    windowSamples.removeAll(keepingCapacity: true)
    windowScores.removeAll(keepingCapacity: true)
    windowBatches = 0
    return EpochPlan(
      epoch: epoch, samples: samples, weights: weights, batchSize: setup.batchSize,
      rescaling: scoreSource.rescaling)
  }

  public mutating func record(_ report: BatchReport) throws {
    try recordScores(report)
    let scores = scoreSource.scores
    // Moved out while the tables are borrowed (no overlapping access to self), then back.
    var windowSamples = self.windowSamples
    var windowScores = self.windowScores
    self.windowSamples = []
    self.windowScores = []
    if windowSamples.capacity == 0 {
      let room = min(configuration.windowBatches * setup.batchSize, setup.sampleCount)
      windowSamples.reserveCapacity(room)
      windowScores.reserveCapacity(room)
    }
    // In passes, each a short loop whose cache misses overlap (one loop doing everything per
    // sample waited for each miss in turn; issue 13): mark the samples trained up to the first
    // repeat, count them, then append them and their scores to the window. Same result as
    // handling the samples one by one and stopping at the repeat.
    let repeated: Int? = report.samples.withUnsafeBufferPointer { samples in
      var accepted = samples.count
      var repeated: Int?
      status.withUnsafeMutableBufferPointer { status in
        for j in 0..<samples.count {
          let sample = samples[j]
          if status[sample] != 0 {
            (accepted, repeated) = (j, sample)
            break
          }
          status[sample] = 1
        }
      }
      let taken = UnsafeBufferPointer(rebasing: samples[0..<accepted])
      trainingCounts.withUnsafeMutableBufferPointer { counts in
        for sample in taken { counts[sample] += 1 }
      }
      windowSamples.append(contentsOf: taken)
      scores.withUnsafeBufferPointer { scores in
        windowScores.append(contentsOf: taken.lazy.map { scores[$0] })
      }
      return repeated
    }
    self.windowSamples = windowSamples
    self.windowScores = windowScores
    if let sample = repeated {
      throw PruneCoreError.unexpectedBatch(
        epoch: report.epoch,
        detail: "sample \(sample) was reported twice; report each planned batch once.")
    }
    windowBatches += 1
    if windowBatches == configuration.windowBatches { decideWindow() }
  }

  /// Applies local window pruning to the buffered window.
  private mutating func decideWindow() {
    let rho = configuration.rho
    var generator = self.generator
    let kept = Self.windowDecisions(scores: windowScores[...], rho: rho) { generator.nextUnit() }
    self.generator = generator
    status.withUnsafeMutableBufferPointer { status in
      for (sample, keep) in zip(windowSamples, kept) { status[sample] = keep ? 1 : 2 }
    }
    windowSamples.removeAll(keepingCapacity: true)
    windowScores.removeAll(keepingCapacity: true)
    windowBatches = 0
  }

  /// Decides the partial window, resamples the unused samples, and fixes the next epoch's set.
  public mutating func finishEpoch(_ epoch: Int) throws {
    try cursor.finishEpoch(epoch)
    if !windowSamples.isEmpty { decideWindow() }
    let rho = configuration.rho
    let resampling = configuration.resampling
    // In passes without branches (the statuses are unpredictable): count the unused samples,
    // draw their uniforms in index order (one each, none without resampling), then list the
    // kept ones and those that re-enter.
    let members = status.withUnsafeBufferPointer { status in
      let n = status.count
      var unused = 0
      if resampling {
        for i in 0..<n { unused &+= status[i] == 0 ? 1 : 0 }
      }
      // One extra entry, 0, read after the last unused sample.
      let reenters = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: unused + 1)
      defer { reenters.deallocate() }
      for t in 0..<unused {
        reenters[t] = Self.reenters(uniform: generator.nextUnit(), rho: rho) ? 1 : 0
      }
      reenters[unused] = 0
      let unusedMark: UInt8 = resampling ? 1 : 0
      return [Int](unsafeUninitializedCapacity: n) { out, initialized in
        var count = 0
        var t = 0
        for i in 0..<n {
          let state = status[i]
          let isUnused = Int(state == 0 ? unusedMark : 0)
          out[count] = i
          count &+= (state == 1 ? 1 : 0) | (isUnused & Int(reenters[t]))
          t &+= isUnused
        }
        initialized = count
      }
    }
    nextMembers = members
    finishedEpochs = epoch + 1
  }

  public struct State: Codable, Sendable, Equatable {
    public var scores: Source.State
    public var cursor: EpochCursor
    public var trainingCounts: [Int]
    public var nextMembers: [Int]
    public var finishedEpochs: Int
    public var status: [UInt8]
    public var generator: SeededGenerator
    public var windowSamples: [Int]
    public var windowScores: [Double]
    public var windowBatches: Int
  }

  public var state: State {
    State(
      scores: scoreSource.state, cursor: cursor, trainingCounts: trainingCounts,
      nextMembers: nextMembers, finishedEpochs: finishedEpochs, status: status,
      generator: generator, windowSamples: windowSamples, windowScores: windowScores,
      windowBatches: windowBatches)
  }

  public mutating func restore(_ state: State) throws {
    let count = setup.sampleCount
    guard state.trainingCounts.count == count, state.status.count == count,
      state.nextMembers.allSatisfy({ $0 >= 0 && $0 < count }),
      state.windowSamples.allSatisfy({ $0 >= 0 && $0 < count }),
      state.windowSamples.count == state.windowScores.count
    else {
      throw PruneCoreError.incompatibleState(
        reason: "the RePB state does not describe \(count) samples")
    }
    try restoreScores(state.scores, cursor: state.cursor)
    trainingCounts = state.trainingCounts
    nextMembers = state.nextMembers
    finishedEpochs = state.finishedEpochs
    status = state.status
    generator = state.generator
    windowSamples = state.windowSamples
    windowScores = state.windowScores
    windowBatches = state.windowBatches
  }
}

extension RePB where Source == LossScore {
  /// RePB on per-sample losses, scores starting at `initialScore`.
  public init(
    configuration: RePBConfiguration = .standard, initialScore: Double = 3.0,
    setup: TrainingSetup
  ) throws {
    try self.init(
      configuration: configuration,
      scoreSource: LossScore(sampleCount: setup.sampleCount, initialScore: initialScore),
      setup: setup)
  }
}
