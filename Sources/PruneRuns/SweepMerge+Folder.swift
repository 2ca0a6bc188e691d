import Foundation
import PruneReport
import PruneSweep

extension SweepMerge {
  /// `prunelab sweep merge DIR`: joins the shards in `folder` into sweep.csv, sweep-summary.csv
  /// and the figures, after checking that they are all the shards of one sweep.
  /// - Throws: ``PruneSweepError/incompleteMerge(_:)`` naming what is missing or unreadable.
  public static func mergeFolder(_ folder: String) throws {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw PruneSweepError.incompleteMerge("cannot read the folder \(folder): no such folder?")
    }
    let shards = try names.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".csv") }.sorted()
      .map { try shard(named: $0, in: folder) }
    let merged = try merge(shards)
    try OutputFolder(path: folder).writeTogether(try wholeSweepFiles(csv: merged))
  }

  /// sweep.csv, sweep-summary.csv and the figures of a whole sweep's table.
  public static func wholeSweepFiles(csv: String) throws -> [OutputFile] {
    let summary = try SweepSummary.summarize(csv: csv)
    var files = [
      OutputFile(name: "sweep.csv", text: csv),
      OutputFile(name: "sweep-summary.csv", text: summary.csvText),
    ]
    for (metric, label, name) in SweepFigure.metrics {
      if let svg = try SweepFigure.svg(summary: summary, metric: metric, label: label) {
        files.append(OutputFile(name: name, text: svg))
      }
    }
    return files
  }

  /// Reads `shard-<i>-of-<n>.csv` and the sweep identity (grid and fixed settings,
  /// ``SweepShardRun/identity(of:)``) and point count of its manifest.
  static func shard(named name: String, in folder: String) throws -> Shard {
    let stem = String(name.dropLast(4))
    let parts = stem.split(separator: "-")
    guard parts.count == 4, parts[2] == "of",
      let shard = try? SweepShard(parsing: "\(parts[1])/\(parts[3])")
    else {
      throw PruneSweepError.incompleteMerge(
        "\(name) is not named shard-<i>-of-<n>.csv; remove it from \(folder)")
    }
    let base = URL(fileURLWithPath: folder)
    guard let csv = try? String(contentsOf: base.appendingPathComponent(name), encoding: .utf8),
      let data = try? Data(contentsOf: base.appendingPathComponent(stem + ".json")),
      let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let parameters = manifest["parameters"] as? [String: Any],
      let fingerprint = SweepShardRun.identity(of: parameters),
      let pointCount = parameters["pointCount"] as? Int
    else {
      throw PruneSweepError.incompleteMerge(
        "\(name) or its manifest \(stem).json cannot be read; run shard \(shard) again")
    }
    return Shard(
      name: name, csv: csv, shard: shard, fingerprint: fingerprint, pointCount: pointCount)
  }
}
