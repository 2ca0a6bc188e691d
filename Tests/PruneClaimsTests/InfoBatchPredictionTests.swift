import Glibc
import PruneCore
import Testing
import _PruneTestSupport

@testable import PruneClaims

/// Hand-computed values of the InfoBatch claims' prediction math.
@Suite struct InfoBatchPredictionTests {
  /// Losses [0.1, 0.2, 1.0, 2.7] have mean 1.0, so the candidates are samples 0 and 1; with
  /// one-dimensional gradients [1, 2, 3, 4], G_C = 3 and T = 10.
  static let losses = [0.1, 0.2, 1.0, 2.7]
  static let field = GradientField(losses: losses, gradients: [1, 2, 3, 4], dimension: 1)

  func bias(_ scheme: IB1Scheme, keepRatio: Double = 0.5) -> Double {
    let kept = Int(keepRatio * 2)
    return scheme.expectedBias(
      keepRatio: keepRatio, candidateCount: 2, keptCandidates: kept, keptRandom: 2,
      sampleCount: 4, candidateSum: [3], total: [10])[0]
  }

  @Test func candidatesAreStrictlyBelowTheMean() {
    #expect(Self.field.candidates == [true, true, false, false])
    #expect(Self.field.sum { Self.field.candidates[$0] } == [3])
  }

  @Test func hardPruningMissesTheCandidateSum() {
    // Σ_{D∖C} g − T = 7 − 10 = −3 = −G_C (Eq. 11).
    #expect(bias(.hard) == -3)
    let isCandidate = Self.field.candidates
    let hard = Self.field.sum { !isCandidate[$0] }
    #expect(hard[0] - 10 == bias(.hard))
  }

  @Test func unrescaledMissesThePrunedShare() {
    // k = floor(0.5 · 2) = 1 of 2 candidates kept: −(1 − 1/2) · 3 = −1.5.
    #expect(bias(.unrescaled) == -1.5)
  }

  @Test func rescaledIsUnbiasedWhenTheCountIsExact() {
    #expect(bias(.rescaledExactCount) == 0)
    #expect(bias(.rescaledBernoulli) == 0)
    // keep 0.7 of 2 candidates: k = 1, factor 1/(0.7 · 2) − 1 = −2/7.
    let floorBias = IB1Scheme.rescaledExactCount.expectedBias(
      keepRatio: 0.7, candidateCount: 2, keptCandidates: 1, keptRandom: 2, sampleCount: 4,
      candidateSum: [3], total: [10])[0]
    #expect(Tolerance.isClose(floorBias, (1 / 1.4 - 1) * 3))
  }

  @Test func randomPruningShrinksTheWholeSum() {
    #expect(bias(.random) == -5)
  }

  @Test func residualOfAWorkedExample() {
    // Scores [0, 2, 4, 10]: mean 4, C = {0, 2}; keep one with weight 2: the estimate is
    // 14 + 0 or 14 + 4 against 16, a residual of ±2, RMS 2, relative 2/16.
    let residual = InfoBatchResidual(
      scores: [0, 2, 4, 10], keepRatio: 0.5, keptCandidates: { Int(0.5 * Double($0)) })
    #expect(residual.candidateFraction == 0.5)
    #expect(Tolerance.isClose(residual.relativeRMS, 0.125))
  }

