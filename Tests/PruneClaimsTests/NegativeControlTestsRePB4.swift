import Testing

@testable import PruneClaims

/// RePB-4's negative controls and its calibration checks, on made-up runs (``SyntheticRuns``):
/// a reversed ordering flips the verdict to `fails`; unmatched or unreached budgets, the
/// dynamic-random control and the calibration methods' predictions never decide the paper's
/// ordering; the predictions answer our model, also while the claim's own runs are pending.
@Suite struct NegativeControlTestsRePB4 {
  typealias Runs = SyntheticRuns
  typealias Claim = RePB4AccuracyOrdering

  static func matched(
    _ name: String, accuracy: Double, saved: Double, spread: Double = 0.002,
    match: RePB4Probes.Match? = nil
  ) -> Claim.Matched {
    let label = "\(name) at 50%"
    let isReached = match?.isReachable ?? true
    return Claim.Matched(
      choice: RuleChoice(label: label, ruleName: name),
      runs: isReached
        ? Runs.runs(label, accuracies: Runs.around(accuracy, spread: spread), saved: Runs.constant(saved))
        : [],
      match: match)
  }

  static func target(
    repbAccuracy: Double = 0.90, repbSaved: Double = 0.50, infoBatchSaved: Double = 0.505,
    staticAccuracy: Double = 0.88, staticSaved: Double = 0.50, dynamicAccuracy: Double = 0.885,
    infoBatchMatch: RePB4Probes.Match? = nil
  ) -> Claim.Target {
    Claim.Target(
      target: 0.5,
      repb: matched("repb", accuracy: repbAccuracy, saved: repbSaved, spread: 0.003),
      infoBatch: matched(
        "infobatch", accuracy: 0.895, saved: infoBatchSaved, match: infoBatchMatch),
      staticRandom: RuleChoice(label: "static-random at 50%", ruleName: "static-random"),
      staticRandomRuns: Runs.runs(
        "static-random at 50%", accuracies: Runs.around(staticAccuracy, spread: 0.004),
        saved: Runs.constant(staticSaved)),
      dynamicRandom: RuleChoice(label: "random at 50%", ruleName: "random"),
      dynamicRandomRuns: Runs.runs(
        "random at 50%", accuracies: Runs.around(dynamicAccuracy, spread: 0.005),
        saved: Runs.constant(0.50)))
  }

  static func repb4(
    _ target: Claim.Target = target(), predictions: [Claim.PredictionCheck] = []
  ) throws -> ClaimResult {
    Claim().result([target], workload: try Runs.workload(), predictions: predictions)
  }

  /// X-1's InfoBatch runs at its defaults (they save 30.5%).
  static let reference = Runs.runs(
    "infobatch (defaults)", accuracies: Runs.around(0.9), saved: Runs.around(0.305))

  static func prediction(_ predicted: Double?, decides: Bool) -> Claim.PredictionCheck {
    Claim.PredictionCheck(
      label: "infobatch (defaults)", method: decides ? "probes" : "replay",
      predicted: predicted, runs: reference, decides: decides)
  }

  @Test func orderingReversed() throws {
    let normal = try Self.repb4()
    #expect(normal.verdict == .holds)
    #expect(normal.modelAnswer == .agrees)
    // RePB against InfoBatch and InfoBatch against static random decide; dynamic random is
    // shown as a control.
    #expect(normal.decidingChecks.filter { $0.answer == .statement }.count == 2)
    #expect(normal.checks.filter { $0.setting.contains("control: dynamic random") }.count == 1)
    NegativeControlTests.expectFlip(
      .noResampling, normal: normal, broken: try Self.repb4(Self.target(repbAccuracy: 0.80)))
  }

  @Test func staticRandomBeatsInfoBatch() throws {
    // The paper's Random row (static random) beats InfoBatch at the same saving: it fails.
    let broken = try Self.repb4(Self.target(staticAccuracy: 0.95))
    NegativeControlTests.expectFlip(.noResampling, normal: try Self.repb4(), broken: broken)
    let failing = broken.decidingChecks.filter { $0.verdict == .fails }
    #expect(failing.map(\.quantity) == ["accuracy, infobatch - static random"])
  }

