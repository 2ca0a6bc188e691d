import Glibc
import Testing
import _PruneTestSupport
import PruneCore

@testable import PruneAnalysis

@Suite struct DistributionTests {
  @Test func gaussianCDFAndQuantileAtKnownPoints() throws {
    let standard = try NormalDistribution()
    #expect(Tolerance.isClose(standard.cdf(1.96), 0.9750021048517795, relative: 1e-12))
    #expect(Tolerance.isClose(standard.cdf(0), 0.5, relative: 1e-15))
    #expect(Tolerance.isClose(try standard.quantile(0.975), 1.959963984540054, relative: 1e-12))
    let shifted = try NormalDistribution(mean: 10, standardDeviation: 2)
    #expect(Tolerance.isClose(shifted.cdf(10 + 2 * 1.96), 0.9750021048517795, relative: 1e-12))
    #expect(
      Tolerance.isClose(
        shifted.density(10), 1 / (2 * (2 * Double.pi).squareRoot()),
        relative: 1e-14))
  }

  @Test func studentTAtKnownPoints() throws {
    // ν = 1 is Cauchy: F(1) = 3/4. ν = 2: F(t) = 1/2 + t / (2 sqrt(2 + t²)).
    #expect(
      Tolerance.isClose(
        try StudentTDistribution(degreesOfFreedom: 1).cdf(1), 0.75,
        relative: 1e-14))
    #expect(
      Tolerance.isClose(
        try StudentTDistribution(degreesOfFreedom: 2).cdf(1),
        0.5 + 1 / (2 * 3.0.squareRoot()), relative: 1e-14))
    // Table value t_{0.975, 10} = 2.228139 (6 decimals).
    let ten = try StudentTDistribution(degreesOfFreedom: 10)
    #expect(abs(try ten.quantile(0.975) - 2.228139) < 5e-7)
    #expect(Tolerance.isClose(ten.cdf(try ten.quantile(0.3)), 0.3, relative: 1e-10))
    #expect(ten.variance == 10.0 / 8)
  }

  @Test func gammaAtKnownPoints() throws {
    // Shape 2, scale 1: F(x) = 1 - (1 + x) e^{-x}; shape 1, scale 2 is exponential with mean 2.
    let erlang = try GammaDistribution(shape: 2, scale: 1)
    #expect(Tolerance.isClose(erlang.cdf(1), 1 - 2 / M_E, relative: 1e-13))
    #expect(Tolerance.isClose(erlang.cdf(3), 1 - 4 * exp(-3), relative: 1e-13))
    let exponential = try GammaDistribution(shape: 1, scale: 2)
    #expect(Tolerance.isClose(exponential.cdf(2), 1 - exp(-1), relative: 1e-13))
    #expect(Tolerance.isClose(try exponential.quantile(0.5), 2 * log(2), relative: 1e-10))
  }

  @Test func logNormalAndBinomialAtKnownPoints() throws {
    let logNormal = try LogNormalDistribution(logMean: 1, logStandardDeviation: 0.5)
    #expect(Tolerance.isClose(logNormal.cdf(M_E), 0.5, relative: 1e-14))
    #expect(
      Tolerance.isClose(
        logNormal.cdf(exp(1 + 0.5 * 1.96)), 0.9750021048517795,
        relative: 1e-12))
    #expect(Tolerance.isClose(try logNormal.quantile(0.5), M_E, relative: 1e-12))
    let binomial = try BinomialDistribution(trials: 10, probability: 0.5)
    #expect(Tolerance.isClose(binomial.cdf(5), 638.0 / 1024, relative: 1e-13))
    #expect(Tolerance.isClose(binomial.probabilityMass(5), 252.0 / 1024, relative: 1e-13))
    #expect(try binomial.quantile(0.5) == 5)
    #expect(try binomial.quantile(0) == 0)
    #expect(try binomial.quantile(1) == 10)
    #expect(binomial.cdf(-1) == 0 && binomial.cdf(10) == 1)
  }

  /// The sample mean of 20,000 seeded draws lies within 5 standard errors of the true mean.
  @Test func sampleMeansMatchTheDistributions() throws {
    let distributions: [any ContinuousDistribution] = [
      try NormalDistribution(mean: -1, standardDeviation: 3),
      try StudentTDistribution(degreesOfFreedom: 5, location: 2, scale: 0.5),
      try GammaDistribution(shape: 0.7, scale: 2),
      try LogNormalDistribution(logMean: 0, logStandardDeviation: 0.4),
    ]
    for (index, distribution) in distributions.enumerated() {
      var generator = SeededGenerator(seed: 99, stream: UInt64(index))
      let draws = distribution.samples(count: 20_000, using: &generator)
      let moments = try Moments(draws)
      let standardError = (distribution.variance / 20_000).squareRoot()
      #expect(abs(moments.mean - distribution.mean) < 5 * standardError, "\(distribution)")
      #expect(abs(moments.variance / distribution.variance - 1) < 0.1, "\(distribution)")
    }
    let binomial = try BinomialDistribution(trials: 200, probability: 0.3)
    var generator = SeededGenerator(seed: 5)
    let counts = (0..<20_000).map { _ in Double(binomial.sample(using: &generator)) }
    #expect(abs(try Statistics.mean(counts) - 60) < 5 * (42.0 / 20_000).squareRoot())
  }

  @Test func samplingIsDeterministicAndAdvancesTheGenerator() throws {
    let gamma = try GammaDistribution(shape: 2.5, scale: 1)
    var first = SeededGenerator(seed: 3)
    var second = SeededGenerator(seed: 3)
    let a = gamma.samples(count: 50, using: &first)
    let b = gamma.samples(count: 50, using: &second)
    #expect(a == b)
    #expect(first == second)
    #expect(first != SeededGenerator(seed: 3))
    #expect(Set(a).count == 50)
  }

  @Test func rejectsBadParameters() {
    #expect(throws: PruneAnalysisError.self) { try NormalDistribution(standardDeviation: 0) }
    #expect(throws: PruneAnalysisError.self) { try StudentTDistribution(degreesOfFreedom: -1) }
    #expect(throws: PruneAnalysisError.self) { try GammaDistribution(shape: .nan) }
    #expect(throws: PruneAnalysisError.self) {
      try BinomialDistribution(trials: 3, probability: 1.2)
    }
    #expect(throws: PruneAnalysisError.self) { try NormalDistribution().quantile(-0.1) }
  }
}
