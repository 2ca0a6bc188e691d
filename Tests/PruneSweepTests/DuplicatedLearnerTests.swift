import PruneCore
import PruneSignals
import Testing

@testable import PruneSweep

@Suite struct DuplicatedLearnerTests {
  @Test func withoutCopiesItIsTheLearner() throws {
    let configuration = try LearnerConfiguration()
    var data = try DuplicatedLearner(
      sampleCount: 50, duplicateFraction: 0, learner: configuration, seed: 4)
    var plain = try SyntheticLearner(sampleCount: 50, configuration: configuration, seed: 4)
    #expect(data.original == nil)
    let batch = BatchIdentity(epoch: 0, position: 0, batchID: 0)
    var a = [Double](repeating: 0, count: 50)
    var b = a
    _ = try data.measure(batch, samples: ArraySlice(0..<50), losses: &a)
    _ = try plain.measure(batch, samples: ArraySlice(0..<50), losses: &b)
    #expect(a == b)
  }

  @Test func copiesShareLossesAndTraining() throws {
    var data = try DuplicatedLearner(
      sampleCount: 100, duplicateFraction: 0.3, learner: try LearnerConfiguration(), seed: 7)
    let map = try #require(data.original)
    #expect(data.learner.sampleCount == 70)
    #expect(Set(map).count == 70)  // every distinct sample appears
    // A copy and its original measure the same loss...
    let copy = try #require((0..<100).first { i in map.filter { $0 == map[i] }.count > 1 })
    let twin = try #require((0..<100).first { $0 != copy && map[$0] == map[copy] })
    var losses = [0.0, 0.0]
    let batch = BatchIdentity(epoch: 0, position: 0, batchID: 0)
    _ = try data.measure(batch, samples: [copy, twin], losses: &losses)
    #expect(losses[0] == losses[1])
    // ...and training one trains the other.
    try data.train(batch, samples: [copy], weights: [1])
    try data.finishEpoch(0)
    let next = BatchIdentity(epoch: 1, position: 0, batchID: 0)
    _ = try data.measure(next, samples: [twin], losses: &losses)
    var learner = data.learner
    #expect(learner.expectedLoss(ofSample: map[twin], epoch: 1) < learner.configuration.initialLoss)
  }

  @Test func sameSeedSameCopies() throws {
    let a = try DuplicatedLearner(
      sampleCount: 200, duplicateFraction: 0.5, learner: try LearnerConfiguration(), seed: 1)
    let b = try DuplicatedLearner(
      sampleCount: 200, duplicateFraction: 0.5, learner: try LearnerConfiguration(), seed: 1)
    #expect(a.original == b.original)
    #expect(a.classLabels == b.classLabels)
  }

  @Test func aFractionOutOfRangeIsRefused() {
    #expect(throws: PruneSweepError.self) {
      try DuplicatedLearner(
        sampleCount: 10, duplicateFraction: 0.95, learner: try LearnerConfiguration(), seed: 1)
    }
  }
}
