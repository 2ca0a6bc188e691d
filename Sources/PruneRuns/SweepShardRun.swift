import Foundation
import PruneCore
import PruneReport
import PruneSweep

/// One `prunelab sweep run`: builds the grid, resolves and checks every point of the shard
/// before anything runs or is written, measures, and writes the shard's files together.
public struct SweepShardRun {
  let command: SweepRequest
  let grid: SweepGrid
  let shard: SweepShard
  let conditions: @Sendable (SweepPoint) throws -> SweepConditions

  /// Runs `request`, `conditions` turning a point's settings into configurations.
  /// - Throws: ``PruneSweep/PruneSweepError`` for a bad grid or setting; the rules' range errors
  ///   for a bad value, all before any output; the runs' and the writes' errors.
  public static func run(
    _ request: SweepRequest, conditions: @escaping @Sendable (SweepPoint) throws -> SweepConditions
  ) throws {
    try SweepShardRun(request: request, conditions: conditions).run()
  }

  init(
    request command: SweepRequest,
    conditions: @escaping @Sendable (SweepPoint) throws -> SweepConditions
  ) throws {
    self.command = command
    self.conditions = conditions
    for rule in command.rules { _ = try RuleCatalog.descriptor(named: rule) }
    grid = try SweepGrid(
      axes: command.axes, rules: command.rules, seedCount: command.seedCount,
      baseSeed: command.seed)
    shard = command.shard
    guard command.jobs >= 1 else {
      throw PruneRunsError.needsOption(option: "--jobs", reason: "give at least 1 thread")
    }
    let setup = try TrainingSetup(
      sampleCount: command.samples, batchSize: command.batchSize, plannedEpochs: command.epochs,
      seed: command.seed)
    // Every combination must resolve, and every rule accept its options, before any run.
    for combination in 0..<grid.settingCount {
      let point = grid.point(combination)
      let resolved = try conditions(point)
      for rule in command.rules {
        _ = try RuleCatalog.makeRule(named: rule, options: resolved.ruleOptions, setup: setup)
      }
    }
  }

  /// What makes two shards parts of one sweep: the grid and every fixed setting.
  static func identity(of parameters: [String: Any]) -> String? {
    guard let grid = parameters["grid"] as? String, let samples = parameters["samples"] as? Int,
      let epochs = parameters["epochs"] as? Int, let batch = parameters["batchSize"] as? Int,
      let signals = parameters["signals"] as? String
    else { return nil }
    return "\(grid); samples=\(samples); epochs=\(epochs); batch-size=\(batch); \(signals)"
  }

  var identity: String {
    Self.identity(of: [
      "grid": grid.fingerprint, "samples": command.samples, "epochs": command.epochs,
      "batchSize": command.batchSize, "signals": command.signalSettings,
    ]) ?? ""
  }

  /// Checks the shards already in the output folder: all of this sweep (else an error naming
  /// the file) with the same n; returns true when this very shard is finished (its files are
  /// there).
  func isAlreadyDone() throws -> Bool {
    let out = command.outputPath
    let folder = URL(fileURLWithPath: out)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return false
    }
    for name in names.sorted() where name.hasPrefix("shard-") && name.hasSuffix(".json") {
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
        let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let parameters = manifest["parameters"] as? [String: Any],
        let theirs = Self.identity(of: parameters)
      else {
        throw PruneSweepError.incompleteMerge(
          "\(out) holds \(name), which is not a readable sweep manifest; remove it or "
            + "use another --out")
      }
      guard theirs == identity else {
        throw PruneSweepError.badGrid(
          "\(out) already holds \(name) of another sweep (\(theirs)); keep one sweep "
            + "per folder: use another --out or remove the old shards")
      }
      let count = (parameters["shard"] as? String).flatMap { try? SweepShard(parsing: $0) }?.count
      guard count == shard.count else {
        throw PruneSweepError.badGrid(
          "\(out) holds \(name), a shard of this sweep cut into \(count ?? 0) slices, "
            + "not \(shard.count); run every shard with the same n")
      }
    }
    let stem = shard.fileStem
    var needed = ["\(stem).csv", "\(stem).json"]
    if shard.count == 1 { needed += ["sweep.csv", "sweep-summary.csv"] }
    return needed.allSatisfy { names.contains($0) }
  }

  func run() throws {
    if try isAlreadyDone() {
      FileHandle.standardError.write(
        Data(
          ("sweep \(shard): already done in \(command.outputPath); skipped (remove "
            + "\(shard.fileStem).* to run it again)\n").utf8))
      return
    }
    let runner = SweepRunner(
      grid: grid, samples: command.samples, batchSize: command.batchSize, epochs: command.epochs,
      conditions: conditions)
    let total = grid.points(in: shard).count
    let reports = command.reportsProgress
    let label = shard.description
    let started = Date()
    let rows = try runner.run(shard: shard, jobs: command.jobs) { done in
      guard reports, done == total || done % max(1, total / 20) == 0 else { return }
      let elapsed = Date().timeIntervalSince(started)
      let left = elapsed / Double(max(1, done)) * Double(total - done)
      FileHandle.standardError.write(
        Data(
          ("sweep \(label): \(done)/\(total) points, \(Int(elapsed.rounded())) s, about "
            + "\(Int(left.rounded())) s left\n").utf8))
    }
    let stem = shard.fileStem
    let table = try SweepTable.table(rows, grid: grid, name: stem)
    var files = [OutputFile(name: "\(stem).csv", text: table.csvText)]
    if shard.count == 1 { files += try SweepMerge.wholeSweepFiles(csv: table.csvText) }
    let manifest = RunManifest(
      toolVersion: PruneLabVersion.current,
      arguments: command.commandLine,
      seed: command.seed,
      parameters: [
        "grid": .string(grid.fingerprint), "pointCount": .integer(grid.pointCount),
        "shard": .string(shard.description), "samples": .integer(command.samples),
        "epochs": .integer(command.epochs), "batchSize": .integer(command.batchSize),
        "signals": .string(command.signalSettings),
      ], outputs: files.map(\.name))
    files.append(OutputFile(name: "\(stem).json", text: manifest.jsonText))
    try OutputFolder(path: command.outputPath).writeTogether(files)
  }
}
