import PruneCore
import Testing

@testable import PruneSignals

@Suite struct SyntheticLearnerTests {
  static func learner(
    samples: Int = 200, seed: UInt64 = 7, _ configure: () throws -> LearnerConfiguration = {
      try LearnerConfiguration()
    }
  ) throws -> SyntheticLearner {
    try SyntheticLearner(sampleCount: samples, configuration: configure(), seed: seed)
  }

  @Test func noiselessLossFollowsTheDocumentedFormula() throws {
    var learner = try Self.learner {
      try LearnerConfiguration(
        initialLoss: 2, lossFloor: 0.1, learningSpeed: 0.5, globalSpeed: 0,
        difficulty: .constant(2), noiseLevel: 0)
    }
    let batch = BatchIdentity(epoch: 0, position: 0, batchID: 0)
    var losses = [Double](repeating: 0, count: 2)
    _ = try learner.measure(batch, samples: [3, 4], losses: &losses)
    #expect(losses == [2, 2])
    try learner.train(batch, samples: [3], weights: [2])
    try learner.finishEpoch(0)
    // mu = 0.1 + 1.9 exp(-(0.5 * 2 / 2)) after one visit of weight 2.
    let next = BatchIdentity(epoch: 1, position: 0, batchID: 0)
    _ = try learner.measure(next, samples: [3, 4], losses: &losses)
    #expect(losses[0] == 0.1 + 1.9 * RandomDraws.exp(-0.5))
    #expect(losses[1] == 2)
  }

  @Test func globalComponentFollowsTrainedWeight() throws {
    var learner = try Self.learner(samples: 4) {
      try LearnerConfiguration(
        initialLoss: 1, lossFloor: 0, learningSpeed: 0, globalSpeed: 0.5, noiseLevel: 0)
    }
    let batch = BatchIdentity(epoch: 0, position: 0, batchID: 0)
    try learner.train(batch, samples: [0, 1], weights: [1, 1])
    try learner.finishEpoch(0)
    // G = 2 / 4 = 0.5 -> mu = exp(-0.25) for every sample.
    #expect(learner.expectedLoss(ofSample: 3, epoch: 1) == RandomDraws.exp(-0.25))
  }

  @Test func noiseDependsOnSampleAndEpochOnly() throws {
    var a = try Self.learner()
    var b = try Self.learner()
    let forward = (0..<50).map { a.loss(ofSample: $0, epoch: 3) }
    let backward = (0..<50).reversed().map { b.loss(ofSample: $0, epoch: 3) }
    #expect(forward == Array(backward.reversed()))
    var c = try Self.learner(seed: 8)
    #expect(forward != (0..<50).map { c.loss(ofSample: $0, epoch: 3) })
  }

