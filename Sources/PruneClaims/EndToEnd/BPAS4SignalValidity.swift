/// BPAS-4: pruning the batches B-PAS selects hurts accuracy less than pruning as many random
/// batches (claims.md BPAS-4).
///
/// Per seed and threshold setting: B-PAS trains and drops its stable batches; the control
/// (``RandomBatchDropping``) uses the same batches and drops, after every epoch, as many batches
/// as B-PAS did, chosen at random. Full data is trained too, as the reference accuracy.
/// When B-PAS dropped no batch in any seed, the two runs train the same data and the
/// comparison says nothing: its measurement is reported as NaN (inconclusive).
///
/// Checks, per threshold setting (issue 9 item 1):
/// - evidence (the paper's statement): `mean_k(acc_bpas,k - acc_random,k) >= 0`, paired by seed,
///   tolerance 0, uncertainty the paired standard error. A signal that picks harmful batches
///   (or a control with a larger budget) makes it fail; its basis states the gap its seeds
///   resolve;
/// - sanity: the control trains as many batches as B-PAS (it copies B-PAS's retention, so this
///   holds by construction).
/// Negative control (tests): ``Fault/savingNotMatched`` lets the control train every batch.
public struct BPAS4SignalValidity: VariableClaim {
  public let id = "BPAS-4"
  public let family = ClaimFamily.bpas
  public let title = "Signal validity: B-PAS batches vs random batches"
  public init() {}

  public func run(
    in context: ClaimContext, workload: EndToEndWorkload, variation: ClaimVariation
  ) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let settings = try variation.thresholds
      ?? BPASThresholdSetting.settings(
        for: context.runProfile, training: training, baseSeed: context.seed)
    context.progress(0, "full data")
    let fullRuns = try RuleChoice.fullData.trainAllSeeds(with: training, baseSeed: context.seed)
    var outcomes = fullRuns
    var groups: [(String, [TrainingRunOutcome])] = [(RuleChoice.fullData.label, fullRuns)]
    var checks: [ClaimCheck] = []
    for (index, thresholds) in settings.enumerated() {
      context.progress(Double(index + 1) / Double(settings.count + 1), thresholds.label)
      let bpasRuns = try thresholds.choice.trainAllSeeds(
        with: training, baseSeed: context.seed, isDerivedFromPlaceholder: thresholds.isPlaceholder)
      var randomRuns: [TrainingRunOutcome] = []
      for run in bpasRuns {
        // The negative control's control trains every batch every epoch.
        let retention = variation.fault == .savingNotMatched
          ? [Int](repeating: run.originalBatchCount, count: run.plannedEpochs) : run.epochBatches
        let rule = RandomBatchDropping(
          setup: try training.setup(seed: run.seed), retention: retention)
        randomRuns.append(
          try training.run(
            rule, label: "random batches as \(thresholds.choice.label)",
            seedIndex: run.seedIndex, seed: run.seed, isDerivedFromPlaceholder: run.isPlaceholder))
      }
      outcomes += bpasRuns + randomRuns
      groups += [(thresholds.choice.label, bpasRuns), (randomRuns[0].label, randomRuns)]
      let dropsNothing = bpasRuns.allSatisfy {
        $0.trainedBatches == $0.originalBatchCount * $0.plannedEpochs
      }
      checks.append(
        EndToEndTables.atLeastCheck(
          setting: thresholds.label, quantity: "accuracy, bpas - random batches",
          a: bpasRuns.map(\.finalAccuracy), b: randomRuns.map(\.finalAccuracy),
          isVacuous: dropsNothing))
      let batches = SeedStatistics.pairedDifferences(
        randomRuns.map { Double($0.trainedBatches) }, bpasRuns.map { Double($0.trainedBatches) })
      checks.append(
        .sanity(
          setting: thresholds.label, quantity: "trained batches, random control - bpas",
          measured: batches.mean, predicted: 0,
          basis: "the control copies B-PAS's batch count per epoch: equal by construction"))
    }
    return ClaimResult(
      claim: self,
      statement: "Dropping the batches whose activation statistic has stabilised costs less "
        + "accuracy than dropping the same number of batches at random.",
      equation: "drop b after epoch t iff |Xbar_{t-1}(b) - Xbar_t(b)| <= delta(t)\n"
        + "acc(B-PAS) >= acc(random batches, same count per epoch)",
      setting: workload.settingRows
        + settings.flatMap(\.settingRows)
        + [("control", "same B-PAS batches; after each epoch drop as many at random")],
      checks: checks,
      tables: [
        EndToEndTables.summary(groups),
        EndToEndTables.detectableGaps(checks.filter { $0.kind == .evidence }),
        EndToEndTables.runs(outcomes),
      ],
      discussion: "The difference is paired by seed; its uncertainty is the standard error of "
        + "the paired differences. A NaN measurement means B-PAS dropped no batch at those "
        + "thresholds in any seed, so both runs trained the same batches and the comparison is "
        + "void. The calibrated thresholds come from a full-data run on a 10% stratified subset "
        + "(the paper's calibration, see the setting rows); the paper's own thresholds come from "
        + "32 x 32 ResNet training.")
  }
}
