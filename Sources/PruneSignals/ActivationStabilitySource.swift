import PruneCore

/// Per-batch activation statistics X̄ that settle over training, for B-PAS.
///
/// For logical batch b (``BatchIdentity/batchID``) in 1-based epoch t = epoch + 1:
/// ```
/// X̄_b(t) = a_b + c_b · exp(−t / τ_b) + σ · ε_{b,t}
/// ```
/// a_b ~ Normal(level, levelSpread²), c_b ~ Uniform(0.5, 1.5) · amplitude,
/// log τ_b ~ Normal(log decayEpochs, decaySpread²) (``ActivationConfiguration``). The change
/// |X̄_b(t−1) − X̄_b(t)| ≈ c_b/τ_b · exp(−t/τ_b) shrinks until the noise dominates, so each batch
/// eventually falls below B-PAS's threshold δ(t) (algorithms.md §5.3–5.4).
///
/// The statistic depends on (b, t) only, not on what was trained: a stand-in for a network
/// whose activation spread settles as it converges. Determinism: (a_b, c_b, τ_b) come from a
/// generator seeded by `seed`; ε_{b,t} from a generator seeded by (seed, b, t) alone.
public struct ActivationStabilitySource: SignalSource, Sendable {
  public let configuration: ActivationConfiguration
  public let seed: UInt64
  public let sampleCount: Int
  /// M: the number of logical batches the source knows.
  public let batchCount: Int
  public var name: String { "activation-stability generator" }
  public var providedSignals: SignalKinds { .activationStatistic }

  @usableFromInline var levels: [Double]
  @usableFromInline var amplitudes: [Double]
  @usableFromInline var decayTimes: [Double]
  @usableFromInline let noiseSeed: UInt64
  private var recording: ActivationLog?

  /// - Parameters:
  ///   - sampleCount: N (the source answers for any batch of samples).
  ///   - batchCount: The number of logical batches, ceil(N / B) for B-PAS's fixed batches.
  ///   - configuration: The knobs.
  ///   - seed: Every draw derives from it.
  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)`` for a count below 1.
  public init(
    sampleCount: Int, batchCount: Int, configuration: ActivationConfiguration, seed: UInt64
  ) throws {
    guard sampleCount >= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "samples", value: Double(sampleCount), allowed: "an integer >= 1")
    }
    guard batchCount >= 1, batchCount < 1 << 40 else {
      throw PruneSignalsError.outOfRange(
        parameter: "batchCount", value: Double(batchCount), allowed: "an integer in 1..<2^40")
    }
    self.configuration = configuration
    self.seed = seed
    self.sampleCount = sampleCount
    self.batchCount = batchCount
    var mixer = SplitMix64(state: seed ^ 0xAC71_5EED_0000_0001)
    noiseSeed = mixer.next()
    var generator = SeededGenerator(seed: seed, stream: 0xAC71_0001)
    levels = []
    amplitudes = []
    decayTimes = []
    levels.reserveCapacity(batchCount)
    amplitudes.reserveCapacity(batchCount)
    decayTimes.reserveCapacity(batchCount)
    for _ in 0..<batchCount {
      let levelDraw = RandomDraws.gaussian(using: &generator)
      levels.append(configuration.level + configuration.levelSpread * levelDraw)
      amplitudes.append(configuration.amplitude * (0.5 + generator.nextUnit()))
      let decayDraw = RandomDraws.gaussian(using: &generator)
      decayTimes.append(
        configuration.decayEpochs * RandomDraws.exp(configuration.decaySpread * decayDraw))
    }
  }

  /// X̄ of logical batch `batch` in 0-based epoch `epoch` (t = epoch + 1).
  @inlinable
  public func statistic(batch: Int, epoch: Int) -> Double {
    let t = Double(epoch + 1)
    var value = levels[batch] + amplitudes[batch] * RandomDraws.exp(-t / decayTimes[batch])
    let sigma = configuration.noiseLevel
    if sigma > 0 {
      var generator = SeededGenerator(
        seed: noiseSeed, stream: UInt64(epoch) << 40 | UInt64(batch))
      if let nu = configuration.heavyTailDegrees {
        value += sigma * RandomDraws.studentT(nu: nu, using: &generator)
      } else {
        value += sigma * RandomDraws.gaussian(using: &generator)
      }
    }
    return value
  }

  public mutating func beginEpoch(_ epoch: Int) throws {
    guard recording != nil else { return }
    var values = [Double](repeating: 0, count: batchCount)
    for b in 0..<batchCount { values[b] = statistic(batch: b, epoch: epoch) }
    recording?.appendEpoch(values)
  }

  public mutating func measure(
    _ batch: BatchIdentity, samples: ArraySlice<Int>, losses: inout [Double]
  ) throws -> BatchMeasurement {
    guard batch.batchID >= 0, batch.batchID < batchCount else {
      throw PruneSignalsError.indexNotInSource(
        name: name, unit: "batch", index: batch.batchID, count: batchCount)
    }
    return BatchMeasurement(activationStatistic: statistic(batch: batch.batchID, epoch: batch.epoch))
  }

  /// True: X̄ depends on (b, t) only, never on what was trained.
  public var measuresWholeEpochs: Bool { true }

  /// From the next epoch on, records X̄ of every batch in every epoch.
  public mutating func startRecording() {
    recording = ActivationLog(recordingBatches: batchCount)
  }

  /// The log recorded since ``startRecording()``, or nil when not recording.
  public var recordedLog: ActivationLog? { recording }
}
