import Glibc
import Testing
import PruneCore

@testable import PruneAnalysis

@Suite struct RealFFTTests {
  /// x_n = cos(2π k₀ n / N) has X_{k₀} = N/2 and nothing elsewhere.
  @Test(arguments: [(64, 5), (100, 13), (255, 40)])
  func cosinePutsItsPowerInItsBin(length: Int, bin: Int) throws {
    let signal = (0..<length).map { cos(2 * Double.pi * Double(bin * $0) / Double(length)) }
    let spectrum = try RealFFT(length: length).forward(signal)
    #expect(spectrum.count == length / 2 + 1)
    #expect(abs(spectrum[bin].real - Double(length) / 2) < 1e-10)
    #expect(abs(spectrum[bin].imaginary) < 1e-10)
    for k in spectrum.indices where k != bin {
      #expect(spectrum[k].magnitude < 1e-10, "bin \(k)")
    }
  }

  /// Σ x_n² = (1/N) Σ_{k=0}^{N-1} |X_k|², the missing bins mirrored from the one-sided half.
  @Test(arguments: [1, 2, 7, 16, 31, 100, 257, 1024])
  func parseval(length: Int) throws {
    var generator = SeededGenerator(seed: UInt64(length))
    let signal = (0..<length).map { _ in generator.nextGaussian() }
    let spectrum = try RealFFT(length: length).forward(signal)
    var twoSided = 0.0
    for (k, bin) in spectrum.enumerated() {
      let mirrored = k == 0 || (length % 2 == 0 && k == length / 2)
      twoSided += (mirrored ? 1 : 2) * bin.magnitudeSquared
    }
    let energy = signal.reduce(0) { $0 + $1 * $1 }
    #expect(abs(twoSided / Double(length) - energy) <= 1e-12 * max(energy, 1))
  }

  @Test(arguments: [2, 9, 64, 1000, 1001])
  func inverseUndoesForward(length: Int) throws {
    var generator = SeededGenerator(seed: 11)
    let signal = (0..<length).map { _ in generator.nextGaussian() }
    let fft = try RealFFT(length: length)
    let back = try fft.inverse(fft.forward(signal))
    for (a, b) in zip(signal, back) { #expect(abs(a - b) <= 1e-13) }
  }

  /// A cache of its own: the shared one also fills from tests running in parallel.
  @Test func plansAreCachedPerLength() throws {
    let cache = FFTPlanCache()
    let first = try cache.plan(length: 96, kind: .forward)
    let before = cache.count
    let again = try cache.plan(length: 96, kind: .forward)
    #expect(cache.count == before)
    #expect(again === first)
    _ = try cache.plan(length: 96, kind: .inverse)
    _ = try cache.plan(length: 97, kind: .forward)
    #expect(cache.count == before + 2)
  }

  /// Many tasks plan and transform at once (planner behind the lock); results equal serial ones.
  @Test func concurrentTransformsMatchSerialOnes() async throws {
    let lengths = Array(40..<72)
    let serial = try lengths.map { length in
      try RealFFT(length: length).forward((0..<length).map { Double($0 % 5) }).map(\.magnitude)
    }
    let parallel = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
      for (index, length) in lengths.enumerated() {
        group.addTask {
          let fft = try RealFFT(length: length)
          return (index, try fft.forward((0..<length).map { Double($0 % 5) }).map(\.magnitude))
        }
      }
      var results = [[Double]](repeating: [], count: lengths.count)
      for try await (index, magnitudes) in group { results[index] = magnitudes }
      return results
    }
    #expect(parallel == serial)
  }

  @Test func rejectsWrongLengths() throws {
    let fft = try RealFFT(length: 8)
    #expect(throws: PruneAnalysisError.self) { try fft.forward([1, 2, 3]) }
    #expect(throws: PruneAnalysisError.self) { try fft.inverse([Complex(real: 1)]) }
    #expect(throws: PruneAnalysisError.self) { try RealFFT(length: 0) }
  }
}
