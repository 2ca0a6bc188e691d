import PruneReport

/// BPAS-6: with BatchNorm the activation-std trajectories are smoother and DSI is higher at the
/// same thresholds (claims.md BPAS-6; paper CIFAR-10: DSI 25% with BN vs 19.72% without).
///
/// B-PAS trains the ref-cnn with and without BN (same seeds, thresholds and schedule).
/// Roughness of a run is the mean relative epoch-to-epoch change of each batch's statistic,
/// ```
/// roughness = mean over b, t of |Xbar_t(b) - Xbar_{t-1}(b)| / Xbar_{t-1}(b)
/// ```
/// (relative, because BN and no-BN activations live on different scales); smoother = lower.
///
/// Both checks are evidence for the paper's statement (issue 9 item 1), paired by seed,
/// tolerance 0, uncertainty the paired standard error: roughness(no BN) - roughness(BN) >= 0 and
/// DSI(BN) - DSI(no BN) >= 0; a network where BN makes the statistic rougher, or drops fewer
/// batches, fails them. Negative control (tests): ``Fault/miscalibrated`` gives the BN arm
/// thresholds 10^6 times smaller than the other arm's (not "the same thresholds"), so it drops
/// nothing while the other arm drops.
public struct BPAS6BatchNormSignal: VariableClaim {
  public let id = "BPAS-6"
  public let family = ClaimFamily.bpas
  public let title = "BatchNorm amplifies the stability signal"
  public init() {}

  /// The mean relative epoch-to-epoch change of the batches' statistics (NaN without pairs).
  static func roughness(of run: TrainingRunOutcome) -> Double {
    var total = 0.0
    var count = 0
    for (previous, current) in zip(run.batchStatistics, run.batchStatistics.dropFirst()) {
      // In batch order: a dictionary's order changes from process to process (Swift seeds its
      // hashing per process), and so would the last digits of the sum.
      for batch in current.keys.sorted() {
        guard let now = current[batch], let before = previous[batch], before != 0 else { continue }
        total += abs(now - before) / abs(before)
        count += 1
      }
    }
    return count == 0 ? .nan : total / Double(count)
  }

