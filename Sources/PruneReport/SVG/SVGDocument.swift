/// A minimal SVG writer: elements appended as text, coordinates printed with a fixed number of
/// decimals, text escaped, so the same drawing calls always give the same bytes.
struct SVGDocument {
  let width: Double
  let height: Double
  private(set) var body: [String] = []
  private var depth = 1

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// A coordinate or length: two decimals, trailing zeros dropped, no negative zero.
  static func number(_ value: Double) -> String {
    NumberFormat.trimmed(NumberFormat.fixed(value, decimals: 2))
  }

  /// Escapes `&`, `<`, `>`, `"` and `'` for text content and attribute values.
  static func escaped(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.append(character)
      }
    }
    return output
  }

  private static func attributes(_ pairs: [(String, String)]) -> String {
    pairs.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
  }

  private mutating func append(_ line: String) {
    body.append(String(repeating: "  ", count: depth) + line)
  }

  /// Opens `<g ...>`; close it with ``close(_:)``.
  mutating func openGroup(_ pairs: [(String, String)] = []) {
    open("g", pairs)
  }

  /// Opens `<name ...>`; close it with `close(name)`.
  mutating func open(_ name: String, _ pairs: [(String, String)] = []) {
    append("<" + name + SVGDocument.attributes(pairs) + ">")
    depth += 1
  }

  mutating func close(_ tag: String = "g") {
    depth -= 1
    append("</\(tag)>")
  }

  /// Appends a self-closing element.
  mutating func element(_ name: String, _ pairs: [(String, String)]) {
    append("<" + name + SVGDocument.attributes(pairs) + "/>")
  }

  /// Appends a raw element that has children given as preformatted text (already escaped).
  mutating func element(_ name: String, _ pairs: [(String, String)], content: String) {
    append("<" + name + SVGDocument.attributes(pairs) + ">" + content + "</" + name + ">")
  }

  mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double,
    dash: String? = nil, extra: [(String, String)] = []
  ) {
    var pairs: [(String, String)] = [
      ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
      ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width)),
    ]
    if let dash { pairs.append(("stroke-dasharray", dash)) }
    element("line", pairs + extra)
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String,
    extra: [(String, String)] = []
  ) {
    element(
      "rect",
      [
        ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(width)),
        ("height", Self.number(height)), ("fill", fill),
      ] + extra)
  }

  /// `M x y L x y ...` for a run of points.
  static func pathData(_ points: [(x: Double, y: Double)], closed: Bool = false) -> String {
    var parts: [String] = []
    parts.reserveCapacity(points.count)
    for (index, point) in points.enumerated() {
      parts.append((index == 0 ? "M" : "L") + number(point.x) + " " + number(point.y))
    }
    return parts.joined(separator: " ") + (closed ? " Z" : "")
  }

  /// Appends text; `content` is plain text (escaped here) unless `isMarkup`.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double, anchor: String = "start",
    weight: String? = nil, rotate: Double? = nil, fill: String = "#222222",
    isMarkup: Bool = false, halo: Bool = false
  ) {
    var pairs: [(String, String)] = [
      ("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)),
    ]
    if anchor != "start" { pairs.append(("text-anchor", anchor)) }
    if let weight { pairs.append(("font-weight", weight)) }
    if let rotate {
      pairs.append(
        ("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))"))
    }
    pairs.append(("fill", fill))
    if halo {
      pairs += [
        ("stroke", "#ffffff"), ("stroke-width", "4"), ("stroke-linejoin", "round"),
        ("paint-order", "stroke"),
      ]
    }
    element("text", pairs, content: isMarkup ? content : Self.escaped(content))
  }

  /// The complete document: XML declaration, `<svg>` with a white background, the body.
  func rendered(title: String, fontFamily: String) -> String {
    let w = Self.number(width)
    let h = Self.number(height)
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" "
        + "viewBox=\"0 0 \(w) \(h)\" font-family=\"\(Self.escaped(fontFamily))\">",
      "  <title>\(Self.escaped(title))</title>",
      "  <rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>",
    ]
    lines += body
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }
}
