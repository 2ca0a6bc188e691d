import PruneReport

/// X-1: per rule, final accuracy against the fraction of sample-iterations saved, with seeds;
/// the lossless point is the largest saving whose mean accuracy is within one standard
/// deviation of full training (claims.md X-1, cnn.md "Accuracy").
///
/// Each rule's check is the lossless test at its first (default) setting: measured = the
/// rule's mean accuracy, predicted = full data's mean, comparison `>=` with tolerance = full
/// data's standard deviation (cnn.md), uncertainty = the rule's standard error. These are
/// evidence for the papers' statement that each rule is lossless (a rule that prunes the wrong
/// samples, or drops rescaling, loses more than the seed spread); dynamic random is the control,
/// which no paper claims is lossless, so its check is shown with `expectedToHold == false` and
/// does not decide.
public struct X1LosslessFrontier: WorkloadClaim {
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
        ("seta", [seta]),
        ("seta-bls", [setaBLS]),
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

  /// SeTa at its defaults on per-sample losses, and on BLS scores: the paper profile's runs,
  /// shared with BLS-6 (``BLS6SeTaHostAndRandom``; same options, so the same fingerprints).
  static let seta = RuleChoice(label: "seta", ruleName: "seta")
  static let setaBLS = RuleChoice(label: "seta+bls", ruleName: "seta", options: [("score", "bls")])

  /// InfoBatch at its defaults (r = 0.5, delta = 0.875): trained with the reference seeds.
  static let infoBatchDefault = RuleChoice(label: "infobatch (defaults)", ruleName: "infobatch")
  /// Dynamic random pruning; its ratio is set from InfoBatch's measured saving in ``run(in:)``.
  static let randomAtInfoBatchSaving = RuleChoice(
    label: "random at infobatch's saving", ruleName: "random")

