import PruneSignals

@testable import PruneClaims

/// The test-only sizes of the BLS and B-PAS claims: each runs in well under a second in a debug
/// build, yet is large enough for its evidence checks to decide (and for the negative controls
/// to fail).
enum Tiny {
  static let bls1 = EmaFilterResponseClaim.Setting(
    noiseLength: 1 << 13, segmentLength: 256, alphas: [0.5, 0.9])
  static let bls2 = BatchMeanDecompositionClaim.Setting(
    sampleCount: 256, epochs: 512, segmentLength: 64, trackedCount: 32)
  static let bls3 = FrequencySeparationClaim.Setting(
    sampleCount: 256, warmUp: 64, visits: 2048, segmentLength: 512, batchSizes: [64],
    trackedCount: 32, alphas: [0.5, 0.9])
  static let bls4 = ProxyQualityClaim.Setting(
    sampleCount: 256, epochs: 10, snapshotEpochs: [4, 9], batchSizes: [64], draws: 2,
    resamples: 20, alphas: [0.5, 0.9], lossNoises: [0.1, 0.8], realLog: false)

  /// One B-PAS simulation: the generator's defaults, 640 samples, 90 planned epochs.
  static func bpasSimulations() throws -> [BpasSimulationSettings] {
    [
      BpasSimulationSettings(
        name: "defaults, I = 90", sampleCount: 640, batchSize: 128, plannedEpochs: 90,
        deltaStart: 1e-6, deltaEnd: 5e-5, activation: try ActivationConfiguration())
    ]
  }

  static func bpas1() throws -> MonotoneRetentionClaim.Setting {
    .init(seeds: 1, simulations: try bpasSimulations())
  }

  static func bpas2() throws -> ThresholdScheduleClaim.Setting {
    .init(plannedEpochs: [5, 200], seeds: 1, simulations: try bpasSimulations())
  }

  static func bpas3() throws -> DataSavingsIndexClaim.Setting {
    .init(simulations: try bpasSimulations())
  }

  static let bpas5 = ClassBalanceClaim.Setting(sampleCount: 1280, draws: 20)
}
