import Foundation
import PruneSignals
import Testing

@testable import PruneClaims

/// RePB-4's matched settings from a replayed loss log (``MatchedPruning``,
/// ``RePB4Calibration``), and the loss log as a run-store artifact (``RunStore``).
@Suite struct RePB4CalibrationTests {
  /// A made-up full-data log: N samples of fixed difficulty whose losses decay over E epochs
  /// (skewed like a real one: most samples easy, a few hard).
  static func log(sampleCount: Int = 400, epochs: Int = 10, scale: Double = 1) throws -> LossLog {
    var losses: [Double] = []
    for epoch in 0..<epochs {
      for i in 0..<sampleCount {
        let difficulty = Double((i * 37) % 101 + 1) / 101
        losses.append(scale * difficulty * difficulty * 2 * (1 - 0.08 * Double(epoch)))
      }
    }
    return try LossLog(sampleCount: sampleCount, losses: losses)
  }

  static func setting(
    _ rule: String, _ option: String, _ range: ClosedRange<Double>, _ target: Double,
    log: LossLog, key: String
  ) throws -> MatchedPruning.Setting {
    try MatchedPruning.setting(
      rule: rule, option: option, range: range, target: target, log: log, key: key,
      batchSize: 20, seed: 7)
  }

  @Test func sameLogSameValues() throws {
    let log = try Self.log()
    for (rule, option, range) in [
      ("repb", "rho", 0.0...0.95), ("infobatch", "prune-ratio", 0.0...0.9),
    ] {
      // Two keys: the second is computed afresh, not read from the cache.
      let first = try Self.setting(rule, option, range, 0.3, log: log, key: "a \(rule)")
      let second = try Self.setting(rule, option, range, 0.3, log: log, key: "b \(rule)")
      #expect(first == second)
      #expect(first.outcome == .reached, "\(rule)")
      #expect(abs(first.simulatedSaving - 0.3) <= 0.01, "\(rule): \(first.simulatedSaving)")
      // The losses only order the samples against their mean: scaling them changes nothing.
      let scaled = try Self.setting(
        rule, option, range, 0.3, log: try Self.log(scale: 3), key: "c \(rule)")
      #expect(scaled == first)
    }
  }

  @Test func anUnreachableTargetKeepsTheClosestEnd() throws {
    // InfoBatch prunes only below-mean samples, never in its annealed last epochs: 70% is out
    // of reach, so the ratio is its upper end and the page says so.
    let setting = try Self.setting(
      "infobatch", "prune-ratio", 0.0...0.9, 0.7, log: try Self.log(), key: "unreachable")
    #expect(setting.outcome == .unreachable)
    #expect(setting.value == "0.9")
    #expect(setting.simulatedSaving < 0.7)
  }

  @Test func theNumPyFileHoldsTheFloat32Log() throws {
    let log = try Self.log(sampleCount: 37, epochs: 3)
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("prunelab-\(UUID().uuidString).losses.npy")
    defer { try? FileManager.default.removeItem(at: url) }
    try log.numPyFloat32Bytes().write(to: url)
    #expect(try LossLog.readNumPy(at: url.path) == log.float32Rounded())
  }

  // MARK: the store

  static func options(_ root: URL) throws -> ReproduceOptions {
    try ReproduceOptions(only: ["RePB-4"], outputPath: root.path, runProfile: .tiny)
  }

  @Test func derivedRunsWaitForTheCalibrationRunAndItsLog() throws {
    let root = try RunStoreTests.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = RunStore(root: root.path, profile: .tiny)
    let claims: [any Claim] = [RePB4AccuracyOrdering()]
    let before = try StoreCheck(root: root.path, profile: .tiny, claims: claims)
    let logging = before.needed.filter(\.logsLosses)
    #expect(logging.count == 1 && logging[0].spec.rule == "full" && !logging[0].isStored)
    let pending = before.needed.filter(\.isBlocked)
    #expect(Set(pending.map(\.spec.rule)) == ["repb", "infobatch"])
    #expect(before.needed.filter { $0.spec.rule == "static-random" }.allSatisfy { !$0.isBlocked })
    #expect(before.text.contains("with its loss log"))

    _ = try Reproduction.run(Self.options(root))
    #expect(store.lossLogNames().count == 1)
    let after = try StoreCheck(root: root.path, profile: .tiny, claims: claims)
    #expect(after.missing.isEmpty && after.lossLogCount == 1)
    // Nothing waits any more: the derived runs are built from the calibrated values.
    #expect(after.needed.allSatisfy { !$0.isBlocked && !$0.label.contains("not stored yet") })

    // A run file without its log is trained again (and only it).
    let pages = try RunStoreTests.pages(root)
    let logName = store.lossLogNames()[0]
    try FileManager.default.removeItem(at: store.url.appendingPathComponent(logName))
    let again = try Reproduction.run(Self.options(root))
    #expect(again.trainedRuns.count == 1)
    #expect(again.trainedRuns.first?.hasPrefix(store.displayPath("full-")) == true)
    #expect(store.lossLogNames() == [logName])
    #expect(try RunStoreTests.pages(root) == pages)
  }

  @Test func aBadLossLogIsNamed() throws {
    let root = try RunStoreTests.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try Reproduction.run(Self.options(root))
    let store = RunStore(root: root.path, profile: .tiny)
    let name = try #require(store.lossLogNames().first)
    let url = store.url.appendingPathComponent(name)
    let original = try Data(contentsOf: url)
    func expectNamed(_ words: String) {
      #expect {
        _ = try StoreCheck(root: root.path, profile: .tiny, claims: [RePB4AccuracyOrdering()])
      } throws: { error in
        guard case RunStoreError.corruptLossLog(let file, let reason) = error else { return false }
        return file == store.displayPath(name) && reason.contains(words)
          && "\(error)".contains(store.displayPath(name))
      }
    }
    try original.prefix(original.count - 10).write(to: url)
    expectNamed("fewer than its shape needs")
    try Data("not numpy".utf8).write(to: url)
    expectNamed("not a NumPy .npy file")
    // Another run's log of the same shape: its epoch means are not the run's.
    let run = try #require(
      try store.load().values.first { $0.spec.rule == "full" && $0.summary.sampleCount < 160 })
    let other = try LossLog(
      sampleCount: run.summary.sampleCount,
      losses: [Double](repeating: 0.123, count: run.summary.sampleCount * run.epochs.count))
    try other.numPyFloat32Bytes().write(to: url)
    expectNamed("the log is of another run")
    try original.write(to: url)
    let check = try StoreCheck(root: root.path, profile: .tiny, claims: [RePB4AccuracyOrdering()])
    #expect(check.lossLogCount == 1)
  }
}
