import PruneReport

/// The stress page's figures: the at-a-glance atlas (rules × knobs coloured by breaking point)
/// and, per knob, each rule's excess over matched random against the knob.
public enum StressFigures {
  /// Rules down, knobs across; a cell's colour says how early the rule breaks (red: at the
  /// mildest value, i.e. not better than random at its own budget; through orange and yellow
  /// to green: no breaking point in the range; grey: the knob does not apply). The text is the
  /// breaking value or "none".
  public static func atlas(
    _ points: [StressBreakingPoint], rules: [String], knobs: [StressKnob]
  ) -> String {
    let cellWidth = 118.0
    let cellHeight = 34.0
    let left = 130.0
    let top = 70.0
    let width = left + cellWidth * Double(knobs.count) + 20
    let height = top + cellHeight * Double(rules.count) + 70
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(format(width))" height="\(format(height))" \
      viewBox="0 0 \(format(width)) \(format(height))" font-family="sans-serif" font-size="12">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(format(width / 2))" y="22" text-anchor="middle" font-size="15">Breaking point \
      at matched savings (excess loss over dynamic random above the seed tolerance)</text>

      """
    for (k, knob) in knobs.enumerated() {
      let x = left + cellWidth * (Double(k) + 0.5)
      svg +=
        "<text x=\"\(format(x))\" y=\"\(format(top - 10))\" text-anchor=\"middle\">"
        + "\(escaped(knob.id))</text>\n"
    }
    for (r, rule) in rules.enumerated() {
      let y = top + cellHeight * Double(r)
      svg +=
        "<text x=\"\(format(left - 8))\" y=\"\(format(y + cellHeight / 2 + 4))\" "
        + "text-anchor=\"end\">\(escaped(rule))</text>\n"
      for (k, knob) in knobs.enumerated() {
        let x = left + cellWidth * Double(k)
        let point = points.first { $0.rule == rule && $0.knob == knob.id }
        let (fill, label) = cell(point, knob: knob)
        svg +=
          "<rect x=\"\(format(x + 1))\" y=\"\(format(y + 1))\" width=\"\(format(cellWidth - 2))\" "
          + "height=\"\(format(cellHeight - 2))\" fill=\"\(fill)\"/>\n"
        svg +=
          "<text x=\"\(format(x + cellWidth / 2))\" y=\"\(format(y + cellHeight / 2 + 4))\" "
          + "text-anchor=\"middle\">\(escaped(label))</text>\n"
      }
    }
    let legendY = top + cellHeight * Double(rules.count) + 28
    let legend = [
      ("#d7301f", "breaks at the mildest value"), ("#fc8d59", "breaks early"),
      ("#fee08b", "breaks late"), ("#91cf60", "none in the range"), ("#dddddd", "not applicable"),
    ]
    for (i, (color, text)) in legend.enumerated() {
      let x = left + Double(i) * 150
      svg +=
        "<rect x=\"\(format(x))\" y=\"\(format(legendY - 11))\" width=\"14\" height=\"14\" "
        + "fill=\"\(color)\"/>\n<text x=\"\(format(x + 20))\" y=\"\(format(legendY))\">"
        + "\(text)</text>\n"
    }
    return svg + "</svg>\n"
  }

  static func cell(_ point: StressBreakingPoint?, knob: StressKnob) -> (String, String) {
    guard let point else { return ("#dddddd", "n/a") }
    guard let index = point.breakingIndex else { return ("#91cf60", "none") }
    let label = "\(knob.label(point.values[index]))"
    if index == 0 { return ("#d7301f", label) }
    let position = Double(index) / Double(max(1, point.values.count - 1))
    return (position < 0.5 ? "#fc8d59" : "#fee08b", label)
  }

  /// One knob: each rule's mean excess loss over matched random (± sd over seeds) against the
  /// knob, with a line at zero (as good as random).
  /// - Throws: ``PruneReport/PruneReportError`` from the plot.
  public static func knob(_ knob: StressKnob, _ points: [StressBreakingPoint]) throws -> String {
    var series: [PlotSeries] = []
    for point in points where point.knob == knob.id {
      let kept = point.values.indices.filter { point.meanExcessOverRandom[$0] != nil }
      guard !kept.isEmpty else { continue }
      series.append(
        try PlotSeries(
          name: point.rule, x: kept.map { knob.plotted(point.values[$0]) },
          y: kept.map { point.meanExcessOverRandom[$0] ?? 0 }
        ).withUncertainty(halfWidth: kept.map { point.sdExcessOverRandom[$0] ?? 0 }))
    }
    let plot = XYPlot(
      title: "Excess loss over dynamic random at matched savings vs \(knob.id)",
      xAxis: .linear(knob.axisLabel),
      yAxis: .linear("final loss − matched random's (mean ± sd over seeds)"), series: series,
      referenceLines: [.horizontal(at: 0, label: "as good as random")])
    return plot.svg()
  }

  static func format(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }

  static func escaped(_ text: String) -> String {
    text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;")
      .replacingAll(">", with: "&gt;")
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
