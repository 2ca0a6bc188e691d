import Foundation
import PruneCore
import Testing

@testable import PruneSignals

@Suite struct LossLogTests {
  static func parse(_ text: String) throws -> LossLog {
    try LossLog.parse(csv: Array(text.utf8), name: "log.csv")
  }

  @Test func readsRowsInAnyOrderWithLabels() throws {
    let log = try Self.parse(
      "epoch,sample,loss,label\n1,1,0.5,3\n0,0,2.0,1\r\n0,1,1e-3,3\n1,0,0.25,1\n\n")
    #expect(log.sampleCount == 2)
    #expect(log.epochCount == 2)
    #expect(log.losses == [2.0, 0.001, 0.25, 0.5])
    #expect(log.labels == [1, 3])
  }

  @Test func writingThenReadingGivesTheSameDoubles() throws {
    let values = [0.1, 1.0 / 3.0, 2.302585092994046, 1e-300, 0, 123456.789, .leastNonzeroMagnitude]
    let log = try LossLog(sampleCount: 7, losses: values, labels: [0, 1, 2, 3, 4, 5, 6])
    let bytes = log.csvBytes()
    #expect(String(decoding: bytes.prefix(24), as: UTF8.self) == "epoch,sample,loss,label\n")
    #expect(try LossLog.parse(csv: bytes) == log)
  }

  @Test(arguments: [
    ("", PruneSignalsError.emptyFile(path: "log.csv")),
    ("epoch,sample,loss\n", .emptyFile(path: "log.csv")),
    ("epoch,sample\n0,0\n",
     .badHeader(path: "log.csv", found: "epoch,sample",
                expected: "\"epoch,sample,loss\" or \"epoch,sample,loss,label\"")),
    ("epoch,sample,loss\n0,0,1.0,2\n",
     .wrongColumnCount(path: "log.csv", line: 2, found: 4, expected: "3 (epoch,sample,loss)")),
    ("epoch,sample,loss\n0,0,abc\n",
     .malformedNumber(path: "log.csv", line: 2, column: "loss", text: "abc")),
    ("epoch,sample,loss\n0,x,1\n",
     .malformedNumber(path: "log.csv", line: 2, column: "sample", text: "x")),
    ("epoch,sample,loss\n0,0,nan\n",
     .nonFiniteValue(path: "log.csv", line: 2, column: "loss", text: "nan")),
    ("epoch,sample,loss\n0,0,inf\n",
     .nonFiniteValue(path: "log.csv", line: 2, column: "loss", text: "inf")),
    ("epoch,sample,loss\n0,-1,1\n",
     .indexOutOfRange(path: "log.csv", line: 2, column: "sample", value: -1)),
    ("epoch,sample,loss\n0,0,1\n0,1,1\n0,0,2\n",
     .duplicateRow(path: "log.csv", line: 4, firstLine: 2, epoch: 0, index: 0)),
    ("epoch,sample,loss\n0,0,1\n2,0,1\n",
     .missingEpoch(path: "log.csv", epoch: 1, lastEpoch: 2)),
    ("epoch,sample,loss\n0,0,1\n0,1,1\n0,2,1\n1,0,1\n1,2,1\n",
     .missingRows(path: "log.csv", epoch: 1, missing: 1, firstMissing: 1, unit: "sample")),
    ("epoch,sample,loss,label\n0,0,1,2\n1,0,1,3\n",
     .inconsistentLabel(path: "log.csv", line: 3, sample: 0, label: 3, earlier: 2)),
  ])
  func rejectsBadLogsNamingTheLine(text: String, expected: PruneSignalsError) {
    #expect(throws: expected) { try Self.parse(text) }
  }

  @Test func errorMessagesNameLineAndFix() {
    let error = PruneSignalsError.duplicateRow(
      path: "log.csv", line: 4, firstLine: 2, epoch: 0, index: 0)
    #expect(error.description == "log.csv, line 4: epoch 0, index 0 already appeared on line 2; keep one row per pair.")
  }

  @Test func missingFileAndFolderAreUnreadable() throws {
    let missing = "/nonexistent-\(UInt64.random(in: 0...UInt64.max))/log.csv"
    #expect(throws: PruneSignalsError.unreadableFile(path: missing, reason: "no such file")) {
      try LossLog.read(from: missing)
    }
    let folder = FileManager.default.temporaryDirectory.path
    #expect(throws: PruneSignalsError.unreadableFile(path: folder, reason: "it is a folder")) {
      try LossLog.read(from: folder)
    }
  }

  @Test func readsAFileFromDisk() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("prunelab-losslog-\(UInt64.random(in: 0...UInt64.max)).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data("epoch,sample,loss\n0,0,1.5\n".utf8).write(to: url)
    #expect(try LossLog.read(from: url.path).losses == [1.5])
  }

  @Test func activationLogUsesItsOwnColumns() throws {
    #expect(throws: PruneSignalsError.self) {
      try ActivationLog.parse(csv: Array("epoch,sample,loss\n0,0,1\n".utf8))
    }
    let log = try ActivationLog.parse(csv: Array("epoch,batch,xbar\n0,0,0.5\n0,1,0.25\n".utf8))
    #expect(log.batchCount == 2)
    #expect(log.statistic(epoch: 0, batch: 1) == 0.25)
  }
}
