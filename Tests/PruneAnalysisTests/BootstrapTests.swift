import Testing
import PruneCore

@testable import PruneAnalysis

@Suite struct BootstrapTests {
  /// Coverage of the 95% percentile interval of the mean over 200 independent seeded trials
  /// (n = 40 draws from N(3, 2²), B = 400 resamples each).
  ///
  /// Why [0.90, 0.99]: for the mean the percentile interval is about
  /// x̄ ± 1.96 s sqrt((n-1)/n)/sqrt(n), whose true coverage at n = 40 is P(|t_39| < 1.935) ≈ 0.94.
  /// With 200 trials the observed rate has standard error sqrt(0.94 · 0.06 / 200) ≈ 0.017, so 0.90
  /// is 2.4 and 0.99 is 3 standard errors away. A broken interval (e.g. a 68% one, or one that
  /// ignores the resampling) falls outside.
  @Test func percentileIntervalCoversTheMeanAtAboutItsNominalRate() throws {
    let truth = 3.0
    let normal = try NormalDistribution(mean: truth, standardDeviation: 2)
    var covered = 0
    var widths = 0.0
    for trial in 0..<200 {
      var data = SeededGenerator(seed: 7, stream: UInt64(trial))
      let sample = normal.samples(count: 40, using: &data)
      var resampling = SeededGenerator(seed: 8, stream: UInt64(trial))
      let interval = try Bootstrap.percentileIntervalOfMean(
        sample, confidence: 0.95, resamples: 400, generator: &resampling)
      if interval.contains(truth) { covered += 1 }
      widths += interval.upper - interval.lower
    }
    let rate = Double(covered) / 200
    #expect(rate >= 0.90 && rate <= 0.99, "coverage \(rate)")
    // Mean width ≈ 2 · 1.96 · 2 / sqrt(40) ≈ 1.24.
    #expect(abs(widths / 200 - 1.24) < 0.1, "mean width \(widths / 200)")
  }

  @Test func sameSeedGivesTheSameInterval() throws {
    let values = (0..<30).map { Double($0 % 7) }
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    let a = try Bootstrap.percentileInterval(values, resamples: 200, generator: &first) {
      $0.reduce(0, +) / Double($0.count)
    }
    let b = try Bootstrap.percentileIntervalOfMean(values, resamples: 200, generator: &second)
    #expect(a == b)
    #expect(a.lower < a.estimate && a.estimate < a.upper)
  }

  @Test func rejectsBadParameters() {
    var generator = SeededGenerator(seed: 1)
    #expect(throws: PruneAnalysisError.self) {
      try Bootstrap.percentileIntervalOfMean([1, 2, 3], confidence: 1, generator: &generator)
    }
    #expect(throws: PruneAnalysisError.self) {
      try Bootstrap.percentileIntervalOfMean([1, 2, 3], resamples: 2, generator: &generator)
    }
    #expect(throws: PruneAnalysisError.self) {
      try Bootstrap.percentileIntervalOfMean([1], generator: &generator)
    }
  }
}
