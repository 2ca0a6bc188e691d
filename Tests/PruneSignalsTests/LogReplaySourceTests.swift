import PruneCore
import Testing

@testable import PruneSignals

@Suite struct LogReplaySourceTests {
  @Test func servesLoggedLossesAndTheirMean() throws {
    let log = try LossLog(sampleCount: 3, losses: [1, 2, 3, 4, 5, 6])
    var source = try LogReplaySource(lossLog: log)
    #expect(source.providedSignals == [.perSampleLoss, .batchMeanLoss])
    #expect(source.availableEpochs == 2)
    var buffer = [Double](repeating: 0, count: 2)
    let measurement = try source.measure(
      BatchIdentity(epoch: 1, position: 0, batchID: 0), samples: [2, 0], losses: &buffer)
    #expect(buffer == [6, 4])
    #expect(measurement.meanLoss == 5)
  }

  @Test func refusesAnEpochBeyondTheLog() throws {
    var source = try LogReplaySource(lossLog: LossLog(sampleCount: 1, losses: [1]), name: "l.csv")
    #expect(throws: PruneSignalsError.epochNotInLog(name: "l.csv", epoch: 1, epochs: 1)) {
      try source.beginEpoch(1)
    }
  }

  @Test func recordedSyntheticRunReplaysTheSameLosses() throws {
    var learner = try SyntheticLearner(
      sampleCount: 20, configuration: LearnerConfiguration(), seed: 4)
    learner.startRecording()
    var seen: [[Double]] = []
    var buffer = [Double](repeating: 0, count: 20)
    for epoch in 0..<3 {
      try learner.beginEpoch(epoch)
      let batch = BatchIdentity(epoch: epoch, position: 0, batchID: 0)
      let samples = Array((0..<20).filter { $0 % (epoch + 1) == 0 })
      _ = try learner.measure(batch, samples: samples[...], losses: &buffer)
      seen.append(Array(buffer[0..<samples.count]))
      try learner.train(
        batch, samples: samples[...], weights: ArraySlice(repeating: 1.5, count: samples.count))
      try learner.finishEpoch(epoch)
    }
    var replay = try LogReplaySource(lossLog: #require(learner.recordedLog))
    for epoch in 0..<3 {
      let samples = Array((0..<20).filter { $0 % (epoch + 1) == 0 })
      _ = try replay.measure(
        BatchIdentity(epoch: epoch, position: 0, batchID: 0), samples: samples[...],
        losses: &buffer)
      #expect(Array(buffer[0..<samples.count]) == seen[epoch])
    }
  }

  @Test func combinedSourceTakesLossesAndActivations() throws {
    let learner = try SyntheticLearner(
      sampleCount: 8, configuration: LearnerConfiguration(), seed: 1)
    let activations = try ActivationStabilitySource(
      sampleCount: 8, batchCount: 2, configuration: ActivationConfiguration(), seed: 1)
    var combined = try CombinedSignalSource(learner, activations)
    #expect(combined.providedSignals == [.perSampleLoss, .batchMeanLoss, .activationStatistic])
    var buffer = [Double](repeating: 0, count: 4)
    let batch = BatchIdentity(epoch: 0, position: 1, batchID: 1)
    let measurement = try combined.measure(batch, samples: [4, 5, 6, 7], losses: &buffer)
    #expect(measurement.activationStatistic == activations.statistic(batch: 1, epoch: 0))
    var alone = learner
    #expect(buffer[0] == alone.loss(ofSample: 4, epoch: 0))
    #expect(throws: PruneSignalsError.self) {
      try CombinedSignalSource(
        learner,
        ActivationStabilitySource(
          sampleCount: 9, batchCount: 2, configuration: ActivationConfiguration(), seed: 1))
    }
  }
}
