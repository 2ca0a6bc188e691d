import PruneReport

/// X-1: per rule, final accuracy against the fraction of sample-iterations saved, with seeds;
/// the lossless point is the largest saving whose mean accuracy is within one standard
/// deviation of full training (claims.md X-1, cnn.md "Accuracy").
///
/// Each rule's check is the lossless test at its first (default) setting: measured = the
/// rule's mean accuracy, predicted = full data's mean, comparison `>=` with tolerance = full
/// data's standard deviation, uncertainty = the rule's standard error.
public struct X1LosslessFrontier: Claim {
  public let id = "X-1"
  public let family = ClaimFamily.crossRule
  public let title = "Lossless frontier on the mini-CNN"

  public init() {}

  /// The rules and their settings; the first setting of each is its default.
  ///
  /// The paper profile runs each rule once at its default (the issue's list: InfoBatch,
  /// InfoBatch+BLS, SeTa, SeTa+BLS, dynamic random at InfoBatch's measured saving, B-PAS); the
  /// small profiles keep a frontier of ratios.
  static func rules(for profile: RunProfile) -> [(String, [RuleChoice])] {
    if profile.isPaper {
      return [
        ("infobatch", [infoBatchDefault]),
        (
          "infobatch-bls",
          [RuleChoice(label: "infobatch+bls", ruleName: "infobatch", options: [("score", "bls")])]
        ),
        ("seta", [RuleChoice(label: "seta", ruleName: "seta")]),
        ("seta-bls", [RuleChoice(label: "seta+bls", ruleName: "seta", options: [("score", "bls")])]),
        ("random", [randomAtInfoBatchSaving]),
        ("bpas", [bpasCalibrated]),
      ]
    }
    let ratios = ["0.5"]
    func family(_ name: String, option: String, extra: [(String, String)] = [], tag: String = "")
      -> [RuleChoice]
    {
      ratios.map {
        RuleChoice(
          label: "\(name)\(tag) \(option)=\($0)", ruleName: name,
          options: [(option, $0)] + extra)
      }
    }
    return [
      ("infobatch", family("infobatch", option: "prune-ratio")),
      (
        "infobatch-bls",
        family("infobatch", option: "prune-ratio", extra: [("score", "bls")], tag: "-bls")
      ),
      ("repb", family("repb", option: "rho")),
      ("random", family("random", option: "prune-ratio")),
      ("bpas", [bpasCalibrated, BPASThresholdSetting.paper.choice]),
    ]
  }

  /// InfoBatch at its defaults (r = 0.5, delta = 0.875): trained with the reference seeds.
  static let infoBatchDefault = RuleChoice(label: "infobatch (defaults)", ruleName: "infobatch")
  /// Dynamic random pruning; its ratio is set from InfoBatch's measured saving in ``run(in:)``.
  static let randomAtInfoBatchSaving = RuleChoice(
    label: "random at infobatch's saving", ruleName: "random")

  /// B-PAS with thresholds calibrated the paper's way (``BPASThresholdSetting/calibrated(training:baseSeed:)``);
  /// its thresholds are set from the calibration run in ``run(in:)``.
  static let bpasCalibrated = RuleChoice(label: "bpas calibrated on 10%", ruleName: "bpas")

  /// Dynamic random's prune ratio that saves `saved` of the sample-iterations over E epochs
  /// (epoch 0 trains every sample): `r = saved E / (E - 1)`, rounded to 4 decimals so the
  /// rule's parameters (and the run's fingerprint) have a short exact spelling.
  static func randomRatio(saved: Double, epochs: Int) -> String {
    let e = Double(epochs)
    let r = min(0.95, max(0, saved * (e > 1 ? e / (e - 1) : 1)))
    return "\((r * 10_000).rounded() / 10_000)"
  }

