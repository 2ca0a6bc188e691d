import Testing

@testable import MiniCNN

/// The benchmarks' bookkeeping (no speed is asserted here: speed lives in PruneBench).
@Suite struct BenchmarkTests {
  /// A small training-throughput run counts its images and FLOPs consistently and restores the
  /// process's OpenBLAS thread count.
  @Test func trainingReportIsConsistent() throws {
    let before = MiniCNN.blasThreadCount
    let report = try MiniCNNBenchmark.run(batchSize: 4, steps: 2, warmupSteps: 0, threads: 1)
    #expect(MiniCNN.blasThreadCount == before)
    #expect(report.timedSteps == 2 && report.seconds > 0)
    #expect(abs(report.imagesPerSecond - 8 / report.seconds) <= 1e-9 * report.imagesPerSecond)
    let network = ConvolutionalNetwork(configuration: try NetworkConfiguration(seed: 1))
    #expect(report.flopsPerStep == network.trainingFLOPs(batch: 4))
    #expect(
      abs(report.gigaflopsPerSecond - 2 * report.flopsPerStep / report.seconds / 1e9)
        <= 1e-9 * report.gigaflopsPerSecond)
  }

  /// The sgemm figure is 2 n^3 over the best call and restores the thread count; sizes below 1
  /// are refused. (The kernel's name is BLASInfo's, tested in PruneAnalysisTests.)
  @Test func sgemmReportIsConsistent() throws {
    let before = MiniCNN.blasThreadCount
    let report = try SgemmBenchmark.run(size: 32, threads: 1, calls: 3)
    #expect(MiniCNN.blasThreadCount == before)
    #expect(
      abs(report.gigaflopsPerSecond - 2 * 32 * 32 * 32 / report.bestSeconds / 1e9)
        <= 1e-9 * report.gigaflopsPerSecond)
    #expect(throws: MiniCNNError.self) { try SgemmBenchmark.run(size: 0) }
  }
}
