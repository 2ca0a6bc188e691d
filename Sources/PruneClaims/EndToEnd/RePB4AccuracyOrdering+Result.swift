/// RePB-4's checks, tables and words, computed from the runs alone (so a test can hand it
/// made-up runs whose ordering or savings are broken: the negative controls).
extension RePB4AccuracyOrdering {
  /// A calibration method's prediction of a rule's saving at its defaults against that rule's
  /// stored CNN runs (X-1's InfoBatch runs): measurable before RePB-4's own runs exist.
  struct PredictionCheck {
    let label: String
    /// The method, in words ("the probes' line at prune-ratio=0.5").
    let method: String
    /// nil while the method's own runs (the probes) are not stored.
    let predicted: Double?
    let runs: [TrainingRunOutcome]
    /// Whether it answers our model (the method in use) or is shown only (a cross-check).
    let decides: Bool

    /// Computable: a prediction and every run stored.
    var isReady: Bool {
      predicted != nil && !runs.isEmpty && !runs.contains(where: \.isPlaceholder)
    }

    /// Our model's evidence: the CNN's mean saving equals the prediction within ±1 point (the
    /// band the calibration must deliver), with the seeds' standard error as uncertainty. It
    /// fails when the method is biased by more than the band (the replay, by its missing
    /// feedback), so it answers the model, never the paper's ordering.
    var check: ClaimCheck {
      let saved = SeedStatistics(runs.map(\.savedFraction))
      return ClaimCheck(
        setting: decides
          ? "\(label): \(method)"
          : "\(label): \(method); not the calibration used, does not decide",
        quantity: "saved fraction on the CNN (stored runs) against the prediction",
        measured: saved.mean, predicted: predicted ?? .nan, uncertainty: saved.standardError,
        tolerance: EndToEndTables.matchedSavingTolerance, comparison: .equal,
        expectedToHold: decides, answer: .model,
        basis: "uncertainty: SE over \(saved.count) seeds; tolerance 0.01: "
          + EndToEndTables.matchedSavingBasis + " (what the calibration must deliver)")
    }
  }

