import PruneReport

/// The stress page's CSV tables: every point, and every breaking point.
public enum StressTables {
  /// One row per (knob, value, seed, rule) point.
  /// - Throws: ``PruneReport/PruneReportError`` for a damaged table.
  public static func points(_ points: [StressMeasurement]) throws -> CSVTable {
    var table = try CSVTable(
      columns: [
        "knob", "value", "seed_index", "seed", "rule", "saved_fraction", "final_expected_loss",
        "full_data_final_expected_loss", "excess_over_full", "matched_random_ratio",
        "matched_random_saved_fraction", "matched_random_final_expected_loss",
        "excess_over_random", "difficulty_spearman", "mislabelled_iteration_ratio",
        "guarantee", "guarantee_value", "guarantee_holds",
      ], name: "stress-points")
    for p in points {
      try table.append([
        .string(p.knob), .string(CSVValue.format(p.value)), .integer(p.seedIndex),
        .string("\(p.seed)"), .string(p.rule), .number(p.run.savedFraction),
        .number(p.run.finalExpectedLoss), .number(p.run.fullDataFinalExpectedLoss),
        .number(p.excessOverFull), CSVValue(p.matchedRandomRatio),
        CSVValue(p.matchedRandomSavedFraction), CSVValue(p.matchedRandomFinalLoss),
        CSVValue(p.excessOverRandom), CSVValue(p.run.difficultySpearman),
        CSVValue(p.run.mislabelledIterationRatio), p.guarantee.map { .string($0.name) } ?? .missing,
        CSVValue(p.guarantee?.value), p.guarantee.map { .boolean($0.holds) } ?? .missing,
      ])
    }
    return table
  }

  /// One row per (rule, knob): tolerance, breaking value and its bootstrap interval.
  /// - Throws: ``PruneReport/PruneReportError`` for a damaged table.
  public static func breakingPoints(
    _ points: [StressBreakingPoint], knobs: [StressKnob]
  ) throws -> CSVTable {
    var table = try CSVTable(
      columns: [
        "rule", "knob", "values", "seeds", "tolerance", "breaking_value", "interval_lower",
        "interval_upper", "mean_excess_over_random", "mean_excess_over_full",
        "mean_saved_fraction",
      ], name: "stress-breaking-points")
    for p in points {
      guard let knob = knobs.first(where: { $0.id == p.knob }) else { continue }
      let label = { (index: Int) -> String in
        index < p.values.count ? knob.label(p.values[index]) : "none"
      }
      func joined(_ values: [Double?]) -> String {
        values.map { $0.map(CSVValue.format) ?? "" }.joined(separator: ";")
      }
      try table.append([
        .string(p.rule), .string(p.knob),
        .string(p.values.map(knob.label).joined(separator: ";")), .integer(p.seedCount),
        .number(p.tolerance), .string(p.breakingIndex.map(label) ?? "none"),
        .string(label(p.intervalIndices.lower)), .string(label(p.intervalIndices.upper)),
        .string(joined(p.meanExcessOverRandom)), .string(joined(p.meanExcessOverFull)),
        .string(joined(p.meanSavedFraction)),
      ])
    }
    return table
  }
}