  /// The answer to "is InfoBatch lossless at its saving?" in words, from the numbers.
  static func infoBatchSentence(
    groups: [(String, [TrainingRunOutcome])], full: SeedStatistics
  ) -> String {
    guard let runs = groups.first(where: { $0.0 == infoBatchDefault.label })?.1,
      !runs.contains(where: \.isPlaceholder), full.mean.isFinite
    else { return "" }
    let accuracy = SeedStatistics(runs.map(\.finalAccuracy))
    let saved = SeedStatistics(runs.map(\.savedFraction)).mean
    let lossless = SeedStatistics.isLossless(rule: accuracy, full: full)
    let detectable = full.standardDeviation + 2 * accuracy.standardError
    return "InfoBatch at its defaults saves \(ClaimTable.format(saved)) of the sample-iterations "
      + "and reaches a mean accuracy of \(ClaimTable.format(accuracy.mean)) (sd "
      + "\(ClaimTable.format(accuracy.standardDeviation)), \(accuracy.count) seeds) against full "
      + "data's \(ClaimTable.format(full.mean)) (sd \(ClaimTable.format(full.standardDeviation)), "
      + "\(full.count) seeds): it is \(lossless ? "" : "not ")within one standard deviation of "
      + "full data, so by cnn.md's test it is \(lossless ? "lossless" : "not lossless") at that "
      + "saving; these seeds detect a loss larger than \(ClaimTable.format(detectable)). "
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(in: context, workload: context.runProfile.workload)
  }

