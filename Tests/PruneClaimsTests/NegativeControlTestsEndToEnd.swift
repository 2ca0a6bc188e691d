import Testing

@testable import PruneClaims

/// Negative controls of the end-to-end claims (issue 9): each claim's checks are computed from
/// made-up runs (``SyntheticRuns``) once as the paper says they should come out and once with
/// one thing broken — an ordering reversed, a saving that does not match, a selection that costs
/// 5% of an epoch — and the verdict must flip to `fails`. Training-free, so each runs in
/// milliseconds.
@Suite struct NegativeControlTestsEndToEnd {
  typealias Runs = SyntheticRuns

  // MARK: BLS-5

  static func bls5(blsAccuracy: Double = 0.899, blsSaved: Double = 0.305) throws -> ClaimResult {
    let pair = BLS5DropInEquivalence.Pair(
      loss: RuleChoice(label: "infobatch loss", ruleName: "infobatch"),
      lossRuns: Runs.runs(
        "infobatch loss", accuracies: Runs.around(0.90, spread: 0.004), saved: Runs.constant(0.30)),
      bls: RuleChoice(label: "infobatch bls", ruleName: "infobatch", options: [("score", "bls")]),
      blsRuns: Runs.runs(
        "infobatch bls", accuracies: Runs.around(blsAccuracy), saved: Runs.constant(blsSaved)))
    return BLS5DropInEquivalence().result([pair], workload: try Runs.workload())
  }

  // MARK: BLS-6

  static func bls6(
    blsAccuracy: Double = 0.899, blsSaved: Double = 0.155, randomAccuracy: Double = 0.89
  ) throws -> ClaimResult {
    let seta = Runs.runs(
      "seta", accuracies: Runs.around(0.90, spread: 0.004), saved: Runs.constant(0.15))
    let bls = Runs.runs(
      "seta+bls", accuracies: Runs.around(blsAccuracy), saved: Runs.constant(blsSaved))
    let workload = try Runs.workload()
    let random = BLS6SeTaHostAndRandom.random(savingOf: bls, epochs: workload.epochs)
    let randomRuns = Runs.runs(
      random.label, accuracies: Runs.around(randomAccuracy, spread: 0.003),
      saved: Runs.constant(blsSaved))
    return BLS6SeTaHostAndRandom().result(
      seta: seta, setaBLS: bls, random: (random, randomRuns), workload: workload)
  }

  @Test func bls6RandomBeatsBLSFailsOneCheckAndSaysSo() throws {
    let normal = try Self.bls6()
    #expect(normal.decidingChecks.count == 3 && normal.sanityChecks.count == 1)
    let broken = try Self.bls6(randomAccuracy: 0.95)
    #expect(broken.decidingChecks.filter { $0.verdict == .fails }.count == 1)
    #expect(broken.discussion.contains("random beats it"))
  }

  @Test func bls6RandomRatioFollowsTheMeasuredSaving() throws {
    // saved 0.155 over E = 10 epochs (epoch 0 full): r = 0.155 x 10 / 9 = 0.1722.
    let bls = Runs.runs("seta+bls", accuracies: [0.9, 0.9], saved: [0.15, 0.16])
    let random = BLS6SeTaHostAndRandom.random(savingOf: bls, epochs: 10)
    #expect(random.options == [RuleChoice.Pair(name: "prune-ratio", value: "0.1722")])
  }

  // MARK: X-1

  static func x1(infoBatchAccuracy: Double = 0.899, randomAccuracy: Double = 0.85) throws
    -> ClaimResult
  {
    let full = Runs.runs(
      "full data", accuracies: Runs.around(0.90, spread: 0.004, seeds: 5),
      saved: Runs.constant(0, seeds: 5))
    let rule = { (name: String, label: String, accuracy: Double) in
      X1LosslessFrontier.Rule(
        name: name,
        settings: [
          (
            RuleChoice(label: label, ruleName: name),
            Runs.runs(label, accuracies: Runs.around(accuracy), saved: Runs.constant(0.3))
          )
        ])
    }
    return try X1LosslessFrontier().result(
      full: full,
      rules: [
        rule("infobatch", "infobatch (defaults)", infoBatchAccuracy),
        rule("random", "random at infobatch's saving", randomAccuracy),
      ], workload: try Runs.workload())
  }

