import Glibc
import Testing
import _PruneTestSupport

@testable import PruneAnalysis

@Suite struct MomentsTests {
  // x = 2,4,4,4,5,5,7,9: mean 5, Σ(x-5)² = 32, Σ(x-5)³ = 42, Σ(x-5)⁴ = 356 (by hand).
  let sample: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]

  @Test func momentsOfAKnownSample() throws {
    let moments = try Moments(sample)
    let variance = 32.0 / 7
    #expect(moments.count == 8)
    #expect(moments.mean == 5)
    #expect(Tolerance.isClose(moments.variance, variance, relative: 1e-15))
    #expect(Tolerance.isClose(moments.standardDeviation, variance.squareRoot(), relative: 1e-15))
    #expect(Tolerance.isClose(moments.skewness, (42.0 / 8) / pow(variance, 1.5), relative: 1e-14))
    #expect(
      Tolerance.isClose(
        moments.kurtosis, (356.0 / 8) / (variance * variance) - 3,
        relative: 1e-14))
    #expect(try Statistics.mean(sample) == 5)
    #expect(Tolerance.isClose(try Statistics.variance(sample), variance, relative: 1e-15))
  }

  @Test func constantSampleHasZeroSpreadAndShape() throws {
    let moments = try Moments([3, 3, 3])
    #expect(moments.variance == 0)
    #expect(moments.skewness == 0)
    #expect(moments.kurtosis == 0)
  }

  @Test func rejectsTooFewAndNonFiniteValues() {
    #expect(throws: PruneAnalysisError.tooFewValues(function: "variance", count: 1, minimum: 2)) {
      try Statistics.variance([1])
    }
    #expect(throws: PruneAnalysisError.nonFiniteValue(function: "mean", index: 1, value: .infinity))
    {
      try Statistics.mean([1, .infinity])
    }
    #expect(throws: PruneAnalysisError.self) { try Moments([1, .nan, 2]) }
  }

  @Test func weightedMomentsByHand() throws {
    // x = 1,2,3, w = 1,1,2: μ = 9/4; Σw(x-μ)² = 2.75; factor Σw/((Σw)² - Σw²) = 4/10.
    #expect(try Statistics.weightedMean([1, 2, 3], weights: [1, 1, 2]) == 2.25)
    #expect(
      Tolerance.isClose(
        try Statistics.weightedVariance([1, 2, 3], weights: [1, 1, 2]), 1.1, relative: 1e-15))
    // Equal weights give the unbiased variance.
    #expect(
      Tolerance.isClose(
        try Statistics.weightedVariance(sample, weights: Array(repeating: 0.5, count: 8)),
        32.0 / 7, relative: 1e-14))
  }

  @Test func weightedMomentsRejectBadWeights() {
    #expect(throws: PruneAnalysisError.self) { try Statistics.weightedMean([1, 2], weights: [1]) }
    #expect(throws: PruneAnalysisError.self) {
      try Statistics.weightedMean([1, 2], weights: [1, -1])
    }
    #expect(throws: PruneAnalysisError.self) {
      try Statistics.weightedMean([1, 2], weights: [0, 0])
    }
    #expect(throws: PruneAnalysisError.self) {
      try Statistics.weightedVariance([1, 2, 3], weights: [0, 0, 1])
    }
  }
}

@Suite struct ColumnStatisticsTests {
  /// Rows (1, 10), (2, 20), (3, 30), (4, 40): column means 2.5 and 25, variances 5/3 and 500/3.
  @Test func columnMeansAndVariancesUseTheStride() throws {
    let matrix: [Double] = [1, 10, 2, 20, 3, 30, 4, 40]
    #expect(try Statistics.columnMeans(matrix, columns: 2) == [2.5, 25])
    let variances = try Statistics.columnVariances(matrix, columns: 2)
    #expect(Tolerance.isClose(variances[0], 5.0 / 3, relative: 1e-15))
    #expect(Tolerance.isClose(variances[1], 500.0 / 3, relative: 1e-15))
    #expect(throws: PruneAnalysisError.self) { try Statistics.columnMeans(matrix, columns: 3) }
    #expect(throws: PruneAnalysisError.self) { try Statistics.columnVariances([1, 2], columns: 2) }
  }
}
