import Glibc
import Testing
import _PruneTestSupport
import PruneCore

@testable import PruneAnalysis

@Suite struct WelchTests {
  /// White noise of variance s² = 4 has the one-sided density 2 s² = 8 at every interior frequency.
  ///
  /// N = 2¹⁵, L = 256, Hann, 50% overlap: K = 255 segments. Each bin is a mean of K scaled χ²₂
  /// values, relative standard deviation ≈ 1/sqrt(0.95 K) ≈ 0.065 (Hann at 50% overlap loses ~5%
  /// to segment correlation), so every bin within ±35% is a 5.4σ bound. The mean over the 125 bins
  /// 2…126 averages ≈ 60 independent bins (Hann couples neighbours) plus the 0.8% sampling error
  /// of s² itself: its standard deviation is ≈ 1.1%, and ±4% is a 3.6σ bound.
  @Test func whiteNoiseIsFlatAtTwiceItsVariance() throws {
    var generator = SeededGenerator(seed: 2024)
    let noise = (0..<32_768).map { _ in 2 * generator.nextGaussian() }
    let spectrum = try Spectral.welch(noise, segmentLength: 256)
    #expect(spectrum == (try noise.welchSpectrum(segmentLength: 256)))
    #expect(spectrum.segmentCount == 255)
    #expect(spectrum.frequencies.count == 129)
    #expect(spectrum.frequencies.last == 0.5)
    let interior = Array(spectrum.density[2..<128])
    for value in interior { #expect(abs(value / 8 - 1) < 0.35, "bin value \(value)") }
    let level = interior.reduce(0, +) / Double(interior.count)
    #expect(abs(level / 8 - 1) < 0.04, "mean level \(level)")
    #expect(abs(spectrum.totalPower / 4 - 1) < 0.04)
  }

  /// Rectangular window, no overlap, no detrending: Σ P_k Δf equals the mean square exactly.
  @Test(arguments: [(1000, 100), (999, 37), (4096, 512)])
  func welchSatisfiesParseval(length: Int, segmentLength: Int) throws {
    var generator = SeededGenerator(seed: 5)
    let series = (0..<length).map { _ in 1 + generator.nextGaussian() }
    let spectrum = try Spectral.welch(
      series, segmentLength: segmentLength, overlap: 0, window: .rectangular, detrend: .none)
    let used = spectrum.segmentCount * segmentLength
    let meanSquare = series[0..<used].reduce(0) { $0 + $1 * $1 } / Double(used)
    #expect(Tolerance.isClose(spectrum.totalPower, meanSquare, relative: 1e-12))
  }

  /// With a window the density integrates to Σ (w x)² / Σ w² (the window-normalised energy).
  @Test(arguments: Window.allCases)
  func periodogramWithAWindowSatisfiesParseval(window: Window) throws {
    var generator = SeededGenerator(seed: 6)
    let series = (0..<300).map { _ in generator.nextGaussian() }
    let taper = window.coefficients(length: 300)
    let spectrum = try Spectral.periodogram(series, window: window)
    let expected =
      zip(series, taper).reduce(0) { $0 + ($1.0 * $1.1) * ($1.0 * $1.1) }
      / taper.reduce(0) { $0 + $1 * $1 }
    #expect(Tolerance.isClose(spectrum.totalPower, expected, relative: 1e-12))
  }

  @Test func windowsHaveTheirDefiningValues() {
    for (value, expected) in zip(Window.hann.coefficients(length: 4), [0, 0.5, 1, 0.5]) {
      #expect(abs(value - expected) < 1e-15)
    }
    let hamming = Window.hamming.coefficients(length: 4)
    #expect(abs(hamming[0] - 0.08) < 1e-15 && abs(hamming[2] - 1) < 1e-15)
    #expect(Window.rectangular.coefficients(length: 3) == [1, 1, 1])
  }

  @Test func rejectsBadParameters() {
    let series = [Double](repeating: 1, count: 100)
    #expect(throws: PruneAnalysisError.self) { try Spectral.welch(series, segmentLength: 1) }
    #expect(throws: PruneAnalysisError.self) { try Spectral.welch(series, segmentLength: 200) }
    #expect(throws: PruneAnalysisError.self) {
      try Spectral.welch(series, segmentLength: 50, overlap: 50)
    }
    #expect(throws: PruneAnalysisError.self) {
      try Spectral.welch(series + [.nan], segmentLength: 50)
    }
  }
}
