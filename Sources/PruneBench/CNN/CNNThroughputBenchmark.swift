import MiniCNN
import PruneAnalysis

#if canImport(Glibc)
  import Glibc
#endif

/// `PruneBench cnn [--batch B] [--steps N] [--warmup N] [--threads T] [--no-bn]
/// [--blas-threads-only]`: the ref-cnn
/// training throughput of cnn.md ("Figures to beat"), then OpenBLAS's square sgemm with the same
/// threads ("Fraction of the machine"). Prints two human lines and one machine-readable line
/// `cnn_images_per_second=... cnn_gflops=... sgemm_gflops=...` that bench/compare-throughput reads.
/// - Returns: The process exit code.
func runCNNThroughputBenchmark(_ arguments: [String]) -> Int32 {
  var batchSize = 128
  var steps = 40
  var warmup = 5
  var threads = 2
  var usesBatchNorm = true
  var blasThreadsOnly = false
  var index = 0
  func integer(after flag: String) -> Int? {
    index += 1
    guard index < arguments.count, let value = Int(arguments[index]) else {
      print("PruneBench cnn: \(flag) needs an integer value")
      return nil
    }
    return value
  }
  while index < arguments.count {
    switch arguments[index] {
    case "--batch":
      guard let v = integer(after: "--batch") else { return 2 }
      batchSize = v
    case "--steps":
      guard let v = integer(after: "--steps") else { return 2 }
      steps = v
    case "--warmup":
      guard let v = integer(after: "--warmup") else { return 2 }
      warmup = v
    case "--threads":
      guard let v = integer(after: "--threads") else { return 2 }
      threads = v
    case "--no-bn": usesBatchNorm = false
    case "--blas-threads-only": blasThreadsOnly = true
    default:
      print(
        "PruneBench cnn: unknown option \(arguments[index]); "
          + "use --batch B --steps N --warmup N --threads T --no-bn --blas-threads-only")
      return 2
    }
    index += 1
  }
  do {
    let report = try MiniCNNBenchmark.run(
      batchSize: batchSize, steps: steps, warmupSteps: warmup, threads: threads,
      blasThreadsOnly: blasThreadsOnly, usesBatchNorm: usesBatchNorm)
    print(report)
    let sgemm = try SgemmBenchmark.run(threads: threads)
    let share = report.gigaflopsPerSecond / sgemm.gigaflopsPerSecond
    print(
      "\(sgemm) (\(BLASInfo.openBLASCoreName) kernel); the training step reaches "
        + "\(MiniCNNBenchmark.rounded(100 * share, 1))% of it")
    print(
      "cnn_images_per_second=\(report.imagesPerSecond) cnn_gflops=\(report.gigaflopsPerSecond) "
        + "sgemm_gflops=\(sgemm.gigaflopsPerSecond)")
    return 0
  } catch {
    print("PruneBench cnn: \(error)")
    return 1
  }
}
