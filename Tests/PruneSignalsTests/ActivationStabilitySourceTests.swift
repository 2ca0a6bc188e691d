import PruneCore
import Testing

@testable import PruneSignals

@Suite struct ActivationStabilitySourceTests {
  @Test func noiselessCurveFollowsTheFormula() throws {
    let source = try ActivationStabilitySource(
      sampleCount: 10, batchCount: 3,
      configuration: ActivationConfiguration(
        levelSpread: 0, amplitude: 0.2, decayEpochs: 10, decaySpread: 0, noiseLevel: 0),
      seed: 1)
    let c = source.amplitudes[1]
    #expect(c >= 0.1 && c <= 0.3)
    #expect(source.statistic(batch: 1, epoch: 0) == 0.8 + c * RandomDraws.exp(-1.0 / 10))
  }

  @Test func changesEventuallyFallBelowTheBPASThreshold() throws {
    let source = try ActivationStabilitySource(
      sampleCount: 1000, batchCount: 50, configuration: ActivationConfiguration(), seed: 3)
    // delta(t) = 1e-6 exp(t ln(50) / 200) (algorithms.md §5.3), t 1-based.
    func delta(_ t: Int) -> Double { 1e-6 * RandomDraws.exp(Double(t) * RandomDraws.log(50) / 200) }
    var dropEpochs: [Int] = []
    for b in 0..<50 {
      for t in 2...200
      where abs(source.statistic(batch: b, epoch: t - 2) - source.statistic(batch: b, epoch: t - 1))
        <= delta(t)
      {
        dropEpochs.append(t)
        break
      }
    }
    #expect(dropEpochs.count >= 40)
    #expect(dropEpochs.allSatisfy { $0 > 20 })
  }

  @Test func measureNamesAnUnknownBatch() throws {
    var source = try ActivationStabilitySource(
      sampleCount: 10, batchCount: 2, configuration: ActivationConfiguration(), seed: 0)
    var buffer = [0.0]
    #expect(throws: PruneSignalsError.indexNotInSource(
      name: "activation-stability generator", unit: "batch", index: 5, count: 2)) {
      _ = try source.measure(
        BatchIdentity(epoch: 0, position: 0, batchID: 5), samples: [0], losses: &buffer)
    }
  }

  @Test func recordingRoundTripsThroughCSV() throws {
    var source = try ActivationStabilitySource(
      sampleCount: 10, batchCount: 4, configuration: ActivationConfiguration(), seed: 9)
    source.startRecording()
    for epoch in 0..<3 { try source.beginEpoch(epoch) }
    let log = try #require(source.recordedLog)
    #expect(log.epochCount == 3)
    #expect(log.statistic(epoch: 2, batch: 3) == source.statistic(batch: 3, epoch: 2))
    #expect(try ActivationLog.parse(csv: log.csvBytes()) == log)
  }
}
