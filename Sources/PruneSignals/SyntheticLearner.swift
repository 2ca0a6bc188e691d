import PruneCore

/// A simulated learner: per-sample losses that fall as a sample is trained, with noise.
///
/// The expected loss of sample i at the start of epoch e is
/// ```
/// clean sample:        μ_i(e) = ℓ_floor + (ℓ_0 − ℓ_floor) · exp(−(η · n_i(e) / d_i + γ · G(e)))
/// mislabelled sample:  μ_i(e) = ℓ_noisy
/// ```
/// where d_i is the sample's difficulty (``DifficultyDistribution``), n_i(e) its exposure (the
/// sum of the loss weights of its visits before epoch e, or their count when
/// ``LearnerConfiguration/weightsCountAsVisits`` is off, less what forgetting erased), and G(e)
/// the global exposure (all weights trained before epoch e, divided by N: e for full data), the
/// slow "learning from the other samples" component. A measured loss is
/// ```
/// ℓ_i(e) = max(0, μ_i(e) · (1 + σ · ε_{i,e}))
/// ```
/// with ε Normal(0, 1), or Student-t with ν degrees of freedom for heavy tails. Forgetting: at the
/// start of each epoch e ≥ 1 a sample has, with probability ``LearnerConfiguration/forgettingRate``,
/// an event that multiplies its exposure by 1 − ``LearnerConfiguration/forgettingSize``.
///
/// A sample's loss changes only between epochs (its own visit comes after its measurement), so
/// ℓ_i(e) is *the* loss of sample i in epoch e whichever batch it falls in: a recorded log
/// (``startRecording()``) holds exactly the values the rule saw, and replaying it reproduces the run.
///
/// Determinism: the per-sample parameters come from a generator seeded by `seed`; ε_{i,e} and the
/// forgetting draws come from a generator seeded by (seed, i, e) alone, so they do not depend on
/// the order of visits, on threads or on the rule (two rules see the same noise: common random
/// numbers).
///
/// - Complexity: O(1) per measured sample, no allocation per batch; memory 16 bytes per sample
///   (+4 with forgetting, +8 for labels).
public struct SyntheticLearner: SignalSource, Sendable {
  public let configuration: LearnerConfiguration
  public let seed: UInt64
  public let sampleCount: Int
  public var name: String { "synthetic learner" }
  public var providedSignals: SignalKinds { [.perSampleLoss, .batchMeanLoss] }
  public let labels: [Int]
  public var classLabels: [Int]? { labels }

  /// What the learner keeps per sample, in one array so a visit touches one cache line
  /// (visits come in shuffled order, so memory latency, not arithmetic, sets the speed).
  @usableFromInline
  struct SampleState: Sendable {
    /// η / d_i, or −1 for a mislabelled sample (which never learns).
    @usableFromInline var rate: Double
    /// n_i: accumulated (weighted) visits, after forgetting.
    @usableFromInline var exposure: Double
    @usableFromInline init(rate: Double, exposure: Double) {
      self.rate = rate
      self.exposure = exposure
    }
  }
  @usableFromInline var samples: [SampleState]
  /// Scratch: the states of the batch being measured, reused across batches.
  @usableFromInline var gathered: [SampleState] = []
  /// The last epoch whose forgetting draw has been applied to sample i (forgetting only).
  @usableFromInline var forgettingApplied: [Int32]
  /// G(e): weight trained before the current epoch, over N.
  @usableFromInline var globalExposure = 0.0
  /// The loss arithmetic, with γ G(e) of the current epoch.
  @usableFromInline var model: LossModel
  /// Weight trained so far in the current epoch.
  @usableFromInline var epochWeight = 0.0
  @usableFromInline let forgettingSeed: UInt64
  private var recording: LossLog?
  private var recordingBuffer: [Double] = []

