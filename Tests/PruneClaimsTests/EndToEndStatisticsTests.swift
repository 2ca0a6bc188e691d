import Foundation
import PruneCore
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

  @Test func aTieInAccuracyIsZeroNotRoundingNoise() {
    // BLS-6 in the quick profile: 600 test samples, equal summed correct counts (1407 each).
    // The doubles' mean difference is -3.7e-17; the ordering must hold, as for an exact tie.
    let a = [452.0 / 600, 474.0 / 600, 481.0 / 600]
    let b = [483.0 / 600, 460.0 / 600, 464.0 / 600]
    let difference = SeedStatistics.pairedDifferences(a, b)
    #expect(difference.unroundedMean != 0)
    #expect(difference.mean == 0)
    let check = EndToEndTables.atLeastCheck(setting: "s", quantity: "q", a: a, b: b)
    #expect(check.verdict == .holds)
    #expect(PageNumber.measuredAndDifference(of: check).measured == "0.000")
    // One test sample fewer on one seed is a real shortfall: inconclusive within 2 SE.
    let short = [451.0 / 600] + a.dropFirst()
    let shortfall = EndToEndTables.atLeastCheck(setting: "s", quantity: "q", a: short, b: b)
    #expect(abs(shortfall.measured + 1.0 / 1800) < 1e-15)
    #expect(shortfall.verdict == .inconclusive)
  }

  @Test func tiedCountsGiveZeroOnThousandsOfSeeds() {
    var generator = SplitMix64(state: 9)
    for _ in 0..<5000 {
      let n = Int.random(in: 2...6, using: &generator)
      let tests = [600, 1000, 10_000].randomElement(using: &generator) ?? 600
      let a = (0..<n).map { _ in Int.random(in: 0...tests, using: &generator) }
      var b = a.shuffled(using: &generator)
      let move = Int.random(in: 0...min(b[0], tests - b[1]), using: &generator)
      b[0] -= move
      b[1] += move  // same sum, other seeds
      let fractions = { (counts: [Int]) in counts.map { Double($0) / Double(tests) } }
      let difference = SeedStatistics.pairedDifferences(fractions(a), fractions(b))
      #expect(difference.mean == 0)
      var c = a
      c[0] += c[0] < tests ? 1 : -1  // one test sample apart: never snapped
      #expect(SeedStatistics.pairedDifferences(fractions(c), fractions(a)).mean != 0)
    }
  }

  @Test func theRowPrintsTheGapThatDecided() {
    // Tolerance 0, a shortfall of 0.0002 against an SE of 0.026: rounded to the SE it reads
    // "-0.000" (a tie that holds); the row shows "-2e-04" beside "inconclusive".
    let check = ClaimCheck(
      setting: "s", quantity: "q", measured: -0.0002, predicted: 0, uncertainty: 0.026,
      tolerance: 0, comparison: .atLeast)
    #expect(check.verdict == .inconclusive)
    let shown = PageNumber.measuredAndDifference(of: check)
    #expect(shown.measured == "-2e-04" && shown.difference == "-2e-04")
    // A gain of 0.0002 holds and keeps the rounding the uncertainty supports.
    let gain = ClaimCheck(
      setting: "s", quantity: "q", measured: 0.0002, predicted: 0, uncertainty: 0.026,
      tolerance: 0, comparison: .atLeast)
    #expect(PageNumber.measuredAndDifference(of: gain).measured == "0.000")
  }

  @Test func printedNumbersReadAsTheVerdictOnRandomChecks() throws {
    var generator = SplitMix64(state: 4)
    let comparisons: [Comparison] = [.equal, .atMost, .atLeast, .relative]
    for _ in 0..<5000 {
      let scale = Double.random(in: -4...0, using: &generator)
      let u = Double.random(in: 0...1, using: &generator) * pow10(scale)
      let predictions: [Double] = [0, 0.5, Double.random(in: -1...1, using: &generator)]
      let predicted = predictions.randomElement(using: &generator) ?? 0
      let tolerances: [Double] = [0, u / 3, 0.01]
      let tolerance = tolerances.randomElement(using: &generator) ?? 0
      let measured = predicted + Double.random(in: -3...3, using: &generator) * (u + tolerance)
      let comparison = comparisons.randomElement(using: &generator) ?? .equal
      let check = ClaimCheck(
        setting: "s", quantity: "q", measured: measured, predicted: predicted, uncertainty: u,
        tolerance: tolerance, comparison: comparison)
      let shown = PageNumber.measuredAndDifference(of: check)
      let value = try #require(Double(shown.measured))
      let gap = try #require(Double(shown.difference))
      for reading in [value, predicted + gap] {
        #expect(
          comparison.verdict(
            measured: reading, predicted: predicted, uncertainty: u, tolerance: tolerance)
            == check.verdict, "\(check) printed \(shown)")
      }
    }
  }

  private func pow10(_ exponent: Double) -> Double { Foundation.pow(10, exponent) }

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
