/// Small Markdown helpers for the generated pages.
enum MarkdownText {
  /// A cell safe inside a pipe table: `|` escaped, line breaks turned into spaces.
  static func cell(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "|": out += "\\|"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }

  /// A pipe table with a header row.
  static func table(header: [String], rows: [[String]]) -> String {
    var lines: [String] = []
    lines.reserveCapacity(rows.count + 2)
    lines.append("| " + header.map(cell).joined(separator: " | ") + " |")
    lines.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
    for row in rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The anchor a claim's section carries (`BLS-1` -> `bls-1`).
  static func anchor(forClaim id: String) -> String { id.lowercased() }
}
