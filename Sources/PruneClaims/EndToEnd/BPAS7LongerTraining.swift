import PruneReport

/// BPAS-7: the longer the planned training, the more B-PAS prunes — DSI grows with the planned
/// epoch count (claims.md BPAS-7; paper: 12% at 90 epochs vs 47% at 200).
///
/// B-PAS trains the same data with a short and a long plan (quick: 3 and 6 epochs of T1-sized
/// synthetic images; full: T2's 30 and T3's 100 epochs of Fashion-MNIST). The threshold
/// schedule delta(t) = delta_s exp(t ln(delta_e/delta_s) / T) stretches with T, so a longer
/// plan spends more epochs at thresholds the statistic can meet.
///
/// Each check (one per pair of consecutive plan lengths) is evidence for the paper's statement
/// (issue 9 item 1): DSI(long) - DSI(short) >= 0, paired by seed, tolerance 0, uncertainty the
/// paired standard error; a schedule under which longer plans prune less fails it. Negative
/// control (tests): ``Fault/miscalibrated`` gives every plan but the shortest thresholds 10^6
/// times smaller, so the longer plans drop nothing.
public struct BPAS7LongerTraining: VariableClaim {
  public let id = "BPAS-7"
  public let family = ClaimFamily.bpas
  public let title = "Longer training prunes more"
  public init() {}

  /// Planned epochs: the paper profile's 20 (the run X-1 trains) with half and double.
  static func epochCounts(for profile: RunProfile) -> [Int] {
    profile.pick(small: [3, 6], paper: [10, 20, 40])
  }

  public func run(
    in context: ClaimContext, workload: EndToEndWorkload, variation: ClaimVariation
  ) throws -> ClaimResult {
    let epochCounts = variation.epochCounts ?? Self.epochCounts(for: context.runProfile)
    precondition(epochCounts.count >= 2, "a short and a long plan")
    let base = try EndToEndTraining(workload: workload, context: context)
    let settings = try variation.thresholds
      ?? BPASThresholdSetting.settings(
        for: context.runProfile, training: base, baseSeed: context.seed)
    var outcomes: [TrainingRunOutcome] = []
    var checks: [ClaimCheck] = []
    var plotSeries: [PlotSeries] = []
    for (index, thresholds) in settings.enumerated() {
      context.progress(Double(index) / 2, thresholds.label)
      var runsByLength: [[TrainingRunOutcome]] = []
      for (position, epochs) in epochCounts.enumerated() {
        let training = base.withEpochs(epochs)
        let choice = variation.fault == .miscalibrated && position > 0
          ? thresholds.scaled(by: 1e-6).choice : thresholds.choice
        runsByLength.append(
          try choice.trainAllSeeds(
            with: training, baseSeed: context.seed,
            isDerivedFromPlaceholder: thresholds.isPlaceholder))
      }
      outcomes += runsByLength.flatMap { $0 }
      for (short, long) in zip(runsByLength, runsByLength.dropFirst()) {
        let dropsNothing = (short + long).allSatisfy { $0.dataSavingIndex == 0 }
        checks.append(
          EndToEndTables.atLeastCheck(
            setting: "\(thresholds.label), \(short[0].plannedEpochs) vs "
              + "\(long[0].plannedEpochs) epochs",
            quantity: "DSI, long - short plan", a: long.map(\.dataSavingIndex),
            b: short.map(\.dataSavingIndex), isVacuous: dropsNothing))
      }
      let dsi = runsByLength.map { SeedStatistics($0.map(\.dataSavingIndex)) }
      plotSeries.append(
        try PlotSeries(
          name: thresholds.label, x: epochCounts.map(Double.init), y: dsi.map(\.mean)
        ).withUncertainty(
          halfWidth: dsi.map { $0.standardDeviation.isFinite ? $0.standardDeviation : 0 }))
    }
    let plot = XYPlot(
      title: "B-PAS data savings index vs planned epochs", xAxis: .linear("planned epochs"),
      yAxis: .linear("DSI"), series: plotSeries)
    return ClaimResult(
      claim: self,
      statement: "B-PAS's data savings index grows with the planned number of epochs.",
      equation: "delta(t) = delta_s exp(t ln(delta_e / delta_s) / T)\n"
        + "DSI = 1 - sum_i n_i / (T n_0);   DSI(T_long) >= DSI(T_short)",
      setting: workload.settingRows
        + [("planned epochs", epochCounts.map(String.init).joined(separator: ", "))]
        + settings.flatMap(\.settingRows),
      checks: checks,
      tables: [EndToEndTables.detectableGaps(checks), EndToEndTables.runs(outcomes)],
      figures: [
        ClaimFigure(
          name: "dsi-vs-epochs",
          caption: "Mean DSI over seeds (error bars: one standard deviation) against the planned "
            + "epoch count, per threshold setting.", svg: plot.svg())
      ],
      discussion: "Differences are paired by seed. A NaN measurement means no run dropped a "
        + "batch at those thresholds (DSI 0 at both lengths), which says nothing about the "
        + "trend. The calibrated thresholds come from a full-data run on 10% of the data at "
        + "the run profile's planned epochs and are kept for every plan length; the paper's come "
        + "from 32 x 32 ResNets.")
  }
}