  @Test func mislabelledSamplesStayHigh() throws {
    var learner = try Self.learner(samples: 100) {
      try LearnerConfiguration(noiseLevel: 0, labelNoiseFraction: 0.2)
    }
    let noisy = (0..<100).filter { learner.isMislabelled($0) }
    #expect(noisy.count == 20)
    let all = Array(0..<100)
    for epoch in 0..<5 {
      let batch = BatchIdentity(epoch: epoch, position: 0, batchID: 0)
      try learner.train(batch, samples: all[...], weights: ArraySlice(repeating: 1, count: 100))
      try learner.finishEpoch(epoch)
    }
    for i in noisy { #expect(learner.loss(ofSample: i, epoch: 5) == learner.configuration.noisyLoss) }
    let clean = try #require(all.first { !learner.isMislabelled($0) })
    #expect(learner.loss(ofSample: clean, epoch: 5) < learner.configuration.initialLoss)
  }

  @Test func forgettingRaisesTheLossAgain() throws {
    func lossAfterPause(rate: Double) throws -> Double {
      var learner = try Self.learner(samples: 1) {
        try LearnerConfiguration(
          globalSpeed: 0, difficulty: .constant(1), noiseLevel: 0, forgettingRate: rate,
          forgettingSize: 0.5)
      }
      let batch = BatchIdentity(epoch: 0, position: 0, batchID: 0)
      try learner.train(batch, samples: [0], weights: [4])
      return learner.loss(ofSample: 0, epoch: 10)
    }
    let never = try lossAfterPause(rate: 0)
    let always = try lossAfterPause(rate: 1)
    // rate 1: ten events halve the exposure 4 ten times.
    #expect(always == 0.01 + (2.302585092994046 - 0.01) * RandomDraws.exp(-0.5 * 4 / 1024))
    #expect(never < always)
  }

  @Test func heavyTailsProduceOutliers() throws {
    var gaussian = try Self.learner(samples: 5000) { try LearnerConfiguration(noiseLevel: 0.2) }
    var heavy = try Self.learner(samples: 5000) {
      try LearnerConfiguration(noiseLevel: 0.2, heavyTailDegrees: 1.5)
    }
    let maxGaussian = (0..<5000).map { gaussian.loss(ofSample: $0, epoch: 0) }.max() ?? 0
    let maxHeavy = (0..<5000).map { heavy.loss(ofSample: $0, epoch: 0) }.max() ?? 0
    #expect(maxHeavy > 2 * maxGaussian)
  }

  @Test(arguments: [
    DifficultyDistribution.constant(1), .logNormal(median: 1, sigma: 1),
    .gamma(shape: 0.5, scale: 2), .gamma(shape: 3, scale: 1),
  ])
  func difficultiesArePositiveAndSeeded(distribution: DifficultyDistribution) throws {
    let a = try Self.learner { try LearnerConfiguration(difficulty: distribution) }
    let b = try Self.learner { try LearnerConfiguration(difficulty: distribution) }
    let values = (0..<200).map { a.difficulty(ofSample: $0) }
    #expect(values.allSatisfy { $0 > 0 && $0.isFinite })
    #expect(values == (0..<200).map { b.difficulty(ofSample: $0) })
  }

  @Test func gammaMeanIsShapeTimesScale() throws {
    var generator = SeededGenerator(seed: 1)
    var total = 0.0
    for _ in 0..<20000 { total += RandomDraws.gamma(shape: 2.5, using: &generator) }
    #expect(abs(total / 20000 - 2.5) < 0.06)
  }

  @Test(arguments: ["lossFloor", "noiseLevel", "labelNoiseFraction", "classCount", "difficultyMedian"])
  func rejectsBadKnobs(parameter: String) {
    let error = #expect(throws: PruneSignalsError.self) {
      switch parameter {
      case "lossFloor": _ = try LearnerConfiguration(lossFloor: 5)
      case "noiseLevel": _ = try LearnerConfiguration(noiseLevel: .nan)
      case "labelNoiseFraction": _ = try LearnerConfiguration(labelNoiseFraction: 1.5)
      case "classCount": _ = try LearnerConfiguration(classCount: 0)
      default: _ = try LearnerConfiguration(difficulty: .logNormal(median: -1, sigma: 1))
      }
    }
    #expect(error?.description.contains(parameter) == true)
  }

  @Test func rejectsZeroSamples() {
    #expect(throws: PruneSignalsError.self) {
      try SyntheticLearner(sampleCount: 0, configuration: LearnerConfiguration(), seed: 0)
    }
  }

  @Test func imbalancedClassSizesFollowTheProfile() {
    let sizes = ClassLabels.classSizes(sampleCount: 1000, classCount: 3, ratio: 100)
    // shares 1, 0.1, 0.01 of 1.11.
    #expect(sizes == [901, 90, 9])
    #expect(ClassLabels.classSizes(sampleCount: 10, classCount: 3, ratio: 1) == [4, 3, 3])
  }

  @Test func learnerLabelsAreBalancedByDefault() throws {
    let learner = try Self.learner(samples: 100)
    var counts = [Int](repeating: 0, count: 10)
    for label in try #require(learner.classLabels) { counts[label] += 1 }
    #expect(counts == [Int](repeating: 10, count: 10))
  }
}
