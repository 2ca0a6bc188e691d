import PruneCore

/// The training-throughput benchmark of cnn.md ("Figures to beat"): ref-cnn, forward + backward
/// + SGD step, on random 1 x 28 x 28 images, timed after a warm-up.
public enum MiniCNNBenchmark {
  /// What one benchmark run measured.
  public struct Report: Sendable, Equatable, CustomStringConvertible {
    public var batchSize: Int
    public var threads: Int
    /// True when only the GEMMs were multi-threaded (OpenBLAS threads, one step thread).
    public var blasThreadsOnly: Bool
    public var timedSteps: Int
    /// Wall seconds of the timed steps.
    public var seconds: Double
    /// Training images per second.
    public var imagesPerSecond: Double
    /// FLOPs of one step (``ConvolutionalNetwork/trainingFLOPs(batch:)``).
    public var flopsPerStep: Double
    /// Achieved GFLOP/s.
    public var gigaflopsPerSecond: Double

    public var description: String {
      "MiniCNN ref-cnn train step: batch \(batchSize), \(threads) threads "
        + (blasThreadsOnly ? "(OpenBLAS only)" : "(data-parallel)") + ", \(timedSteps) steps "
        + "in \(rounded(seconds, 3)) s: \(rounded(imagesPerSecond, 1)) images/s, "
        + "\(rounded(gigaflopsPerSecond, 1)) GFLOP/s (\(rounded(flopsPerStep / 1e9, 3)) GFLOP/step)"
    }
  }

  /// Times `steps` training steps after `warmupSteps` untimed ones.
  ///
  /// - Parameters:
  ///   - threads: Threads for the run: the network's workers (each with single-threaded
  ///     OpenBLAS) or, with `blasThreadsOnly`, OpenBLAS's own threads inside the GEMMs.
  ///   - blasThreadsOnly: Run the step on one thread and let only the GEMMs use `threads`.
  ///   - usesBatchNorm: False times the network without BN.
  public static func run(
    batchSize: Int = 128, steps: Int = 40, warmupSteps: Int = 5, threads: Int = 2,
    blasThreadsOnly: Bool = false, usesBatchNorm: Bool = true, seed: UInt64 = 1
  ) throws -> Report {
    let workers = blasThreadsOnly ? 1 : threads
    guard batchSize >= 1, steps >= 1, warmupSteps >= 0 else {
      throw MiniCNNError.outOfRange(
        parameter: "batchSize/steps", value: Double(min(batchSize, steps)),
        allowed: "integers >= 1")
    }
    let previousThreads = MiniCNN.blasThreadCount
    MiniCNN.setBLASThreadCount(threads)
    defer { MiniCNN.setBLASThreadCount(previousThreads) }
    let configuration = try NetworkConfiguration(usesBatchNorm: usesBatchNorm, seed: seed)
    let network = ConvolutionalNetwork(configuration: configuration)
    network.workerCount = workers
    var optimizer = SGDOptimizer(configuration: try SGDConfiguration())
    var generator = SeededGenerator(seed: seed, stream: 7)
    let images = (0..<(batchSize * configuration.imageSize)).map { _ in
      Float(generator.nextGaussian())
    }
    let labels = (0..<batchSize).map { _ in
      Int32(generator.nextIndex(below: configuration.classCount))
    }
    let weights = [Double](repeating: 1, count: batchSize)
    for _ in 0..<warmupSteps {
      _ = try network.trainStep(
        images: images, labels: labels, weights: weights, learningRate: 0.01,
        optimizer: &optimizer)
    }
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<steps {
      _ = try network.trainStep(
        images: images, labels: labels, weights: weights, learningRate: 0.01,
        optimizer: &optimizer)
    }
    let seconds = start.duration(to: clock.now).seconds
    let flops = network.trainingFLOPs(batch: batchSize)
    return Report(
      batchSize: batchSize, threads: threads, blasThreadsOnly: blasThreadsOnly, timedSteps: steps,
      seconds: seconds,
      imagesPerSecond: Double(steps * batchSize) / seconds, flopsPerStep: flops,
      gigaflopsPerSecond: flops * Double(steps) / seconds / 1e9)
  }

  /// `value` rounded to `digits` decimals, for the benchmarks' report lines.
  public static func rounded(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return "\((value * scale).rounded() / scale)"
  }
}