  /// The result from the runs.
  ///
  /// Each check is computed only from stored runs; a pair with a run still missing is listed as
  /// waiting (the page is assembled while runs are pending, ``MissingRuns``).
  ///
  /// - Parameters:
  ///   - probes: The trained probes (their table); empty for made-up runs.
  ///   - predictions: The methods' predictions against stored runs (``PredictionCheck``).
  ///   - calibrationRows: The setting rows naming the calibration; empty for made-up runs.
  func result(
    _ targets: [Target], workload: EndToEndWorkload, probes: [RePB4Probes] = [],
    predictions: [PredictionCheck] = [], calibrationRows: [(String, String)] = []
  ) -> ClaimResult {
    var outcomes: [TrainingRunOutcome] = []
    var groups: [(String, [TrainingRunOutcome])] = []
    var checks: [ClaimCheck] = []
    var choices: [(String, String)] = []
    var calibration: [[String]] = []
    var waiting: [[String]] = []
    for target in targets {
      let r = Int((target.target * 100).rounded())
      let setting = "target saving \(r)%"
      for matched in [target.repb, target.infoBatch] {
        if let row = Self.calibrationRow(matched, target: target.target) { calibration.append(row) }
      }
      let rows: [(RuleChoice, [TrainingRunOutcome])] = [
        (target.repb.choice, target.repb.runs), (target.infoBatch.choice, target.infoBatch.runs),
        (target.staticRandom, target.staticRandomRuns),
        (target.dynamicRandom, target.dynamicRandomRuns),
      ].filter { !$0.1.isEmpty }
      outcomes += rows.flatMap(\.1)
      groups += rows.map { ($0.0.label, $0.1) }
      choices += rows.map { ($0.0.label, $0.0.optionText) }
      choices += [target.repb, target.infoBatch].filter { !$0.isReached }.map {
        ($0.choice.label, "not reached: the probes save at most "
          + "\(ClaimTable.format($0.match?.predictedSaving ?? .nan)) (no runs)")
      }
      // The pairs whose orderings the statement implies at this target.
      var pairs: [(names: (String, String), higher: [TrainingRunOutcome], lower: [TrainingRunOutcome])] = []
      if target.repb.isReached && target.infoBatch.isReached {
        pairs.append((("repb", "infobatch"), target.repb.runs, target.infoBatch.runs))
      }
      if target.infoBatch.isReached {
        pairs.append((("infobatch", "static random"), target.infoBatch.runs, target.staticRandomRuns))
      } else if target.repb.isReached {
        // InfoBatch cannot save this much: the chain's consequence RePB >= Random is what the
        // statement still says at this budget.
        pairs.append((("repb", "static random"), target.repb.runs, target.staticRandomRuns))
      }
      for pair in pairs {
        guard Self.isStored(pair.higher, pair.lower) else {
          waiting.append([setting, "\(pair.names.0) - \(pair.names.1)", "waiting for runs"])
          continue
        }
        checks += Self.orderedPair(
          setting: setting, names: pair.names, higher: pair.higher, lower: pair.lower)
      }
      if target.infoBatch.isReached {
        if Self.isStored(target.infoBatch.runs, target.dynamicRandomRuns) {
          checks.append(
            Self.controlCheck(
              setting: setting, infoBatch: target.infoBatch.runs,
              dynamic: target.dynamicRandomRuns))
        } else {
          waiting.append([setting, "infobatch - dynamic random (control)", "waiting for runs"])
        }
      }
    }
    var referenceShown = false
    for prediction in predictions {
      guard prediction.isReady else {
        waiting.append([prediction.label, prediction.method, "waiting for runs"])
        continue
      }
      checks.append(prediction.check)
      if !referenceShown {
        referenceShown = true
        outcomes += prediction.runs
        groups.append((prediction.label, prediction.runs))
      }
    }
    var tables = [EndToEndTables.summary(groups.filter { !$0.1.contains(where: \.isPlaceholder) })]
    let probeRows = probes.flatMap(\.rows)
    if !probeRows.isEmpty {
      tables.append(
        ClaimTable(
          name: "probes",
          caption: "the calibration probes: each rule trained once at a fixed grid of values on "
            + "the 10% subset (seed 0): saved fraction, its monotone (isotonic) fit, final "
            + "accuracy on the subset",
          header: ["rule", "option", "saved_fraction", "monotone_fit", "final_accuracy"],
          rows: probeRows, showOnPage: true))
    }
    if !calibration.isEmpty {
      tables.append(
        ClaimTable(
          name: "calibration",
          caption: "matched settings: option, target, the saving the probes' line predicts at "
            + "that option and its estimated interpolation error, whether the target is "
            + "reached; the replay's value and saving as a cross-check (no feedback from "
            + "pruning)",
          header: [
            "rule", "option", "target", "predicted_saved_fraction", "interpolation_error",
            "target_reached", "replay_option", "replay_saved_fraction",
          ], rows: calibration, showOnPage: true))
    }
    if !waiting.isEmpty {
      tables.append(
        ClaimTable(
          name: "waiting-checks",
          caption: "checks not computed yet: a run they need is not in the store",
          header: ["setting", "comparison", "status"], rows: waiting, showOnPage: true))
    }
    let evidence = checks.filter { $0.kind == .evidence }
    if !evidence.isEmpty { tables.append(EndToEndTables.detectableGaps(evidence)) }
    let stored = outcomes.filter { !$0.isPlaceholder }
    if !stored.isEmpty { tables.append(EndToEndTables.runs(stored)) }
    return ClaimResult(
      claim: self,
      statement: "At matched pruning ratios RePB's final accuracy is at least InfoBatch's, and "
        + "InfoBatch's at least that of the Random baseline (the paper's Random row: static "
        + "random, one subset fixed before training).",
      equation: "acc(RePB) >= acc(InfoBatch) >= acc(Random)   at equal saved fraction\n"
        + "matched value p = s^-1(target), s = monotone line through the probes' savings",
      setting: workload.settingRows + choices + calibrationRows,
      checks: checks, tables: tables,
      discussion: "Orderings are tested on paired differences (same seed, same initialisation) "
        + "with tolerance 0: a check holds when the mean difference is >= 0, fails when it is "
        + "below 0 by more than two standard errors, and is inconclusive otherwise. Each "
        + "ordering is the paper's claim only at matched pruning: the matched-budget checks "
        + "(our model: the calibration carries over to the CNN) say whether the pair saved the "
        + "same within ±1 point, and an ordering whose pair did not is shown but does not "
        + "decide. RePB's rho and InfoBatch's prune ratio come from short trained probes: "
        + "each rule trained at a fixed grid of values on 10% of the training data with the "
        + "same recipe, a monotone line through their savings, and its inverse at the target. "
        + "Unlike a replay of a full-data run's losses (shown as a cross-check), a probe "
        + "includes the feedback of pruning on the model; it still takes a tenth of the "
        + "steps per epoch, so the page checks the method where the answer is known: its "
        + "prediction of InfoBatch's saving at its defaults against X-1's stored runs (our "
        + "model's evidence; it never decides the paper's ordering). A target a rule cannot "
        + "reach on the probes gets no runs and its orderings do not decide; where InfoBatch "
        + "cannot reach it, the chain's consequence RePB >= static random is checked. The "
        + "Random that decides is static random, the paper's Random row (InfoBatch's static "
        + "baseline); it saves its ratio by construction. Dynamic random is shown beside it "
        + "as a control: it is not the row the paper reports, so its ordering does not decide.",
      notTestableReason: "no pair of rules has both its runs stored and saved the same fraction "
        + "within ±1 percentage point on the CNN (see the matched-budget checks and the "
        + "waiting checks), so no ordering was measured at matched pruning",
      modelQuestion: "Does the calibration on trained probes predict the savings of the "
        + "mini-CNN's full runs within ±1 point (InfoBatch at its defaults, and each matched "
        + "pair)?")
  }