  /// Creates the learner and draws every sample's parameters.
  ///
  /// - Parameters:
  ///   - sampleCount: N.
  ///   - configuration: The knobs.
  ///   - seed: Every draw derives from it.
  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)`` for N < 1.
  /// - Complexity: O(N).
  public init(sampleCount: Int, configuration: LearnerConfiguration, seed: UInt64) throws {
    guard sampleCount >= 1, sampleCount < 1 << 40 else {
      throw PruneSignalsError.outOfRange(
        parameter: "samples", value: Double(sampleCount), allowed: "an integer in 1..<2^40")
    }
    self.configuration = configuration
    self.seed = seed
    self.sampleCount = sampleCount
    var mixer = SplitMix64(state: seed ^ 0x5EED_1EA2_9E2E_0001)
    model = LossModel(configuration: configuration, noiseSeed: mixer.next())
    forgettingSeed = mixer.next()

    var parameters = SeededGenerator(seed: seed, stream: 0x1EA2_0001)
    var states: [SampleState] = []
    states.reserveCapacity(sampleCount)
    for _ in 0..<sampleCount {
      let rate = configuration.learningSpeed / configuration.difficulty.draw(using: &parameters)
      states.append(SampleState(rate: rate, exposure: 0))
    }
    var noisyPicker = SeededGenerator(seed: seed, stream: 0x1EA2_0002)
    let noisyCount = Int((configuration.labelNoiseFraction * Double(sampleCount)).rounded(.down))
    // A uniform subset of exactly noisyCount samples: a partial Fisher–Yates shuffle.
    var order = Array(0..<sampleCount)
    for k in 0..<noisyCount {
      let j = k + noisyPicker.nextIndex(below: sampleCount - k)
      order.swapAt(k, j)
      states[order[k]].rate = -1
    }
    samples = states
    var labelGenerator = SeededGenerator(seed: seed, stream: 0x1EA2_0003)
    labels = ClassLabels.labels(
      sampleCount: sampleCount, classCount: configuration.classCount,
      ratio: configuration.imbalanceRatio, using: &labelGenerator)
    forgettingApplied = [Int32](
      repeating: 0, count: configuration.forgettingRate > 0 ? sampleCount : 0)
  }

  /// Whether sample `i` is one of the mislabelled ones.
  public func isMislabelled(_ i: Int) -> Bool { samples[i].rate < 0 }
  /// The difficulty d_i of sample `i` (infinite for mislabelled samples, which never learn).
  public func difficulty(ofSample i: Int) -> Double {
    isMislabelled(i) ? .infinity : configuration.learningSpeed / samples[i].rate
  }

  /// The measured loss ℓ_i(e) of sample `i` in the current epoch `epoch` (see the type's
  /// discussion). Mutating only to apply pending forgetting events, which does not change the
  /// value: any call order gives the same losses.
  @inlinable
  public mutating func loss(ofSample i: Int, epoch: Int) -> Double {
    let mean = expectedLoss(ofSample: i, epoch: epoch)
    return model.measured(mean: mean, sample: i, epoch: epoch)
  }

  /// The expected loss μ_i(e) of sample `i` in epoch `epoch`, before noise.
  @inlinable
  public mutating func expectedLoss(ofSample i: Int, epoch: Int) -> Double {
    if !forgettingApplied.isEmpty { applyForgetting(sample: i, through: epoch) }
    return model.expected(rate: samples[i].rate, exposure: samples[i].exposure)
  }

  /// Applies the forgetting events of epochs (last applied, epoch] to sample `i`.
  @usableFromInline
  mutating func applyForgetting(sample i: Int, through epoch: Int) {
    let forgetting = Forgetting(
      rate: configuration.forgettingRate, keep: 1 - configuration.forgettingSize,
      seed: forgettingSeed)
    forgetting.apply(
      to: &samples[i], applied: &forgettingApplied[i], sample: i, through: epoch)
  }

  // MARK: SignalSource

  public mutating func beginEpoch(_ epoch: Int) throws {
    guard recording != nil else { return }
    for i in 0..<sampleCount { recordingBuffer[i] = loss(ofSample: i, epoch: epoch) }
    recordingBuffer.withUnsafeBufferPointer { recording?.appendEpoch($0) }
  }

  @inlinable
  public mutating func measure(
    _ batch: BatchIdentity, samples batchSamples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    precondition(losses.count >= batchSamples.count, "the loss buffer is too small")
    let count = sampleCount
    for i in batchSamples where i < 0 || i >= count {
      throw PruneSignalsError.indexNotInSource(
        name: name, unit: "sample", index: i, count: count)
    }
    if !forgettingApplied.isEmpty {
      for i in batchSamples { applyForgetting(sample: i, through: batch.epoch) }
    }
    var total = 0.0
    let epoch = batch.epoch
    let model = self.model
    if gathered.count < batchSamples.count {
      gathered = [SampleState](
        repeating: SampleState(rate: 0, exposure: 0), count: batchSamples.count)
    }
    // Two passes: first gather the batch's states (independent loads, so the cache misses of
    // a shuffled order overlap), then compute.
    samples.withUnsafeBufferPointer { states in
      gathered.withUnsafeMutableBufferPointer { local in
        var k = 0
        for i in batchSamples {
          local[k] = states[i]
          k += 1
        }
      }
    }
    gathered.withUnsafeBufferPointer { local in
      losses.withUnsafeMutableBufferPointer { out in
        var k = 0
        for i in batchSamples {
          let state = local[k]
          let mean = model.expected(rate: state.rate, exposure: state.exposure)
          let value = model.measured(mean: mean, sample: i, epoch: epoch)
          out[k] = value
          total += value
          k += 1
        }
      }
    }
    return BatchMeasurement(meanLoss: batchSamples.isEmpty ? nil : total / Double(batchSamples.count))
  }

  @inlinable
  public mutating func train(
    _ batch: BatchIdentity, samples batchSamples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {
    let count = sampleCount
    for i in batchSamples where i < 0 || i >= count {
      throw PruneSignalsError.indexNotInSource(
        name: name, unit: "sample", index: i, count: count)
    }
    if !forgettingApplied.isEmpty {
      for i in batchSamples { applyForgetting(sample: i, through: batch.epoch) }
    }
    let countsWeights = configuration.weightsCountAsVisits
    var added = 0.0
    samples.withUnsafeMutableBufferPointer { states in
      for (i, weight) in zip(batchSamples, weights) {
        let step = countsWeights ? weight : 1
        states[i].exposure += step
        added += step
      }
    }
    epochWeight += added
  }

  public mutating func finishEpoch(_ epoch: Int) throws {
    globalExposure += epochWeight / Double(sampleCount)
    model.globalProgress = configuration.globalSpeed * globalExposure
    epochWeight = 0
  }

  // MARK: Recording

  /// From the next epoch on, records the loss of every sample in every epoch (what a full
  /// evaluation pass would log), so the run can be written out and replayed.
  /// - Complexity: O(N) extra work and 8 bytes per sample per recorded epoch.
  public mutating func startRecording() {
    recording = LossLog(recordingSamples: sampleCount, labels: labels)
    recordingBuffer = [Double](repeating: 0, count: sampleCount)
  }

  /// The log recorded since ``startRecording()``, or nil when not recording.
  public var recordedLog: LossLog? { recording }
}
