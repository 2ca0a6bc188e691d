import PruneReport

/// per rule, final accuracy against the fraction of sample-iterations saved, with seeds;
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
  static func rules(for profile: ClaimProfile) -> [(String, [RuleChoice])] {
    let ratios = profile.pick(quick: ["0.5"], full: ["0.3", "0.5", "0.7"])
    func family(_ name: String, option: String, extra: [(String, String)] = [], tag: String = "")
      -> [RuleChoice]
    {
      ratios.map {
        RuleChoice(
          label: "\(name)\(tag) \(option)=\($0)", ruleName: name,
          options: [(option, $0)] + extra)
      }
    }
    var rules: [(String, [RuleChoice])] = [
      ("infobatch", family("infobatch", option: "prune-ratio")),
      (
        "infobatch-bls",
        family("infobatch", option: "prune-ratio", extra: [("score", "bls")], tag: "-bls")
      ),
      ("repb", family("repb", option: "rho")),
      ("random", family("random", option: "prune-ratio")),
      ("bpas", BPASThresholdSetting.all.reversed().map(\.choice)),
    ]
    if profile == .full { rules.append(("seta", [RuleChoice(label: "seta", ruleName: "seta")])) }
    return rules
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(in: context, workload: EndToEndWorkload.standard(for: context.profile))
  }

  func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult {
    let training = EndToEndTraining(
      workload: workload, data: try workload.loadData(seed: context.seed))
    let rules = Self.rules(for: context.profile)
    let total = Double(1 + rules.reduce(0) { $0 + $1.1.count })
    context.progress(0, "full data")
    let fullRuns = try RuleChoice.fullData.trainAllSeeds(with: training, baseSeed: context.seed)
    let full = SeedStatistics(fullRuns.map(\.finalAccuracy))
    var outcomes = fullRuns
    var groups: [(String, [TrainingRunOutcome])] = [(RuleChoice.fullData.label, fullRuns)]
    var checks: [ClaimCheck] = []
    var series: [PlotSeries] = []
    var frontierRows: [[String]] = []
    var done = 1.0
    for (rule, choices) in rules {
      var points: [(saved: Double, accuracy: SeedStatistics)] = []
      for choice in choices {
        context.progress(done / total, choice.label)
        done += 1
        let runs = try choice.trainAllSeeds(with: training, baseSeed: context.seed)
        outcomes += runs
        groups.append((choice.label, runs))
        points.append(
          (
            SeedStatistics(runs.map(\.savedFraction)).mean,
            SeedStatistics(runs.map(\.finalAccuracy))
          ))
      }
      let first = points[0].accuracy
      checks.append(
        ClaimCheck(
          setting: choices[0].label, quantity: "mean final accuracy (lossless test)",
          measured: first.mean, predicted: full.mean, uncertainty: first.standardError,
          tolerance: full.standardDeviation.isFinite ? full.standardDeviation : 0,
          comparison: .atLeast))
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
        + rules.flatMap { $0.1.map { ($0.label, $0.optionText) } },
      checks: checks,
      tables: [
        EndToEndTables.summary(groups),
        ClaimTable(
          name: "lossless-points", caption: "per rule: the largest lossless mean saved fraction",
          header: ["rule", "lossless_saved_fraction"], rows: frontierRows, showOnPage: true),
        EndToEndTables.runs(outcomes),
      ],
      figures: [
        ClaimFigure(
          name: "frontier",
          caption: "Mean final accuracy over seeds (error bars: one standard deviation) against "
            + "the mean saved fraction, one series per rule; the line marks full data minus one "
            + "standard deviation.", svg: plot.svg())
      ],
      discussion: "Each rule's check is the lossless test at its default setting (its first "
        + "row): it holds when the mean accuracy is at least full data's mean minus one "
        + "standard deviation, fails when it is below by more than two of the rule's standard "
        + "errors, and is inconclusive in between. With two or three seeds the standard "
        + "deviations are rough, so the quick profile's verdicts are indicative only.")
  }
}
