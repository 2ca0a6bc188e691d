import PruneAnalysis
import Testing

@testable import PruneClaims

@Suite struct BLSClaimsTests {
  static let claims: [any Claim] = [
    EmaFilterResponseClaim(setting: Tiny.bls1), BatchMeanDecompositionClaim(setting: Tiny.bls2),
    FrequencySeparationClaim(setting: Tiny.bls3), ProxyQualityClaim(setting: Tiny.bls4),
  ]

  @Test(arguments: 0..<4) func runsTinyWithFiniteChecks(index: Int) throws {
    let claim = Self.claims[index]
    let result = try claim.run(in: ClaimContext(seed: 7))
    #expect(result.id == claim.id)
    #expect(!result.checks.isEmpty)
    for check in result.checks {
      #expect(check.measured.isFinite, "\(check.setting): \(check.quantity)")
      #expect(check.predicted.isFinite, "\(check.setting): \(check.quantity)")
      #expect(check.tolerance.isFinite)
    }
    #expect(!result.tables.isEmpty)
    #expect(!result.figures.isEmpty)
    #expect(result.figures.allSatisfy { $0.svg.hasPrefix("<svg") || $0.svg.hasPrefix("<?xml") })
  }

  @Test func sameSeedSameResult() throws {
    let claim = BatchMeanDecompositionClaim(setting: Tiny.bls2)
    #expect(try claim.run(in: ClaimContext(seed: 3)) == claim.run(in: ClaimContext(seed: 3)))
  }

  @Test(arguments: [0.5, 0.7, 0.9, 0.95]) func gainIsOneAtDCAndDampedAtNyquist(alpha: Double) throws {
    let impulse = try EmaProbe.impulseResponse(alpha: alpha, truncationBound: 1e-14)
    let length = max(1024, impulse.count.nextPowerOfTwo)
    let measured = try MagnitudeResponse.ofImpulseResponse(impulse, transformLength: length)
    let nyquist = (1 - alpha) / (1 + alpha)
    #expect(abs(measured.magnitude[0] - 1) < 1e-12)
    #expect(abs(measured.magnitude[length / 2] - nyquist) < 1e-12)
    #expect(abs(MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: 0) - 1) < 1e-12)
    #expect(
      abs(MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: 0.5) - nyquist) < 1e-12)
  }

  /// algorithms.md §2.4: alpha 0.9, zero init, batch means 2.0 then 1.5 -> 0.2, 0.33.
  @Test func scoreUpdateWorkedExample() throws {
    let scores = try EmaProbe.filtered([2.0, 1.5], alpha: 0.9)
    #expect(abs(scores[0] - 0.2) < 1e-15)
    #expect(abs(scores[1] - 0.33) < 1e-15)
    let paperAlpha = try EmaProbe.filtered([2.0, 1.5], alpha: 0.7)
    #expect(abs(paperAlpha[1] - 0.87) < 1e-15)
  }

  @Test func decompositionAddsUpToTheBatchMean() throws {
    let table = try LossTable.generate(
      configuration: BlsSignalSettings.slowLearner(), sampleCount: 64, epochs: 8, seed: 1)
    for batching in [BatchMeanDecomposition.Batching.reshuffled, .fixed] {
      let parts = BatchMeanDecomposition.measure(
        table, tracked: [0, 5, 63], batchSize: 16, batching: batching, seed: 2)
      for k in 0..<3 {
        for t in 0..<8 {
          let sum = parts.signal[k][t] + parts.drift[k][t] + parts.noise[k][t]
          #expect(abs(sum - parts.batchMean[k][t]) < 1e-12)
        }
      }
    }
  }

  @Test func whiteFractionCountsInteriorBinsAndHalfNyquist() {
    // L = 8: bins 0..4 at f = 0, 1/8, ..., 1/2; bins 1..3 weigh 1, bin 4 weighs 1/2.
    let spectrum = PowerSpectrum(
      frequencies: (0...4).map { Double($0) / 8 }, density: [1, 1, 1, 1, 1], segmentLength: 8,
      segmentCount: 1)
    #expect(spectrum.whiteFraction(below: 0.2) == 1 / 3.5)
    #expect(spectrum.whiteFraction(below: 0.3) == 2 / 3.5)
  }

  @Test func idealGainMatchesTheIntegralOfTheSquaredGain() {
    let alpha = 0.9
    var integral = 0.0
    let steps = 20_000
    for k in 0..<steps {
      let f = (Double(k) + 0.5) / Double(steps) * 0.5
      let h = MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: f)
      integral += h * h * 0.5 / Double(steps)
    }
    #expect(abs(1 / (2 * integral) - EmaSnrAnalysis.idealGain(alpha: alpha)) < 1e-3)
  }

  @Test func belowMeanOverlapByHand() {
    // x below mean {0, 1}; y below mean {1, 2}: Jaccard 1/3.
    #expect(BelowMeanOverlap.jaccard([0, 1, 5, 6], [9, 0, 1, 9]) == 1.0 / 3.0)
  }
}
