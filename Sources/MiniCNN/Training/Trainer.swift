import PruneCore

/// Trains the ref-cnn on a ``TrainingData`` under any ``PruneCore/PruningRule`` (issue 4, item 4).
///
/// Each epoch, following the rule contract (ARCHITECTURE.md; algorithms.md Part A):
/// 1. `rule.plan(forEpoch:)`, once; an empty plan stops the run early (B-PAS);
/// 2. the schedule is sized from *that* plan's batch count before the first step
///    (InfoBatch issue #27), so a pruned epoch never overflows it;
/// 3. per batch: gather and (optionally) augment the images, one SGD step on
///    `(1/B) sum w_i l_i` with the plan's effective weights, then `rule.record` with the
///    per-sample losses, their mean and X̄, all measured in the forward *before* the step;
/// 4. `rule.finishEpoch`, test evaluation, one ``TrainingEpochRecord``.
/// The hot loop is generic over the rule (`inout Rule`), never an existential.
///
/// A run is a pure function of the configuration (seed and thread count included), the data and
/// the rule: the weights start from the seeded Kaiming init, the augmentation draws of epoch `e`
/// come from a generator derived from `(seed, e)`, and every other draw is the rule's own.
public final class Trainer {
  /// How it trains.
  public let configuration: TrainerConfiguration
  /// What it trains on.
  public let data: TrainingData
  /// The network being trained.
  public let network: ConvolutionalNetwork
  /// The identity of ``data`` written into checkpoints.
  public let dataFingerprint: DataFingerprint
  /// The optimiser's momentum state.
  public internal(set) var optimizer: SGDOptimizer
  /// The learning-rate schedule's position.
  public internal(set) var scheduler: LearningRateScheduler
  /// The epochs trained so far.
  public internal(set) var records: [TrainingEpochRecord] = []
  /// The next epoch to train.
  public internal(set) var nextEpoch = 0
  /// True once a rule's plan ran empty.
  public internal(set) var hasStoppedEarly = false

  let augmentation: ImageAugmentation
  let testLabels: [Int32]
  var batchImages: [Float] = []
  var batchLabels: [Int32] = []
  var augmentationScratch: [Float] = []

  /// Builds the network (seeded Kaiming init) and the optimiser for `data`.
  ///
  /// - Throws: ``MiniCNNError`` when the images do not fit the network (smaller than 4 x 4)
  ///   or the test set has another image shape or class count than the training set.
  public init(configuration: TrainerConfiguration, data: TrainingData) throws {
    let train = data.train
    let test = data.test
    guard
      (test.channels, test.height, test.width, test.classCount)
        == (train.channels, train.height, train.width, train.classCount)
    else {
      throw MiniCNNError.inconsistent(
        parameters: "train, test",
        reason: "the test images are \(test.channels) x \(test.height) x \(test.width) with "
          + "\(test.classCount) classes, the training images \(train.channels) x "
          + "\(train.height) x \(train.width) with \(train.classCount); use one data set.")
    }
    self.configuration = configuration
    self.data = data
    self.network = ConvolutionalNetwork(
      configuration: try configuration.networkConfiguration(for: train))
    self.dataFingerprint = DataFingerprint(data)
    self.optimizer = SGDOptimizer(configuration: configuration.optimizer)
    self.scheduler = try LearningRateScheduler(
      schedule: configuration.schedule, epochs: configuration.epochs)
    self.augmentation = try ImageAugmentation(
      cropPadding: configuration.cropPadding, horizontalFlip: configuration.horizontalFlip,
      fillValue: data.normalization.normalizedZero)
    self.testLabels = test.labels.map { Int32($0) }
  }

  /// The setup a rule for this run must be built with: N, B, E and `seed`.
  public func ruleSetup(seed: UInt64) throws -> TrainingSetup {
    try TrainingSetup(
      sampleCount: data.train.sampleCount, batchSize: configuration.batchSize,
      plannedEpochs: configuration.epochs, seed: seed)
  }

  /// Trains from ``nextEpoch`` to the planned end (or an empty plan).
  ///
  /// - Parameters:
  ///   - rule: The rule; it must pass ``checkCompatibility(of:)``.
  ///   - hooks: Progress, per-epoch and checkpoint callbacks.
  /// - Returns: The summary of every epoch trained, including those before a resume.
  /// - Throws: ``MiniCNNError`` for an incompatible rule, an invalid plan or a diverged loss;
  ///   the rule's ``PruneCore/PruneCoreError``; whatever a hook throws.
  public func train<Rule: PruningRule>(
    _ rule: inout Rule, hooks: TrainingHooks<Rule.State> = .init()
  ) throws -> TrainingSummary {
    try checkCompatibility(of: rule)
    // The threads are the network's own workers, which split every step (and the evaluation);
    // OpenBLAS stays at 1 thread, so no step has to lower and restore the process-wide count
    // (a restore racing with another trainer in the process would change its sums).
    network.workerCount = configuration.threadCount
    MiniCNN.setBLASThreadCount(1)
    let measuresActivations = measuresActivations(for: rule)
    while nextEpoch < configuration.epochs && !hasStoppedEarly {
      try trainEpoch(&rule, measuresActivations: measuresActivations, hooks: hooks)
      if let checkpointReady = hooks.checkpointReady {
        try checkpointReady(checkpoint(of: rule))
      }
    }
    return summary(of: rule)
  }

