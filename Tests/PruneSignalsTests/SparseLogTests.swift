import Testing

@testable import PruneSignals

/// Logs of pruned runs: gaps refused by default, filled by carry-forward with exact values.
@Suite struct SparseLogTests {
  /// 3 samples x 4 epochs. Sample 1 is skipped in epochs 1 and 2, sample 2 only appears from
  /// epoch 2 on (as after a static prune it never would; here it tests the backward fill).
  static let pruned = """
    epoch,sample,loss,label
    0,0,4,7
    0,1,2,8
    1,0,3,7
    2,0,2.5,7
    2,2,6,9
    3,0,1,7
    3,1,0.5,8
    3,2,5,9

    """

  @Test func aGapIsRefusedByDefaultWithTheFix() {
    let expected = PruneSignalsError.missingRows(
      path: "log.csv", epoch: 0, missing: 1, firstMissing: 2, unit: "sample")
    #expect(throws: expected) {
      try LossLog.parse(csv: Array(Self.pruned.utf8), name: "log.csv")
    }
    #expect(expected.description.contains("--missing carry-forward"))
  }

  @Test func carryForwardFillsFromTheLatestEarlierEpoch() throws {
    let log = try LossLog.parse(
      csv: Array(Self.pruned.utf8), name: "log.csv", missing: .carryForward)
    #expect(log.sampleCount == 3)
    #expect(log.epochCount == 4)
    // Sample 1: 2 in epoch 0, carried into epochs 1 and 2. Sample 2: its first value 6 is
    // carried back into epochs 0 and 1.
    #expect(log.losses(ofEpoch: 0) == [4, 2, 6])
    #expect(log.losses(ofEpoch: 1) == [3, 2, 6])
    #expect(log.losses(ofEpoch: 2) == [2.5, 2, 6])
    #expect(log.losses(ofEpoch: 3) == [1, 0.5, 5])
    #expect(log.fill.carriedForward == 2)
    #expect(log.fill.carriedBackward == 2)
    #expect(log.fill.epochMeans == 0)
    #expect(log.fill.total == 4)
    #expect(log.labels == [7, 8, 9])
  }

  @Test func aNeverLoggedSampleTakesEpochMeansAndDropsTheLabels() throws {
    let text = "epoch,sample,loss,label\n0,0,1,0\n0,1,3,1\n1,0,2,0\n1,1,6,1\n"
    let log = try LossLog.parse(
      csv: Array(text.utf8), name: "log.csv", missing: .carryForward, sampleCount: 3)
    #expect(log.sampleCount == 3)
    #expect(log.losses(ofEpoch: 0) == [1, 3, 2])
    #expect(log.losses(ofEpoch: 1) == [2, 6, 4])
    #expect(log.fill.unloggedIndices == 1)
    #expect(log.fill.epochMeans == 2)
    #expect(log.fill.droppedLabels)
    #expect(log.labels == nil)
    #expect(
      log.fill.summary(ofValues: 6, indexName: "sample")
        == "filled 2 of 6 values: 0 carried forward, 0 carried back, 2 epoch means "
        + "(1 samples never logged); labels dropped (a never-logged sample has no label)")
  }

  @Test func aSampleBeyondTheGivenCountIsAnError() {
    let text = "epoch,sample,loss\n0,0,1\n0,5,3\n"
    #expect(
      throws: PruneSignalsError.indexBeyondCount(
        path: "log.csv", line: 3, column: "sample", value: 5, count: 4)
    ) {
      try LossLog.parse(csv: Array(text.utf8), name: "log.csv", missing: .carryForward, sampleCount: 4)
    }
  }

  @Test func aCompleteLogIsUnchangedByCarryForward() throws {
    let text = "epoch,sample,loss\n0,0,1\n0,1,2\n1,0,3\n1,1,4\n"
    let strict = try LossLog.parse(csv: Array(text.utf8))
    let lenient = try LossLog.parse(csv: Array(text.utf8), missing: .carryForward)
    #expect(strict == lenient)
    #expect(lenient.fill.total == 0)
  }

  @Test func droppedBatchesOfAnActivationLogKeepTheirLastStatistic() throws {
    // Batch 1 dropped after epoch 1 (B-PAS): epochs 2 and 3 repeat its epoch-1 value.
    let text = "epoch,batch,xbar\n0,0,0.9\n0,1,0.8\n1,0,0.7\n1,1,0.6\n2,0,0.5\n3,0,0.4\n"
    let log = try ActivationLog.parse(csv: Array(text.utf8), missing: .carryForward)
    #expect(log.statistics == [0.9, 0.8, 0.7, 0.6, 0.5, 0.6, 0.4, 0.6])
    #expect(log.fill.carriedForward == 2)
  }
}
