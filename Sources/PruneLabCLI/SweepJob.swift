import Foundation
import PruneCore
import PruneReport
import PruneSweep

/// One `prunelab sweep run`: builds the grid, resolves and checks every point of the shard
/// before anything runs or is written, measures, and writes the shard's files together.
struct SweepJob {
  let command: PruneLab.SweepRun
  let grid: SweepGrid
  let shard: SweepShard
  let resolver: SweepSettingsResolver

  /// - Throws: ``PruneSweep/PruneSweepError`` for a bad grid, shard or setting; the rules'
  ///   range errors for a bad value, all before any output.
  init(command: PruneLab.SweepRun) throws {
    self.command = command
    let rules = command.rules.split(separator: ",").map { String($0) }
    for rule in rules { _ = try RuleCatalog.descriptor(named: rule) }
    grid = try SweepGrid(
      axes: try command.axes.map(Self.axis), rules: rules, seedCount: command.seeds,
      baseSeed: command.seed)
    shard = try SweepShard(parsing: command.shard)
    guard command.jobs >= 1 else {
      throw PruneLabCLIError.needsOption(option: "--jobs", reason: "give at least 1 thread")
    }
    resolver = SweepSettingsResolver(baseSignalArguments: command.signals.canonicalArguments)
    let setup = try TrainingSetup(
      sampleCount: command.samples, batchSize: command.batchSize, plannedEpochs: command.epochs,
      seed: command.seed)
    // Every combination must resolve, and every rule accept its options, before any run.
    for combination in 0..<grid.settingCount {
      let point = grid.point(combination)
      let conditions = try resolver.conditions(for: point)
      for rule in rules {
        _ = try RuleCatalog.makeRule(named: rule, options: conditions.ruleOptions, setup: setup)
      }
    }
  }

  /// `name=v1,v2,...`.
  static func axis(_ text: String) throws -> SweepGrid.Axis {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw PruneSweepError.badGrid("--vary \(text) is not name=v1,v2,...")
    }
    let name = String(text[..<equals])
    let values = text[text.index(after: equals)...].split(separator: ",").map { String($0) }
    return SweepGrid.Axis(name: name.hasPrefix("--") ? String(name.dropFirst(2)) : name, values: values)
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
      "batchSize": command.batchSize,
      "signals": command.signals.canonicalArguments.joined(separator: " "),
    ]) ?? ""
  }

  /// Checks the shards already in --out: all of this sweep (else an error naming the file)
  /// with the same n; returns true when this very shard is finished (its files are there).
  func isAlreadyDone() throws -> Bool {
    let folder = URL(fileURLWithPath: command.out)
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
          "\(command.out) holds \(name), which is not a readable sweep manifest; remove it or "
            + "use another --out")
      }
      guard theirs == identity else {
        throw PruneSweepError.badGrid(
          "\(command.out) already holds \(name) of another sweep (\(theirs)); keep one sweep "
            + "per folder: use another --out or remove the old shards")
      }
      let count = (parameters["shard"] as? String).flatMap { try? SweepShard(parsing: $0) }?.count
      guard count == shard.count else {
        throw PruneSweepError.badGrid(
          "\(command.out) holds \(name), a shard of this sweep cut into \(count ?? 0) slices, "
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
        Data("sweep \(shard): already done in \(command.out); skipped (remove \(shard.fileStem).* to run it again)\n".utf8))
      return
    }
    let resolver = self.resolver
    let runner = SweepRunner(
      grid: grid, samples: command.samples, batchSize: command.batchSize, epochs: command.epochs,
      conditions: { try resolver.conditions(for: $0) })
    let total = grid.points(in: shard).count
    let reports = command.progress || ProgressReporter.isTerminal
    let label = shard.description
    let started = Date()
    let rows = try runner.run(shard: shard, jobs: command.jobs) { done in
      guard reports, done == total || done % max(1, total / 20) == 0 else { return }
      let elapsed = Date().timeIntervalSince(started)
      let left = elapsed / Double(max(1, done)) * Double(total - done)
      FileHandle.standardError.write(
        Data("sweep \(label): \(done)/\(total) points, \(Int(elapsed.rounded())) s, about \(Int(left.rounded())) s left\n".utf8))
    }
    let stem = shard.fileStem
    let table = try SweepTable.table(rows, grid: grid, name: stem)
    var files = [OutputFile(name: "\(stem).csv", text: table.csvText)]
    if shard.count == 1 { files += try PruneLab.SweepMergeCommand.wholeSweepFiles(csv: table.csvText) }
    let manifest = RunManifest(
      toolVersion: PruneLabVersion.current,
      arguments: ["prunelab", "sweep", "run"] + Array(CommandLine.arguments.dropFirst(3)),
      seed: command.seed,
      parameters: [
        "grid": .string(grid.fingerprint), "pointCount": .integer(grid.pointCount),
        "shard": .string(shard.description), "samples": .integer(command.samples),
        "epochs": .integer(command.epochs), "batchSize": .integer(command.batchSize),
        "signals": .string(command.signals.canonicalArguments.joined(separator: " ")),
      ], outputs: files.map(\.name))
    files.append(OutputFile(name: "\(stem).json", text: manifest.jsonText))
    try OutputFolder(path: command.out).writeTogether(files)
  }
}
