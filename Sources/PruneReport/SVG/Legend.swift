/// Where a plot's legend goes. The legend never covers data unless an inside corner is chosen
/// explicitly.
public enum LegendPlacement: Sendable, Hashable {
  /// An inside corner that no data, band, error bar or reference line touches; otherwise to the
  /// right of the plot (short names) or below it (long names).
  case automatic
  /// Outside, to the right of the plot area.
  case right
  /// Outside, under the x-axis label, in as many columns as fit.
  case below
  /// Inside the named corner of the plot area, whatever is underneath.
  case topLeft, topRight, bottomLeft, bottomRight
  /// No legend.
  case hidden
}

/// One legend row: the series' name and a sample of how it is drawn.
struct LegendEntry {
  var name: String
  var appearance: SeriesAppearance
  var showsLine: Bool
  var showsMarker: Bool
  var showsBand: Bool
  var showsBar: Bool = false
}

/// Measures and draws a legend as a vertical list (in a box) or as rows (below the plot).
enum LegendDrawing {
  static let rowHeight = 22.0
  static let sampleWidth = 34.0
  static let padding = 10.0
  static let gap = 8.0
  static let itemSpacing = 22.0

  /// Width and height of the boxed vertical list.
  static func boxSize(_ entries: [LegendEntry]) -> (width: Double, height: Double) {
    let textWidth =
      entries.map { PlotText.width($0.name, size: PlotText.legendSize) }.max() ?? 0
    return (
      2 * padding + sampleWidth + gap + textWidth,
      2 * padding + Double(entries.count) * rowHeight - 4
    )
  }

  /// The entries split into rows no wider than `maxWidth`, for the legend below the plot.
  static func rows(_ entries: [LegendEntry], maxWidth: Double) -> [[LegendEntry]] {
    var rows: [[LegendEntry]] = []
    var current: [LegendEntry] = []
    var used = 0.0
    for entry in entries {
      let width = itemWidth(entry)
      if !current.isEmpty, used + itemSpacing + width > maxWidth {
        rows.append(current)
        current = []
        used = 0
      }
      used += (current.isEmpty ? 0 : itemSpacing) + width
      current.append(entry)
    }
    if !current.isEmpty { rows.append(current) }
    return rows
  }

  static func itemWidth(_ entry: LegendEntry) -> Double {
    sampleWidth + gap + PlotText.width(entry.name, size: PlotText.legendSize)
  }

  /// Draws the boxed list with its top-left corner at (x, y).
  static func drawBox(
    _ entries: [LegendEntry], x: Double, y: Double, into document: inout SVGDocument
  ) {
    let size = boxSize(entries)
    document.openGroup([("class", "legend")])
    document.rect(
      x: x, y: y, width: size.width, height: size.height, fill: "#ffffff",
      extra: [("fill-opacity", "0.92"), ("stroke", "#bbbbbb"), ("stroke-width", "1")])
    for (index, entry) in entries.enumerated() {
      let rowY = y + padding + Double(index) * rowHeight + rowHeight / 2 - 2
      drawEntry(entry, x: x + padding, centerY: rowY, into: &document)
    }
    document.close()
  }

  /// Draws rows of entries centred on `centerX`, the first row's centre line at `y`.
  static func drawRows(
    _ rows: [[LegendEntry]], centerX: Double, y: Double, into document: inout SVGDocument
  ) {
    document.openGroup([("class", "legend")])
    for (rowIndex, row) in rows.enumerated() {
      let total =
        row.map(itemWidth).reduce(0, +) + itemSpacing * Double(max(0, row.count - 1))
      var x = centerX - total / 2
      for entry in row {
        drawEntry(entry, x: x, centerY: y + Double(rowIndex) * rowHeight, into: &document)
        x += itemWidth(entry) + itemSpacing
      }
    }
    document.close()
  }

  static func drawEntry(
    _ entry: LegendEntry, x: Double, centerY: Double, into document: inout SVGDocument
  ) {
    let color = entry.appearance.color
    if entry.showsBand {
      document.rect(
        x: x, y: centerY - 7, width: sampleWidth, height: 14, fill: color,
        extra: [("fill-opacity", "0.2")])
    }
    if entry.showsBar {
      document.rect(
        x: x + 6, y: centerY - 7, width: sampleWidth - 12, height: 14, fill: color,
        extra: [("stroke", "#333333"), ("stroke-width", "0.75")])
    }
    if entry.showsLine {
      document.line(
        x, centerY, x + sampleWidth, centerY, stroke: color, width: 2.5,
        dash: entry.appearance.dash)
    }
    if entry.showsMarker {
      document.element(
        "path",
        [
          ("d", entry.appearance.marker.pathData(x: x + sampleWidth / 2, y: centerY, r: 4.5)),
          ("fill", color), ("stroke", "#ffffff"), ("stroke-width", "1"),
        ])
    }
    document.text(
      entry.name, x: x + sampleWidth + gap, y: centerY + PlotText.legendSize * 0.35,
      size: PlotText.legendSize)
  }

  /// The legend's box in an inside corner of `area`.
  static func box(_ corner: LegendPlacement, in area: PixelRect, entries: [LegendEntry])
    -> PixelRect
  {
    let size = boxSize(entries)
    let inset = 10.0
    let isLeft = corner == .topLeft || corner == .bottomLeft
    let isTop = corner == .topLeft || corner == .topRight
    let left = isLeft ? area.left + inset : area.right - inset - size.width
    let top = isTop ? area.top + inset : area.bottom - inset - size.height
    return PixelRect(left: left, top: top, right: left + size.width, bottom: top + size.height)
  }

  /// The first inside corner (top right, top left, bottom right, bottom left) whose box, with
  /// 8 px to spare, touches no drawn data and no reference line (nor its label above it).
  static func freeCorner(
    in area: PixelRect, entries: [LegendEntry], avoiding data: [ProjectedSeries],
    verticalLines: [Double], horizontalLines: [Double]
  ) -> LegendPlacement? {
    for corner in [LegendPlacement.topRight, .topLeft, .bottomRight, .bottomLeft] {
      let box = box(corner, in: area, entries: entries).insetBy(-8)
      if data.contains(where: { $0.touches(box, markerRadius: 5) }) { continue }
      if verticalLines.contains(where: { $0 >= box.left && $0 <= box.right }) { continue }
      if horizontalLines.contains(where: { $0 >= box.top - 16 && $0 <= box.bottom }) { continue }
      return corner
    }
    return nil
  }
}