  @Test func horizonResolution() {
    let expected = Glibc.log(1e8 / 2) / 200
    #expect(
      Tolerance.isClose(IB3RescalingLimit.horizonResolution(steps: 100, dimension: 4), expected))
  }

  @Test func sortExponentPrediction() {
    let exponent = IB5SelectionOverhead.Operation.sort.predictedExponent(from: 1 << 10, to: 1 << 20)
    // log(20/10)/log(2^10) + 1
    #expect(Tolerance.isClose(exponent, 1 + Glibc.log(2) / Glibc.log(1024)))
    #expect(IB5SelectionOverhead.Operation.meanThreshold.predictedExponent(from: 10, to: 100) == 1)
  }

  @Test(arguments: [1, 2, 7, 100, 1001])
  func quickselectAgreesWithSorting(count: Int) {
    var generator = SeededGenerator(seed: UInt64(count))
    let values = (0..<count).map { _ in generator.nextUnit() < 0.2 ? 0.5 : generator.nextUnit() }
    let sorted = values.sorted()
    for rank in Set([0, count / 2, count - 1]) {
      var copy = values
      #expect(
        SelectionKernels.select(rank: rank, in: &copy, generator: &generator).value
          == sorted[rank])
    }
    #expect(SelectionKernels.meanThresholdCount([1, 1, 1, 3]).value == 3)
  }

  /// Hand-counted operations (claims.md "IB-5"): the mean threshold reads each score twice;
  /// quickselect on two scores makes one comparison per scan whichever pivot it draws;
  /// sorting n sorted scores by insertion takes n − 1 comparisons, reversed ones n(n − 1)/2.
  @Test func handCountedOperations() {
    #expect(SelectionKernels.meanThresholdCount([1, 1, 1, 3]).operations == 8)
    for seed in UInt64(0)..<4 {
      var generator = SeededGenerator(seed: seed)
      var pair = [2.0, 1.0]
      let counted = SelectionKernels.select(rank: 0, in: &pair, generator: &generator)
      #expect(counted.value == 1)
      #expect(counted.operations == 2)
    }
    var single = [5.0]
    var generator = SeededGenerator(seed: 1)
    #expect(SelectionKernels.select(rank: 0, in: &single, generator: &generator).operations == 0)
    // Merge sort: [1],[2] and [3],[4] take one comparison each; merging [1,2] with [3,4] two.
    var sorted = [1.0, 2, 3, 4]
    #expect(SelectionKernels.sortedRank(rank: 0, in: &sorted).operations == 4)
    // [1,3] with [2,4] takes three (1:2, 3:2, 3:4): the worst case 4·2 − 4 + 1 = 5 in all.
    var interleaved = [1.0, 3, 2, 4]
    let sortedInterleaved = SelectionKernels.sortedRank(rank: 1, in: &interleaved)
    #expect(sortedInterleaved.value == 2)
    #expect(interleaved == [1, 2, 3, 4])
    #expect(sortedInterleaved.operations == 5)
    #expect(SelectionKernels.mergeSortWorstCase(4) == 5)
    // log2(4!) / 4 = log2(24) / 4.
    #expect(Tolerance.isClose(SelectionKernels.sortLowerBoundPerElement(4), Glibc.log2(24) / 4))
  }

  /// Any comparison sort needs at least log2(n!) comparisons on some input, and on average over
  /// inputs; the counted merge sort of random scores stays above (5% below allowed for one
  /// input) the bound and never exceeds its worst case.
  @Test(arguments: [64, 1_000])
  func sortCountWithinBounds(count: Int) {
    var generator = SeededGenerator(seed: UInt64(count))
    var values = (0..<count).map { _ in generator.nextUnit() }
    let comparisons = Double(SelectionKernels.sortedRank(rank: 0, in: &values).operations)
    let n = Double(count)
    #expect(comparisons >= SelectionKernels.sortLowerBoundPerElement(count) * n * 0.95)
    #expect(comparisons <= Double(SelectionKernels.mergeSortWorstCase(count)))
    #expect(values == values.sorted())
  }

  /// Exponent of the counts: 2N reads grow with exponent exactly 1.
  @Test func meanCountExponentIsOne() {
    let small = SelectionKernels.meanThresholdCount(Array(repeating: 1, count: 10)).operations
    let large = SelectionKernels.meanThresholdCount(Array(repeating: 1, count: 100)).operations
    #expect(Glibc.log(Double(large) / Double(small)) / Glibc.log(10) == 1)
  }
}