  /// B-PAS with thresholds calibrated the paper's way
  /// (``BPASThresholdSetting/calibrated(training:baseSeed:)``); its thresholds are set from the
  /// calibration run in ``run(in:)``.
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
    let se = accuracy.standardError
    let fullSE = full.standardError
    return "InfoBatch at its defaults saves \(PageNumber.format(saved)) of the sample-iterations "
      + "and reaches a mean accuracy of \(PageNumber.format(accuracy.mean, uncertainty: se)) (sd "
      + "\(PageNumber.spread(accuracy.standardDeviation)), \(accuracy.count) seeds) against full "
      + "data's \(PageNumber.format(full.mean, uncertainty: fullSE)) (sd "
      + "\(PageNumber.spread(full.standardDeviation)), \(full.count) seeds): it is "
      + "\(lossless ? "" : "not ")within one standard deviation of full data, so by cnn.md's test "
      + "it is \(lossless ? "lossless" : "not lossless") at that saving; these seeds detect a "
      + "loss larger than \(PageNumber.spread(detectable)). "
  }

  public func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let profile = context.runProfile
    let rules = Self.rules(for: profile)
    let total = Double(1 + rules.reduce(0) { $0 + $1.1.count })
    context.progress(0, "full data")
    let fullRuns = try RuleChoice.fullData.trainAllSeeds(
      with: training, baseSeed: context.seed, seedCount: profile.referenceSeedCount)
    var measured: [Rule] = []
    var infoBatchRuns: [TrainingRunOutcome]?
    var isRandomPending = false
    var calibrationRows: [(String, String)] = []
    var done = 1.0
    for (rule, choices) in rules {
      var settings: [(RuleChoice, [TrainingRunOutcome])] = []
      for var choice in choices {
        context.progress(done / total, choice.label)
        done += 1
        var isDerived = false
        if choice == Self.randomAtInfoBatchSaving, let infoBatch = infoBatchRuns {
          let saved = SeedStatistics(infoBatch.map(\.savedFraction)).mean
          choice = RuleChoice(
            label: choice.label, ruleName: "random",
            options: [("prune-ratio", Self.randomRatio(saved: saved, epochs: workload.epochs))])
          isDerived = infoBatch.contains(where: \.isPlaceholder)
          isRandomPending = isDerived
        }
        if choice == Self.bpasCalibrated {
          let thresholds = try BPASThresholdSetting.calibrated(
            training: training, baseSeed: context.seed)
          choice = thresholds.choice
          isDerived = thresholds.isPlaceholder
          calibrationRows = thresholds.calibration?.settingRows ?? []
        }
        let isReference = choice == Self.infoBatchDefault
        let runs = try choice.trainAllSeeds(
          with: training, baseSeed: context.seed,
          seedCount: isReference ? profile.referenceSeedCount : nil,
          isDerivedFromPlaceholder: isDerived)
        if isReference { infoBatchRuns = runs }
        settings.append((choice, runs))
      }
      measured.append(Rule(name: rule, settings: settings))
    }
    return try result(
      full: fullRuns, rules: measured, isRandomPending: isRandomPending,
      calibrationRows: calibrationRows, workload: workload)
  }

  /// One rule's settings and their runs; the first setting is the rule's default.
  struct Rule {
    let name: String
    let settings: [(choice: RuleChoice, runs: [TrainingRunOutcome])]

    /// Dynamic random: the control, which no paper claims is lossless.
    var isControl: Bool { name == "random" }
  }

  /// The result from the runs (the negative controls pass broken ones).
  ///
  /// A rule whose runs (or full data's) are not all stored yet decides nothing: it is marked as
  /// waiting (X-1 assembles a partial page, ``TrainingBasedClaim/assemblesFromStoredRunsOnly``).
  ///
  /// - Parameters:
  ///   - isRandomPending: Random's ratio came from placeholders (not stored yet).
  ///   - calibrationRows: B-PAS's threshold calibration, for the setting table.
  func result(
    full fullRuns: [TrainingRunOutcome], rules: [Rule], isRandomPending: Bool = false,
    calibrationRows: [(String, String)] = [], workload: EndToEndWorkload
  ) throws -> ClaimResult {
    let isFullStored = !fullRuns.contains(where: \.isPlaceholder)
    let full = SeedStatistics(fullRuns.map(\.finalAccuracy))
    var outcomes = fullRuns
    var groups: [(String, [TrainingRunOutcome])] = [(RuleChoice.fullData.label, fullRuns)]
    var checks: [ClaimCheck] = []
    var series: [PlotSeries] = []
    var frontierRows: [[String]] = []
    var detectableRows: [[String]] = []
    for rule in rules {
      let points = rule.settings.map { setting in
        (
          saved: SeedStatistics(setting.runs.map(\.savedFraction)).mean,
          accuracy: SeedStatistics(setting.runs.map(\.finalAccuracy))
        )
      }
      for setting in rule.settings {
        outcomes += setting.runs
        groups.append((setting.choice.label, setting.runs))
      }
      let label = rule.settings[0].choice.label
      let isWaiting = !isFullStored
        || rule.settings.contains { $0.runs.contains(where: \.isPlaceholder) }
      if isWaiting {
        detectableRows.append([label, "waiting for runs", "", "", ""])
        frontierRows.append([rule.name, "waiting for runs"])
        continue
      }
      let first = points[0].accuracy
      let detectable = full.standardDeviation + 2 * first.standardError
      detectableRows.append([
        label, "\(first.count)", ClaimTable.format(points[0].saved),
        ClaimTable.format(first.mean), ClaimTable.format(detectable),
      ])
      checks.append(
        ClaimCheck(
          setting: label,
          quantity: rule.isControl
            ? "mean final accuracy (lossless test; control: no paper claims random is lossless)"
            : "mean final accuracy (lossless test)",
          measured: first.mean, predicted: full.mean, uncertainty: first.standardError,
          tolerance: full.standardDeviation.isFinite ? full.standardDeviation : 0,
          comparison: .atLeast, expectedToHold: !rule.isControl,
          basis: "tolerance = sd of full data over \(full.count) seeds (cnn.md lossless test); "
            + "uncertainty = SE of the rule's mean over \(first.count) seeds; a loss larger than "
            + "sd + 2 SE = \(PageNumber.spread(detectable)) is detected"))
      let lossless = SeedStatistics.losslessPoint(of: points, full: full)
      frontierRows.append([rule.name, lossless.map(ClaimTable.format) ?? "none"])
      let sorted = points.sorted { $0.saved < $1.saved }
      series.append(
        try PlotSeries(
          name: rule.name, x: sorted.map(\.saved), y: sorted.map(\.accuracy.mean)
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
      claim: self,
      statement: "Each pruning rule of the papers is lossless at its default setting: its mean "
        + "final accuracy stays within one standard deviation of full training while it saves "
        + "sample-iterations. Per rule, the frontier of accuracy against the saved fraction; the "
        + "lossless point is the largest saving that passes the test.",
      equation: "lossless  <=>  mean(acc_rule) >= mean(acc_full) - std(acc_full)\n"
        + "saved = 1 - trained sample-iterations / (N E)",
      setting: workload.settingRows
        + rules.flatMap { rule in
          rule.settings.map { setting in
            (
              setting.choice.label,
              rule.isControl && isRandomPending
                ? "pending: prune-ratio from infobatch's measured saving"
                : setting.choice.optionText
            )
          }
        } + calibrationRows
        + [("reference seeds", "\(fullRuns.count) for full data and infobatch (defaults)")],
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
        + "errors, and is inconclusive in between. Dynamic random pruning is the control: no "
        + "paper claims it is lossless (InfoBatch's Table 4 has it below full data), so its "
        + "check is shown but does not decide. With two or three seeds the standard "
        + "deviations are rough, so the small profiles' verdicts are indicative only.",
      notTestableReason: "no pruning rule's lossless test could be computed: its runs or full "
        + "data's are not all in the run store yet")
  }
}
