/// Layout and drawing of a ``CategoryPlot``.
extension CategoryPlot {
  func appearance(_ index: Int) -> SeriesAppearance {
    groups[index].appearance ?? Palette.appearance(at: index)
  }

  func legendEntries() -> [LegendEntry] {
    // A single unnamed group needs no legend.
    if groups.count == 1, groups[0].name.isEmpty { return [] }
    return groups.indices.map { index in
      LegendEntry(
        name: groups[index].name, appearance: appearance(index), showsLine: false,
        showsMarker: style == .points, showsBand: false, showsBar: style == .bars)
    }
  }

  /// Smallest and largest showable value, uncertainty end and reference line; bars on a
  /// linear axis also need zero.
  func valueExtent() -> (min: Double, max: Double)? {
    var values: [Double] = []
    for group in groups {
      values += group.values + (group.lower ?? []) + (group.upper ?? [])
    }
    values += referenceLines.filter { $0.orientation == .horizontal }.map(\.value)
    values = values.filter(yAxis.canShow)
    guard !values.isEmpty else { return nil }
    if style == .bars, yAxis.scale == .linear { values.append(0) }
    return (values.min() ?? 0, values.max() ?? 1)
  }

  /// The figure as a standalone SVG document; NaN values are skipped, "no data" when none.
  public func svg() -> String {
    let entries = legendEntries()
    var placement = entries.isEmpty ? LegendPlacement.hidden : legend
    if placement == .automatic {
      let trial = layout(for: .hidden, entries: entries)
      let lines = referenceLines.filter { $0.orientation == .horizontal }
        .compactMap { trial.y.position($0.value) }
      placement =
        LegendDrawing.freeCorner(
          in: trial.chrome.area, entries: entries, avoiding: trial.shapes, verticalLines: [],
          horizontalLines: lines)
        ?? (LegendDrawing.boxSize(entries).width <= width * 0.3 ? .right : .below)
    }
    return render(layout(for: placement, entries: entries), placement: placement, entries: entries)
  }

  struct Layout {
    var chrome: PlotChrome
    var y: ResolvedAxis
    var legendRows: [[LegendEntry]]
    /// Whether category labels are rotated to fit.
    var rotatesLabels: Bool
    /// One entry per group: the bars' outlines (as closed paths) and the points.
    var shapes: [ProjectedSeries]
    /// Bar rectangles per group (nil where the value is not shown).
    var bars: [[PixelRect?]]
    var slotWidth: Double
  }

  func layout(for placement: LegendPlacement, entries: [LegendEntry]) -> Layout {
    let legendRows = placement == .below ? LegendDrawing.rows(entries, maxWidth: width - 60) : []
    let bottomReserve =
      legendRows.isEmpty ? 0 : Double(legendRows.count) * LegendDrawing.rowHeight + 4
    let rightReserve = placement == .right ? LegendDrawing.boxSize(entries).width + 28 : 0
    let widest = categories.map { PlotText.width($0, size: PlotText.tickSize) }.max() ?? 0
    // First pass with horizontal labels, to learn the slot width.
    var chrome = PlotChrome(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yAxis.label,
      bottomReserve: bottomReserve)
    var y = resolveY(chrome)
    chrome.fitHorizontally(
      yTickLabelWidth: PlotChrome.labelWidth(y.visibleTicks.filter(\.isMajor)),
      rightReserve: rightReserve)
    var slot = chrome.area.width / Double(max(1, categories.count))
    let rotates = widest > slot - 8
    if rotates {
      // Rotated 35°: the labels need height for their horizontal extent's sine.
      let labelHeight = min(widest, 160) * 0.574 + PlotText.tickSize
      let area = chrome.area
      chrome = PlotChrome(
        width: width, height: height, title: title, xLabel: xLabel, yLabel: yAxis.label,
        bottomReserve: bottomReserve, xTickLabelHeight: labelHeight)
      chrome.xTickLabelBlock = labelHeight
      chrome.area.left = area.left
      chrome.area.right = area.right
      y = resolveY(chrome)
      slot = chrome.area.width / Double(max(1, categories.count))
    }
    var shapes: [ProjectedSeries] = []
    var bars: [[PixelRect?]] = []
    let groupWidth = slot * 0.8
    let barWidth = groupWidth / Double(max(1, groups.count))
    let base = yAxis.scale == .linear ? (y.position(0) ?? chrome.area.bottom) : chrome.area.bottom
    for (groupIndex, group) in groups.enumerated() {
      var shape = ProjectedSeries()
      var rects: [PixelRect?] = []
      for (category, value) in group.values.enumerated() {
        let center =
          chrome.area.left + (Double(category) + 0.5) * slot - groupWidth / 2
          + (Double(groupIndex) + 0.5) * barWidth
        guard let top = y.position(value) else {
          rects.append(nil)
          continue
        }
        shape.points.append((center, top))
        let rect = PixelRect(
          left: center - barWidth * 0.45, top: min(top, base), right: center + barWidth * 0.45,
          bottom: max(top, base))
        rects.append(rect)
        if style == .bars {
          shape.bands.append([
            (rect.left, rect.top), (rect.right, rect.top), (rect.right, rect.bottom),
            (rect.left, rect.bottom),
          ])
        }
        if let lower = group.lower?[category], let upper = group.upper?[category],
          let high = y.position(upper)
        {
          let low = y.position(lower) ?? (lower.isFinite ? y.start + 10 : nil)
          if let low { shape.errorBars.append((center, low, high)) }
        }
      }
      shapes.append(shape)
      bars.append(rects)
    }
    return Layout(
      chrome: chrome, y: y, legendRows: legendRows, rotatesLabels: rotates, shapes: shapes,
      bars: bars, slotWidth: slot)
  }

