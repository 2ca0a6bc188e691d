import Glibc
import Testing
import PruneCore

@testable import PruneAnalysis

@Suite struct MagnitudeResponseTests {
  /// y[n] = α y[n-1] + (1-α) x[n] with y[-1] = 0.
  func ema(_ x: [Double], alpha: Double) -> [Double] {
    var state = 0.0
    return x.map { value in
      state = alpha * state + (1 - alpha) * value
      return state
    }
  }

  /// The FFT of h[n] = (1-α) αⁿ, n < M, against (1-α)/sqrt(1 - 2α cos ω + α²).
  ///
  /// Tolerance 1e-12: truncating h after M = 4096 terms changes H by at most
  /// α^M ≤ 0.99⁴⁰⁹⁶ ≈ 1e-18, and FFTW's rounding error is about ε log₂M Σ|h| ≈ 2.2e-16 · 12 ≈
  /// 3e-15; 1e-12 leaves a 300-fold margin while a wrong formula or scaling would be off by ≥ 1e-3.
  @Test(arguments: [0.5, 0.9, 0.99])
  func impulseResponseMatchesTheAnalyticGain(alpha: Double) throws {
    let impulse = ema([1] + [Double](repeating: 0, count: 4095), alpha: alpha)
    let response = try MagnitudeResponse.ofImpulseResponse(impulse)
    #expect(response.frequencies.count == 2049)
    let deviation = response.maximumAbsoluteDeviation {
      MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: $0)
    }
    #expect(deviation < 1e-12, "max |error| \(deviation)")
  }

  /// sqrt(P_yy / P_xx) on white noise (N = 2¹⁶, L = 512, Hann, 50% overlap: K = 255 segments).
  ///
  /// Tolerance 1.5% relative at every bin but DC. In each segment Y_k = H_k X_k + T_k, where T_k is
  /// the output the filter carries in from before the segment (its memory τ = 1/(1-α) ≤ 10
  /// samples, so at most τ/L ≈ 2% of the segment's output power, further damped by the Hann taper
  /// that is near zero at the segment's edges), plus the Hann kernel's ±2-bin smoothing of |H|²,
  /// largest at the first bins where |H|² is most peaked. Measured worst cases with this seed:
  /// 0.07% (α = 0.5) and 0.38% (α = 0.9, at f = 1/512); a wrong scaling or a missing square
  /// root is off by tens of percent.
  @Test(arguments: [0.5, 0.9])
  func whiteNoiseResponseMatchesTheAnalyticGain(alpha: Double) throws {
    var generator = SeededGenerator(seed: 77)
    let input = (0..<65_536).map { _ in generator.nextGaussian() }
    let response = try MagnitudeResponse.estimated(
      input: input, output: ema(input, alpha: alpha), segmentLength: 512)
    var worst = 0.0
    for (frequency, measured) in zip(response.frequencies, response.magnitude).dropFirst() {
      let exact = MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: frequency)
      worst = max(worst, abs(measured / exact - 1))
    }
    #expect(worst < 0.015, "max relative error \(worst)")
  }

  @Test func ratioOfSpectraNeedsTheSameGrid() throws {
    let a = try Spectral.periodogram([1, 2, 3, 4])
    let b = try Spectral.periodogram([1, 2, 3, 4, 5, 6])
    #expect(throws: PruneAnalysisError.self) {
      try MagnitudeResponse(inputSpectrum: a, outputSpectrum: b)
    }
    #expect(throws: PruneAnalysisError.self) {
      try MagnitudeResponse.ofImpulseResponse([1, 2], transformLength: 1)
    }
  }
}
