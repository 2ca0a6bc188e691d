/// Tidy CSV text for already-formatted cells (RFC 4180 quoting), and its reader.
///
/// Cells that hold a comma, a quote or a line break are quoted, quotes doubled; lines end in
/// `\n`. The reader accepts exactly what the writer produces (used for `verdicts.csv`).
enum CSVText {
  static func render(header: [String], rows: [[String]]) -> String {
    var text = line(header)
    for row in rows { text += line(row) }
    return text
  }

  static func line(_ cells: [String]) -> String {
    cells.map(quoted).joined(separator: ",") + "\n"
  }

  static func quoted(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return cell
    }
    var out = "\""
    for character in cell {
      if character == "\"" { out += "\"\"" } else { out.append(character) }
    }
    return out + "\""
  }

  /// Parses CSV text into rows of cells (the header is the first row).
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var isQuoted = false
    var characters = text.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? characters.next() {
      pending = nil
      if isQuoted {
        if character == "\"" {
          let following = characters.next()
          if following == "\"" { cell.append("\"") } else {
            isQuoted = false
            pending = following
          }
        } else {
          cell.append(character)
        }
        continue
      }
      switch character {
      case "\"": isQuoted = true
      case ",":
        row.append(cell)
        cell = ""
      case "\n", "\r\n":
        row.append(cell)
        rows.append(row)
        row = []
        cell = ""
      default: cell.append(character)
      }
    }
    if !cell.isEmpty || !row.isEmpty {
      row.append(cell)
      rows.append(row)
    }
    return rows
  }
}