  /// The calibration table's row of one calibrated rule (nil for made-up runs).
  static func calibrationRow(_ matched: Matched, target: Double) -> [String]? {
    guard matched.match != nil || matched.replay != nil else { return nil }
    let reached: String
    if let match = matched.match {
      reached = match.isReachable ? "yes" : "no: beyond the probes (no runs; does not decide)"
    } else {
      reached = "waiting for probes"
    }
    return [
      matched.choice.label, matched.choice.optionText, ClaimTable.format(target),
      matched.match.map { ClaimTable.format($0.predictedSaving) } ?? "waiting",
      matched.match.map { ClaimTable.format($0.interpolationError) } ?? "waiting",
      reached, matched.replay?.value ?? "-",
      matched.replay.map { ClaimTable.format($0.simulatedSaving) + ($0.isReachable ? "" : " (not reached)") } ?? "-",
    ]
  }

  /// Whether both groups are trained (no placeholder).
  static func isStored(_ a: [TrainingRunOutcome], _ b: [TrainingRunOutcome]) -> Bool {
    !(a + b).contains(where: \.isPlaceholder)
  }

  /// The checks of one pair at one target: the model's matched-budget check, then the
  /// statement's ordering check, which decides only when the budgets matched.
  static func orderedPair(
    setting: String, names: (String, String), higher: [TrainingRunOutcome],
    lower: [TrainingRunOutcome]
  ) -> [ClaimCheck] {
    var budget = EndToEndTables.equalCheck(
      setting: setting, quantity: "saved fraction, \(names.0) - \(names.1) (matched budget)",
      a: higher.map(\.savedFraction), b: lower.map(\.savedFraction),
      tolerance: EndToEndTables.matchedSavingTolerance,
      toleranceBasis: EndToEndTables.matchedSavingBasis)
    budget = ClaimCheck(
      setting: budget.setting, quantity: budget.quantity, measured: budget.measured,
      predicted: budget.predicted, uncertainty: budget.uncertainty, tolerance: budget.tolerance,
      comparison: budget.comparison, answer: .model,
      basis: budget.basis + "; the calibration on the trained probes predicts equal savings")
    let matched = budget.verdict == .holds
    let ordering = EndToEndTables.atLeastCheck(
      setting: matched ? setting : "\(setting), budgets not matched",
      quantity: "accuracy, \(names.0) - \(names.1)", a: higher.map(\.finalAccuracy),
      b: lower.map(\.finalAccuracy))
    return [budget, ordering.deciding(matched)]
  }

  /// The control's check at one target: InfoBatch − dynamic random, shown, never deciding.
  static func controlCheck(
    setting: String, infoBatch: [TrainingRunOutcome], dynamic: [TrainingRunOutcome]
  ) -> ClaimCheck {
    EndToEndTables.atLeastCheck(
      setting: "\(setting), control: dynamic random (not the paper's row; does not decide)",
      quantity: "accuracy, infobatch - dynamic random", a: infoBatch.map(\.finalAccuracy),
      b: dynamic.map(\.finalAccuracy)
    ).deciding(false)
  }
}

extension ClaimCheck {
  /// The same check, deciding only when `decides` (otherwise shown with
  /// `expectedToHold == false`).
  func deciding(_ decides: Bool) -> ClaimCheck {
    ClaimCheck(
      setting: setting, quantity: quantity, measured: measured, predicted: predicted,
      uncertainty: uncertainty, tolerance: tolerance, comparison: comparison,
      expectedToHold: decides, kind: kind, answer: answer, basis: basis)
  }
}
