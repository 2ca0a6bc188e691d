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
/// - Complexity: O(1) per measured sample, no allocation per batch; memory ~26 bytes per sample.
public struct SyntheticLearner: SignalSource, Sendable {
  public let configuration: LearnerConfiguration
  public let seed: UInt64
  public let sampleCount: Int
  public var name: String { "synthetic learner" }
  public var providedSignals: SignalKinds { [.perSampleLoss, .batchMeanLoss] }
  public let labels: [Int]
  public var classLabels: [Int]? { labels }

  /// η / d_i per sample (0 for mislabelled samples).
  @usableFromInline var rates: [Double]
  /// Whether sample i is mislabelled.
  @usableFromInline var mislabelled: [Bool]
  /// n_i: accumulated (weighted) visits, after forgetting.
  @usableFromInline var exposure: [Double]
  /// The last epoch whose forgetting draw has been applied to sample i (forgetting only).
  @usableFromInline var forgettingApplied: [Int32]
  /// G(e): weight trained before the current epoch, over N.
  @usableFromInline var globalExposure = 0.0
  /// Weight trained so far in the current epoch.
  @usableFromInline var epochWeight = 0.0
  @usableFromInline let noiseSeed: UInt64
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
    noiseSeed = mixer.next()
    forgettingSeed = mixer.next()

    var parameters = SeededGenerator(seed: seed, stream: 0x1EA2_0001)
    rates = [Double](repeating: 0, count: sampleCount)
    for i in 0..<sampleCount {
      rates[i] = configuration.learningSpeed / configuration.difficulty.draw(using: &parameters)
    }
    var noisyPicker = SeededGenerator(seed: seed, stream: 0x1EA2_0002)
    mislabelled = [Bool](repeating: false, count: sampleCount)
    let noisyCount = Int((configuration.labelNoiseFraction * Double(sampleCount)).rounded(.down))
    // A uniform subset of exactly noisyCount samples: a partial Fisher–Yates shuffle.
    var order = Array(0..<sampleCount)
    for k in 0..<noisyCount {
      let j = k + noisyPicker.nextIndex(below: sampleCount - k)
      order.swapAt(k, j)
      mislabelled[order[k]] = true
      rates[order[k]] = 0
    }
    var labelGenerator = SeededGenerator(seed: seed, stream: 0x1EA2_0003)
    labels = ClassLabels.labels(
      sampleCount: sampleCount, classCount: configuration.classCount,
      ratio: configuration.imbalanceRatio, using: &labelGenerator)
    exposure = [Double](repeating: 0, count: sampleCount)
    forgettingApplied = [Int32](
      repeating: 0, count: configuration.forgettingRate > 0 ? sampleCount : 0)
  }

  /// Whether sample `i` is one of the mislabelled ones.
  public func isMislabelled(_ i: Int) -> Bool { mislabelled[i] }
  /// The difficulty d_i of sample `i` (infinite for mislabelled samples, which never learn).
  public func difficulty(ofSample i: Int) -> Double {
    mislabelled[i] ? .infinity : configuration.learningSpeed / rates[i]
  }

  /// The measured loss ℓ_i(e) of sample `i` in the current epoch `epoch` (see the type's
  /// discussion). Mutating only to apply pending forgetting events, which does not change the
  /// value: any call order gives the same losses.
  @inlinable
  public mutating func loss(ofSample i: Int, epoch: Int) -> Double {
    let mean = expectedLoss(ofSample: i, epoch: epoch)
    let sigma = configuration.noiseLevel
    guard sigma > 0 else { return mean }
    var generator = SeededGenerator(seed: noiseSeed, stream: UInt64(epoch) << 40 | UInt64(i))
    let epsilon: Double
    if let nu = configuration.heavyTailDegrees {
      epsilon = RandomDraws.studentT(nu: nu, using: &generator)
    } else {
      epsilon = generator.nextGaussian()
    }
    return max(0, mean * (1 + sigma * epsilon))
  }

  /// The expected loss μ_i(e) of sample `i` in epoch `epoch`, before noise.
  @inlinable
  public mutating func expectedLoss(ofSample i: Int, epoch: Int) -> Double {
    if mislabelled[i] { return configuration.noisyLoss }
    if !forgettingApplied.isEmpty { applyForgetting(sample: i, through: epoch) }
    let progress = rates[i] * exposure[i] + configuration.globalSpeed * globalExposure
    let floor = configuration.lossFloor
    return floor + (configuration.initialLoss - floor) * RandomDraws.exp(-progress)
  }

  /// Applies the forgetting events of epochs (last applied, epoch] to sample `i`.
  @usableFromInline
  mutating func applyForgetting(sample i: Int, through epoch: Int) {
    var applied = Int(forgettingApplied[i])
    guard applied < epoch else { return }
    let keep = 1 - configuration.forgettingSize
    while applied < epoch {
      applied += 1
      var generator = SeededGenerator(
        seed: forgettingSeed, stream: UInt64(applied) << 40 | UInt64(i))
      if generator.nextUnit() < configuration.forgettingRate { exposure[i] *= keep }
    }
    forgettingApplied[i] = Int32(truncatingIfNeeded: applied)
  }

  // MARK: SignalSource

  public mutating func beginEpoch(_ epoch: Int) throws {
    guard recording != nil else { return }
    for i in 0..<sampleCount { recordingBuffer[i] = loss(ofSample: i, epoch: epoch) }
    recordingBuffer.withUnsafeBufferPointer { recording?.appendEpoch($0) }
  }

  @inlinable
  public mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    var total = 0.0
    var k = 0
    for i in samples {
      guard i >= 0, i < sampleCount else {
        throw PruneSignalsError.indexNotInSource(
          name: name, unit: "sample", index: i, count: sampleCount)
      }
      let value = loss(ofSample: i, epoch: batch.epoch)
      losses[k] = value
      total += value
      k += 1
    }
    return BatchMeasurement(meanLoss: k > 0 ? total / Double(k) : nil)
  }

  @inlinable
  public mutating func train(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, weights: ArraySlice<Double>
  ) throws {
    let countsWeights = configuration.weightsCountAsVisits
    for (i, weight) in zip(samples, weights) {
      guard i >= 0, i < sampleCount else {
        throw PruneSignalsError.indexNotInSource(
          name: name, unit: "sample", index: i, count: sampleCount)
      }
      if !forgettingApplied.isEmpty { applyForgetting(sample: i, through: batch.epoch) }
      let step = countsWeights ? weight : 1
      exposure[i] += step
      epochWeight += step
    }
  }

  public mutating func finishEpoch(_ epoch: Int) throws {
    globalExposure += epochWeight / Double(sampleCount)
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
