import Foundation
import Testing

@testable import PruneReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Checks that `svg` is well-formed XML: every tag closed in order, attributes quoted.
/// Returns the element names in document order.
func checkedElementNames(_ svg: String) throws -> [String] {
  var names: [String] = []
  var stack: [String] = []
  var rest = Substring(svg)
  while let open = rest.firstIndex(of: "<") {
    guard let close = rest[open...].firstIndex(of: ">") else {
      Issue.record("unterminated tag")
      return names
    }
    let tag = rest[rest.index(after: open)..<close]
    rest = rest[rest.index(after: close)...]
    if tag.hasPrefix("?") || tag.hasPrefix("!") { continue }
    if tag.hasPrefix("/") {
      let name = String(tag.dropFirst())
      #expect(stack.popLast() == name, "closing \(name) does not match")
      continue
    }
    let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" })
    #expect(tag.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes in <\(name)>")
    names.append(name)
    if !tag.hasSuffix("/") { stack.append(name) }
  }
  #expect(stack.isEmpty, "unclosed: \(stack)")
  #if canImport(FoundationXML)
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "XMLParser: \(String(describing: parser.parserError))")
  #endif
  return names
}

@Suite struct XYPlotTests {
  @Test func samplesAreWellFormedAndStandalone() throws {
    try SampleFigures.writeIfRequested()
    for sample in try SampleFigures.all {
      let names = try checkedElementNames(sample.svg)
      #expect(names.first == "svg", "\(sample.name)")
      #expect(sample.svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
      #expect(sample.svg.contains("viewBox=\"0 0 800 500\""))
    }
  }

  @Test func sameDataSameBytes() throws {
    for (first, second) in zip(try SampleFigures.all, try SampleFigures.all) {
      #expect(first.svg == second.svg, "\(first.name)")
    }
  }

  @Test func nonFinitePointsAreSkippedAndLinesBreakThere() throws {
    let series = try PlotSeries(
      name: "s", x: [0, 1, 2, 3, 4, 5], y: [1, 2, .nan, 3, .infinity, 4], style: .line)
    let plot = XYPlot(title: "t", xAxis: .linear("x"), yAxis: .linear("y"), series: [series])
    let svg = plot.svg()
    _ = try checkedElementNames(svg)
    for bad in ["nan", "NaN", "inf", "Inf"] { #expect(!svg.contains(bad)) }
    let layout = plot.layout(for: .hidden, entries: plot.legendEntries())
    #expect(layout.projected[0].runs.map(\.count) == [2, 1, 1])
    #expect(layout.projected[0].points.count == 4)
  }

  @Test func nonPositiveValuesAreSkippedOnLogAxes() throws {
    let series = try PlotSeries(name: "s", x: [-1, 0, 1, 10, 100], y: [1, 1, 1, 0, 5])
    let plot = XYPlot(title: "t", xAxis: .log10("x"), yAxis: .log10("y"), series: [series])
    let layout = plot.layout(for: .hidden, entries: plot.legendEntries())
    #expect(layout.projected[0].points.count == 2)
  }

  @Test func emptyPlotSaysNoDataAndEmptySeriesIsMarked() throws {
    let empty = XYPlot(title: "t", xAxis: .linear("x"), yAxis: .log10("y"))
    #expect(empty.svg().contains(">no data<"))
    let plot = XYPlot(
      title: "t", xAxis: .linear("x"), yAxis: .linear("y"),
      series: [
        try PlotSeries(name: "real", x: [1, 2], y: [1, 2]),
        try PlotSeries(name: "void", x: [1], y: [.nan]),
      ])
    let svg = plot.svg()
    #expect(svg.contains(">void (no data)<"))
    #expect(!svg.contains(">no data<"))
  }

  @Test func textIsEscaped() throws {
    let plot = XYPlot(
      title: "a < b & \"c\"", xAxis: .linear("x"), yAxis: .linear("y"),
      series: [try PlotSeries(name: "<s>", x: [1], y: [1])])
    let svg = plot.svg()
    _ = try checkedElementNames(svg)
    #expect(svg.contains("a &lt; b &amp; &quot;c&quot;"))
    #expect(svg.contains("&lt;s&gt;"))
  }

  @Test func automaticLegendAvoidsDataOrMovesOutside() throws {
    // Data through every corner: the legend must leave the plot area.
    let x = (0...40).map(Double.init)
    let crossing = XYPlot(
      title: "t", xAxis: .linear("x"), yAxis: .linear("y"),
      series: [
        try PlotSeries(name: "up", x: x, y: x), try PlotSeries(name: "down", x: x, y: x.reversed()),
      ])
    let entries = crossing.legendEntries()
    let trial = crossing.layout(for: .hidden, entries: entries)
    #expect(trial.freeCorner(for: entries, avoiding: []) == nil)
    #expect(crossing.svg().contains("class=\"legend\""))
    // The legend sits right of the plot area.
    let outside = crossing.layout(for: .right, entries: entries)
    #expect(outside.chrome.area.right < 800 - LegendDrawing.boxSize(entries).width)

    // Data only along the bottom: the top-right corner is free.
    let low = XYPlot(
      title: "t", xAxis: .linear("x"), yAxis: try Axis(label: "y", lower: 0, upper: 10),
      series: [try PlotSeries(name: "flat", x: x, y: x.map { _ in 1 })])
    let lowEntries = low.legendEntries()
    let corner = low.layout(for: .hidden, entries: lowEntries)
      .freeCorner(for: lowEntries, avoiding: [])
    #expect(corner == .topRight)
  }

  @Test func xTickLabelsDoNotOverlapOnNarrowFigures() throws {
    let plot = XYPlot(
      title: "narrow", xAxis: .linear("x"), yAxis: .linear("y"),
      series: [try PlotSeries(name: "s", x: [123_456.0, 987_654.0], y: [0, 1])], width: 320)
    let layout = plot.layout(for: .hidden, entries: plot.legendEntries())
    let labelled = layout.x.visibleTicks.filter(\.isMajor)
    #expect(labelled.count >= 2)
    let positions = labelled.compactMap { layout.x.position($0.value) }
    for (left, right) in zip(zip(labelled, positions), zip(labelled, positions).dropFirst()) {
      let needed =
        (PlotText.width(left.0.label, size: 14) + PlotText.width(right.0.label, size: 14)) / 2
      #expect(right.1 - left.1 >= needed)
    }
  }

  @Test func seriesArraysMustMatch() throws {
    #expect(throws: PruneReportError.self) { try PlotSeries(name: "s", x: [1, 2], y: [1]) }
    let series = try PlotSeries(name: "s", x: [1, 2], y: [1, 2])
    #expect(throws: PruneReportError.self) {
      try series.withUncertainty(lower: [0], upper: [2, 3])
    }
    let banded = try series.withUncertainty(halfWidth: [0.5, 0.25], as: .band)
    #expect(banded.lower == [0.5, 1.75])
    #expect(banded.upper == [1.5, 2.25])
  }

