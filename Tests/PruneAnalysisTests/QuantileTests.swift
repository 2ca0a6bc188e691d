import Testing

@testable import PruneAnalysis

@Suite struct QuantileTests {
  let oneToTen = (1...10).map(Double.init)

  // GSL: δ = 9 f, Q = x_(⌊δ⌋) + (δ - ⌊δ⌋)(x_(⌊δ⌋+1) - x_(⌊δ⌋)), so Q(f) = 1 + 9 f on 1…10.
  @Test(arguments: [
    (0.0, 1.0), (0.25, 3.25), (0.5, 5.5), (0.75, 7.75), (0.9, 9.1), (1.0, 10.0), (0.1, 1.9),
  ])
  func quantilesOfOneToTen(fraction: Double, expected: Double) throws {
    let value = try Statistics.quantile(sorted: oneToTen, fraction: fraction)
    #expect(abs(value - expected) <= 1e-14)
    #expect(
      abs(try Statistics.quantile(oneToTen.reversed(), fraction: fraction) - expected)
        <= 1e-14)
  }

  @Test func medianOfEvenAndOddCounts() throws {
    #expect(try Statistics.median(oneToTen.reversed()) == 5.5)
    #expect(try Statistics.median([9, 1, 5, 3, 7, 2, 8, 4, 6]) == 5)
    #expect(try Statistics.quantiles(oneToTen, fractions: [0, 0.5, 1]) == [1, 5.5, 10])
  }

  @Test func rejectsUnsortedDataAndBadFractions() {
    #expect(throws: PruneAnalysisError.self) {
      try Statistics.quantile(sorted: [1, 3, 2], fraction: 0.5)
    }
    #expect(
      throws: PruneAnalysisError.outOfRange(
        parameter: "fraction", value: 1.5, allowed: "[0, 1]")
    ) {
      try Statistics.quantile(oneToTen, fraction: 1.5)
    }
    #expect(throws: PruneAnalysisError.self) { try Statistics.median([]) }
  }
}
