import MiniCNN
import PruneCore

/// Trains the ref-cnn under a pruning rule and measures what the end-to-end claims need.
///
/// The loop is the trainer's contract (issue 4 item 4; cnn.md): each epoch asks the rule for
/// its plan, sizes the OneCycle schedule from the plan's batch count, trains each batch with the
/// plan's effective weights (batch loss `sum(w_i l_i) / B`), reports the per-sample losses, the
/// batch mean loss and the activation statistic (measured in the training forward, before the
/// update) back to the rule, then calls `finishEpoch` and evaluates on the test set.
/// An empty plan (B-PAS after its last batch) stops the run early.
///
/// It keeps nothing the claims do not read: no augmentation, no checkpoints, no logs.
struct EndToEndTraining {
  let workload: EndToEndWorkload
  let data: TrainingData
  /// Whether the network has BatchNorm (BPAS-6 trains it without).
  var usesBatchNorm = true

  init(workload: EndToEndWorkload, data: TrainingData, usesBatchNorm: Bool = true) {
    self.workload = workload
    self.data = data
    self.usesBatchNorm = usesBatchNorm
  }

  /// The rule setup of seed `seed`: N, B, the planned epochs and the seed.
  func setup(seed: UInt64, plannedEpochs: Int? = nil) throws -> TrainingSetup {
    try TrainingSetup(
      sampleCount: data.train.sampleCount, batchSize: workload.batchSize,
      plannedEpochs: plannedEpochs ?? workload.epochs, seed: seed)
  }

  /// Trains one run.
  ///
  /// - Parameters:
  ///   - rule: The rule, built for ``setup(seed:plannedEpochs:)`` of the same seed.
  ///   - label: The rule's label in the claim's tables.
  ///   - seedIndex: k; the network initialisation uses `seed`, the same for every rule.
  ///   - measuresActivations: Whether to compute the tap statistics (always for B-PAS).
  /// - Throws: ``ClaimsError/computationFailed(id:reason:)`` when the loss diverges; the
  ///   rule's and the network's errors.
  func run<Rule: PruningRule>(
    _ rule: Rule, label: String, seedIndex: Int, seed: UInt64, measuresActivations: Bool = false
  ) throws -> TrainingRunOutcome {
    var rule = rule
    // OpenBLAS's thread count is one process-wide setting. A training step lowers it to 1 and
    // restores it afterwards, so with two claims training at once (`reproduce --jobs 2`) one
    // claim's restore changed the other's sgemm partitioning mid-step, and with it the float
    // sums: results varied between runs with the same seed. Pinning it to 1 for every end-to-end
    // run makes those steps leave it alone; the two-way split inside a step is unaffected.
    MiniCNN.setBLASThreadCount(1)
    let train = data.train
    let imageSize = train.imageSize
    let epochs = rule.setup.plannedEpochs
    let needsActivations =
      measuresActivations
      || rule.requiredSignals.contains(.activationStatistic)
    let network = ConvolutionalNetwork(
      configuration: try NetworkConfiguration(
        inputChannels: train.channels, height: train.height, width: train.width,
        classCount: train.classCount, usesBatchNorm: usesBatchNorm, seed: seed))
    var optimizer = SGDOptimizer(configuration: try SGDConfiguration())
    var scheduler = try LearningRateScheduler(
      schedule: .oneCycle(maximum: workload.maximumLearningRate), epochs: epochs)
    let testLabels = data.test.labels.map { Int32($0) }
    var images = [Float](repeating: 0, count: workload.batchSize * imageSize)
    var labels = [Int32](repeating: 0, count: workload.batchSize)
    let clock = ContinuousClock()

    var accuracies: [Double] = []
    var samples: [Int] = []
    var batches: [Int] = []
    var statistics: [[Int: Double]] = []
    var walls: [Double] = []
    var selections: [Double] = []
    for epoch in 0..<epochs {
      let start = clock.now
      var selection = Duration.zero
      var mark = clock.now
      let plan = try rule.plan(forEpoch: epoch)
      selection += clock.now - mark
      if plan.isEmpty { break }
      try scheduler.beginEpoch(epoch, steps: plan.batchCount)
      var epochStatistics: [Int: Double] = [:]
      for position in 0..<plan.batchCount {
        let range = plan.range(ofBatch: position)
        let count = range.count
        if labels.count < count {
          images = [Float](repeating: 0, count: count * imageSize)
          labels = [Int32](repeating: 0, count: count)
        }
        images.withUnsafeMutableBufferPointer { imageBuffer in
          labels.withUnsafeMutableBufferPointer { labelBuffer in
            train.gather(plan.samples[range], into: imageBuffer, labels: labelBuffer)
          }
        }
        let rate = scheduler.nextRate()
        let step = try images.withUnsafeBufferPointer { buffer in
          try network.trainStep(
            images: UnsafeBufferPointer(rebasing: buffer[0..<count * imageSize]),
            labels: labels[0..<count], weights: plan.effectiveWeights(ofBatch: position),
            learningRate: rate, optimizer: &optimizer, measuresActivations: needsActivations)
        }
        guard step.weightedLoss.isFinite, step.meanLoss.isFinite else {
          throw ClaimsError.computationFailed(
            id: label,
            reason: "the loss diverged in epoch \(epoch), batch \(position) at learning rate "
              + "\(rate); lower the maximum learning rate of the workload")
        }
        let batchID = plan.batchIDs[position]
        if let statistic = step.activationStatistic { epochStatistics[batchID] = statistic }
        mark = clock.now
        try rule.record(
          BatchReport(
            epoch: epoch, position: position, batchID: batchID, samples: plan.samples[range],
            losses: step.perSampleLosses[...], meanLoss: step.meanLoss,
            activationStatistic: step.activationStatistic))
        selection += clock.now - mark
      }
      mark = clock.now
      try rule.finishEpoch(epoch)
      selection += clock.now - mark
      walls.append((clock.now - start).seconds)
      selections.append(selection.seconds)
      let evaluation = try data.test.pixels.withUnsafeBufferPointer {
        try network.evaluate(images: $0, labels: testLabels)
      }
      accuracies.append(evaluation.accuracy)
      samples.append(plan.sampleCount)
      batches.append(plan.batchCount)
      statistics.append(epochStatistics)
    }
    let fullSetup = try setup(seed: seed, plannedEpochs: epochs)
    return TrainingRunOutcome(
      label: label, seedIndex: seedIndex, seed: seed, finalAccuracy: accuracies.last ?? 0,
      epochAccuracies: accuracies, epochSamples: samples, epochBatches: batches,
      sampleCount: train.sampleCount,
      originalBatchCount: fullSetup.batchCount(forSamples: train.sampleCount),
      plannedEpochs: epochs, batchStatistics: statistics, epochWallSeconds: walls,
      epochSelectionSeconds: selections)
  }

  /// The seed of run k: the claim's base seed plus k, so every rule of seed k starts alike.
  static func seed(base: UInt64, index: Int) -> UInt64 { base &+ UInt64(index) }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