  private func resolveY(_ chrome: PlotChrome) -> ResolvedAxis {
    let extent = valueExtent()
    var axis = yAxis
    // Bars grow from zero: when they all point one way, zero is the frame's edge.
    if style == .bars, yAxis.scale == .linear, let extent {
      if yAxis.lower == nil, extent.min >= 0 {
        axis = (try? Axis(label: yAxis.label, lower: 0, upper: yAxis.upper)) ?? yAxis
      } else if yAxis.upper == nil, extent.max <= 0 {
        axis = (try? Axis(label: yAxis.label, lower: yAxis.lower, upper: 0)) ?? yAxis
      }
    }
    return ResolvedAxis(
      axis, extent: extent, start: chrome.area.bottom, end: chrome.area.top,
      labelCapacity: Int(chrome.area.height / 42) + 1)
  }

  func render(_ layout: Layout, placement: LegendPlacement, entries: [LegendEntry]) -> String {
    var document = SVGDocument(width: width, height: height)
    let chrome = layout.chrome
    let area = chrome.area
    document.open("defs")
    chrome.clipPath(id: "plot-area", margin: 0, into: &document)
    chrome.clipPath(id: "plot-area-markers", margin: 7, into: &document)
    document.close("defs")
    chrome.drawGrid(x: nil, y: layout.y, into: &document)
    document.openGroup([("class", "data"), ("clip-path", "url(#plot-area)")])
    if style == .bars {
      for (index, rects) in layout.bars.enumerated() {
        for rect in rects.compactMap({ $0 }) {
          document.rect(
            x: rect.left, y: rect.top, width: rect.width, height: rect.height,
            fill: appearance(index).color,
            extra: [("stroke", "#333333"), ("stroke-width", "0.75")])
        }
      }
    }
    for line in referenceLines where line.orientation == .horizontal {
      guard let py = layout.y.position(line.value) else { continue }
      document.line(area.left, py, area.right, py, stroke: line.color, width: 1.5, dash: "6 4")
    }
    document.close()
    document.openGroup([("class", "markers"), ("clip-path", "url(#plot-area-markers)")])
    for (index, shape) in layout.shapes.enumerated() {
      let look = appearance(index)
      let barColor = style == .bars ? "#222222" : look.color
      for bar in shape.errorBars {
        document.line(bar.x, bar.low, bar.x, bar.high, stroke: barColor, width: 1.5)
        for end in [bar.low, bar.high] {
          document.line(bar.x - 4, end, bar.x + 4, end, stroke: barColor, width: 1.5)
        }
      }
      if style == .points {
        for point in shape.points {
          document.element(
            "path",
            [
              ("d", look.marker.pathData(x: point.x, y: point.y, r: 5)), ("fill", look.color),
              ("stroke", "#ffffff"), ("stroke-width", "1"),
            ])
        }
      }
    }
    document.close()
    chrome.drawAxes(x: nil, y: layout.y, into: &document)
    drawCategoryLabels(layout, into: &document)
    ReferenceLabels.draw(
      referenceLines.filter { $0.orientation == .horizontal }, x: nil, y: layout.y, area: area,
      data: layout.shapes, into: &document)
    chrome.drawLabels(into: &document)
    if layout.shapes.allSatisfy({ $0.points.isEmpty }) { chrome.drawNoData(into: &document) }
    switch placement {
    case .hidden, .automatic: break
    case .right:
      LegendDrawing.drawBox(entries, x: area.right + 16, y: area.top, into: &document)
    case .below:
      let y = height - Double(layout.legendRows.count) * LegendDrawing.rowHeight + 4
      LegendDrawing.drawRows(
        layout.legendRows, centerX: (area.left + area.right) / 2, y: y, into: &document)
    case .topLeft, .topRight, .bottomLeft, .bottomRight:
      let box = LegendDrawing.box(placement, in: area, entries: entries)
      LegendDrawing.drawBox(entries, x: box.left, y: box.top, into: &document)
    }
    return document.rendered(title: title, fontFamily: PlotText.fontFamily)
  }

  func drawCategoryLabels(_ layout: Layout, into document: inout SVGDocument) {
    let area = layout.chrome.area
    for (index, name) in categories.enumerated() {
      let x = area.left + (Double(index) + 0.5) * layout.slotWidth
      document.line(
        x, area.bottom, x, area.bottom + PlotChrome.tickLength, stroke: "#444444", width: 1.2)
      let y = area.bottom + PlotChrome.tickLength + 4 + PlotText.tickSize * 0.85
      if layout.rotatesLabels {
        document.text(
          name, x: x + 4, y: y, size: PlotText.tickSize, anchor: "end", rotate: -35)
      } else {
        document.text(name, x: x, y: y, size: PlotText.tickSize, anchor: "middle")
      }
    }
  }
}
