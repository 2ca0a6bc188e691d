/// Everything around the data: the plot area's place in the figure, title, grid, frame, ticks
/// and axis labels. Shared by ``XYPlot`` and ``CategoryPlot``.
struct PlotChrome {
  let width: Double
  let height: Double
  let titleLines: [String]
  let xLabel: String
  let yLabel: String
  /// Where the data goes.
  var area: PixelRect

  static let tickLength = 6.0
  static let minorTickLength = 3.5

  /// Lays out the vertical parts; the left and right edges are set by ``fitHorizontally``.
  ///
  /// - Parameters:
  ///   - bottomReserve: Extra height under the x-axis label (a legend below the plot).
  ///   - xTickLabelHeight: Height of the x tick labels (more when they are rotated).
  init(
    width: Double, height: Double, title: String, xLabel: String, yLabel: String,
    bottomReserve: Double, xTickLabelHeight: Double = PlotText.tickSize
  ) {
    self.width = width
    self.height = height
    self.titleLines =
      title.isEmpty
      ? [] : PlotText.wrapped(title, maxWidth: width - 48, size: PlotText.titleSize * 1.15)
    self.xLabel = xLabel
    self.yLabel = yLabel
    let top =
      titleLines.isEmpty ? 18 : 14 + Double(titleLines.count) * PlotText.titleSize * 1.25 + 10
    let labelBlock = xLabel.isEmpty ? 0 : PlotText.labelSize + 10
    let bottom =
      height - (Self.tickLength + 6 + xTickLabelHeight + 8 + labelBlock + 8 + bottomReserve)
    area = PixelRect(left: 0, top: top, right: width, bottom: max(top + 40, bottom))
  }

  /// Sets the left edge from the widest y tick label and the right edge from `rightReserve`.
  mutating func fitHorizontally(yTickLabelWidth: Double, rightReserve: Double) {
    let labelBlock = yLabel.isEmpty ? 0 : PlotText.labelSize + 12
    area.left = 12 + labelBlock + yTickLabelWidth + Self.tickLength + 6
    area.right = width - max(24, rightReserve)
    if area.right < area.left + 40 { area.right = area.left + 40 }
  }

  /// The widest label among `ticks` (0 when there are none).
  static func labelWidth(_ ticks: [AxisTick]) -> Double {
    ticks.map { PlotText.width(PlotText.typesetMinus($0.label), size: PlotText.tickSize) }.max()
      ?? 0
  }

  /// The title (centred over the plot area) and the axis labels.
  func drawLabels(into document: inout SVGDocument) {
    let centerX = (area.left + area.right) / 2
    // Centred over the plot area when every line fits there, else over the figure.
    let fitsOverArea = titleLines.allSatisfy {
      PlotText.width($0, size: PlotText.titleSize * 1.15) <= area.width
    }
    for (index, line) in titleLines.enumerated() {
      document.text(
        line, x: fitsOverArea ? centerX : width / 2,
        y: 14 + PlotText.titleSize + Double(index) * PlotText.titleSize * 1.25,
        size: PlotText.titleSize, anchor: "middle", weight: "bold")
    }
    if !xLabel.isEmpty {
      let y =
        area.bottom + Self.tickLength + 6 + xTickLabelBlock + 8 + PlotText.labelSize * 0.8
      document.text(xLabel, x: centerX, y: y, size: PlotText.labelSize, anchor: "middle")
    }
    if !yLabel.isEmpty {
      let x = 12 + PlotText.labelSize * 0.8
      let y = (area.top + area.bottom) / 2
      document.text(yLabel, x: x, y: y, size: PlotText.labelSize, anchor: "middle", rotate: -90)
    }
  }

  /// Height taken by x tick labels (set by the plot when it rotates them).
  var xTickLabelBlock: Double = PlotText.tickSize

  /// Light grid lines at the labelled ticks of the given axes, drawn first.
  func drawGrid(x: ResolvedAxis?, y: ResolvedAxis, into document: inout SVGDocument) {
    document.openGroup([("class", "grid"), ("stroke", "#e6e6e6"), ("stroke-width", "1")])
    for tick in y.visibleTicks {
      guard let position = y.position(tick.value) else { continue }
      let color = tick.isMajor ? "#e3e3e3" : "#f2f2f2"
      document.line(area.left, position, area.right, position, stroke: color, width: 1)
    }
    if let x {
      for tick in x.visibleTicks {
        guard let position = x.position(tick.value) else { continue }
        let color = tick.isMajor ? "#e3e3e3" : "#f2f2f2"
        document.line(position, area.top, position, area.bottom, stroke: color, width: 1)
      }
    }
    document.close()
  }

  /// The frame, the tick marks and the tick labels.
  func drawAxes(x: ResolvedAxis?, y: ResolvedAxis, into document: inout SVGDocument) {
    document.openGroup([("class", "axes")])
    document.rect(
      x: area.left, y: area.top, width: area.width, height: area.height, fill: "none",
      extra: [("stroke", "#444444"), ("stroke-width", "1.2")])
    for tick in y.visibleTicks {
      guard let position = y.position(tick.value) else { continue }
      let length = tick.isMajor ? Self.tickLength : Self.minorTickLength
      document.line(
        area.left - length, position, area.left, position, stroke: "#444444", width: 1.2)
      if tick.isMajor {
        document.text(
          PlotText.typesetMinus(tick.label), x: area.left - Self.tickLength - 4,
          y: position + PlotText.tickSize * 0.35, size: PlotText.tickSize, anchor: "end")
      }
    }
    if let x {
      for tick in x.visibleTicks {
        guard let position = x.position(tick.value) else { continue }
        let length = tick.isMajor ? Self.tickLength : Self.minorTickLength
        document.line(
          position, area.bottom, position, area.bottom + length, stroke: "#444444", width: 1.2)
        if tick.isMajor {
          document.text(
            PlotText.typesetMinus(tick.label), x: position,
            y: area.bottom + Self.tickLength + 4 + PlotText.tickSize * 0.85,
            size: PlotText.tickSize, anchor: "middle")
        }
      }
    }
    document.close()
  }

  /// "no data" in the middle of an empty plot area.
  func drawNoData(into document: inout SVGDocument) {
    document.text(
      "no data", x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2,
      size: PlotText.labelSize, anchor: "middle", fill: "#777777")
  }

  /// A `<clipPath>` for the plot area, grown by `margin` px (markers at the edge stay whole).
  func clipPath(id: String, margin: Double, into document: inout SVGDocument) {
    let rect = area.insetBy(-margin)
    document.open("clipPath", [("id", id)])
    document.rect(
      x: rect.left, y: rect.top, width: rect.width, height: rect.height, fill: "#ffffff")
    document.close("clipPath")
  }
}
