import CBLAS
import PruneCore

/// The machine's sgemm figure that cnn.md ("Fraction of the machine") measures a training step
/// against: OpenBLAS `cblas_sgemm` on square n x n matrices (n = 512 in toolchain-notes §4),
/// 2 n^3 FLOPs per call, best of several timed calls after a warm-up.
public enum SgemmBenchmark {
  /// What one sgemm measurement found.
  public struct Report: Sendable, Equatable, CustomStringConvertible {
    public var size: Int
    public var threads: Int
    /// Seconds of the fastest call.
    public var bestSeconds: Double
    /// GFLOP/s of the fastest call: 2 n^3 / seconds / 1e9.
    public var gigaflopsPerSecond: Double

    public var description: String {
      "OpenBLAS sgemm: n = \(size), \(threads) threads, best call "
        + "\(MiniCNNBenchmark.rounded(bestSeconds * 1e3, 3)) ms: "
        + "\(MiniCNNBenchmark.rounded(gigaflopsPerSecond, 1)) GFLOP/s"
    }
  }

  /// Times `calls` sgemm calls of size `size` with `threads` OpenBLAS threads and keeps the best.
  public static func run(size: Int = 512, threads: Int = 2, calls: Int = 20, seed: UInt64 = 1)
    throws -> Report
  {
    guard size >= 1, calls >= 1 else {
      throw MiniCNNError.outOfRange(
        parameter: "size/calls", value: Double(min(size, calls)), allowed: "integers >= 1")
    }
    let previousThreads = MiniCNN.blasThreadCount
    MiniCNN.setBLASThreadCount(threads)
    defer { MiniCNN.setBLASThreadCount(previousThreads) }
    var generator = SeededGenerator(seed: seed, stream: 11)
    let a = (0..<(size * size)).map { _ in Float(generator.nextGaussian()) }
    let b = (0..<(size * size)).map { _ in Float(generator.nextGaussian()) }
    var c = [Float](repeating: 0, count: size * size)
    let n = Int32(size)
    func multiply() {
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, b, n, 0, &c, n)
    }
    multiply()
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<calls {
      let start = clock.now
      multiply()
      best = min(best, start.duration(to: clock.now).seconds)
    }
    let flops = 2 * Double(size) * Double(size) * Double(size)
    return Report(
      size: size, threads: threads, bestSeconds: best, gigaflopsPerSecond: flops / best / 1e9)
  }
}
