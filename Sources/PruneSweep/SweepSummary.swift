import PruneReport

/// The sweep averaged over seeds: one row per rule and combination of settings, with the mean
/// and sample standard deviation of the saved fraction and the excess loss, and the means of the
/// other metrics (over the seeds where they are defined).
public enum SweepSummary {
  /// Summarises a merged sweep CSV (``SweepMerge/merge(_:)``, or one whole-sweep shard).
  /// - Throws: ``PruneSweepError/incompleteMerge(_:)`` when the columns are not a sweep's;
  ///   ``PruneReport/PruneReportError`` for damaged CSV.
  public static func summarize(csv: String) throws -> CSVTable {
    let records = try CSVParser.records(in: csv)
    guard let header = records.first,
      let firstMetric = header.firstIndex(of: SweepTable.metricColumns[0]),
      header.count == firstMetric + SweepTable.metricColumns.count, firstMetric >= 4
    else {
      throw PruneSweepError.incompleteMerge("the table does not have a sweep's columns")
    }
    let settingColumns = Array(header[4..<firstMetric])
    var order: [[String]] = []
    var groups: [[String]: [[String]]] = [:]
    for record in records.dropFirst() where record.count == header.count {
      let key = [record[1]] + Array(record[4..<firstMetric])
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(Array(record[firstMetric...]))
    }
    var table = try CSVTable(
      columns: ["rule"] + settingColumns + [
        "seeds", "saved_fraction_mean", "saved_fraction_sd", "excess_loss_mean", "excess_loss_sd",
        "difficulty_spearman_mean", "mislabelled_iteration_ratio_mean",
      ], name: "sweep-summary")
    for key in order {
      let metrics = groups[key] ?? []
      func values(_ column: Int) -> [Double] { metrics.compactMap { Double($0[column]) } }
      let saved = values(0)
      let excess = values(3)
      try table.append(
        key.map(CSVValue.string) + [
          .integer(metrics.count), CSVValue(mean(saved)), CSVValue(standardDeviation(saved)),
          CSVValue(mean(excess)), CSVValue(standardDeviation(excess)), CSVValue(mean(values(4))),
          CSVValue(mean(values(5))),
        ])
    }
    return table
  }

  static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation (n - 1); nil for fewer than two values.
  static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count >= 2, let m = mean(values) else { return nil }
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (squares / Double(values.count - 1)).squareRoot()
  }
}
