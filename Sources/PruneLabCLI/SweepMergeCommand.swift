import ArgumentParser
import Foundation
import PruneReport
import PruneSweep

extension PruneLab {
  /// `prunelab sweep merge DIR`: joins the shards of a sweep.
  public struct SweepMergeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Join the shards of a sweep into sweep.csv and sweep-summary.csv.",
      discussion: """
        Reads every shard-<i>-of-<n>.csv with its .json manifest in DIR, checks that they are \
        all n shards of one sweep with every point exactly once, and writes sweep.csv (points \
        in order; the same bytes as running the sweep unsharded), sweep-summary.csv (per rule \
        and setting: mean and standard deviation over seeds) and, when the first varied \
        setting is numeric, sweep-excess-loss.svg and sweep-saved-fraction.svg (the mean \
        against that setting, ± one standard deviation).
        """)

    @Argument(help: "The folder the shards wrote into.")
    var folder: String

    public init() {}

    public func run() throws {
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder)
      } catch {
        throw PruneSweepError.incompleteMerge("cannot read the folder \(folder): no such folder?")
      }
      let shards = try names.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".csv") }.sorted()
        .map { try Self.shard(named: $0, in: folder) }
      let merged = try SweepMerge.merge(shards)
      try OutputFolder(path: folder).writeTogether(try Self.wholeSweepFiles(csv: merged))
    }

    /// sweep.csv, sweep-summary.csv and the figures of a whole sweep's table.
    static func wholeSweepFiles(csv: String) throws -> [OutputFile] {
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
    /// ``SweepJob/identity(of:)``) and point count of its manifest.
    static func shard(named name: String, in folder: String) throws -> SweepMerge.Shard {
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
        let fingerprint = SweepJob.identity(of: parameters),
        let pointCount = parameters["pointCount"] as? Int
      else {
        throw PruneSweepError.incompleteMerge(
          "\(name) or its manifest \(stem).json cannot be read; run shard \(shard) again")
      }
      return SweepMerge.Shard(
        name: name, csv: csv, shard: shard, fingerprint: fingerprint, pointCount: pointCount)
    }
  }
}
