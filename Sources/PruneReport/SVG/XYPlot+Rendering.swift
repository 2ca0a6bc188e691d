/// Layout and drawing of an ``XYPlot``.
extension XYPlot {
  /// The figure as a standalone SVG document.
  ///
  /// Points that cannot be shown (NaN, infinite, <= 0 on a log axis) are skipped; a series
  /// without any is marked "(no data)" in the legend, and a plot without any says "no data".
  public func svg() -> String {
    let entries = legendEntries()
    var placement = entries.isEmpty ? LegendPlacement.hidden : legend
    if placement == .automatic {
      let trial = layout(for: .hidden, entries: entries)
      if let corner = trial.freeCorner(for: entries, avoiding: referenceLines) {
        placement = corner
      } else {
        let boxWidth = LegendDrawing.boxSize(entries).width
        placement = boxWidth <= width * 0.3 ? .right : .below
      }
    }
    return render(layout(for: placement, entries: entries), placement: placement, entries: entries)
  }

  /// Where everything goes for one legend placement.
  struct Layout {
    var chrome: PlotChrome
    var x: ResolvedAxis
    var y: ResolvedAxis
    var projected: [ProjectedSeries]
    var legendRows: [[LegendEntry]]

    /// The first inside corner whose legend box touches no data and no reference line.
    func freeCorner(for entries: [LegendEntry], avoiding lines: [ReferenceLine])
      -> LegendPlacement?
    {
      let xs = lines.filter { $0.orientation == .vertical }.compactMap { x.position($0.value) }
      let ys = lines.filter { $0.orientation == .horizontal }.compactMap { y.position($0.value) }
      return LegendDrawing.freeCorner(
        in: chrome.area, entries: entries, avoiding: projected, verticalLines: xs,
        horizontalLines: ys)
    }

    func legendBox(_ corner: LegendPlacement, entries: [LegendEntry]) -> PixelRect {
      LegendDrawing.box(corner, in: chrome.area, entries: entries)
    }
  }

  func layout(for placement: LegendPlacement, entries: [LegendEntry]) -> Layout {
    let extents = dataExtents()
    var legendRows: [[LegendEntry]] = []
    if placement == .below {
      legendRows = LegendDrawing.rows(entries, maxWidth: width - 60)
    }
    let bottomReserve =
      legendRows.isEmpty
      ? 0 : Double(legendRows.count) * LegendDrawing.rowHeight + 4
    var chrome = PlotChrome(
      width: width, height: height, title: title, xLabel: xAxis.label, yLabel: yAxis.label,
      bottomReserve: bottomReserve)
    let area = chrome.area
    let y = ResolvedAxis(
      yAxis, extent: extents.y, start: area.bottom, end: area.top,
      labelCapacity: Int(area.height / 42) + 1)
    let rightReserve =
      placement == .right ? LegendDrawing.boxSize(entries).width + 28 : 0
    chrome.fitHorizontally(
      yTickLabelWidth: PlotChrome.labelWidth(y.visibleTicks.filter(\.isMajor)),
      rightReserve: rightReserve)
    var x = fitXAxis(extent: extents.x, chrome: chrome)
    // Keep the last x label inside the figure.
    if let last = x.visibleTicks.last(where: \.isMajor), let position = x.position(last.value) {
      let overflow =
        position + PlotText.width(last.label, size: PlotText.tickSize) / 2 - (width - 6)
      if overflow > 0 {
        chrome.area.right -= overflow
        x = fitXAxis(extent: extents.x, chrome: chrome)
      }
    }
    let projected = series.map { ProjectedSeries($0, x: x, y: y) }
    return Layout(chrome: chrome, x: x, y: y, projected: projected, legendRows: legendRows)
  }

  /// The x axis with as many ticks as fit without their labels touching.
  func fitXAxis(extent: (min: Double, max: Double)?, chrome: PlotChrome) -> ResolvedAxis {
    let area = chrome.area
    var capacity = max(2, Int(area.width / 70) + 1)
    while true {
      let axis = ResolvedAxis(
        xAxis, extent: extent, start: area.left, end: area.right, labelCapacity: capacity)
      let labelled = axis.visibleTicks.filter(\.isMajor).compactMap { tick in
        axis.position(tick.value).map {
          (position: $0, width: PlotText.width(tick.label, size: PlotText.tickSize))
        }
      }
      let fits = zip(labelled, labelled.dropFirst()).allSatisfy { left, right in
        right.position - left.position >= (left.width + right.width) / 2 + 12
      }
      if fits || capacity <= 2 { return axis }
      capacity -= 1
    }
  }