  func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let profile = context.runProfile
    var rules = Self.rules(for: profile)
    let total = Double(1 + rules.reduce(0) { $0 + $1.1.count })
    context.progress(0, "full data")
    let fullRuns = try RuleChoice.fullData.trainAllSeeds(
      with: training, baseSeed: context.seed, seedCount: profile.referenceSeedCount)
    let full = SeedStatistics(fullRuns.map(\.finalAccuracy))
    var outcomes = fullRuns
    var groups: [(String, [TrainingRunOutcome])] = [(RuleChoice.fullData.label, fullRuns)]
    var checks: [ClaimCheck] = []
    var series: [PlotSeries] = []
    var frontierRows: [[String]] = []
    var detectableRows: [[String]] = []
    var done = 1.0
    let isFullStored = !fullRuns.contains(where: \.isPlaceholder)
    var calibrationRows: [(String, String)] = []
    for index in rules.indices {
      let rule = rules[index].0
      var points: [(saved: Double, accuracy: SeedStatistics)] = []
      var isWaiting = !isFullStored
      for var choice in rules[index].1 {
        context.progress(done / total, choice.label)
        done += 1
        var isDerived = false
        if choice == Self.randomAtInfoBatchSaving,
          let infoBatch = groups.first(where: { $0.0 == Self.infoBatchDefault.label })?.1
        {
          let saved = SeedStatistics(infoBatch.map(\.savedFraction)).mean
          choice = RuleChoice(
            label: choice.label, ruleName: "random",
            options: [("prune-ratio", Self.randomRatio(saved: saved, epochs: workload.epochs))])
          rules[index].1 = [choice]
          isDerived = infoBatch.contains(where: \.isPlaceholder)
        }
        if choice == Self.bpasCalibrated {
          let thresholds = try BPASThresholdSetting.calibrated(
            training: training, baseSeed: context.seed)
          choice = thresholds.choice
          rules[index].1 = rules[index].1.map { $0 == Self.bpasCalibrated ? choice : $0 }
          isDerived = thresholds.isPlaceholder
          calibrationRows = thresholds.calibration?.settingRows ?? []
        }
        let isReference = choice == Self.infoBatchDefault
        let runs = try choice.trainAllSeeds(
          with: training, baseSeed: context.seed,
          seedCount: isReference ? profile.referenceSeedCount : nil,
          isDerivedFromPlaceholder: isDerived)
        outcomes += runs
        groups.append((choice.label, runs))
        isWaiting = isWaiting || runs.contains(where: \.isPlaceholder)
        points.append(
          (
            SeedStatistics(runs.map(\.savedFraction)).mean,
            SeedStatistics(runs.map(\.finalAccuracy))
          ))
      }
      if isWaiting {
        // A rule whose runs (or full data's) are not all stored yet decides nothing.
        detectableRows.append([rules[index].1[0].label, "waiting for runs", "", "", ""])
        frontierRows.append([rule, "waiting for runs"])
        continue
      }
      let first = points[0].accuracy
      let detectable = full.standardDeviation + 2 * first.standardError
      detectableRows.append([
        rules[index].1[0].label, "\(first.count)", ClaimTable.format(points[0].saved),
        ClaimTable.format(first.mean), ClaimTable.format(detectable),
      ])
      checks.append(
        ClaimCheck(
          setting: rules[index].1[0].label, quantity: "mean final accuracy (lossless test)",
          measured: first.mean, predicted: full.mean, uncertainty: first.standardError,
          tolerance: full.standardDeviation.isFinite ? full.standardDeviation : 0,
          comparison: .atLeast,
          basis: "tolerance = sd of full data over \(full.count) seeds (cnn.md lossless test); "
            + "uncertainty = SE of the rule's mean over \(first.count) seeds; a loss larger than "
            + "sd + 2 SE = \(ClaimTable.format(detectable)) is detected"))
      let lossless = SeedStatistics.losslessPoint(of: points, full: full)
      frontierRows.append([rule, lossless.map(ClaimTable.format) ?? "none"])
      let sorted = points.sorted { $0.saved < $1.saved }
      series.append(
        try PlotSeries(
          name: rule, x: sorted.map(\.saved), y: sorted.map(\.accuracy.mean)
        ).withUncertainty(
          halfWidth: sorted.map {
            $0.accuracy.standardDeviation.isFinite ? $0.accuracy.standardDeviation : 0
          },
          as: .errorBars))
    }
    let fullSeries = try PlotSeries(
      name: "full data", x: [0], y: [full.mean], style: .markers
    ).withUncertainty(
      halfWidth: [full.standardDeviation.isFinite ? full.standardDeviation : 0], as: .errorBars)
    let plot = XYPlot(
      title: "Final accuracy vs saved sample-iterations", xAxis: .linear("saved fraction"),
      yAxis: .linear("final test accuracy"), series: [fullSeries] + series,
      referenceLines: [
        .horizontal(
          at: full.mean - (full.standardDeviation.isFinite ? full.standardDeviation : 0),
          label: "full data - 1 std (lossless line)")
      ])
    return ClaimResult(
      id: id, family: family, title: title,
      statement: "For each rule, the final accuracy against the saved fraction of "
        + "sample-iterations; the lossless point is the largest saving whose mean accuracy "
        + "stays within one standard deviation of full training.",
      equation: "lossless  <=>  mean(acc_rule) >= mean(acc_full) - std(acc_full)\n"
        + "saved = 1 - trained sample-iterations / (N E)",
      setting: workload.settingRows
        + rules.flatMap { $0.1.map { ($0.label, $0.optionText) } } + calibrationRows,
      checks: checks,
      tables: [
        EndToEndTables.summary(groups.filter { !$0.1.contains(where: \.isPlaceholder) }),
        ClaimTable(
          name: "lossless-points", caption: "per rule: the largest lossless mean saved fraction",
          header: ["rule", "lossless_saved_fraction"], rows: frontierRows, showOnPage: true),
        ClaimTable(
          name: "detectable-gaps",
          caption: "per rule at its default: seeds, mean saved fraction, mean accuracy, and the "
            + "smallest accuracy loss the lossless test detects (full data's sd + 2 SE)",
          header: ["rule", "seeds", "saved_mean", "accuracy_mean", "detectable_loss"],
          rows: detectableRows, showOnPage: true),
        EndToEndTables.runs(outcomes.filter { !$0.isPlaceholder }),
      ],
      figures: [
        ClaimFigure(
          name: "frontier",
          caption: "Mean final accuracy over seeds (error bars: one standard deviation) against "
            + "the mean saved fraction, one series per rule; the line marks full data minus one "
            + "standard deviation.", svg: plot.svg())
      ],
      discussion: Self.infoBatchSentence(groups: groups, full: full)
        + "Each rule's check is the lossless test at its default setting (its first "
        + "row): it holds when the mean accuracy is at least full data's mean minus one "
        + "standard deviation, fails when it is below by more than two of the rule's standard "
        + "errors, and is inconclusive in between. With two or three seeds the standard "
        + "deviations are rough, so the quick profile's verdicts are indicative only.")
  }
}
