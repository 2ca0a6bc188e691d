#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A point in SVG pixels.
typealias PixelPoint = (x: Double, y: Double)

/// One series mapped to pixels: what to draw, and what a legend must not cover.
struct ProjectedSeries {
  /// Runs of consecutive showable points; a line is drawn per run (gaps stay gaps).
  var runs: [[PixelPoint]] = []
  /// Every showable point.
  var points: [PixelPoint] = []
  /// Closed outlines of the uncertainty band, one per run.
  var bands: [[PixelPoint]] = []
  /// Vertical error bars: x, and the pixel ends.
  var errorBars: [(x: Double, low: Double, high: Double)] = []

  /// Nothing drawn yet (bars fill `bands` with their outlines).
  init() {}

  /// Maps `series` onto the resolved axes.
  init(_ series: PlotSeries, x: ResolvedAxis, y: ResolvedAxis) {
    var run: [PixelPoint] = []
    for index in series.x.indices {
      if let px = x.position(series.x[index]), let py = y.position(series.y[index]) {
        run.append((px, py))
        points.append((px, py))
      } else if !run.isEmpty {
        runs.append(run)
        run = []
      }
    }
    if !run.isEmpty { runs.append(run) }
    if series.style == .steps {
      runs = runs.map(ProjectedSeries.staircase)
    }
    guard let lower = series.lower, let upper = series.upper else { return }
    switch series.uncertaintyStyle {
    case .band:
      var top: [PixelPoint] = []
      var bottom: [PixelPoint] = []
      func flush() {
        if top.count >= 2 { bands.append(top + bottom.reversed()) }
        top = []
        bottom = []
      }
      for index in series.x.indices {
        if let px = x.position(series.x[index]), let high = y.position(upper[index]),
          let low = y.position(lower[index])
        {
          top.append((px, high))
          bottom.append((px, low))
        } else {
          flush()
        }
      }
      flush()
    case .errorBars:
      for index in series.x.indices {
        guard let px = x.position(series.x[index]), y.position(series.y[index]) != nil else {
          continue
        }
        // A lower end a log axis cannot show (<= 0) runs to the bottom edge.
        let low = y.position(lower[index]) ?? (lower[index].isFinite ? y.start + 10 : nil)
        guard let low, let high = y.position(upper[index]) else { continue }
        errorBars.append((px, low, high))
      }
    }
  }

  /// The run as a staircase: a horizontal then a vertical segment between neighbours.
  static func staircase(_ run: [PixelPoint]) -> [PixelPoint] {
    guard run.count >= 2 else { return run }
    var stairs: [PixelPoint] = [run[0]]
    stairs.reserveCapacity(2 * run.count)
    for index in 1..<run.count {
      stairs.append((run[index].x, run[index - 1].y))
      stairs.append(run[index])
    }
    return stairs
  }

  /// Whether anything of this series touches `rect` (markers count with radius `markerRadius`).
  func touches(_ rect: PixelRect, markerRadius: Double) -> Bool {
    let grown = rect.insetBy(-markerRadius)
    if points.contains(where: grown.contains) { return true }
    for run in runs where run.count >= 2 {
      for index in 1..<run.count where rect.intersects(run[index - 1], run[index]) {
        return true
      }
    }
    for bar in errorBars where rect.intersects((bar.x, bar.low), (bar.x, bar.high)) {
      return true
    }
    for band in bands {
      for index in band.indices {
        let next = band[(index + 1) % band.count]
        if rect.intersects(band[index], next) { return true }
      }
      let corners: [PixelPoint] = [(rect.left, rect.top), (rect.right, rect.bottom)]
      if corners.contains(where: { ProjectedSeries.polygon(band, contains: $0) }) { return true }
    }
    return false
  }

  /// Even-odd point-in-polygon test.
  static func polygon(_ polygon: [PixelPoint], contains point: PixelPoint) -> Bool {
    var inside = false
    var previous = polygon.count - 1
    for current in polygon.indices {
      let a = polygon[current]
      let b = polygon[previous]
      if (a.y > point.y) != (b.y > point.y),
        point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x
      {
        inside.toggle()
      }
      previous = current
    }
    return inside
  }

  /// Indices of the points that get a marker: all of them up to 30 points; otherwise about 15,
  /// spaced evenly along the drawn path in pixels (so a log axis does not crowd them), and
  /// shifted per series so markers of different series do not coincide.
  static func markerIndices(points: [PixelPoint], seriesIndex: Int, seriesCount: Int) -> [Int] {
    guard points.count > 30 else { return Array(points.indices) }
    var length = 0.0
    for index in 1..<points.count {
      length += hypot(points[index].x - points[index - 1].x, points[index].y - points[index - 1].y)
    }
    let spacing = length / 15
    guard spacing > 0 else { return [0] }
    var indices: [Int] = []
    var travelled = spacing * Double(seriesIndex) / Double(max(1, seriesCount)) - spacing / 2
    var next = 0.0
    for index in points.indices {
      if index > 0 {
        travelled += hypot(
          points[index].x - points[index - 1].x, points[index].y - points[index - 1].y)
      }
      if travelled >= next {
        indices.append(index)
        next = travelled + spacing
      }
    }
    return indices
  }
}
