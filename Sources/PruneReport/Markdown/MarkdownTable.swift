/// A GitHub-flavoured Markdown table with per-column alignment.
///
/// Cells may hold inline Markdown (`**holds**`, `` `code` ``); a `|` in a cell is escaped as
/// `\|` and a line break becomes `<br>`, so no cell can break the table. Columns are padded to a
/// common width so the source reads as a table too.
public struct MarkdownTable: Sendable, Hashable {
  /// How a column's cells line up.
  public enum Alignment: Sendable, Hashable {
    case left, center, right
  }

  /// The header cells.
  public let header: [String]
  /// One alignment per column.
  public let alignments: [Alignment]
  /// The rows; each has one cell per column.
  public private(set) var rows: [[String]]

  /// Creates a table.
  ///
  /// - Parameters:
  ///   - header: Column titles (at least one).
  ///   - alignments: One per column; `nil` aligns every column left.
  ///   - rows: Initial rows.
  /// - Throws: ``PruneReportError/invalidColumns(table:reason:)`` for an empty header or a
  ///   wrong number of alignments,
  ///   ``PruneReportError/rowLengthMismatch(table:row:expected:found:)`` for a row of the wrong
  ///   length.
  public init(header: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) throws {
    if header.isEmpty {
      throw PruneReportError.invalidColumns(table: "markdown", reason: "the header has no columns")
    }
    let alignments = alignments ?? Array(repeating: .left, count: header.count)
    if alignments.count != header.count {
      throw PruneReportError.invalidColumns(
        table: "markdown",
        reason: "\(alignments.count) alignments were given for \(header.count) columns")
    }
    self.header = header
    self.alignments = alignments
    self.rows = []
    for row in rows { try append(row) }
  }

  /// A table showing a ``CSVTable``: numeric columns right-aligned, numbers with `digits`
  /// significant digits (``NumberFormat/significant(_:digits:)``), at most `maxRows` rows.
  public init(_ table: CSVTable, digits: Int = 4, maxRows: Int = .max) throws {
    let numeric = table.columns.indices.map { column in
      table.rows.contains { row in
        switch row[column] {
        case .integer, .number: return true
        default: return false
        }
      }
    }
    try self.init(
      header: table.columns, alignments: numeric.map { $0 ? .right : .left },
      rows: table.rows.prefix(max(0, maxRows)).map { row in
        row.map { cell in
          if case .number(let value) = cell {
            return NumberFormat.significant(value, digits: digits)
          }
          return cell.text
        }
      })
  }

  /// Appends a row.
  ///
  /// - Throws: ``PruneReportError/rowLengthMismatch(table:row:expected:found:)``.
  public mutating func append(_ row: [String]) throws {
    guard row.count == header.count else {
      throw PruneReportError.rowLengthMismatch(
        table: "markdown", row: rows.count + 1, expected: header.count, found: row.count)
    }
    rows.append(row)
  }

  /// Escapes `text` for one table cell: `|` becomes `\|` (unless already escaped), line breaks
  /// become `<br>`, surrounding spaces are dropped.
  public static func escapedCell(_ text: String) -> String {
    var output = ""
    var previous: Character?
    for character in text {
      if character == "|", previous != "\\" {
        output += "\\|"
      } else if character.isNewline {
        output += "<br>"
      } else {
        output.append(character)
      }
      previous = character
    }
    return String(output.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  /// The table's Markdown source, one line per row, ending with a line break.
  public var markdown: String {
    let escapedHeader = header.map(MarkdownTable.escapedCell)
    let escapedRows = rows.map { $0.map(MarkdownTable.escapedCell) }
    var widths = escapedHeader.map { max(3, $0.count) }
    for row in escapedRows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return alignments[column] == .right ? padding + cell : cell + padding
      }
      return "| " + padded.joined(separator: " | ") + " |\n"
    }
    let rule = alignments.enumerated().map { column, alignment -> String in
      let dashes = String(repeating: "-", count: widths[column] - 2)
      switch alignment {
      case .left: return ":" + dashes + "-"
      case .center: return ":" + dashes + ":"
      case .right: return "-" + dashes + ":"
      }
    }
    var text = line(escapedHeader)
    text += "| " + rule.joined(separator: " | ") + " |\n"
    for row in escapedRows { text += line(row) }
    return text
  }
}
