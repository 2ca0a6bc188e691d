import Glibc
import Testing
import _PruneTestSupport

@testable import PruneAnalysis

@Suite struct BandPowerTests {
  /// cos at f = 0.05 (amplitude 1, power 1/2) plus 2 cos at f = 0.3 (power 2), both on bins of
  /// N = 1000: the power below 0.1 is 0.5, above it 2, the fraction 0.2.
  @Test func twoTonesSplitAtTheCutoff() throws {
    let series = (0..<1000).map { n -> Double in
      let t = Double(n)
      return cos(2 * Double.pi * 0.05 * t) + 2 * cos(2 * Double.pi * 0.3 * t)
    }
    let spectrum = try Spectral.periodogram(series)
    #expect(Tolerance.isClose(spectrum.power(below: 0.1), 0.5, relative: 1e-12))
    #expect(Tolerance.isClose(spectrum.power(above: 0.1), 2, relative: 1e-12))
    #expect(Tolerance.isClose(spectrum.fraction(below: 0.1), 0.2, relative: 1e-12))
    #expect(Tolerance.isClose(spectrum.totalPower, 2.5, relative: 1e-12))
  }

  func spectrum(_ density: (Double) -> Double, length: Int = 64) -> PowerSpectrum {
    let frequencies = (0...length / 2).map { Double($0) / Double(length) }
    return PowerSpectrum(
      frequencies: frequencies, density: frequencies.map(density), segmentLength: length,
      segmentCount: 1)
  }

  /// e^{-f/0.05} meets the flat level e^{-2} at f = 0.1, between the bins 6/64 and 7/64; the log
  /// ratio is linear in f there, so the interpolated crossing is exact.
  @Test func crossoverOfAnExponentialAndAFlatSpectrum() throws {
    let signal = spectrum { exp(-$0 / 0.05) }
    let noise = spectrum { _ in exp(-2) }
    let crossing = try #require(try signal.crossoverFrequency(with: noise))
    #expect(Tolerance.isClose(crossing, 0.1, relative: 1e-12))
    #expect(try signal.crossoverFrequencies(with: noise).count == 1)
    #expect(try signal.crossoverFrequency(with: noise, minimumFrequency: 0.2) == nil)
  }

  @Test func crossingsOnBinsAreReportedOnce() throws {
    let frequencies = (0...6).map { Double($0) / 12 }
    let zigzag = PowerSpectrum(
      frequencies: frequencies, density: [1, 2, 3, 2, 1, 2, 3], segmentLength: 12, segmentCount: 1)
    let flat = PowerSpectrum(
      frequencies: frequencies, density: [Double](repeating: 2, count: 7), segmentLength: 12,
      segmentCount: 1)
    #expect(try zigzag.crossoverFrequencies(with: flat) == [1.0 / 12, 3.0 / 12, 5.0 / 12])
    #expect(throws: PruneAnalysisError.self) {
      try zigzag.crossoverFrequency(with: spectrum({ _ in 1 }, length: 32))
    }
  }
}

@Suite struct AppliedGainTests {
  /// White noise through the EMA: the output variance is (1-α)² Σ α^{2n} s² = s² (1-α)/(1+α).
  /// Applying the analytic |H|² to the flat density 2 s² on 4097 bins reproduces it to the
  /// midpoint-rule error of the discrete sum (≪ 1e-3 at α = 0.5).
  @Test func emaGainOnAFlatSpectrumGivesTheOutputVariance() {
    let length = 8192
    let frequencies = (0...length / 2).map { Double($0) / Double(length) }
    var density = [Double](repeating: 2 * 4, count: frequencies.count)
    density[0] = 4
    density[density.count - 1] = 4
    let flat = PowerSpectrum(
      frequencies: frequencies, density: density, segmentLength: length, segmentCount: 1)
    let filtered = flat.applyingGain {
      MagnitudeResponse.exponentialMovingAverage(alpha: 0.5, frequency: $0)
    }
    #expect(abs(filtered.totalPower - 4 * 0.5 / 1.5) < 1e-9)
  }
}
