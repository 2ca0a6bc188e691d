import Testing
import _PruneTestSupport
@testable import PruneCore

@Suite struct SeTaTests {
  @Test func pythonRoundingIsHalfToEven() {
    #expect(PythonRounding.roundHalfToEven(4.5) == 4)
    #expect(PythonRounding.roundHalfToEven(2.5) == 2)
    #expect(PythonRounding.roundHalfToEven(3.5) == 4)
    #expect(PythonRounding.roundHalfToEven(5.4) == 5)
    #expect(PythonRounding.roundHalfToEven(6.0) == 6)
  }

  @Test func cifarWindowIsFourWithSlideOne() throws {
    // algorithms.md §3: 5 groups x 0.9 = 4.5 -> 4 (Swift's .rounded() would give 5), slide 1.
    let configuration = try SeTaConfiguration(groupCount: 5, windowScale: 0.9)
    #expect(configuration.windowSize == 4)
    #expect(configuration.slide == 1)
    #expect((1...6).map(configuration.windowStart(iteration:)) == [1, 0, 1, 0, 1, 0])
    #expect(configuration.subsampleCount(ofSamples: 20) == 18)
  }

  @Test func tenGroupsAtSixTenthsStartOneToFour() throws {
    let configuration = try SeTaConfiguration(groupCount: 10, windowScale: 0.6)
    #expect(configuration.windowSize == 6 && configuration.slide == 4)
    #expect((1...7).map(configuration.windowStart(iteration:)) == [1, 2, 3, 4, 0, 1, 2])
  }

  /// N = 20 with losses 0, 1, ..., 19 so the groups are intervals of scores.
  func run(epochs: Int) throws -> (SeTa<LossScore>, [EpochPlan]) {
    let setup = try TrainingSetup(sampleCount: 20, batchSize: 6, plannedEpochs: 100, seed: 11)
    var rule = try SeTa(setup: setup)
    let plans = try ScriptedSignals(loss: { _, sample in Double(sample) }).run(&rule, epochs: 0..<epochs)
    return (rule, plans)
  }

  @Test func windowDropsEasiestThenHardestGroup() throws {
    let (rule, plans) = try run(epochs: 4)
    #expect(plans[0].sampleCount == 20)
    #expect(rule.iteration == 4)
    for epoch in 1...3 {
      let plan = plans[epoch]
      #expect(planIsWellFormed(plan, sampleCount: 20))
      #expect(plan.weights.allSatisfy { $0 == 1 })
      #expect(plan.sampleCount < 18)
    }
    // Iteration 1 drops the easiest group: its lowest score is above the subsample's lowest.
    // Iteration 2 drops the hardest: its highest score is below the subsample's highest.
    let easyDropped = plans[1].samples.min() ?? 0
    let hardDropped = plans[2].samples.max() ?? 19
    #expect(easyDropped >= 2)
    #expect(hardDropped <= 17)
  }

  @Test(arguments: [(1, 1...4), (2, 0...3), (3, 1...4)])
  func windowContentMatchesTheGroupsOfTheSubsample(epoch: Int, groups: ClosedRange<Int>) throws {
    // Recompute by hand: same subsample draws, exact k-means on the sorted scores (= indices).
    let (_, plans) = try run(epochs: 4)
    var generator = epochGenerator(seed: 11, epoch: epoch)
    var all = Array(0..<20)
    all.withUnsafeMutableBufferPointer {
      generator.moveRandomSubsetToFront(of: $0, length: 20, count: 18)
    }
    let sorted = all[0..<18].sorted()
    let ends = OptimalKMeans1D.groupEnds(sorted: sorted.map(Double.init), groupCount: 5)
    #expect(ends.count == 5)
    let lower = groups.lowerBound == 0 ? 0 : ends[groups.lowerBound - 1]
    let expected = Array(sorted[lower..<ends[groups.upperBound]])
    #expect(plans[epoch].samples.sorted() == expected)
  }

  @Test func annealingEpochsTrainARandomKeepRatioSubset() throws {
    let setup = try TrainingSetup(sampleCount: 30, batchSize: 8, plannedEpochs: 8, seed: 2)
    var rule = try SeTa(setup: setup)
    let plans = try ScriptedSignals(loss: hashedLoss(seed: 4)).run(&rule, epochs: 0..<8)
    // 8 x 0.875 = 7: epochs 1...6 prune, epoch 7 anneals with floor(30 x 0.9) = 27 samples.
    #expect(!rule.prunes(epoch: 7))
    #expect(plans[7].sampleCount == 27)
    #expect(rule.iteration == 7)
  }

  @Test func emptySelectionIsRefilledWithOneSample() throws {
    // N = 1: the subsample floor(1 x 0.9) = 0 is empty, so each pruned epoch trains 1 sample.
    let setup = try TrainingSetup(sampleCount: 1, batchSize: 4, plannedEpochs: 10)
    var rule = try SeTa(setup: setup)
    let plans = try ScriptedSignals().run(&rule, epochs: 0..<10)
    for plan in plans { #expect(plan.samples == [0]) }
  }

  @Test func equalScoresAreChunked() throws {
    let setup = try TrainingSetup(sampleCount: 40, batchSize: 8, plannedEpochs: 10, seed: 1)
    var rule = try SeTa(setup: setup)
    let plans = try ScriptedSignals(loss: { _, _ in 1.0 }).run(&rule, epochs: 0..<3)
    // 36 samples in chunks of ceil(36 / 5) = 8: the window of 4 chunks holds 8 x 4 = 32 or 28.
    #expect([28, 32].contains(plans[1].sampleCount))
    #expect([28, 32].contains(plans[2].sampleCount))
  }

  @Test func lloydClusteringRunsAndIsSeeded() throws {
    let setup = try TrainingSetup(sampleCount: 200, batchSize: 16, plannedEpochs: 10, seed: 9)
    let configuration = try SeTaConfiguration(clustering: .lloyd)
    var a = try SeTa(configuration: configuration, setup: setup)
    var b = try SeTa(configuration: configuration, setup: setup)
    let driver = ScriptedSignals(loss: hashedLoss(seed: 1))
    let plansA = try driver.run(&a, epochs: 0..<5)
    let plansB = try driver.run(&b, epochs: 0..<5)
    #expect(plansA == plansB)
    #expect(plansA[2].sampleCount < 180)
  }

  @Test func rejectsBadConfigurations() {
    #expect(throws: PruneCoreError.self) { try SeTaConfiguration(pruneRatio: 1) }
    #expect(throws: PruneCoreError.self) { try SeTaConfiguration(groupCount: 0) }
    #expect(throws: PruneCoreError.self) { try SeTaConfiguration(windowScale: 0) }
    #expect(throws: PruneCoreError.self) { try SeTaConfiguration(windowScale: .nan) }
    // round(5 x 0.1) = round(0.5) = 0 groups in the window.
    #expect(throws: PruneCoreError.self) { try SeTaConfiguration(groupCount: 5, windowScale: 0.1) }
  }
}
