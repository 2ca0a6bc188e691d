import MiniCNN
import PruneCore
import PruneSignals

/// Trains the ref-cnn under a pruning rule with MiniCNN's ``MiniCNN/Trainer`` and keeps what the
/// end-to-end claims read — or, with a run store, answers from the store (issue 10).
///
/// The trainer follows the rule contract (issue 4 item 4; cnn.md): each epoch's plan sizes the
/// OneCycle schedule, each batch trains with the plan's effective weights and reports its
/// per-sample losses, mean loss and X̄ (measured before the step) to the rule, and an empty plan
/// (B-PAS after its last batch) stops the run early. The claims add no augmentation, no
/// checkpoints and no logs; they collect X̄ of every batch through the trainer's batch hook.
struct EndToEndTraining {
  var workload: EndToEndWorkload
  private(set) var data: TrainingData
  /// Whether the network has BatchNorm (BPAS-6 trains it without).
  var usesBatchNorm = true
  /// The run store's view for the claim; nil trains every run in memory (unit tests).
  let runs: ClaimRuns?
  /// The data's fingerprint (only with a store).
  private(set) var dataFingerprint: DataFingerprint?
  /// The seed the data (and its subsets) were drawn with.
  let dataSeed: UInt64

  init(
    workload: EndToEndWorkload, data: TrainingData, usesBatchNorm: Bool = true,
    dataSeed: UInt64 = 0
  ) {
    self.workload = workload
    self.data = data
    self.usesBatchNorm = usesBatchNorm
    self.runs = nil
    self.dataFingerprint = nil
    self.dataSeed = dataSeed
  }

  /// The training of a claim: through the context's run store when it has one (the data is
  /// loaded once per store), in memory otherwise.
  init(workload: EndToEndWorkload, context: ClaimContext, usesBatchNorm: Bool = true) throws {
    self.workload = workload
    self.usesBatchNorm = usesBatchNorm
    self.dataSeed = context.seed
    if let runs = context.runs {
      let loaded = try runs.provider.data(for: workload, seed: context.seed)
      data = loaded.data
      dataFingerprint = loaded.fingerprint
      self.runs = runs
    } else {
      data = try workload.loadData(seed: context.seed)
      dataFingerprint = nil
      runs = nil
    }
  }

  /// The same data and store with another number of planned epochs.
  func withEpochs(_ epochs: Int) -> EndToEndTraining {
    var copy = self
    copy.workload = workload.withEpochs(epochs)
    return copy
  }

  /// The same recipe and store on a stratified subset of `count` training images (drawn with
  /// ``dataSeed``; B-PAS's threshold calibration, ``BPASThresholdSetting``).
  func withTrainSubset(_ count: Int) throws -> EndToEndTraining {
    var copy = self
    copy.workload = workload.withTrainSubset(count)
    if let runs {
      let loaded = try runs.provider.data(for: copy.workload, seed: dataSeed)
      copy.data = loaded.data
      copy.dataFingerprint = loaded.fingerprint
    } else {
      copy.data = try copy.workload.loadData(seed: dataSeed)
    }
    return copy
  }

  /// The same data and store with or without BatchNorm.
  func withBatchNorm(_ usesBatchNorm: Bool) -> EndToEndTraining {
    var copy = self
    copy.usesBatchNorm = usesBatchNorm
    return copy
  }

  /// The rule setup of seed `seed`: N, B, the planned epochs and the seed.
  func setup(seed: UInt64, plannedEpochs: Int? = nil) throws -> TrainingSetup {
    try TrainingSetup(
      sampleCount: data.train.sampleCount, batchSize: workload.batchSize,
      plannedEpochs: plannedEpochs ?? workload.epochs, seed: seed)
  }

  /// The trainer settings of one run: the workload's batch size, OneCycle maximum and
  /// initialisation, the rule's planned epochs, 2 threads (the machine's cores; results depend
  /// on the count).
  func trainerConfiguration(epochs: Int, seed: UInt64, measuresActivations: Bool) throws
    -> TrainerConfiguration
  {
    try TrainerConfiguration(
      epochs: epochs, batchSize: workload.batchSize,
      schedule: .oneCycle(maximum: workload.maximumLearningRate), usesBatchNorm: usesBatchNorm,
      activationMeasurement: measuresActivations ? .always : .whenRequired, threadCount: 2,
      seed: seed, initialization: workload.initialization)
  }

