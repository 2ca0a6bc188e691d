/// Font sizes, the width estimate behind every layout decision, and line wrapping.
///
/// Sizes are in SVG px for an 800-px-wide figure, so text stays at least 13 px tall when the
/// file is rasterised at 800 px (readable on screen and in print).
enum PlotText {
  static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
  static let titleSize = 20.0
  static let labelSize = 16.0
  static let tickSize = 14.0
  static let legendSize = 14.0
  static let noteSize = 13.0

  /// Estimated advance width of `text` in a DejaVu-Sans-like font (per-character classes, in em).
  static func width(_ text: String, size: Double) -> Double {
    var ems = 0.0
    for character in text {
      switch character {
      case "i", "l", "j", "'", "|", ".", ",", ":", ";", "!", "I": ems += 0.3
      case "f", "t", "r", " ", "(", ")", "[", "]", "-": ems += 0.4
      case "m", "w", "M", "W", "×", "—", "%": ems += 0.9
      case "0"..."9": ems += 0.64
      default:
        ems += character.isUppercase ? 0.72 : 0.6
      }
    }
    return ems * size
  }

  /// Splits `text` at spaces into lines no wider than `maxWidth` (a single long word stays whole).
  static func wrapped(_ text: String, maxWidth: Double, size: Double) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if width(candidate, size: size) <= maxWidth || current.isEmpty {
        current = candidate
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// A tick label with a true minus sign (U+2212), as typeset mathematics has it.
  static func typesetMinus(_ label: String) -> String {
    label.hasPrefix("-") ? "\u{2212}" + label.dropFirst() : label
  }
}

/// A rectangle in SVG pixels (y grows downwards).
struct PixelRect: Equatable {
  var left: Double
  var top: Double
  var right: Double
  var bottom: Double

  var width: Double { right - left }
  var height: Double { bottom - top }

  func contains(_ point: (x: Double, y: Double)) -> Bool {
    point.x >= left && point.x <= right && point.y >= top && point.y <= bottom
  }

  func insetBy(_ amount: Double) -> PixelRect {
    PixelRect(
      left: left + amount, top: top + amount, right: right - amount, bottom: bottom - amount)
  }

  /// Whether the segment from `a` to `b` touches the rectangle (Liang-Barsky clipping).
  func intersects(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Bool {
    let dx = b.x - a.x
    let dy = b.y - a.y
    var t0 = 0.0
    var t1 = 1.0
    for (p, q) in [(-dx, a.x - left), (dx, right - a.x), (-dy, a.y - top), (dy, bottom - a.y)] {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return false }
      }
    }
    return true
  }
}
