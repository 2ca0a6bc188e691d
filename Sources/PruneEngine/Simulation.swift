import PruneCore
import PruneSignals

/// Runs a pruning rule on a signal source for its planned epochs, through ``RuleDriver``, and
/// records what happened (ARCHITECTURE.md, "Engine"): per-epoch records, per-sample outcomes and
/// the summary. A run stops early at the first empty plan (B-PAS with no batch left,
/// algorithms.md §5.4). The engine is generic over the rule and the source, so the loop is
/// specialised and allocates nothing per batch.
public enum Simulation {
  /// Runs `rule` on `source` for the rule's planned epochs.
  ///
  /// - Parameters:
  ///   - rule: The rule, set up for the source's sample count; it is advanced through the run.
  ///   - source: The signals; it is advanced through the run.
  ///   - options: What to record.
  ///   - progress: Called after each epoch with its record.
  /// - Returns: Per-epoch records, per-sample outcomes and the summary.
  /// - Throws: ``PruneEngineError`` before the run when rule and source do not fit, or when a
  ///   plan is invalid; the rule's and the source's own errors as they come.
  /// - Complexity: O(sample-iterations trained) plus the rule's own work.
  public static func run<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, on source: inout Source, options: SimulationOptions = .init(),
    progress: (EpochRecord) -> Void = { _ in }
  ) throws -> SimulationResult {
    try check(rule, fits: source)
    let setup = rule.setup
    let sampleCount = setup.sampleCount
    let plannedEpochs = setup.plannedEpochs
    let clock = ContinuousClock()
    let runStart = clock.now

    var outcomes =
      options.recordsSampleOutcomes
      ? SampleOutcomeRecorder(sampleCount: sampleCount, labels: source.classLabels) : nil
    var driver = RuleDriver()
    var records: [EpochRecord] = []
    records.reserveCapacity(plannedEpochs)
    var trainedIterations = 0
    var trainedBatches = 0
    var stoppedEarly = false

    for epoch in 0..<plannedEpochs {
      let epochStart = clock.now
      var totals = EpochTotals()
      // The totals are sums in batch order; the outcomes touch each sample's own entry, so
      // they are noted in parallel spans (RuleDriver+WholeEpoch.swift).
      let plan = try SampleOutcomeRecorder.withTable(of: &outcomes) { table in
        let shared = UncheckedSendable(table)
        return try driver.runEpoch(
          &rule, epoch: epoch, on: &source, threads: options.threads,
          visit: { batch in
            totals.add(
              losses: batch.losses, measurement: batch.measurement, weights: batch.weights)
          },
          visitSpan: { span in
            guard let table = shared.value else { return }
            SampleOutcomeRecorder.keep(
              SampleOutcomeRecorder.note(
                into: table, samples: span.samples, weights: span.weights, losses: span.losses,
                epoch: epoch))
          })
      }
      if plan.isEmpty {
        stoppedEarly = true
        break
      }
      trainedIterations += plan.sampleCount
      trainedBatches += plan.batchCount
      let record = EpochRecord(
        epoch: epoch, trainedSamples: plan.sampleCount, trainedBatches: plan.batchCount,
        prunedSamples: sampleCount - plan.sampleCount,
        savedFraction: 1 - Double(plan.sampleCount) / Double(sampleCount),
        meanWeight: plan.meanWeight, maxWeight: plan.maxWeight,
        meanLoss: totals.meanLoss, meanWeightedLoss: totals.meanWeightedLoss,
        meanActivation: totals.meanActivation,
        cumulativeSavedFraction: 1 - Double(trainedIterations)
          / (Double(sampleCount) * Double(epoch + 1)),
        wallSeconds: (clock.now - epochStart).seconds)
      records.append(record)
      progress(record)
    }

    let originalBatches = setup.batchCount(forSamples: sampleCount)
    let batchSaved =
      1 - Double(trainedBatches) / (Double(plannedEpochs) * Double(originalBatches))
    let sampleOutcomes = outcomes?.outcomes
    let reportsDSI = options.reportsDSI ?? rule.requiredSignals.contains(.activationStatistic)
    let summary = SimulationSummary(
      rule: rule.name, source: source.name, samples: sampleCount, batchSize: setup.batchSize,
      epochsPlanned: plannedEpochs, epochsRun: records.count,
      trainedSampleIterations: trainedIterations, trainedBatches: trainedBatches,
      savedFraction: 1 - Double(trainedIterations) / (Double(sampleCount) * Double(plannedEpochs)),
      batchSavedFraction: batchSaved, dsi: reportsDSI ? batchSaved : nil,
      stoppedEarly: stoppedEarly, finalMeanLoss: records.last?.meanLoss,
      samplesNeverTrained: sampleOutcomes?.neverTrainedCount ?? 0)
    return SimulationResult(
      summary: summary, epochs: records, samples: sampleOutcomes,
      wallSeconds: (clock.now - runStart).seconds)
  }

  /// Checks, before any work, that the rule can run on the source.
  ///
  /// - Throws: ``PruneEngineError/missingSignals(rule:required:source:provided:)``,
  ///   ``PruneEngineError/sampleCountMismatch(rule:ruleSamples:source:sourceSamples:)`` or
  ///   ``PruneEngineError/tooFewEpochs(source:available:planned:)``.
  public static func check<Rule: PruningRule, Source: SignalSource>(
    _ rule: Rule, fits source: Source
  ) throws {
    var provided = source.providedSignals
    if provided.contains(.perSampleLoss) { provided.insert(.batchMeanLoss) }
    guard provided.isSuperset(of: rule.requiredSignals) else {
      throw PruneEngineError.missingSignals(
        rule: rule.name, required: rule.requiredSignals, source: source.name, provided: provided)
    }
    guard rule.setup.sampleCount == source.sampleCount else {
      throw PruneEngineError.sampleCountMismatch(
        rule: rule.name, ruleSamples: rule.setup.sampleCount, source: source.name,
        sourceSamples: source.sampleCount)
    }
    if let available = source.availableEpochs, available < rule.setup.plannedEpochs {
      throw PruneEngineError.tooFewEpochs(
        source: source.name, available: available, planned: rule.setup.plannedEpochs)
    }
  }

  /// Checks a plan: its epoch, every index in 0..<N, every weight finite and >= 0, no empty batch.
  static func validate(_ plan: EpochPlan, epoch: Int, sampleCount: Int, rule: String) throws {
    guard plan.epoch == epoch else {
      throw PruneEngineError.invalidPlan(
        rule: rule, epoch: epoch, detail: "it is labelled epoch \(plan.epoch)")
    }
    for sample in plan.samples where sample < 0 || sample >= sampleCount {
      throw PruneEngineError.invalidPlan(
        rule: rule, epoch: epoch, detail: "sample \(sample) is outside 0..<\(sampleCount)")
    }
    for weight in plan.weights where !(weight >= 0 && weight.isFinite) {
      throw PruneEngineError.invalidPlan(
        rule: rule, epoch: epoch, detail: "weight \(weight) is not a finite number >= 0")
    }
    for position in 0..<plan.batchCount where plan.range(ofBatch: position).isEmpty {
      throw PruneEngineError.invalidPlan(
        rule: rule, epoch: epoch, detail: "batch \(position) has no sample")
    }
  }
}