  /// One run: from the store (or a placeholder while it is missing) when there is one, trained
  /// in memory otherwise.
  ///
  /// - Parameters:
  ///   - rule: The rule, built for ``setup(seed:plannedEpochs:)`` of the same seed.
  ///   - label: The rule's label in the claim's tables.
  ///   - seedIndex: k; the network initialisation uses `seed`, the same for every rule.
  ///   - measuresActivations: Whether to compute the tap statistics (always for B-PAS).
  ///   - isDerivedFromPlaceholder: The rule was built from a run that is not stored yet
  ///     (``RunProvider``'s blocked requests).
  /// - Throws: ``ClaimsError/computationFailed(id:reason:)`` when the loss diverges; the
  ///   rule's and the trainer's errors.
  func run<Rule: PruningRule>(
    _ rule: Rule, label: String, seedIndex: Int, seed: UInt64, measuresActivations: Bool = false,
    isDerivedFromPlaceholder: Bool = false
  ) throws -> TrainingRunOutcome {
    try loggedRun(
      rule, label: label, seedIndex: seedIndex, seed: seed,
      measuresActivations: measuresActivations,
      isDerivedFromPlaceholder: isDerivedFromPlaceholder
    ).outcome
  }

  /// ``run(_:label:seedIndex:seed:measuresActivations:isDerivedFromPlaceholder:)``, with every
  /// sample's forward loss of every epoch when `logsLosses` (nil while the store lacks the run
  /// or its log). Logging reads what the trainer computes anyway, so the run's bytes and
  /// fingerprint are those of the same run without it (``RunStore/loadLossLogs(runs:)``).
  func loggedRun<Rule: PruningRule>(
    _ rule: Rule, label: String, seedIndex: Int, seed: UInt64, measuresActivations: Bool = false,
    isDerivedFromPlaceholder: Bool = false, logsLosses: Bool = false
  ) throws -> (outcome: TrainingRunOutcome, lossLog: LossLog?) {
    let configuration = try trainerConfiguration(
      epochs: rule.setup.plannedEpochs, seed: seed, measuresActivations: measuresActivations)
    guard let runs, let dataFingerprint else {
      let trained = try train(
        rule, configuration: configuration, profile: "", kernel: "", logsLosses: logsLosses)
      return (trained.run.outcome(label: label, seedIndex: seedIndex), trained.lossLog)
    }
    let profile = runs.profile
    let spec = RunSpec(
      blasKernel: profile.blasKernel, data: dataFingerprint, trainer: configuration,
      rule: rule.name, ruleParameters: rule.parameters)
    let n0 = try setup(seed: seed).batchCount(forSamples: data.train.sampleCount)
    let sampleCount = data.train.sampleCount
    let outcome = runs.provider.outcome(
      spec: spec, claim: runs.claim, label: label, seedIndex: seedIndex,
      isBlocked: isDerivedFromPlaceholder, logsLosses: logsLosses,
      placeholder: {
        TrainingRunOutcome.placeholder(
          label: label, seedIndex: seedIndex, seed: seed, sampleCount: sampleCount,
          originalBatchCount: n0, plannedEpochs: configuration.epochs)
      },
      train: { epochs, partial, epochDone in
        try self.train(
          rule, configuration: configuration, profile: profile.name, kernel: profile.blasKernel,
          stopAfter: epochs, partial: partial, logsLosses: logsLosses, epochDone: epochDone)
      })
    let log = outcome.isPlaceholder ? nil : runs.provider.lossLog(for: spec.fingerprint)
    return (outcome, logsLosses ? log : nil)
  }

  private struct StopAfterEpochs: Error {}

