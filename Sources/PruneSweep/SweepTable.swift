import PruneReport

/// The tidy CSV of a sweep: one row per point, `point,rule,seed_index,seed,<settings>,<metrics>`.
///
/// Metrics are printed in Swift's shortest round-trip form and an absent one (a correlation of
/// constant series, a ratio without label noise) as the empty field, so merged shards and a
/// single-shard run give the same bytes.
public enum SweepTable {
  /// The metric columns, after the settings.
  public static let metricColumns = [
    "saved_fraction", "final_expected_loss", "full_data_final_expected_loss", "excess_loss",
    "difficulty_spearman", "mislabelled_iteration_ratio",
  ]

  /// The header for `grid`.
  public static func columns(for grid: SweepGrid) -> [String] {
    ["point", "rule", "seed_index", "seed"] + grid.axes.map(\.name) + metricColumns
  }

  /// The table of measured points (in the order given).
  /// - Throws: ``PruneReport/PruneReportError`` when an axis is named like a fixed column.
  public static func table(
    _ rows: [(SweepPoint, SweepMeasurement)], grid: SweepGrid, name: String
  ) throws -> CSVTable {
    var table = try CSVTable(columns: columns(for: grid), name: name)
    for (point, m) in rows {
      let fixed: [CSVValue] = [
        .integer(point.index), .string(point.rule), .integer(point.seedIndex),
        .string("\(point.seed)"),
      ]
      let metrics: [CSVValue] = [
        .number(m.savedFraction), .number(m.finalExpectedLoss),
        .number(m.fullDataFinalExpectedLoss), .number(m.excessLoss), CSVValue(m.difficultySpearman),
        CSVValue(m.mislabelledIterationRatio),
      ]
      try table.append(fixed + point.settings.map { .string($0.value) } + metrics)
    }
    return table
  }
}
