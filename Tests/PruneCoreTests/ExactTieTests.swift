import PropertyBased
import Testing
import _PruneTestSupport
@testable import PruneCore

/// Issue 9 item 6: rules that compare a score with a mean decide ties exactly, whatever the
/// summation order; with BLS every member of a batch gets the same update, so ties are common.
@Suite struct ExactTieTests {
  /// `x < mean` decided for each value by `MeanThreshold`.
  func below(_ values: [Double]) -> [Bool] {
    let threshold = MeanThreshold.below(values)
    return values.map { $0 < threshold }
  }

  @Test func equalValuesAreNeverBelowTheirMean() {
    // Summed left to right, three copies of 0.1 make 0.30000000000000004, and / 3 gives
    // 0.10000000000000002 > 0.1: a rounded mean would call all three below.
    for value in [0.1, 0.3, 0.7, 2.3, 1e-300, 0.09999999999999999, 1.0 / 3] {
      for count in [3, 7, 10, 128, 1000, 4099] {
        let values = [Double](repeating: value, count: count)
        #expect(below(values).allSatisfy { !$0 }, "\(count) copies of \(value)")
      }
    }
  }

  @Test func aValueEqualToTheExactMeanIsNotBelowIt() {
    // 1e20 - 0.75 - 1e20 - 0.25 = -1 exactly, mean -0.25; a rounded sum loses the -0.75 and
    // puts the mean at -0.0625, above the last value.
    #expect(below([1e20, -0.75, -1e20, -0.25]) == [false, true, true, false])
    // Mean 1/3 is not a double: the doubles on either side are decided by it.
    let third = 1.0 / 3
    let values = [0, 0, 1, third, third.nextUp, third.nextDown]
    let threshold = MeanThreshold.below(values)
    let exactMean = (1 + third + third.nextUp + third.nextDown) / 6
    #expect(threshold >= exactMean.nextDown && threshold <= exactMean.nextUp)
    #expect(MeanThreshold.below([Double]()) == 0)
  }

  @Test func decisionsMatchIntegerArithmeticAndIgnoreOrder() async {
    // Values m 2^e with |m| < 2^16, e in -16...16: the sum and n x are exact in Int64 after
    // scaling by 2^16, so `x < mean` iff n x < sum in integers. Few distinct m: many ties.
    await propertyCheck(
      count: 200,
      input: Gen.int(in: -40...40).array(of: 1...60), Gen.int(in: -16...16),
      Gen.uint64(in: 0...1_000)
    ) { raw, exponent, seed in
      let scaled = raw.map { Int64($0) << Int64(16 + exponent) }
      let values = raw.map { Double($0) * Double(sign: .plus, exponent: exponent, significand: 1) }
      let sum = scaled.reduce(0, +)
      let expected = scaled.map { Int64(scaled.count) * $0 < sum }
      #expect(below(values) == expected)
      var generator = SeededGenerator(seed: seed)
      let order = generator.shuffled(Array(values.indices))
      let shuffled = order.map { values[$0] }
      #expect(below(shuffled) == order.map { expected[$0] })
    }
  }

  @Test func manyBatchesOfEqualValuesTakeTheExactPath() {
    // Runs of 128 equal values, a value near the mean among them: the fast bracket cannot decide.
    var values: [Double] = []
    for run in 0..<40 { values += [Double](repeating: 0.1 * Double(run % 7) + 0.05, count: 128) }
    let mean = values.reduce(0, +) / Double(values.count)
    values += [Double](repeating: mean, count: 128)
    let threshold = MeanThreshold.below(values)
    let reversedThreshold = MeanThreshold.below(Array(values.reversed()))
    #expect(values.map { $0 < threshold } == values.map { $0 < reversedThreshold })
  }

  @Test func repbKeepsEveryWindowOfEqualBLSScores() throws {
    // Epoch 0 with BLS: every score starts at 0, so after its batch's update every member holds
    // (1 - alpha) L(B). Each one-batch window is all ties: nobody is below the mean and no
    // uniform is drawn, so every sample is kept for epoch 1.
    for seed in UInt64(1)...4 {
      let setup = try TrainingSetup(
        sampleCount: 96, batchSize: 8, plannedEpochs: 4, seed: seed)
      var rule = try RePB(
        scoreSource: BatchLossScore(sampleCount: 96), setup: setup)
      let plan = try ScriptedSignals(loss: hashedLoss(seed: seed), meanLossOnly: true)
        .runEpoch(&rule, epoch: 0)
      #expect(plan.sampleCount == 96)
      #expect(rule.nextMembers == Array(0..<96))
    }
    var draws = 0
    let kept = RePB<BatchLossScore>.windowDecisions(
      scores: [Double](repeating: 0.1 * 0.1, count: 48)[...], rho: 0.5
    ) {
      draws += 1
      return 0
    }
    #expect(kept.allSatisfy { $0 } && draws == 0)
  }

  @Test func infobatchFindsNoCandidateAmongEqualBLSScores() throws {
    // Every sample is visited once in epoch 0 with the same batch mean loss: all scores are
    // equal, so epoch 1 has no candidate and trains everyone with weight 1.
    for loss in [0.1, 0.3, 0.7, 2.3] {
      for count in [96, 1000, 4104] {
        let setup = try TrainingSetup(
          sampleCount: count, batchSize: 8, plannedEpochs: 10, seed: 2)
        var rule = try InfoBatch(
          scoreSource: BatchLossScore(sampleCount: count), setup: setup)
        _ = try ScriptedSignals(loss: { _, _ in loss }, meanLossOnly: true).runEpoch(&rule, epoch: 0)
        #expect(Set(rule.scoreSource.scores).count == 1)
        #expect(rule.candidateSamples.isEmpty)
        let plan = try rule.plan(forEpoch: 1)
        #expect(plan.sampleCount == count && plan.maxWeight == 1, "loss \(loss), N \(count)")
      }
    }
  }

  @Test func setaNeverSeparatesEqualBLSScores() throws {
    // pruneRatio 0: the subsample is everyone; after epoch 0 the scores come in runs of one
    // batch. A window holds whole groups, and a group never cuts a run, so each score value is
    // selected for all its samples or for none.
    for seed in UInt64(1)...4 {
      let setup = try TrainingSetup(
        sampleCount: 200, batchSize: 10, plannedEpochs: 10, seed: seed)
      var rule = try SeTa(
        configuration: SeTaConfiguration(pruneRatio: 0, groupCount: 5, windowScale: 0.6),
        scoreSource: BatchLossScore(sampleCount: 200), setup: setup)
      _ = try ScriptedSignals(loss: hashedLoss(seed: seed), meanLossOnly: true)
        .runEpoch(&rule, epoch: 0)
      let scores = rule.scoreSource.scores
      let plan = try rule.plan(forEpoch: 1)
      let chosen = Set(plan.samples)
      for value in Set(scores) {
        let members = scores.indices.filter { scores[$0] == value }
        let inside = members.filter { chosen.contains($0) }.count
        #expect(inside == 0 || inside == members.count, "score \(value)")
      }
    }
  }

  @Test func kMeansGroupsEndOnlyWhereTheValueChanges() async {
    await propertyCheck(
      count: 100, input: Gen.int(in: 0...12).array(of: 2...60), Gen.int(in: 2...6)
    ) { raw, k in
      // Values like BLS scores: a few distinct products, each repeated.
      let values = raw.map { 0.1 * Double($0) * 0.1 }.sorted()
      let ends = OptimalKMeans1D.groupEnds(sorted: values, groupCount: k)
      for end in ends.dropLast() { #expect(values[end] != values[end - 1]) }
    }
  }
}
