import Testing

@testable import PruneClaims

@Suite struct EndToEndStatisticsTests {
  @Test func meanAndSampleStandardDeviationByHand() {
    let s = SeedStatistics([0.8, 0.9, 1.0])
    #expect(abs(s.mean - 0.9) < 1e-12)
    // sum of squares 0.01 + 0 + 0.01 = 0.02, / (n - 1) = 0.01, sqrt = 0.1
    #expect(abs(s.standardDeviation - 0.1) < 1e-12)
    #expect(abs(s.standardError - 0.1 / 3.0.squareRoot()) < 1e-12)
  }

  @Test func oneSeedHasNoSpread() {
    let s = SeedStatistics([0.7])
    #expect(s.mean == 0.7)
    #expect(s.standardDeviation.isNaN)
    #expect(!SeedStatistics.isLossless(rule: s, full: s))
  }

  @Test(arguments: [(0.85, true), (0.8, true), (0.79, false), (0.95, true)])
  func losslessMeansWithinOneStandardDeviation(ruleMean: Double, expected: Bool) {
    // full: mean 0.9, std 0.1 -> lossless iff rule mean >= 0.8 (above full counts too)
    let full = SeedStatistics([0.8, 0.9, 1.0])
    let rule = SeedStatistics([ruleMean - 0.01, ruleMean + 0.01])
    #expect(SeedStatistics.isLossless(rule: rule, full: full) == expected)
  }

  @Test func losslessPointIsTheLargestLosslessSaving() {
    let full = SeedStatistics([0.8, 0.9, 1.0])
    let points: [(saved: Double, accuracy: SeedStatistics)] = [
      (0.2, SeedStatistics([0.9, 0.9])), (0.4, SeedStatistics([0.82, 0.84])),
      (0.6, SeedStatistics([0.7, 0.72])),
    ]
    #expect(SeedStatistics.losslessPoint(of: points, full: full) == 0.4)
    #expect(SeedStatistics.losslessPoint(of: Array(points.suffix(1)), full: full) == nil)
  }

  @Test func pairedDifferencesBySeed() {
    let d = SeedStatistics.pairedDifferences([0.9, 0.8, 0.7], [0.85, 0.8, 0.75])
    #expect(d.values.count == 3)
    #expect(abs(d.mean - 0) < 1e-12)
    #expect(abs(d.values[0] - 0.05) < 1e-12 && abs(d.values[2] + 0.05) < 1e-12)
  }

  @Test func orderingCheckVerdicts() {
    // mean difference 0.02 >= 0: holds
    let holds = EndToEndTables.atLeastCheck(
      setting: "s", quantity: "q", a: [0.91, 0.93], b: [0.9, 0.9])
    #expect(holds.verdict == .holds)
    // differences -0.1, -0.12: mean -0.11, se 0.01 -> -0.11 + 2 * 0.01 < 0: fails
    let fails = EndToEndTables.atLeastCheck(
      setting: "s", quantity: "q", a: [0.8, 0.78], b: [0.9, 0.9])
    #expect(fails.verdict == .fails)
    // differences -0.01, +0.005: mean -0.0025 within two standard errors: inconclusive
    let doubtful = EndToEndTables.atLeastCheck(
      setting: "s", quantity: "q", a: [0.89, 0.905], b: [0.9, 0.9])
    #expect(doubtful.verdict == .inconclusive)
    let vacuous = EndToEndTables.atLeastCheck(
      setting: "s", quantity: "q", a: [1, 1], b: [0, 0], isVacuous: true)
    #expect(vacuous.measured.isNaN && vacuous.verdict == .inconclusive)
  }

  @Test func matchedSavingCheckUsesItsTolerance() {
    let matched = EndToEndTables.equalCheck(
      setting: "s", quantity: "q", a: [0.33, 0.35], b: [0.30, 0.31], tolerance: 0.05,
      toleranceBasis: "test")
    #expect(matched.verdict == .holds)
    #expect(abs(matched.measured - 0.035) < 1e-12)
    let unmatched = EndToEndTables.equalCheck(
      setting: "s", quantity: "q", a: [0.5, 0.52], b: [0.3, 0.3], tolerance: 0.05,
      toleranceBasis: "test")
    #expect(unmatched.verdict == .fails)
    #expect(unmatched.basis.contains("tolerance 0.05: test"))
  }

  @Test func sameAccuracyToleranceIsTheReferenceSpread() {
    // reference sd = 0.01 sqrt 2; differences 0.004, 0.006: mean 0.005 within it.
    let same = EndToEndTables.sameAccuracyCheck(
      setting: "s", quantity: "q", candidate: [0.894, 0.916], reference: [0.89, 0.91],
      referenceName: "r")
    #expect(abs(same.tolerance - 0.01 * 2.0.squareRoot()) < 1e-12)
    #expect(same.verdict == .holds)
    let worse = EndToEndTables.sameAccuracyCheck(
      setting: "s", quantity: "q", candidate: [0.80, 0.81], reference: [0.89, 0.91],
      referenceName: "r")
    #expect(worse.verdict == .fails)
  }
}