  @Test func x1RandomIsAControlThatDoesNotDecide() throws {
    // Random well below full data is the control: shown, not deciding.
    let normal = try Self.x1()
    #expect(normal.verdict == .holds)
    #expect(normal.checks.contains { !$0.expectedToHold && $0.verdict == .fails })
  }

  // MARK: X-2

  static func x2(
    selectionShare: Double = 1e-4, fixedEpochSeconds: Double = 0
  ) throws -> ClaimResult {
    let full = Runs.runs(
      "full data", accuracies: Runs.around(0.9), saved: Runs.constant(0),
      fixedEpochSeconds: fixedEpochSeconds, selectionShare: 0)
    let rule = RuleChoice(label: "infobatch", ruleName: "infobatch")
    let runs = Runs.runs(
      "infobatch", accuracies: Runs.around(0.9), saved: Runs.constant(0.3),
      fixedEpochSeconds: fixedEpochSeconds, selectionShare: selectionShare)
    return try X2WallClock().result(
      rules: [rule], full: full, runs: [runs], repetitions: 1, workload: try Runs.workload())
  }

  // MARK: The flips

  /// One negative control: the claim's result as the paper says it should come out (`normal`,
  /// which must hold) and with one thing broken (`broken`, which must fail).
  struct Flip: Sendable, CustomTestStringConvertible {
    let name: String
    /// The fault the broken runs stand for.
    let fault: Fault
    let normal: @Sendable () throws -> ClaimResult
    let broken: @Sendable () throws -> ClaimResult

    var testDescription: String { name }
  }

  static let flips = [
    Flip(
      name: "BLS-5: BLS loses accuracy", fault: .scoresShuffled, normal: { try bls5() },
      broken: { try bls5(blsAccuracy: 0.80) }),
    Flip(
      name: "BLS-5: BLS changes the saving", fault: .scoresShuffled, normal: { try bls5() },
      broken: { try bls5(blsSaved: 0.20) }),
    Flip(
      name: "BLS-6: random beats BLS", fault: .scoresShuffled, normal: { try bls6() },
      broken: { try bls6(randomAccuracy: 0.95) }),
    Flip(
      name: "BLS-6: SeTa+BLS loses accuracy", fault: .scoresShuffled, normal: { try bls6() },
      broken: { try bls6(blsAccuracy: 0.85) }),
    Flip(
      name: "BLS-6: SeTa+BLS changes the saving", fault: .scoresShuffled,
      normal: { try bls6() }, broken: { try bls6(blsSaved: 0.25) }),
    Flip(
      name: "X-1: InfoBatch not lossless", fault: .rescalingRemoved, normal: { try x1() },
      broken: { try x1(infoBatchAccuracy: 0.80) }),
    Flip(
      name: "X-2: selection costs 5% of an epoch", fault: .wrongModel, normal: { try x2() },
      broken: { try x2(selectionShare: 0.05) }),
    // Half an epoch of fixed cost per epoch, which pruning does not save: saved time 0.2
    // against 0.3 saved iterations.
    Flip(
      name: "X-2: time not proportional to iterations", fault: .assumptionBroken,
      normal: { try x2() }, broken: { try x2(fixedEpochSeconds: 0.5) }),
  ]

  @Test(arguments: flips) func theBrokenRunsFail(_ flip: Flip) throws {
    let normal = try flip.normal()
    #expect(normal.verdict == .holds)
    NegativeControlTests.expectFlip(flip.fault, normal: normal, broken: try flip.broken())
  }
}
