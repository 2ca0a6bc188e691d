import PruneReport

/// Figures of a sweep summary (``SweepSummary``): a metric's mean over seeds against the first
/// varied setting, with ± one standard deviation as error bars, one series per rule and value of
/// the other settings. Nil when the sweep varies nothing or the first setting is not numeric.
public enum SweepFigure {
  /// The metrics drawn: summary column stem, axis label, file name.
  public static let metrics = [
    ("excess_loss", "excess expected loss over full data", "sweep-excess-loss.svg"),
    ("saved_fraction", "saved fraction of sample-iterations", "sweep-saved-fraction.svg"),
  ]

  /// The SVG of one metric (`excess_loss` or `saved_fraction`).
  /// - Throws: ``PruneReport/PruneReportError`` from the plot.
  public static func svg(summary: CSVTable, metric: String, label: String) throws -> String? {
    let columns = summary.columns
    guard let seedsColumn = columns.firstIndex(of: "seeds"), seedsColumn >= 2,
      let meanColumn = columns.firstIndex(of: metric + "_mean"),
      let sdColumn = columns.firstIndex(of: metric + "_sd")
    else { return nil }
    let xName = columns[1]
    var order: [String] = []
    var points: [String: [(x: Double, y: Double, sd: Double)]] = [:]
    for row in summary.rows {
      guard let x = Double(row[1].text), let y = Double(row[meanColumn].text) else { return nil }
      let others = (2..<seedsColumn).map { "\(columns[$0])=\(row[$0].text)" }
      let name = ([row[0].text] + others).joined(separator: ", ")
      if points[name] == nil { order.append(name) }
      points[name, default: []].append((x, y, Double(row[sdColumn].text) ?? 0))
    }
    let series = try order.map { name in
      let values = (points[name] ?? []).sorted { $0.x < $1.x }
      return try PlotSeries(name: name, x: values.map(\.x), y: values.map(\.y))
        .withUncertainty(halfWidth: values.map(\.sd))
    }
    let plot = XYPlot(
      title: "\(label) vs \(xName)", xAxis: .linear(xName), yAxis: .linear(label),
      series: series)
    return plot.svg()
  }
}