  func render(_ layout: Layout, placement: LegendPlacement, entries: [LegendEntry]) -> String {
    var document = SVGDocument(width: width, height: height)
    let chrome = layout.chrome
    document.open("defs")
    chrome.clipPath(id: "plot-area", margin: 0, into: &document)
    chrome.clipPath(id: "plot-area-markers", margin: 7, into: &document)
    document.close("defs")
    chrome.drawGrid(x: layout.x, y: layout.y, into: &document)

    document.openGroup([("class", "data"), ("clip-path", "url(#plot-area)")])
    for (index, projected) in layout.projected.enumerated() {
      for band in projected.bands {
        document.element(
          "path",
          [
            ("d", SVGDocument.pathData(band, closed: true)), ("fill", appearance(index).color),
            ("fill-opacity", "0.18"), ("stroke", "none"),
          ])
      }
    }
    drawReferenceLines(layout, into: &document)
    for (index, projected) in layout.projected.enumerated() where series[index].style != .markers {
      let look = appearance(index)
      for run in projected.runs where run.count >= 2 {
        var pairs: [(String, String)] = [
          ("d", SVGDocument.pathData(run)), ("fill", "none"), ("stroke", look.color),
          ("stroke-width", "2.25"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        ]
        if let dash = look.dash { pairs.append(("stroke-dasharray", dash)) }
        document.element("path", pairs)
      }
    }
    document.close()

    document.openGroup([("class", "markers"), ("clip-path", "url(#plot-area-markers)")])
    for (index, projected) in layout.projected.enumerated() {
      let look = appearance(index)
      for bar in projected.errorBars {
        document.line(bar.x, bar.low, bar.x, bar.high, stroke: look.color, width: 1.5)
        for end in [bar.low, bar.high] {
          document.line(bar.x - 4, end, bar.x + 4, end, stroke: look.color, width: 1.5)
        }
      }
      let style = series[index].style
      // A run of one point has no line, so it always gets a marker.
      let lonely = projected.runs.filter { $0.count == 1 }.map { $0[0] }
      var markerPoints: [PixelPoint] = []
      switch style {
      case .markers, .lineAndMarkers:
        markerPoints = ProjectedSeries.markerIndices(
          points: projected.points, seriesIndex: index, seriesCount: series.count
        ).map { projected.points[$0] }
        if style == .markers {
          markerPoints = projected.points
        }
      case .line, .steps:
        markerPoints = lonely
      }
      for point in markerPoints {
        document.element(
          "path",
          [
            ("d", look.marker.pathData(x: point.x, y: point.y, r: 4.5)), ("fill", look.color),
            ("stroke", "#ffffff"), ("stroke-width", "1"),
          ])
      }
    }
    document.close()

    chrome.drawAxes(x: layout.x, y: layout.y, into: &document)
    ReferenceLabels.draw(
      referenceLines, x: layout.x, y: layout.y, area: chrome.area, data: layout.projected,
      into: &document)
    chrome.drawLabels(into: &document)
    if layout.projected.allSatisfy({ $0.points.isEmpty }) {
      chrome.drawNoData(into: &document)
    }
    drawLegend(layout, placement: placement, entries: entries, into: &document)
    return document.rendered(title: title, fontFamily: PlotText.fontFamily)
  }

  func drawReferenceLines(_ layout: Layout, into document: inout SVGDocument) {
    let area = layout.chrome.area
    for line in referenceLines {
      switch line.orientation {
      case .horizontal:
        guard let py = layout.y.position(line.value) else { continue }
        document.line(area.left, py, area.right, py, stroke: line.color, width: 1.5, dash: "6 4")
      case .vertical:
        guard let px = layout.x.position(line.value) else { continue }
        document.line(px, area.top, px, area.bottom, stroke: line.color, width: 1.5, dash: "6 4")
      }
    }
  }

  func drawLegend(
    _ layout: Layout, placement: LegendPlacement, entries: [LegendEntry],
    into document: inout SVGDocument
  ) {
    let area = layout.chrome.area
    switch placement {
    case .hidden, .automatic:
      return
    case .right:
      LegendDrawing.drawBox(entries, x: area.right + 16, y: area.top, into: &document)
    case .below:
      let y = height - Double(layout.legendRows.count) * LegendDrawing.rowHeight + 4
      LegendDrawing.drawRows(
        layout.legendRows, centerX: (area.left + area.right) / 2, y: y, into: &document)
    case .topLeft, .topRight, .bottomLeft, .bottomRight:
      let box = layout.legendBox(placement, entries: entries)
      LegendDrawing.drawBox(entries, x: box.left, y: box.top, into: &document)
    }
  }
}
