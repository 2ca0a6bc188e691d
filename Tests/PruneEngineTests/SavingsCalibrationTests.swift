import PruneCore
import PruneSignals
import Foundation
import Testing

@testable import PruneEngine

@Suite struct SavingsCalibrationTests {
  @Test func bisectionHitsTheTargetWithinTheTolerance() throws {
    var calls: [Double] = []
    let result = try SavingsCalibration(target: 0.3, range: 0...1, tolerance: 1e-4)
      .solve { p in
        calls.append(p)
        return p * p
      }
    #expect(abs(result.savedFraction - 0.3) <= 1e-4)
    #expect(abs(result.parameter - 0.3.squareRoot()) < 1e-3)
    #expect(result.evaluations.map(\.parameter) == calls)
    #expect(calls.count <= 40)
    #expect(calls.allSatisfy { (0...1).contains($0) })
  }

  @Test func decreasingFunctionsWorkToo() throws {
    let result = try SavingsCalibration(target: 0.25, range: 0...2, tolerance: 1e-6)
      .solve { p in 1 - p / 2 }
    #expect(abs(result.parameter - 1.5) < 1e-5)
    #expect(abs(result.miss) <= 1e-6)
  }

  @Test func anEndWithinToleranceIsTakenAtOnce() throws {
    let result = try SavingsCalibration(target: 0.001, range: 0...1, tolerance: 0.005)
      .solve { $0 }
    #expect(result.parameter == 0)
    #expect(result.evaluations.count == 1)
  }

  @Test func logarithmicScaleBisectsInLogSpace() throws {
    // saved = log10(p) / 6 + 1 on [1e-6, 1]: the target 0.5 is at p = 1e-3.
    let result = try SavingsCalibration(
      target: 0.5, range: 1e-6...1, tolerance: 1e-9, scale: .logarithmic
    ).solve { p in log10(p) / 6 + 1 }
    #expect(abs(log10(result.parameter) + 3) < 1e-6)
    // The first midpoint is the geometric one.
    #expect(abs(result.evaluations[2].parameter - 1e-3) < 1e-12)
  }

  @Test func anUnreachableTargetNamesWhatTheRangeReaches() throws {
    let calibration = try SavingsCalibration(
      target: 0.9, range: 0...0.5, tolerance: 0.01, parameterName: "prune-ratio")
    #expect(
      throws: PruneEngineError.savingsUnreachable(
        parameter: "prune-ratio", target: 0.9, lowest: 0, highest: 0.25, range: 0...0.5)
    ) { try calibration.solve { $0 / 2 } }
    let message = PruneEngineError.savingsUnreachable(
      parameter: "prune-ratio", target: 0.9, lowest: 0, highest: 0.25, range: 0...0.5
    ).description
    #expect(message.contains("between 0.0 and 0.25"))
  }

  @Test func aNonMonotoneFunctionIsAnError() throws {
    // A bump in the middle: saved(0.5) = 2 lies above both ends.
    let calibration = try SavingsCalibration(target: 0.5, range: 0...1, tolerance: 0.01)
    #expect {
      try calibration.solve { p in p == 0.5 ? 2 : p }
    } throws: { error in
      guard case .savingsNotMonotone(let parameter, let detail) = error as? PruneEngineError
      else { return false }
      return parameter == "parameter" && detail.contains("saved(0.5) = 2.0")
    }
  }

  @Test func aJumpAcrossTheTargetRunsOutOfEvaluations() throws {
    let calibration = try SavingsCalibration(
      target: 0.5, range: 0...1, tolerance: 0.01, maximumEvaluations: 30)
    #expect {
      try calibration.solve { p in p < 0.37 ? 0.2 : 0.8 }
    } throws: { error in
      guard case .savingsNotResolved(_, let detail) = error as? PruneEngineError else {
        return false
      }
      return detail.contains("after 30 runs")
    }
  }

  @Test func badSettingsAreRefused() {
    #expect(throws: PruneEngineError.self) { try SavingsCalibration(target: 1.5, range: 0...1) }
    #expect(throws: PruneEngineError.self) {
      try SavingsCalibration(target: 0.5, range: 0...1, tolerance: 0)
    }
    #expect(throws: PruneEngineError.self) { try SavingsCalibration(target: 0.5, range: 1...1) }
    #expect(throws: PruneEngineError.self) {
      try SavingsCalibration(target: 0.5, range: 0...1, scale: .logarithmic)
    }
    #expect(throws: PruneEngineError.self) {
      try SavingsCalibration(target: 0.5, range: 0...1, maximumEvaluations: 2)
    }
    #expect(throws: PruneEngineError.self) {
      try SavingsCalibration(target: 0.5, range: 0...1).solve { _ in .nan }
    }
  }

  @Test func dynamicRandomMatchedToATargetOnSimulatedRuns() throws {
    let setup = try TrainingSetup(sampleCount: 400, batchSize: 32, plannedEpochs: 10, seed: 3)
    let learner = { try SyntheticLearner(sampleCount: 400, configuration: .init(), seed: 9) }
    let result = try SavingsCalibration(
      target: 0.3, range: 0...0.95, tolerance: 0.002, parameterName: "prune-ratio"
    ).solve(ruleNamed: "random", option: "prune-ratio", setup: setup, source: learner)
    #expect(abs(result.miss) <= 0.002)
    // Epoch 0 trains everything: saved = r (E - 1) / E up to flooring, so r ≈ 0.3 · 10 / 9.
    #expect(abs(result.parameter - 1 / 3) < 0.01)
    // Rerunning at the answer saves what the calibration says.
    var options = RuleOptions()
    try options.setValue("\(result.parameter)", forOption: "prune-ratio")
    var rule = try RuleCatalog.makeRule(named: "random", options: options, setup: setup)
    var source = try learner()
    let rerun = try SavingsCalibration.savedFraction(of: &rule, on: &source)
    #expect(rerun == result.savedFraction)
  }

  @Test func infoBatchRatioMatchedToARandomRunsSaving() throws {
    let setup = try TrainingSetup(sampleCount: 500, batchSize: 50, plannedEpochs: 8, seed: 1)
    let learner = { try SyntheticLearner(sampleCount: 500, configuration: .init(), seed: 2) }
    let result = try SavingsCalibration(
      target: 0.15, range: 0...0.9, tolerance: 0.005, parameterName: "prune-ratio"
    ).solve(ruleNamed: "infobatch", option: "prune-ratio", setup: setup, source: learner)
    #expect(abs(result.miss) <= 0.005)
    #expect(result.parameter > 0 && result.parameter < 0.9)
  }
}
