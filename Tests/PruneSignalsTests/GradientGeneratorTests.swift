import Glibc
import PruneCore
import Testing

@testable import PruneSignals

/// Pearson's r, written out (this target does not depend on PruneAnalysis).
private func pearson(_ x: [Double], _ y: [Double]) -> Double {
  let n = Double(x.count)
  let mx = x.reduce(0, +) / n
  let my = y.reduce(0, +) / n
  var sxy = 0.0
  var sxx = 0.0
  var syy = 0.0
  for (a, b) in zip(x, y) {
    sxy += (a - mx) * (b - my)
    sxx += (a - mx) * (a - mx)
    syy += (b - my) * (b - my)
  }
  return sxy / (sxx * syy).squareRoot()
}

/// Ranks 0…n-1 (all values distinct in these tests).
private func ranks(_ x: [Double]) -> [Double] {
  var result = [Double](repeating: 0, count: x.count)
  for (rank, index) in x.indices.sorted(by: { x[$0] < x[$1] }).enumerated() {
    result[index] = Double(rank)
  }
  return result
}

@Suite struct GradientGeneratorTests {
  /// Gamma-like positive losses, distinct, from a seeded generator.
  func losses(count: Int, seed: UInt64 = 1) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in -log(1 - generator.nextUnit()) + 0.01 }
  }

  func generator(coupling: Double, seed: UInt64 = 9) throws -> PerSampleGradientGenerator {
    PerSampleGradientGenerator(
      configuration: try PerSampleGradientConfiguration(
        dimension: 16, meanNorm: 1, noiseVariance: 0.25, lossCoupling: coupling, seed: seed))
  }

  /// c = 1: ‖g_i‖ = ρ̄ ℓ_i / ℓ̄ exactly, so r = 1 up to rounding.
  @Test func fullCouplingMakesNormsProportionalToLosses() throws {
    let l = losses(count: 2000)
    let g = try generator(coupling: 1).gradients(forLosses: l)
    let norms = g.norms
    #expect(pearson(norms, l) > 1 - 1e-12)
    let ratio = norms[0] / l[0]
    for (norm, loss) in zip(norms, l) { #expect(abs(norm / loss - ratio) <= 1e-12 * ratio) }
  }

  /// c = 0: norms are independent of the losses; with n = 2000 the correlation's standard error
  /// is 1/sqrt(n) ≈ 0.022, so |r| < 0.09 is a 4σ bound.
  @Test func zeroCouplingLeavesNormsIndependentOfLosses() throws {
    let l = losses(count: 2000)
    let norms = try generator(coupling: 0).gradients(forLosses: l).norms
    #expect(abs(pearson(norms, l)) < 0.09)
    #expect(abs(pearson(ranks(norms), ranks(l))) < 0.09)
  }

  /// c = -1: norms are exactly anti-monotone in the losses (Spearman -1); c = 0.5 lies between.
  @Test func negativeCouplingReversesTheRanking() throws {
    let l = losses(count: 500)
    let reversed = try generator(coupling: -1).gradients(forLosses: l).norms
    #expect(pearson(ranks(reversed), ranks(l)) < -1 + 1e-12)
    let half = pearson(try generator(coupling: 0.5).gradients(forLosses: l).norms, l)
    #expect(half > 0.5 && half < 0.999)
  }

  /// The mean norm ρ̄ does not depend on c (q_i averages to ρ̄ by construction).
  @Test(arguments: [-1.0, -0.3, 0.4, 1.0])
  func couplingKeepsTheMeanNorm(coupling: Double) throws {
    let l = losses(count: 300)
    let base = try generator(coupling: 0).gradients(forLosses: l).norms
    let coupled = try generator(coupling: coupling).gradients(forLosses: l).norms
    let meanBase = base.reduce(0, +) / 300
    let meanCoupled = coupled.reduce(0, +) / 300
    #expect(abs(meanCoupled - meanBase) <= 1e-12 * meanBase)
  }

  @Test func sameSeedSameBytesOtherStreamOtherDraws() throws {
    let l = losses(count: 64)
    let a = try generator(coupling: 0.7).gradients(forLosses: l, stream: 3)
    let b = try generator(coupling: 0.7).gradients(forLosses: l, stream: 3)
    #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
    #expect(a != (try generator(coupling: 0.7).gradients(forLosses: l, stream: 4)))
    #expect(a != (try generator(coupling: 0.7, seed: 10).gradients(forLosses: l, stream: 3)))
  }

  /// With c = 0 and μ = 0 the sample covariance of g estimates Σ = u uᵀ + diag(D).
  /// n = 20,000: the standard error of an entry is ≈ sqrt((Σ_ii Σ_jj + Σ_ij²)/n) ≤ 0.015 here;
  /// the bound 0.06 is 4σ.
  @Test func lowRankPlusDiagonalCovarianceIsReproduced() throws {
    let noise = try GradientNoise(diagonalVariances: [0.5, 1, 0.2], factors: [[1, -0.5, 0.3]])
    let configuration = try PerSampleGradientConfiguration(
      meanDirection: [0, 0, 0], noise: noise, lossCoupling: 0, seed: 4)
    let g = try PerSampleGradientGenerator(configuration: configuration)
      .gradients(forLosses: [Double](repeating: 1, count: 20_000))
    let expected = noise.covariance
    for (value, exact) in zip(expected, [1.5, -0.5, 0.3, -0.5, 1.25, -0.15, 0.3, -0.15, 0.29]) {
      #expect(abs(value - exact) < 1e-15)
    }
    #expect(abs(noise.trace - 3.04) < 1e-15)
    for row in 0..<3 {
      for column in 0..<3 {
        var sum = 0.0
        for sample in 0..<20_000 {
          sum += g.values[sample * 3 + row] * g.values[sample * 3 + column]
        }
        #expect(abs(sum / 20_000 - expected[row * 3 + column]) < 0.06, "entry \(row), \(column)")
      }
    }
  }

  @Test func weightedSumAndMean() {
    let g = PerSampleGradients(sampleCount: 3, dimension: 2, values: [1, 2, 3, 4, 5, 6])
    #expect(g.weightedSum() == [9, 12])
    #expect(g.mean == [3, 4])
    #expect(g.weightedSum(of: [0, 2], weights: [2, 0.5]) == [4.5, 7])
    #expect(g.gradient(1) == [3, 4])
    #expect(g.norms[1] == 5)
  }

  @Test func mirroringReversesTheLossRanking() {
    #expect(PerSampleGradientGenerator.mirroredByRank([3, 1, 2]) == [1, 3, 2])
    #expect(PerSampleGradientGenerator.mirroredByRank([5]) == [5])
  }

  @Test func rejectsBadSettings() throws {
    #expect(throws: PruneSignalsError.self) {
      try PerSampleGradientConfiguration(
        dimension: 4, meanNorm: 1, noiseVariance: 1, lossCoupling: 1.5)
    }
    #expect(throws: PruneSignalsError.self) {
      try PerSampleGradientConfiguration(
        meanDirection: [1, 2], noise: .isotropic(dimension: 3, variance: 1))
    }
    #expect(throws: PruneSignalsError.self) {
      try PerSampleGradientConfiguration(dimension: 2, meanNorm: 0, noiseVariance: 0)
    }
    #expect(throws: PruneSignalsError.self) {
      try GradientNoise(diagonalVariances: [1, -1])
    }
    let generator = try generator(coupling: 1)
    #expect(throws: PruneSignalsError.self) { try generator.gradients(forLosses: []) }
    #expect(throws: PruneSignalsError.self) { try generator.gradients(forLosses: [1, -2]) }
    #expect(throws: PruneSignalsError.self) { try generator.gradients(forLosses: [0, 0]) }
  }
}