  /// The summary of the epochs trained so far.
  public func summary<Rule: PruningRule>(of rule: Rule) -> TrainingSummary {
    TrainingSummary(
      rule: rule.name, ruleParameters: rule.parameters, sampleCount: data.train.sampleCount,
      plannedEpochs: configuration.epochs, epochs: records, hasStoppedEarly: hasStoppedEarly)
  }

  /// One epoch: plan, batches, finishEpoch, evaluation (see the type's discussion).
  func trainEpoch<Rule: PruningRule>(
    _ rule: inout Rule, measuresActivations: Bool, hooks: TrainingHooks<Rule.State>
  ) throws {
    let clock = ContinuousClock()
    let epoch = nextEpoch
    let epochStart = clock.now
    var selection = Duration.zero

    var mark = clock.now
    let plan = try rule.plan(forEpoch: epoch)
    selection += clock.now - mark
    try validate(plan, epoch: epoch)
    if plan.isEmpty {
      hasStoppedEarly = true
      return
    }
    try scheduler.beginEpoch(epoch, steps: plan.batchCount)
    var generator = SeededGenerator(
      seed: configuration.seed ^ 0x4155_4755_4D45_4E54, stream: UInt64(epoch))  // "AUGUMENT"
    let train = data.train
    let imageSize = train.imageSize
    var lossSum = 0.0
    var weightedLossSum = 0.0
    var learningRate = 0.0

    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      let count = range.count
      if batchLabels.count < count {
        batchImages = [Float](repeating: 0, count: count * imageSize)
        batchLabels = [Int32](repeating: 0, count: count)
      }
      batchImages.withUnsafeMutableBufferPointer { images in
        batchLabels.withUnsafeMutableBufferPointer { labels in
          train.gather(plan.samples[range], into: images, labels: labels)
        }
        augmentation.apply(
          to: images, count: count, channels: train.channels, height: train.height,
          width: train.width, scratch: &augmentationScratch, using: &generator)
      }
      learningRate = scheduler.nextRate()
      let weights = plan.effectiveWeights(ofBatch: position)
      let step = try batchImages.withUnsafeBufferPointer { images in
        try network.trainStep(
          images: UnsafeBufferPointer(rebasing: images[0..<count * imageSize]),
          labels: batchLabels[0..<count], weights: weights, learningRate: learningRate,
          optimizer: &optimizer, measuresActivations: measuresActivations)
      }
      guard step.weightedLoss.isFinite, step.meanLoss.isFinite else {
        throw MiniCNNError.diverged(
          epoch: epoch, batch: position, loss: step.weightedLoss, learningRate: learningRate)
      }
      let report = BatchReport(
        epoch: epoch, position: position, batchID: plan.batchIDs[position],
        samples: plan.samples[range], losses: step.perSampleLosses[...],
        meanLoss: step.meanLoss, activationStatistic: step.activationStatistic)
      mark = clock.now
      try rule.record(report)
      selection += clock.now - mark
      lossSum += step.meanLoss * Double(count)
      weightedLossSum += step.weightedLoss
      if let batchTrained = hooks.batchTrained {
        try batchTrained(
          BatchProgress(
            report: report, batchCount: plan.batchCount, weightedLoss: step.weightedLoss,
            learningRate: learningRate))
      }
    }
    mark = clock.now
    try rule.finishEpoch(epoch)
    selection += clock.now - mark
    let wall = clock.now - epochStart

    mark = clock.now
    let evaluation = try data.test.pixels.withUnsafeBufferPointer { images in
      try network.evaluate(
        images: images, labels: testLabels, batchSize: configuration.evaluationBatchSize)
    }
    let evaluationTime = clock.now - mark

    let record = TrainingEpochRecord(
      epoch: epoch, trainLoss: lossSum / Double(plan.sampleCount),
      weightedTrainLoss: weightedLossSum / Double(plan.batchCount),
      testAccuracy: evaluation.accuracy, testLoss: evaluation.meanLoss,
      trainedSamples: plan.sampleCount, trainedBatches: plan.batchCount,
      finalLearningRate: learningRate, wallSeconds: wall.seconds,
      selectionSeconds: selection.seconds, evaluationSeconds: evaluationTime.seconds)
    records.append(record)
    nextEpoch = epoch + 1
    try hooks.epochFinished?(record)
  }
}