  @Test func dynamicRandomIsAControlThatDoesNotDecide() throws {
    // Dynamic random beating InfoBatch flips its control check, not the verdict.
    let result = try Self.repb4(Self.target(dynamicAccuracy: 0.95))
    let control = try #require(
      result.checks.first { $0.setting.contains("control: dynamic random") })
    #expect(control.verdict == .fails && !control.expectedToHold)
    #expect(result.verdict == .holds)
  }

  @Test func unmatchedBudgetsDoNotDecide() throws {
    // RePB saves 10 points more: its ordering against InfoBatch is not at matched pruning, so
    // even a large deficit does not decide; InfoBatch against static random still does.
    let unmatched = try Self.repb4(Self.target(repbAccuracy: 0.80, repbSaved: 0.60))
    #expect(unmatched.modelAnswer == .disagrees)
    #expect(unmatched.decidingChecks.filter { $0.answer == .statement }.count == 1)
    #expect(unmatched.verdict == .holds)
    // Static random saving less than InfoBatch: that ordering does not decide either.
    let staticOff = try Self.repb4(Self.target(staticAccuracy: 0.95, staticSaved: 0.40))
    #expect(staticOff.verdict == .holds)
    // No pair matched: nothing decides.
    let none = try Self.repb4(Self.target(repbSaved: 0.60, infoBatchSaved: 0.70))
    #expect(none.verdict == .notTestable)
    #expect(!none.notTestableReason.isEmpty)
  }

  @Test func theProbesPredictionIsOurModelsCheckAndTheReplayIsShownOnly() throws {
    let normal = try Self.repb4()
    // The probes predict 30.3% at InfoBatch's defaults, X-1's runs save 30.5%: our model agrees;
    // the replay's 25% (its no-feedback bias) is shown and does not decide.
    let agreeing = try Self.repb4(
      predictions: [Self.prediction(0.303, decides: true), Self.prediction(0.25, decides: false)])
    #expect(agreeing.modelAnswer == .agrees && agreeing.verdict == normal.verdict)
    let replay = try #require(agreeing.checks.first { $0.setting.contains("replay") })
    #expect(replay.verdict == .fails && !replay.expectedToHold && replay.answer == .model)
    // A biased probe prediction: our model disagrees; the paper's statement is decided by the
    // orderings alone.
    let biased = try Self.repb4(predictions: [Self.prediction(0.25, decides: true)])
    #expect(biased.modelAnswer == .disagrees && biased.verdict == normal.verdict)
    // Probes not stored: no prediction check, a waiting row instead.
    let waiting = try Self.repb4(predictions: [Self.prediction(nil, decides: true)])
    #expect(waiting.checks.count == normal.checks.count)
    let table = try #require(waiting.tables.first { $0.name == "waiting-checks" })
    #expect(table.rows.map(\.[1]) == ["probes"])
  }

  @Test func thePredictionIsShownWhileTheClaimsRunsArePending() throws {
    // Every RePB-4 run is a placeholder (not stored): the orderings wait, the prediction
    // checks on X-1's stored runs are computed, and nothing decides the statement.
    func pending(_ runs: [TrainingRunOutcome]) -> [TrainingRunOutcome] {
      runs.map {
        TrainingRunOutcome.placeholder(
          label: $0.label, seedIndex: $0.seedIndex, seed: $0.seed, sampleCount: $0.sampleCount,
          originalBatchCount: $0.originalBatchCount, plannedEpochs: $0.plannedEpochs)
      }
    }
    let stored = Self.target()
    let target = Claim.Target(
      target: 0.5, repb: Claim.Matched(choice: stored.repb.choice, runs: pending(stored.repb.runs)),
      infoBatch: Claim.Matched(
        choice: stored.infoBatch.choice, runs: pending(stored.infoBatch.runs)),
      staticRandom: stored.staticRandom, staticRandomRuns: stored.staticRandomRuns,
      dynamicRandom: stored.dynamicRandom, dynamicRandomRuns: pending(stored.dynamicRandomRuns))
    let result = try Self.repb4(
      target,
      predictions: [Self.prediction(0.303, decides: true), Self.prediction(0.25, decides: false)])
    #expect(result.checks.count == 2)
    #expect(result.verdict == .notTestable)
    #expect(result.modelAnswer == .agrees)
    let waiting = try #require(result.tables.first { $0.name == "waiting-checks" })
    #expect(waiting.rows.count == 3)
    let summary = try #require(result.tables.first { $0.name == "summary" })
    #expect(summary.rows.map(\.[0]) == ["static-random at 50%", "infobatch (defaults)"])
  }

  @Test func anUnreachedTargetDoesNotDecideAndRePBMeetsStaticRandom() throws {
    // The probes say InfoBatch cannot save 50%: no InfoBatch runs, none of its orderings; the
    // chain's consequence RePB >= static random decides instead.
    let unreached = RePB4Probes.Match(
      value: "0.9", predictedSaving: 0.44, interpolationError: 0, isReachable: false)
    let normal = try Self.repb4(Self.target(infoBatchMatch: unreached))
    #expect(normal.verdict == .holds)
    #expect(
      normal.decidingChecks.filter { $0.answer == .statement }.map(\.quantity)
        == ["accuracy, repb - static random"])
    #expect(!normal.checks.contains { $0.quantity.contains("infobatch") })
    #expect(normal.setting.contains { $0.1.hasPrefix("not reached") })
    // Static random beating RePB there: fails.
    NegativeControlTests.expectFlip(
      .noResampling, normal: normal,
      broken: try Self.repb4(Self.target(staticAccuracy: 0.95, infoBatchMatch: unreached)))
  }
}