  public func run(
    in context: ClaimContext, workload: EndToEndWorkload, variation: ClaimVariation
  ) throws -> ClaimResult {
    let withBN = try EndToEndTraining(workload: workload, context: context)
    let withoutBN = withBN.withBatchNorm(false)
    let settings = try variation.thresholds
      ?? BPASThresholdSetting.settings(
        for: context.runProfile, training: withBN, baseSeed: context.seed)
    var outcomes: [TrainingRunOutcome] = []
    var groups: [(String, [TrainingRunOutcome])] = []
    var checks: [ClaimCheck] = []
    var figures: [ClaimFigure] = []
    for (index, thresholds) in settings.enumerated() {
      context.progress(Double(index) / 2, thresholds.label)
      let choice = thresholds.choice
      let bnChoice = variation.fault == .miscalibrated ? thresholds.scaled(by: 1e-6).choice : choice
      let bnRuns = try bnChoice.trainAllSeeds(
        with: withBN, baseSeed: context.seed, isDerivedFromPlaceholder: thresholds.isPlaceholder
      ).map { relabel($0, "\(choice.label) with BN") }
      let plainRuns = try choice.trainAllSeeds(
        with: withoutBN, baseSeed: context.seed,
        isDerivedFromPlaceholder: thresholds.isPlaceholder
      ).map { relabel($0, "\(choice.label) without BN") }
      outcomes += bnRuns + plainRuns
      groups += [(bnRuns[0].label, bnRuns), (plainRuns[0].label, plainRuns)]
      checks.append(
        EndToEndTables.atLeastCheck(
          setting: thresholds.label, quantity: "roughness, without BN - with BN",
          a: plainRuns.map(Self.roughness), b: bnRuns.map(Self.roughness)))
      let dropsNothing = (bnRuns + plainRuns).allSatisfy { $0.dataSavingIndex == 0 }
      checks.append(
        EndToEndTables.atLeastCheck(
          setting: thresholds.label, quantity: "DSI, with BN - without BN",
          a: bnRuns.map(\.dataSavingIndex), b: plainRuns.map(\.dataSavingIndex),
          isVacuous: dropsNothing))
      if index == 0 {
        figures.append(try trajectoryFigure(bn: bnRuns[0], plain: plainRuns[0]))
      }
    }
    let roughnessTable = ClaimTable(
      name: "roughness", caption: "per run: roughness of the batch statistics and DSI",
      header: ["rule", "seed_index", "roughness", "dsi"],
      rows: outcomes.map {
        [
          $0.label, "\($0.seedIndex)", ClaimTable.format(Self.roughness(of: $0)),
          ClaimTable.format($0.dataSavingIndex),
        ]
      }, showOnPage: true)
    return ClaimResult(
      claim: self,
      statement: "With BatchNorm the per-batch activation-std trajectories are smoother and B-PAS "
        + "drops more batches (higher DSI) at the same thresholds than without BatchNorm.",
      equation: "roughness = mean_{b,t} |Xbar_t(b) - Xbar_{t-1}(b)| / Xbar_{t-1}(b)\n"
        + "roughness(BN) <= roughness(no BN),   DSI(BN) >= DSI(no BN)",
      setting: workload.settingRows
        + settings.flatMap(\.settingRows)
        + [("networks", "ref-cnn with BN and the same network without BN, same seeds")],
      checks: checks,
      tables: [
        EndToEndTables.summary(groups), roughnessTable, EndToEndTables.detectableGaps(checks),
        EndToEndTables.runs(outcomes),
      ],
      figures: figures,
      discussion: "Roughness is relative so that the two networks' different activation scales "
        + "do not decide the comparison; DSI is decided by absolute changes against absolute "
        + "thresholds. A NaN DSI difference means no batch was dropped in any run at those "
        + "thresholds. Differences are paired by seed.")
  }

  private func relabel(_ run: TrainingRunOutcome, _ label: String) -> TrainingRunOutcome {
    TrainingRunOutcome(
      label: label, seedIndex: run.seedIndex, seed: run.seed, finalAccuracy: run.finalAccuracy,
      epochAccuracies: run.epochAccuracies, epochSamples: run.epochSamples,
      epochBatches: run.epochBatches, sampleCount: run.sampleCount,
      originalBatchCount: run.originalBatchCount, plannedEpochs: run.plannedEpochs,
      batchStatistics: run.batchStatistics, epochWallSeconds: run.epochWallSeconds,
      epochSelectionSeconds: run.epochSelectionSeconds)
  }

  /// The mean batch statistic per epoch, relative to epoch 1, with and without BN (seed 0).
  private func trajectoryFigure(bn: TrainingRunOutcome, plain: TrainingRunOutcome) throws
    -> ClaimFigure
  {
    func series(_ run: TrainingRunOutcome, _ name: String) throws -> PlotSeries {
      let means = run.batchStatistics.map { epoch -> Double in
        epoch.isEmpty
          ? .nan : epoch.keys.sorted().reduce(0) { $0 + (epoch[$1] ?? 0) } / Double(epoch.count)
      }
      let first = means.first ?? .nan
      return try PlotSeries(
        name: name, x: means.indices.map { Double($0 + 1) }, y: means.map { $0 / first })
    }
    let plot = XYPlot(
      title: "Mean activation std per epoch (B-PAS, seed 0), relative to epoch 1",
      xAxis: .linear("epoch"), yAxis: .linear("mean Xbar_t / mean Xbar_1"),
      series: [try series(bn, "with BN"), try series(plain, "without BN")])
    return ClaimFigure(
      name: "trajectories",
      caption: "Mean over batches of the activation statistic per epoch, divided by epoch 1, "
        + "with and without BatchNorm (paper thresholds, seed 0).", svg: plot.svg())
  }
}
