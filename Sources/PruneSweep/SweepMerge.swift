import PruneReport

/// Joins the shard CSVs of one sweep into its whole table and checks that they make exactly one
/// sweep: the same header and grid in every shard, all n shards of `i/n` present, and every
/// point 0..<P listed exactly once.
public enum SweepMerge {
  /// One shard's output: its file name, its CSV text, and the grid fingerprint and point count
  /// its run recorded.
  public struct Shard: Sendable {
    public let name: String
    public let csv: String
    public let shard: SweepShard
    public let fingerprint: String
    public let pointCount: Int

    public init(name: String, csv: String, shard: SweepShard, fingerprint: String, pointCount: Int) {
      self.name = name
      self.csv = csv
      self.shard = shard
      self.fingerprint = fingerprint
      self.pointCount = pointCount
    }
  }

  /// The merged CSV text, rows in point order.
  /// - Throws: ``PruneSweepError/incompleteMerge(_:)`` naming the shard or point at fault;
  ///   ``PruneReport/PruneReportError/malformedCSV(line:reason:)`` for a damaged file.
  public static func merge(_ shards: [Shard]) throws -> String {
    guard let first = shards.first else {
      throw PruneSweepError.incompleteMerge("no shard files; run `prunelab sweep run` first")
    }
    for shard in shards where shard.fingerprint != first.fingerprint
      || shard.pointCount != first.pointCount || shard.shard.count != first.shard.count
    {
      throw PruneSweepError.incompleteMerge(
        "\(shard.name) belongs to another sweep than \(first.name) (\(shard.fingerprint) vs "
          + "\(first.fingerprint)); keep one sweep per folder")
    }
    let present = Set(shards.map(\.shard.index))
    if let missing = (1...first.shard.count).first(where: { !present.contains($0) }) {
      throw PruneSweepError.incompleteMerge(
        "shard \(missing)/\(first.shard.count) is missing; run it with --shard "
          + "\(missing)/\(first.shard.count)")
    }
    var header: [String]?
    var rows = [[String]?](repeating: nil, count: first.pointCount)
    for shard in shards {
      let records = try CSVParser.records(in: shard.csv)
      guard let shardHeader = records.first else {
        throw PruneSweepError.incompleteMerge("\(shard.name) is empty; run its shard again")
      }
      if let header, header != shardHeader {
        throw PruneSweepError.incompleteMerge("\(shard.name) has another header than the others")
      }
      header = shardHeader
      for record in records.dropFirst() {
        guard record.count == shardHeader.count, let point = Int(record[0]),
          point >= 0, point < first.pointCount
        else {
          throw PruneSweepError.incompleteMerge(
            "\(shard.name) has a row that is not a point of this sweep: \(record.joined(separator: ","))")
        }
        guard rows[point] == nil else {
          throw PruneSweepError.incompleteMerge("point \(point) appears twice (in \(shard.name))")
        }
        rows[point] = record
      }
    }
    if let missing = rows.firstIndex(where: { $0 == nil }) {
      throw PruneSweepError.incompleteMerge(
        "point \(missing) is in no shard (its shard stopped early?); run that shard again")
    }
    let table = try CSVTable(
      columns: header ?? [], textRows: rows.compactMap { $0 }, name: "sweep")
    return table.csvText
  }
}
