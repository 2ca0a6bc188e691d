import MiniCNN
import PruneCore

/// Trains the ref-cnn under a pruning rule with MiniCNN's ``MiniCNN/Trainer`` and keeps what the
/// end-to-end claims read.
///
/// The trainer follows the rule contract (issue 4 item 4; cnn.md): each epoch's plan sizes the
/// OneCycle schedule, each batch trains with the plan's effective weights and reports its
/// per-sample losses, mean loss and X̄ (measured before the step) to the rule, and an empty plan
/// (B-PAS after its last batch) stops the run early. The claims add no augmentation, no
/// checkpoints and no logs; they collect X̄ of every batch through the trainer's batch hook.
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

  /// The trainer settings of one run: the workload's batch size and OneCycle maximum, the rule's
  /// planned epochs, 2 threads (the machine's cores; results depend on the count).
  func trainerConfiguration(epochs: Int, seed: UInt64, measuresActivations: Bool) throws
    -> TrainerConfiguration
  {
    try TrainerConfiguration(
      epochs: epochs, batchSize: workload.batchSize,
      schedule: .oneCycle(maximum: workload.maximumLearningRate), usesBatchNorm: usesBatchNorm,
      activationMeasurement: measuresActivations ? .always : .whenRequired, threadCount: 2,
      seed: seed)
  }

  /// Trains one run.
  ///
  /// - Parameters:
  ///   - rule: The rule, built for ``setup(seed:plannedEpochs:)`` of the same seed.
  ///   - label: The rule's label in the claim's tables.
  ///   - seedIndex: k; the network initialisation uses `seed`, the same for every rule.
  ///   - measuresActivations: Whether to compute the tap statistics (always for B-PAS).
  /// - Throws: ``ClaimsError/computationFailed(id:reason:)`` when the loss diverges; the
  ///   rule's and the trainer's errors.
  func run<Rule: PruningRule>(
    _ rule: Rule, label: String, seedIndex: Int, seed: UInt64, measuresActivations: Bool = false
  ) throws -> TrainingRunOutcome {
    var rule = rule
    let epochs = rule.setup.plannedEpochs
    let trainer = try Trainer(
      configuration: trainerConfiguration(
        epochs: epochs, seed: seed, measuresActivations: measuresActivations),
      data: data)
    var statistics: [[Int: Double]] = []
    let hooks = TrainingHooks<Rule.State>(
      batchTrained: { progress in
        let report = progress.report
        while statistics.count <= report.epoch { statistics.append([:]) }
        if let statistic = report.activationStatistic {
          statistics[report.epoch][report.batchID] = statistic
        }
      })
    let summary: TrainingSummary
    do {
      summary = try trainer.train(&rule, hooks: hooks)
    } catch let error as MiniCNNError {
      guard case .diverged = error else { throw error }
      throw ClaimsError.computationFailed(
        id: label, reason: "\(error); lower the maximum learning rate of the workload")
    }
    let records = summary.epochs
    while statistics.count < records.count { statistics.append([:]) }
    let fullSetup = try setup(seed: seed, plannedEpochs: epochs)
    return TrainingRunOutcome(
      label: label, seedIndex: seedIndex, seed: seed,
      finalAccuracy: records.last?.testAccuracy ?? 0,
      epochAccuracies: records.map(\.testAccuracy), epochSamples: records.map(\.trainedSamples),
      epochBatches: records.map(\.trainedBatches), sampleCount: data.train.sampleCount,
      originalBatchCount: fullSetup.batchCount(forSamples: data.train.sampleCount),
      plannedEpochs: epochs, batchStatistics: Array(statistics.prefix(records.count)),
      epochWallSeconds: records.map(\.wallSeconds),
      epochSelectionSeconds: records.map(\.selectionSeconds))
  }

  /// The seed of run k: the claim's base seed plus k, so every rule of seed k starts alike.
  static func seed(base: UInt64, index: Int) -> UInt64 { base &+ UInt64(index) }
}
