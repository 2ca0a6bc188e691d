/// Colours, dash patterns and marker shapes that stay distinguishable for colour-blind readers
/// and in greyscale print: the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008)
/// plus a distinct dash pattern and marker per series as a second cue.
public enum Palette {
  /// Okabe-Ito colours, strongest contrast on white first (yellow, weakest, last).
  public static let okabeIto: [String] = [
    "#0072B2",  // blue
    "#D55E00",  // vermillion
    "#009E73",  // bluish green
    "#CC79A7",  // reddish purple
    "#E69F00",  // orange
    "#56B4E9",  // sky blue
    "#000000",  // black
    "#F0E442",  // yellow
  ]

  /// Dash patterns (`stroke-dasharray`), `nil` for solid.
  public static let dashPatterns: [String?] = [
    nil, "9 4", "2.5 3", "10 3 2.5 3", "5 5", "14 3 2.5 3 2.5 3", "1.5 5", "7 2",
  ]

  /// The appearance of the `index`-th series: colour, dash and marker all cycle together.
  public static func appearance(at index: Int) -> SeriesAppearance {
    let i = max(0, index)
    return SeriesAppearance(
      color: okabeIto[i % okabeIto.count], dash: dashPatterns[i % dashPatterns.count],
      marker: MarkerShape.allCases[i % MarkerShape.allCases.count])
  }
}

/// How one series is drawn.
public struct SeriesAppearance: Sendable, Hashable {
  /// An SVG colour such as `#0072B2`.
  public var color: String
  /// A `stroke-dasharray`, `nil` for a solid line.
  public var dash: String?
  public var marker: MarkerShape

  public init(color: String, dash: String? = nil, marker: MarkerShape = .circle) {
    self.color = color
    self.dash = dash
    self.marker = marker
  }
}

/// Marker shapes, each recognisable without colour.
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
  case circle, square, triangleUp, diamond, triangleDown, cross, plus, pentagon

  /// SVG path data for the marker centred at (x, y) with "radius" r.
  func pathData(x: Double, y: Double, r: Double) -> String {
    func point(_ dx: Double, _ dy: Double) -> (x: Double, y: Double) { (x + dx * r, y + dy * r) }
    switch self {
    case .circle:
      let n = SVGDocument.number
      return "M\(n(x - r)) \(n(y)) A\(n(r)) \(n(r)) 0 1 0 \(n(x + r)) \(n(y)) "
        + "A\(n(r)) \(n(r)) 0 1 0 \(n(x - r)) \(n(y)) Z"
    case .square:
      let s = 0.88
      return SVGDocument.pathData(
        [point(-s, -s), point(s, -s), point(s, s), point(-s, s)], closed: true)
    case .triangleUp:
      return SVGDocument.pathData(
        [point(0, -1.2), point(1.1, 0.8), point(-1.1, 0.8)], closed: true)
    case .triangleDown:
      return SVGDocument.pathData(
        [point(0, 1.2), point(1.1, -0.8), point(-1.1, -0.8)], closed: true)
    case .diamond:
      return SVGDocument.pathData(
        [point(0, -1.25), point(1, 0), point(0, 1.25), point(-1, 0)], closed: true)
    case .cross:
      let a = 0.35
      let b = 1.0
      return SVGDocument.pathData(
        [
          point(-b, -b + a), point(-b + a, -b), point(0, -a), point(b - a, -b), point(b, -b + a),
          point(a, 0), point(b, b - a), point(b - a, b), point(0, a), point(-b + a, b),
          point(-b, b - a), point(-a, 0),
        ], closed: true)
    case .plus:
      let a = 0.3
      let b = 1.15
      return SVGDocument.pathData(
        [
          point(-a, -b), point(a, -b), point(a, -a), point(b, -a), point(b, a), point(a, a),
          point(a, b), point(-a, b), point(-a, a), point(-b, a), point(-b, -a), point(-a, -a),
        ], closed: true)
    case .pentagon:
      let corners: [(Double, Double)] = [
        (0, -1.15), (1.09, -0.36), (0.68, 0.93), (-0.68, 0.93), (-1.09, -0.36),
      ]
      return SVGDocument.pathData(corners.map { point($0.0, $0.1) }, closed: true)
    }
  }
}
