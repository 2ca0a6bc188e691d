import PruneCore
import PruneSignals
import Testing

@testable import PruneEngine

/// The one rule-driving loop (``RuleDriver``) on closure signals (``ClosureSignals``).
@Suite struct RuleDriverTests {
  @Test func reportsClosureLossesAndTheirMeanBeforeTraining() throws {
    let setup = try TrainingSetup(sampleCount: 5, batchSize: 2, plannedEpochs: 2)
    var rule = KeepAllRule(setup: setup)
    var trainedBatches: [[Int]] = []
    var source = ClosureSignals(
      sampleCount: 5, loss: { epoch, sample in Double(10 * epoch + sample) },
      train: { _, samples, _ in trainedBatches.append(Array(samples)) })
    var driver = RuleDriver()
    let plans = try driver.run(&rule, epochs: 0..<2, on: &source)
    #expect(plans.map(\.sampleCount) == [5, 5])
    #expect(trainedBatches == [[0, 1], [2, 3], [4], [0, 1], [2, 3], [4]])
    #expect(rule.reports[1].losses == [2, 3] && rule.reports[1].mean == 2.5)
    #expect(rule.reports[5].losses == [14] && rule.reports[5].mean == 14)
  }

  @Test func aMeanOnlySourceReportsNoPerSampleLosses() throws {
    let setup = try TrainingSetup(sampleCount: 4, batchSize: 4, plannedEpochs: 1)
    var rule = KeepAllRule(setup: setup, requiredSignals: .batchMeanLoss)
    var source = ClosureSignals(
      sampleCount: 4, loss: { _, sample in Double(sample) }, reportsPerSampleLosses: false)
    var driver = RuleDriver()
    try driver.runEpoch(&rule, epoch: 0, on: &source)
    #expect(rule.reports[0].losses == nil && rule.reports[0].mean == 1.5)
  }

  @Test func theStaticConvenienceIsTheSameLoop() throws {
    let setup = try TrainingSetup(sampleCount: 30, batchSize: 4, plannedEpochs: 4, seed: 9)
    var first = try InfoBatch(setup: setup)
    var second = first
    var source = ClosureSignals(sampleCount: 30, loss: { _, sample in Double(sample % 7) })
    var driver = RuleDriver()
    for epoch in 0..<4 {
      let plan = try driver.runEpoch(&first, epoch: epoch, on: &source)
      #expect(try RuleDriver.runEpoch(&second, epoch: epoch, lossOf: { Double($0 % 7) }) == plan)
    }
  }

  @Test func anEmptyPlanEndsItsEpochWithoutTouchingTheSource() throws {
    let setup = try TrainingSetup(sampleCount: 8, batchSize: 2, plannedEpochs: 6)
    var rule = DroppingBatchesRule(setup: setup)
    var began = 0
    var source = ClosureSignals(
      sampleCount: 8, statistic: { _, _, _ in 1 }, train: { _, _, _ in began += 1 })
    var driver = RuleDriver()
    let plans = try driver.run(&rule, epochs: 0..<5, on: &source)
    #expect(plans.map(\.batchCount) == [4, 3, 2, 1, 0])
    #expect(began == 4 + 3 + 2 + 1)
    #expect(rule.active == -1)  // the empty epoch was finished too
  }
}
