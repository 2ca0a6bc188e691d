import PruneCore
import PruneSignals
import Testing

@testable import PruneSweep

/// `prunelab calibrate`'s fit recovers the knobs of a log the synthetic learner generated, within
/// the intervals stated here (also stated in LearnerFit's documentation and on the stress page).
@Suite struct LearnerFitTests {
  static func log(
    _ configuration: LearnerConfiguration, samples: Int = 2_000, epochs: Int = 15, seed: UInt64 = 3
  ) throws -> LossLog {
    try FullDataLog.record(
      try SyntheticLearner(sampleCount: samples, configuration: configuration, seed: seed),
      epochs: epochs)
  }

  static func within(_ value: Double, _ truth: Double, relative: Double) -> Bool {
    abs(value - truth) <= relative * abs(truth)
  }

  @Test func recoversSpeedsDifficultyNoiseAndLabelNoise() throws {
    let truth = try LearnerConfiguration(
      globalSpeed: 0, difficulty: .logNormal(median: 1, sigma: 0.8), noiseLevel: 0.2,
      labelNoiseFraction: 0.1)
    let fit = try LearnerFit(log: try Self.log(truth))
    let c = fit.configuration
    #expect(Self.within(c.initialLoss, truth.initialLoss, relative: 0.02))
    #expect(Self.within(c.learningSpeed, 0.5, relative: 0.1))
    guard case .logNormal(let median, let sigma) = c.difficulty else {
      Issue.record("not log-normal: \(c.difficulty)")
      return
    }
    #expect(median == 1)
    #expect(Self.within(sigma, 0.8, relative: 0.1))
    #expect(Self.within(c.noiseLevel, 0.2, relative: 0.2))
    #expect(c.heavyTailDegrees == nil)
    #expect(abs(c.labelNoiseFraction - 0.1) <= 0.02)
    #expect(c.forgettingRate <= 0.02)
    // The per-sample fit flags the mislabelled samples themselves.
    let learner = try SyntheticLearner(sampleCount: 2_000, configuration: truth, seed: 3)
    let agree = (0..<2_000).filter { learner.isMislabelled($0) == fit.mislabelled[$0] }.count
    #expect(agree >= 1_960)
  }

  @Test func recoversForgetting() throws {
    let truth = try LearnerConfiguration(globalSpeed: 0, noiseLevel: 0.1, forgettingRate: 0.1)
    let fit = try LearnerFit(log: try Self.log(truth))
    #expect(fit.configuration.forgettingRate >= 0.05 && fit.configuration.forgettingRate <= 0.2)
    #expect(abs(fit.fittedRiseShare - fit.riseShare) <= 0.01)
  }

  @Test func recoversHeavyTails() throws {
    let truth = try LearnerConfiguration(globalSpeed: 0, noiseLevel: 0.1, heavyTailDegrees: 3)
    let fit = try LearnerFit(log: try Self.log(truth))
    let nu = try #require(fit.configuration.heavyTailDegrees)
    #expect(nu >= 2 && nu <= 6)
    #expect(Self.within(fit.configuration.noiseLevel, 0.1, relative: 0.25))
  }

  @Test func badLogsAreRefused() throws {
    let one = try LossLog(sampleCount: 3, losses: [1, 2, 3])
    #expect {
      try LearnerFit(log: one)
    } throws: { error in
      guard case .badCalibrationLog(let reason) = error as? PruneSweepError else { return false }
      return reason.contains("1 epoch") && reason.contains("at least 3")
    }
    let constant = try LossLog(sampleCount: 2, losses: [Double](repeating: 0.7, count: 8))
    #expect {
      try LearnerFit(log: constant)
    } throws: { error in
      guard case .badCalibrationLog(let reason) = error as? PruneSweepError else { return false }
      return reason.contains("constant")
    }
    let rising = try LossLog(sampleCount: 2, losses: [1, 1, 2, 2, 3, 3])
    #expect {
      try LearnerFit(log: rising)
    } throws: { error in
      guard case .badCalibrationLog(let reason) = error as? PruneSweepError else { return false }
      return reason.contains("does not fall")
    }
  }

  @Test func learnerFileRoundTripsAndChecksItsKnobs() throws {
    let configuration = try LearnerConfiguration(
      noiseLevel: 0.3, heavyTailDegrees: 4, labelNoiseFraction: 0.05, forgettingRate: 0.02)
    let text = LearnerFile.text(configuration, samples: 10, epochs: 3, source: "x.csv")
    #expect(try LearnerFile.parse(text, path: "f") == configuration)
    let gaussian = try LearnerConfiguration()
    #expect(try LearnerFile.parse(LearnerFile.text(gaussian), path: "f") == gaussian)
    #expect(throws: PruneSweepError.self) { try LearnerFile.parse("{}", path: "f") }
    #expect(throws: PruneSweepError.self) { try LearnerFile.parse("not json", path: "f") }
    let missing = text.replacingOccurrences(of: "\"noiseLevel\"", with: "\"noise\"")
    #expect {
      try LearnerFile.parse(missing, path: "f")
    } throws: { error in
      (error as? PruneSweepError)?.description.contains("\"noiseLevel\" is missing") == true
    }
    let outOfRange = text.replacingOccurrences(of: "0.05", with: "2")
    #expect(throws: PruneSignalsError.self) { try LearnerFile.parse(outOfRange, path: "f") }
  }
}