  /// Trains one run (at most `stopAfter` epochs) and returns it as the store keeps it.
  ///
  /// With `partial`, the run continues from the checkpoint there when one is (a run cut short
  /// by a killed reproduce, ``PartialRun``), saves one after every epoch and removes it at the
  /// end; a resumed run ends with the same bytes as an uninterrupted one.
  ///
  /// With `logsLosses`, every sample's forward loss (before the step) of every trained epoch is
  /// kept, rounded to float32 as its file stores it (``LossLogRecorder``). Such a run is not
  /// checkpointed (the log of the epochs before a resume would be lost): it is the short
  /// calibration run, and an interrupted one starts over.
  func train<Rule: PruningRule>(
    _ rule: Rule, configuration: TrainerConfiguration, profile: String, kernel: String,
    stopAfter: Int? = nil, partial: PartialRunFile? = nil, logsLosses: Bool = false,
    epochDone: @escaping (Int) throws -> Void = { _ in }
  ) throws -> TrainedRun {
    let partial = logsLosses ? nil : partial
    var recorder = logsLosses ? LossLogRecorder(sampleCount: data.train.sampleCount) : nil
    var rule = rule
    let trainer = try Trainer(configuration: configuration, data: data)
    var statistics: [[Int: Double]] = []
    var digests: [String] = []
    if let partial, let saved = partial.load(PartialRun<Rule.State>.self) {
      var resumed = rule
      if (try? trainer.resume(from: saved.checkpoint, rule: &resumed)) != nil,
        saved.digests.count == saved.checkpoint.records.count
      {
        rule = resumed
        digests = saved.digests
        statistics = saved.statistics.map { pairs in
          Dictionary(uniqueKeysWithValues: pairs.map { (Int($0[0]), $0[1]) })
        }
      }
    }
    let hooks = TrainingHooks<Rule.State>(
      batchTrained: { progress in
        let report = progress.report
        try recorder?.record(report)
        while statistics.count <= report.epoch { statistics.append([:]) }
        if let statistic = report.activationStatistic {
          statistics[report.epoch][report.batchID] = statistic
        }
      },
      epochFinished: { record in
        try recorder?.finishEpoch(record.epoch)
        digests.append(StoredRun.hex(trainer.network.weightDigest))
        try epochDone(record.epoch)
        if let stopAfter, digests.count >= stopAfter { throw StopAfterEpochs() }
      },
      checkpointReady: partial.map { file in
        { checkpoint in
          try file.save(
            PartialRun(
              checkpoint: checkpoint, digests: digests,
              statistics: statistics.prefix(digests.count).map { epoch in
                epoch.keys.sorted().map { [Double($0), epoch[$0]!] }
              }))
        }
      })
    do {
      _ = try trainer.train(&rule, hooks: hooks)
    } catch is StopAfterEpochs {
    } catch let error as MiniCNNError {
      guard case .diverged = error else { throw error }
      throw ClaimsError.computationFailed(
        id: rule.name, reason: "\(error); lower the maximum learning rate of the workload")
    }
    partial?.remove()
    let summary = trainer.summary(of: rule)
    let records = summary.epochs
    while statistics.count < records.count { statistics.append([:]) }
    let n0 = try setup(seed: configuration.seed, plannedEpochs: configuration.epochs)
      .batchCount(forSamples: data.train.sampleCount)
    let spec = RunSpec(
      blasKernel: kernel, data: dataFingerprint ?? DataFingerprint(data), trainer: configuration,
      rule: rule.name, ruleParameters: rule.parameters)
    let trainedBatches = summary.trainedBatches
    let run = StoredRun(
      format: StoredRun.currentFormat, profile: profile, fingerprint: spec.fingerprint,
      spec: spec,
      summary: StoredRun.Summary(
        finalAccuracy: summary.finalTestAccuracy, savedFraction: summary.savedFraction,
        dataSavingIndex: 1 - Double(trainedBatches) / (Double(configuration.epochs) * Double(n0)),
        trainedSamples: summary.trainedSampleIterations, trainedBatches: trainedBatches,
        epochsTrained: records.count, hasStoppedEarly: summary.hasStoppedEarly,
        sampleCount: data.train.sampleCount, originalBatchCount: n0,
        plannedEpochs: configuration.epochs, wallSeconds: summary.trainingSeconds,
        selectionSeconds: summary.selectionSeconds),
      epochs: zip(records, digests).map { record, digest in
        StoredRun.Epoch(
          epoch: record.epoch, trainLoss: record.trainLoss,
          weightedTrainLoss: record.weightedTrainLoss, testAccuracy: record.testAccuracy,
          testLoss: record.testLoss, trainedSamples: record.trainedSamples,
          trainedBatches: record.trainedBatches, finalLearningRate: record.finalLearningRate,
          weightDigest: digest, wallSeconds: record.wallSeconds,
          selectionSeconds: record.selectionSeconds, evaluationSeconds: record.evaluationSeconds)
      },
      batchStatistics: statistics.prefix(records.count).map { epoch in
        epoch.keys.sorted().map { [Double($0), epoch[$0]!] }
      })
    return TrainedRun(run: run, lossLog: try recorder?.log())
  }

  /// The seed of run k: the claim's base seed plus k, so every rule of seed k starts alike.
  static func seed(base: UInt64, index: Int) -> UInt64 { base &+ UInt64(index) }
}