  @Test func figureWritesAtomically() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let plot = try SampleFigures.biasAgainstRatio()
    let file = try plot.write(to: try OutputFolder(scratch), as: "figures/b.svg")
    #expect(try String(contentsOf: file, encoding: .utf8) == plot.svg())
    #expect(try listing(scratch.appendingPathComponent("figures")) == ["b.svg"])
  }

  @Test func markersAreThinnedEvenlyInPixels() {
    // 400 points crowded at one end (as on a log axis): markers stay evenly spaced in pixels.
    let points: [PixelPoint] = (0..<400).map { index in
      (x: 100 + 600 * (Double(index) / 399).squareRoot(), y: 200)
    }
    let indices = ProjectedSeries.markerIndices(points: points, seriesIndex: 0, seriesCount: 2)
    #expect((14...16).contains(indices.count))
    let xs = indices.map { points[$0].x }
    let gaps = zip(xs, xs.dropFirst()).map { $1 - $0 }
    #expect((gaps.max() ?? 0) - (gaps.min() ?? 0) < 5)
    let few = Array(points.prefix(12))
    #expect(ProjectedSeries.markerIndices(points: few, seriesIndex: 1, seriesCount: 2).count == 12)
  }

  @Test func stepsDrawAStaircase() {
    let stairs = ProjectedSeries.staircase([(0, 10), (5, 20), (9, 15)])
    #expect(stairs.map(\.x) == [0, 5, 5, 9, 9])
    #expect(stairs.map(\.y) == [10, 10, 20, 20, 15])
  }

  @Test func extremeValuesDoNotTrap() throws {
    let huge = try PlotSeries(name: "huge", x: [-1e308, 1e308], y: [-1e308, 1e308])
    let tiny = try PlotSeries(
      name: "tiny", x: [.leastNonzeroMagnitude, 1e-300, 1],
      y: [.leastNormalMagnitude / 1000, 1e300, .greatestFiniteMagnitude])
    for plot in [
      XYPlot(title: "huge", xAxis: .linear("x"), yAxis: .linear("y"), series: [huge]),
      XYPlot(title: "tiny", xAxis: .log10("x"), yAxis: .log10("y"), series: [tiny]),
      XYPlot(
        title: "outside", xAxis: try Axis(label: "x", lower: 5, upper: 6),
        yAxis: try Axis(label: "y", scale: .log10, upper: 1), series: [tiny]),
    ] {
      _ = try checkedElementNames(plot.svg())
    }
  }

  @Test func unnamedSeriesStayOutOfTheLegend() throws {
    let plot = XYPlot(
      title: "t", xAxis: .linear("x"), yAxis: .linear("y"),
      series: [try PlotSeries(name: "", x: [1, 2], y: [1, 2])])
    #expect(!plot.svg().contains("class=\"legend\""))
  }
}
